import * as vscode from 'vscode';
import { FileChangedError } from '../../files/fileErrors';
import type { FileSnapshot } from '../../files/replaceFile';
import { localFiles, sameBytes, type LocalFiles } from '../localFiles';

/**
 * Rewriting a file the reader asked zhlens to change (Convert to UTF-8, Fix Folder). A file on
 * the local disk, when zhlens runs on Node (../localFiles.ts), is replaced the way the CLI
 * replaces it (`src/files/replaceFile.ts`): new bytes in a temporary file beside it, same
 * permissions, a backup, the bytes on disk compared with the bytes read right before the rename,
 * and the original untouched on any error. Other schemes
 * (a remote, a virtual file system), and every file in the browser, offer only `workspace.fs`,
 * which writes the file in place: there the check and the backup still hold, the atomic rename
 * does not.
 */

/** A file's bytes as read for a rewrite, with what proves later that the file is still the same. */
export type FileRead =
  | { kind: 'local'; uri: vscode.Uri; bytes: Uint8Array; snapshot: FileSnapshot; local: LocalFiles }
  | { kind: 'provider'; uri: vscode.Uri; bytes: Uint8Array; stat: vscode.FileStat };

/** The file's bytes, or 'too-large' when it is above `limit` (checked before reading). */
export async function readForRewrite(uri: vscode.Uri, limit: number): Promise<FileRead | 'too-large'> {
  const local = localFiles();
  if (uri.scheme === 'file' && local) {
    const snapshot = await local.readSnapshot(uri.fsPath, limit);
    if (snapshot === 'too-large') return 'too-large';
    return { kind: 'local', uri, bytes: snapshot.content as Uint8Array, snapshot, local };
  }
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > limit) return 'too-large';
  return { kind: 'provider', uri, bytes: await vscode.workspace.fs.readFile(uri), stat };
}

/**
 * Replaces the file with `bytes`, keeping the bytes read as a fresh `FILE.orig` when `backup`.
 * Throws `FileChangedError` (nothing written) when the file changed since it was read, or the
 * file system's error, with the file as it was.
 */
export async function rewriteFile(read: FileRead, bytes: Uint8Array, backup: boolean): Promise<vscode.Uri | undefined> {
  const backupUri = backup ? await freeBackupUri(read.uri) : undefined;
  if (read.kind === 'local') {
    read.local.replace(read.snapshot, bytes, backupUri?.fsPath);
    return backupUri;
  }
  const now = await vscode.workspace.fs.stat(read.uri);
  const unchanged =
    now.size === read.stat.size && now.mtime === read.stat.mtime && sameBytes(await vscode.workspace.fs.readFile(read.uri), read.bytes);
  if (!unchanged) throw new FileChangedError(read.uri.toString());
  if (backupUri) await vscode.workspace.fs.writeFile(backupUri, read.bytes);
  await vscode.workspace.fs.writeFile(read.uri, bytes);
  return backupUri;
}

/** `FILE.orig`, or `FILE.orig.2`, ... when an earlier backup is there: a backup is never overwritten. */
async function freeBackupUri(uri: vscode.Uri): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = uri.with({ path: `${uri.path}.orig${n === 1 ? '' : `.${n}`}` });
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}
