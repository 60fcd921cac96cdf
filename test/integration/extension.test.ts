// zhlens inside a real extension host: the extension loads, its commands exist, and the sample
// article reaches it as a TextDocument unchanged. The workspace is a temp copy of samples/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'zhlens.zhlens';

interface ContributedCommand {
  command: string;
  title: string;
}

function zhlens(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext;
}

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

suite('zhlens in the extension host', () => {
  test('the extension is present and activates', async () => {
    const ext = zhlens();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('every command in package.json contributes.commands is registered', async () => {
    const ext = zhlens();
    await ext.activate();
    const contributed: ContributedCommand[] = ext.packageJSON.contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('samples/yizhuang-article/garbled.txt opens as a TextDocument equal to the file', async () => {
    const uri = workspaceFile('yizhuang-article/garbled.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    // The file is UTF-8 without BOM: its first bytes e5 8d 94 are 協, the first character of
    // 協(xié)同, so the document must start there and match the bytes decoded as UTF-8.
    const expected = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(doc.encoding, 'utf8');
    assert.ok(doc.getText().startsWith('協'));
    assert.equal(doc.getText(), expected);
  });
});
