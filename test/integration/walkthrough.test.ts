// The Getting Started walkthrough in a real VS Code: it is contributed with its six steps, every
// button of every step runs a command that exists, and the steps' own commands open what they
// talk about (the garbled sample with its diagnostics, the hover of 近1000億元).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, countByCode, waitFor, zhlensDiagnostics } from './garbleSupport';

interface Step { id: string; title: string; description: string; media: { markdown?: string }; completionEvents: string[] }

async function readJson(relative: string): Promise<Record<string, string>> {
  const base = vscode.extensions.getExtension('zhlens.zhlens')!.extensionUri;
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(base, relative))));
}

suite('Getting Started walkthrough', () => {
  suiteSetup(() => vscode.extensions.getExtension('zhlens.zhlens')?.activate());
  teardown(closeAllEditors);

  test('six steps, detect to notes, each with media, and every button a command that exists', async () => {
    const ext = vscode.extensions.getExtension('zhlens.zhlens')!;
    // The manifest as written, with its %keys% (packageJSON comes already translated).
    const manifest = (await readJson('package.json')) as unknown as { contributes: { walkthroughs: Array<{ id: string; steps: Step[] }> } };
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['detect', 'preview', 'fix', 'figures', 'outline', 'notes']);
    const commands = new Set(await vscode.commands.getCommands(false));
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
      const nls = await readJson(file);
      for (const step of walkthrough.steps) {
        const description = nls[step.description.replace(/%/g, '')];
        assert.ok(description, `${file}: ${step.id} has no description`);
        const links = [...description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
        assert.ok(links.length > 0, `${file}: ${step.id} opens nothing`);
        for (const id of links) assert.ok(commands.has(id), `${file}: ${step.id} links to ${id}, which is no command`);
      }
    }
    for (const step of walkthrough.steps) {
      const media = await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, step.media.markdown!));
      assert.ok(media.size > 0, step.id);
    }
  });

  test('"Open the garbled sample" opens the article, and zhlens marks it at once', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('zhlens.walkthrough.openSample', 'garbled');
    const { document } = vscode.window.activeTextEditor!;
    assert.equal(document.uri.scheme, 'untitled');
    assert.ok(editor);
    const diagnostics = await waitFor('zhlens diagnostics', () => {
      const d = zhlensDiagnostics(document.uri);
      return d.length ? d : undefined;
    });
    assert.deepEqual(countByCode(diagnostics), { 'misaligned-gbk': 7, 'pinyin-annotation': 450 });
  });

  test('"Show the hover of 近1000億元" puts the cursor in the figure', async () => {
    await vscode.commands.executeCommand('zhlens.walkthrough.showFigure');
    const editor = vscode.window.activeTextEditor!;
    const offset = editor.document.offsetAt(editor.selection.active);
    assert.equal(editor.document.getText().slice(offset - 1, offset + 6), '近1000億元');
  });
});
