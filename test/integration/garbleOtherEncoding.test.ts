// A file in another language's legacy encoding (Japanese Shift_JIS, Russian Windows-1251) that the
// editor decoded as UTF-8: zhlens says what the bytes are, as information, offers VS Code's own
// reopening in that encoding, and never offers a Chinese repair. The bytes are rows of
// test/cases/encoding-other-legacy.json (uchardet's test files: Wikipedia text, CC BY-SA).
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import rows from '../cases/encoding-other-legacy.json';
import { closeAllEditors, waitFor, zhlensDiagnostics } from './garbleSupport';

interface Row {
  otherLegacy: string;
  source: string;
  input: { base64: string };
}

function rowBytes(source: string): Uint8Array {
  const row = (rows as Row[]).find((r) => r.source.endsWith(source));
  assert.ok(row, `no row ${source}`);
  return Buffer.from(row.input.base64, 'base64');
}

const FILES = [
  { source: 'test/ja/shift_jis.txt', whatwg: 'shift_jis', label: 'Shift_JIS', editor: 'shiftjis' },
  { source: 'test/ru/windows-1251.txt', whatwg: 'windows-1251', label: 'Windows-1251', editor: 'windows1251' },
];

suite('files in another language\'s legacy encoding', () => {
  let dir: vscode.Uri;

  suiteSetup(async () => {
    await vscode.extensions.getExtension('zhlens.zhlens')?.activate();
    dir = vscode.Uri.file(path.join(os.tmpdir(), `zhlens-other-encoding-${process.pid}-${Date.now()}`));
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(dir, { recursive: true });
  });

  for (const file of FILES) {
    test(`${file.label}: information, not a warning; reopening shows the text; nothing is repaired`, async () => {
      const bytes = rowBytes(file.source);
      const uri = vscode.Uri.joinPath(dir, `${file.whatwg}.txt`);
      await vscode.workspace.fs.writeFile(uri, bytes);
      const editor = await vscode.window.showTextDocument(uri);
      assert.equal(editor.document.encoding, 'utf8');
      assert.ok(editor.document.getText().includes('\uFFFD'));

      const diagnostics = await waitFor('the other-encoding diagnostic', () => {
        const d = zhlensDiagnostics(uri);
        return d.length ? d : undefined;
      });
      assert.deepEqual(diagnostics.map((d) => d.code), ['other-encoding']);
      assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Information);
      assert.match(diagnostics[0].message, new RegExp(`looks like ${file.label} text, not Chinese`));

      // The one quick fix reopens in that encoding; there is no repair and no conversion.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostics[0].range);
      const ours = actions.filter((a) => a.title.startsWith('Reopen as') || /Repair|Fix all|Convert/.test(a.title));
      assert.deepEqual(ours.map((a) => a.title), [`Reopen as ${file.label}`]);

      // Fix all refuses, and the file is left as it was.
      assert.equal(await vscode.commands.executeCommand('zhlens.fixAll', uri), false);
      assert.deepEqual(await vscode.workspace.fs.readFile(uri), bytes);

      const reopened = await vscode.commands.executeCommand<vscode.TextDocument>('zhlens.reopenWithEncoding', uri);
      assert.equal(reopened.encoding, file.editor);
      assert.equal(reopened.getText(), new TextDecoder(file.whatwg).decode(bytes));
      assert.deepEqual(await vscode.workspace.fs.readFile(uri), bytes);
      await waitFor('the diagnostic to go', () => (zhlensDiagnostics(uri).length === 0 ? true : undefined));
      await closeAllEditors();
    });
  }
});
