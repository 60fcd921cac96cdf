// Shared by the garble*.test.ts suites: the workspace (a temp copy of samples/), waiting for what
// the editor shows, and reading files as bytes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function readUtf8(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** Polls until `probe` returns a value (not undefined) or the time is up. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** zhlens diagnostics of `uri` once there are some. */
export function zhlensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'zhlens');
}

export function countByCode(diagnostics: readonly vscode.Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[String(d.code)] = (counts[String(d.code)] ?? 0) + 1;
  return counts;
}

/** Leave no dirty editor behind: revert and close everything. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * The workbench of this VS Code saves edits after a delay by default; the garbling tests check
 * what an edit does before any save, so auto save is off while they run.
 */
export async function withoutAutoSave(): Promise<() => Promise<void>> {
  const files = vscode.workspace.getConfiguration('files');
  const before = files.inspect<string>('autoSave')?.globalValue;
  await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  return () => Promise.resolve(vscode.workspace.getConfiguration('files').update('autoSave', before, vscode.ConfigurationTarget.Global));
}
