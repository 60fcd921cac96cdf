// zhlens speaks English and 简体中文 (and 繁體中文 in its contributions): every runtime message
// has a zh-cn translation, and every %key% of package.json has an entry in each package.nls file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

async function readJson(base: vscode.Uri, relative: string): Promise<Record<string, string>> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(base, relative))));
}

suite('translations of the garbling feature', () => {
  const ext = () => vscode.extensions.getExtension('zhlens.zhlens')!;

  test('every vscode.l10n.t message in src/extension has a zh-cn translation, and none is unused', async () => {
    const base = ext().extensionUri;
    const messages = new Set<string>();
    // The editor layer is one folder per feature: every file below src/extension.
    const visit = async (dir: vscode.Uri): Promise<void> => {
      for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
        const uri = vscode.Uri.joinPath(dir, name);
        if (type === vscode.FileType.Directory) await visit(uri);
        if (!name.endsWith('.ts')) continue;
        const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        for (const m of source.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) messages.add(m[2].replace(/\\(['"\\])/g, '$1'));
      }
    };
    await visit(vscode.Uri.joinPath(base, 'src/extension'));
    assert.ok(messages.size > 50, `the messages of every feature folder are read (${messages.size})`);
    const bundle = await readJson(base, 'l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual([...messages].filter((m) => !(m in bundle)), [], 'untranslated');
    assert.deepEqual(Object.keys(bundle).filter((k) => !messages.has(k)), [], 'translated but unused');
  });

  test('every %key% in package.json is in package.nls.json, .zh-cn and .zh-tw', async () => {
    const base = ext().extensionUri;
    const manifest = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(base, 'package.json')));
    const keys = [...new Set([...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]))];
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
      const nls = await readJson(base, file);
      assert.deepEqual(keys.filter((k) => !(k in nls)), [], `missing in ${file}`);
    }
  });
});
