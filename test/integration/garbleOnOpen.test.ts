// The garbling feature as a reader meets it: open the Yizhuang article (a real crawled article,
// garbled by a GBK round trip and a pinyin annotator) and zhlens marks every span; Fix all
// repairs it byte for byte in one undoable edit; a clean article and a binary file stay quiet.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, countByCode, readUtf8, waitFor, withoutAutoSave, workspaceFile, zhlensDiagnostics } from './garbleSupport';

const ARTICLE = 'yizhuang-article/garbled.txt';

suite('garbled text in the editor', () => {
  let restoreAutoSave: () => Promise<void>;
  suiteSetup(async () => {
    await vscode.extensions.getExtension('zhlens.zhlens')?.activate();
    restoreAutoSave = await withoutAutoSave();
  });
  teardown(closeAllEditors);
  suiteTeardown(() => restoreAutoSave());

  test('opening the Yizhuang article marks 7 misaligned GBK runs and 450 pinyin annotations', async () => {
    const uri = workspaceFile(ARTICLE);
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitFor('zhlens diagnostics', () => {
      const d = zhlensDiagnostics(uri);
      return d.length ? d : undefined;
    });
    assert.deepEqual(countByCode(diagnostics), { 'misaligned-gbk': 7, 'pinyin-annotation': 450 });
    // Each diagnostic covers its span: the first annotation is "(xié)" right after 協.
    const doc = await vscode.workspace.openTextDocument(uri);
    const first = diagnostics.find((d) => d.code === 'pinyin-annotation')!;
    assert.equal(doc.getText(first.range), '(xié)');
    const run = diagnostics.find((d) => d.code === 'misaligned-gbk')!;
    assert.match(run.message, /模化應/);
  });

  test('on open the verdict comes first and alone: diagnostics and notification before the highlights, the outline and the Article view', async () => {
    // A copy no other test has opened, so that this open is its first (the core may be loaded already).
    const copy = workspaceFile('yizhuang-article/garbled-verdict-first.txt');
    await vscode.workspace.fs.copy(workspaceFile(ARTICLE), copy, { overwrite: true });
    try {
      await vscode.window.showTextDocument(copy);
      // What the reader sees: the article's spans marked, with no command run.
      const diagnostics = await waitFor('zhlens diagnostics', () => {
        const d = zhlensDiagnostics(copy);
        return d.length ? d : undefined;
      });
      assert.deepEqual(countByCode(diagnostics), { 'misaligned-gbk': 7, 'pinyin-annotation': 450 });
      // The outline is asked for after the verdict, and it comes (the verdict does not wait for it).
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', copy);
      assert.ok(symbols.length > 0, 'no outline');
      // zhlens's own record of the open: each of the other features ran after the verdict was given.
      const stages = await waitFor('the highlights after the verdict', async () => {
        const timings = await vscode.commands.executeCommand<{ verdict?: { stages: Record<string, number> } }>('zhlens.internal.timings', copy.toString());
        const s = timings.verdict?.stages;
        return s && 'highlights' in s && 'outline' in s ? s : undefined;
      });
      const verdict = ['analysis started', 'core ready', 'analysed', 'diagnostics set', 'notification handed over'];
      for (const [a, b] of verdict.slice(1).map((stage, i) => [verdict[i], stage])) assert.ok(stages[a] <= stages[b], `${a} (${stages[a]} ms) after ${b} (${stages[b]} ms)`);
      for (const other of ['highlights', 'outline', 'article view'].filter((o) => o in stages)) {
        assert.ok(stages[other] >= stages['notification handed over'], `${other} at ${stages[other]} ms, before the verdict at ${stages['notification handed over']} ms`);
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(copy);
    }
  });

  test('the hover on a misaligned run explains the repair plan and the replacement', async () => {
    const uri = workspaceFile(ARTICLE);
    await vscode.window.showTextDocument(uri);
    const run = await waitFor('a misaligned-gbk diagnostic', () => zhlensDiagnostics(uri).find((d) => d.code === 'misaligned-gbk'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, run.range.start);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /restore lost bytes C4, AA/);
    assert.match(text, /模化應/);
  });

  test('quick fixes offer this span and the whole file; source.fixAll.zhlens carries the edit', async () => {
    const uri = workspaceFile(ARTICLE);
    await vscode.window.showTextDocument(uri);
    const run = await waitFor('a misaligned-gbk diagnostic', () => zhlensDiagnostics(uri).find((d) => d.code === 'misaligned-gbk'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, run.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Repair to “模化應”'), titles.join(' | '));
    assert.ok(titles.includes('Fix all 457 garbled spans in this file'), titles.join(' | '));
    const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, run.range, 'source.fixAll.zhlens');
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].edit?.get(uri).length, 457);
  });

  test('Preview shows the repaired text in a read-only virtual document', async () => {
    const uri = workspaceFile(ARTICLE);
    await vscode.window.showTextDocument(uri);
    const previewUri = await vscode.commands.executeCommand<vscode.Uri>('zhlens.previewFix', uri);
    assert.equal(previewUri.scheme, 'zhlens-preview');
    const preview = await vscode.workspace.openTextDocument(previewUri);
    assert.equal(preview.getText(), await readUtf8(workspaceFile('yizhuang-article/repaired.txt')));
    // Previewing writes nothing.
    assert.equal((await vscode.workspace.openTextDocument(uri)).isDirty, false);
  });

  test('Fix all turns the article into repaired.txt; one undo brings garbled.txt back exactly', async () => {
    const uri = workspaceFile(ARTICLE);
    const garbled = await readUtf8(uri);
    const repaired = await readUtf8(workspaceFile('yizhuang-article/repaired.txt'));
    const editor = await vscode.window.showTextDocument(uri);
    assert.equal(await vscode.commands.executeCommand('zhlens.fixAll'), true);
    assert.equal(editor.document.getText(), repaired);
    // Nothing is written to disk by Fix all: the reader saves.
    assert.equal(await readUtf8(uri), garbled);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), garbled);
    // After the undo zhlens marks the article again.
    await waitFor('diagnostics after undo', () => (zhlensDiagnostics(uri).length === 457 ? true : undefined));
  });

  test('Fix selection repairs only the spans inside the selection', async () => {
    const uri = workspaceFile(ARTICLE);
    const editor = await vscode.window.showTextDocument(uri);
    const first = await waitFor('a pinyin diagnostic', () => zhlensDiagnostics(uri).find((d) => d.code === 'pinyin-annotation'));
    const before = editor.document.getText();
    editor.selection = new vscode.Selection(first.range.start, first.range.end);
    assert.equal(await vscode.commands.executeCommand('zhlens.fixSelection'), true);
    const offset = before.indexOf('(xié)');
    assert.equal(editor.document.getText(), before.slice(0, offset) + before.slice(offset + '(xié)'.length));
  });

  test('a clean article gets no diagnostic', async () => {
    const uri = workspaceFile('clean-article/garbled.txt');
    await vscode.window.showTextDocument(uri);
    const issues = await vscode.commands.executeCommand<unknown[]>('zhlens.detect');
    assert.deepEqual(issues, []);
    assert.deepEqual(zhlensDiagnostics(uri), []);
  });

  test('a binary file is left alone without an error', async () => {
    const ext = vscode.extensions.getExtension('zhlens.zhlens')!;
    const png = workspaceFile('zhlens-icon-copy.png');
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(ext.extensionUri, 'media/icon.png'), png, { overwrite: true });
    try {
      // The workbench may refuse to open it as text; zhlens must then just say so.
      const issues = await vscode.commands.executeCommand<unknown[]>('zhlens.detect', png);
      assert.deepEqual(issues, []);
      assert.deepEqual(zhlensDiagnostics(png), []);
    } finally {
      await vscode.workspace.fs.delete(png);
    }
  });
});
