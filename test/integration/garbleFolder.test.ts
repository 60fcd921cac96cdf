// Scan Folder from the explorer: every file judged on its bytes, binary files skipped, and the
// summary returned (and written to the zhlens output channel).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceFile } from './garbleSupport';

interface FolderReport {
  files: { path: string; verdict: { kind: string; encoding?: string } }[];
  cancelled: boolean;
}

suite('scanning a folder', () => {
  const folder = workspaceFile('zhlens-scan');

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension('zhlens.zhlens')!;
    await ext.activate();
    for (const [from, to] of [
      ['yizhuang-article/garbled.txt', 'article.txt'],
      ['gb18030-file/garbled.txt', 'lunyu.txt'],
      ['clean-article/garbled.txt', 'clean.txt'],
    ]) {
      await vscode.workspace.fs.copy(workspaceFile(from), vscode.Uri.joinPath(folder, to), { overwrite: true });
    }
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(ext.extensionUri, 'media/icon.png'), vscode.Uri.joinPath(folder, 'icon.png'), { overwrite: true });
  });
  suiteTeardown(() => vscode.workspace.fs.delete(folder, { recursive: true }));

  test('Scan Folder reports each file: garbled, legacy encoding, clean, binary skipped', async () => {
    const report = await vscode.commands.executeCommand<FolderReport>('zhlens.scanFolder', folder);
    const verdicts = Object.fromEntries(report.files.map((f) => [f.path.split('/').pop(), f.verdict.kind]));
    assert.deepEqual(verdicts, { 'article.txt': 'garbled', 'clean.txt': 'clean', 'icon.png': 'skipped', 'lunyu.txt': 'wrong-encoding' });
    assert.equal(report.cancelled, false);
  });
});
