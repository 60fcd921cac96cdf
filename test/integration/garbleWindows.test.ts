// The editor and `zhlens detect` analyse a document in the same windows (src/core/pipeline/
// textWindows.ts), so they report the same spans on the same text, also where a span crosses the
// border between two windows; and Fix all applies those findings as `zhlens repair` does.
//
// Text: the Yizhuang article (samples/yizhuang-article/garbled.txt) with its line breaks taken
// out, four times over, after enough spaces that one of its misaligned GBK runs crosses the end
// the first window plans (32 K UTF-16 units into a line, REGION_UNITS in textWindows.ts).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GarbleIssue } from '../../src/core';
import { closeAllEditors, readUtf8, waitFor, withoutAutoSave, workspaceFile, zhlensDiagnostics } from './garbleSupport';

const PLANNED_BORDER = 32 * 1024;

interface Span {
  kind: string;
  start: number;
  end: number;
}

/** `zhlens …` run from the extension's own bundle, with the extension host's Node. */
function zhlens(args: string[]): string {
  const extension = vscode.extensions.getExtension('zhlens.zhlens');
  assert.ok(extension, 'zhlens is installed');
  const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
  const run = spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

const detectSpans = (file: vscode.Uri): Span[] => (JSON.parse(zhlens(['detect', '--json', file.fsPath])) as { issues: Span[] }).issues;
const spanText = (s: Span) => `${s.kind} ${s.start}-${s.end}`;

suite('the editor and zhlens detect agree', () => {
  let restoreAutoSave: () => Promise<void>;
  let file: vscode.Uri;
  suiteSetup(async () => {
    await vscode.extensions.getExtension('zhlens.zhlens')?.activate();
    restoreAutoSave = await withoutAutoSave();
    const oneLine = (await readUtf8(workspaceFile('yizhuang-article/garbled.txt'))).replace(/\n/g, '');
    const probe = workspaceFile('windows-probe.txt');
    await vscode.workspace.fs.writeFile(probe, new TextEncoder().encode(oneLine));
    // A run well inside the article, moved across the border by the spaces before it.
    const run = detectSpans(probe).find((s) => s.kind === 'misaligned-gbk' && s.start > 2000 && s.end - s.start >= 3 && s.start < PLANNED_BORDER);
    assert.ok(run, 'the article has a misaligned GBK run to place');
    file = workspaceFile('windows.txt');
    const text = ' '.repeat(PLANNED_BORDER - run.start - 1) + oneLine.repeat(4);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  });
  teardown(closeAllEditors);
  suiteTeardown(() => restoreAutoSave());

  test('the same spans, one of them across the border of the first window', async () => {
    const cli = detectSpans(file);
    assert.ok(
      cli.some((s) => s.start < PLANNED_BORDER && PLANNED_BORDER < s.end),
      'zhlens detect reports a span across the planned end of the first window',
    );
    assert.ok(cli.length > 1000, `the text is garbled throughout (${cli.length} spans)`);
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const editor = await vscode.commands.executeCommand<GarbleIssue[]>('zhlens.detect', file);
    assert.deepEqual(editor.map(spanText), cli.map(spanText));
  });

  test('after edits the Problems entries are those of zhlens detect on the edited text', async () => {
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('zhlens.detect', file);
    const shown = () => zhlensDiagnostics(file).map((d) => `${String(d.code)} ${document.offsetAt(d.range.start)}-${document.offsetAt(d.range.end)}`);
    assert.deepEqual(shown(), detectSpans(file).map(spanText));
    // A line break in the second window (every later entry moves a line down), then characters typed after it.
    const at = document.positionAt(Math.floor(PLANNED_BORDER * 1.5));
    await editor.edit((e) => e.insert(at, '\n'));
    await editor.edit((e) => e.insert(document.positionAt(document.offsetAt(at) + 1), '中文字'));
    const probe = workspaceFile('windows-edited.txt');
    await vscode.workspace.fs.writeFile(probe, new TextEncoder().encode(document.getText()));
    const expected = detectSpans(probe).map(spanText);
    await waitFor('the entries of the edited text', () => (JSON.stringify(shown()) === JSON.stringify(expected) ? true : undefined), 10_000).catch(() => undefined);
    assert.deepEqual(shown(), expected);
  });

  test('Fix all applies the findings shown and gives what zhlens repair writes', async () => {
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('zhlens.detect', file);
    assert.equal(await vscode.commands.executeCommand<boolean>('zhlens.fixAll', file), true);
    assert.equal(document.getText(), zhlens(['repair', file.fsPath]));
  });
});
