// A GB18030 file that the editor decoded as UTF-8: zhlens judges it on its bytes, reopens it in
// the right encoding, and converts it to UTF-8 on disk with a backup. The sample is copied to a
// temp folder first so that the suite's other tests still find it as it ships.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, readUtf8, waitFor, workspaceFile, zhlensDiagnostics } from './garbleSupport';

suite('files in a legacy encoding', () => {
  let dir: vscode.Uri;
  let copy: vscode.Uri;
  let original: Uint8Array;
  let expected: string;

  suiteSetup(async () => {
    await vscode.extensions.getExtension('zhlens.zhlens')?.activate();
    dir = vscode.Uri.file(path.join(os.tmpdir(), `zhlens-encoding-${process.pid}-${Date.now()}`));
    copy = vscode.Uri.joinPath(dir, 'lunyu-gb18030.txt');
    await vscode.workspace.fs.copy(workspaceFile('gb18030-file/garbled.txt'), copy);
    original = await vscode.workspace.fs.readFile(copy);
    expected = await readUtf8(workspaceFile('gb18030-file/expected.txt'));
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(dir, { recursive: true });
  });

  test('opened as UTF-8, the file gets one wrong-encoding diagnostic and no text-level ones', async () => {
    const editor = await vscode.window.showTextDocument(copy);
    assert.equal(editor.document.encoding, 'utf8');
    assert.ok(editor.document.getText().includes('\uFFFD'));
    const diagnostics = await waitFor('the wrong-encoding diagnostic', () => {
      const d = zhlensDiagnostics(copy);
      return d.length ? d : undefined;
    });
    assert.deepEqual(diagnostics.map((d) => d.code), ['wrong-encoding']);
    assert.match(diagnostics[0].message, /GB18030/);
  });

  test('Fix all refuses to repair the wrongly decoded text', async () => {
    await vscode.window.showTextDocument(copy);
    assert.equal(await vscode.commands.executeCommand('zhlens.fixAll', copy), false);
    assert.deepEqual(await vscode.workspace.fs.readFile(copy), original);
  });

  test('Reopen with detected encoding shows the text of expected.txt', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('zhlens.reopenWithEncoding', copy);
    assert.equal(doc.encoding, 'gb18030');
    assert.equal(doc.getText(), expected);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), expected);
    // Reopening writes nothing.
    assert.deepEqual(await vscode.workspace.fs.readFile(copy), original);
    await waitFor('the wrong-encoding diagnostic to go', () => (zhlensDiagnostics(copy).length === 0 ? true : undefined));
  });

  test('Convert to UTF-8 writes UTF-8 bytes and keeps the original as FILE.orig', async () => {
    assert.equal(await vscode.commands.executeCommand('zhlens.convertToUtf8', copy), true);
    assert.ok(Buffer.from(await vscode.workspace.fs.readFile(copy)).equals(Buffer.from(expected, 'utf8')), 'the file on disk is not the UTF-8 of expected.txt');
    assert.deepEqual(await vscode.workspace.fs.readFile(copy.with({ path: `${copy.path}.orig` })), original);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === copy.toString())!;
    await waitFor('the document to show the UTF-8 file', () => (doc.encoding === 'utf8' && doc.getText() === expected ? true : undefined));
  });

  test('converting again is refused: the file is UTF-8 now, and the backup is not touched', async () => {
    assert.equal(await vscode.commands.executeCommand('zhlens.convertToUtf8', copy), false);
    assert.deepEqual(await vscode.workspace.fs.readFile(copy.with({ path: `${copy.path}.orig` })), original);
  });
});
