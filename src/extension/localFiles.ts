import type { FileSnapshot } from '../files/replaceFile';

/**
 * What the extension does with files on the local disk through Node, where `vscode.workspace.fs`
 * cannot do as well: a rewrite by temporary file and rename (src/files/replaceFile.ts), with the
 * file compared, right before the rename, with the bytes read. Chosen at the entry point: the
 * desktop entry (extension.ts) hands in src/host/nodeLocalFiles.ts; the browser entry
 * (webExtension.ts) hands in nothing, and there every file, `file:` ones included (vscode.dev's
 * local folders), goes through `vscode.workspace.fs`.
 */
export interface LocalFiles {
  /** Stat, then read the whole file: 'too-large' (nothing read) above `limit` bytes. */
  readSnapshot(path: string, limit: number): Promise<FileSnapshot | 'too-large'>;
  /** Replaces the file read as `snapshot` with `bytes`, keeping the old bytes at `backupPath`; throws FileChangedError when it changed. */
  replace(snapshot: FileSnapshot, bytes: Uint8Array, backupPath: string | undefined): void;
  /** The file's text (UTF-8), or undefined when there is no such file. */
  readText(path: string): Promise<string | undefined>;
  /** Replaces the file as a whole or not at all, creating its folder. */
  writeText(path: string, text: string): Promise<void>;
  /** Removes the file if it is there. */
  remove(path: string): Promise<void>;
  /** Removes the folder if it is there and empty. */
  removeFolderIfEmpty(path: string): Promise<void>;
}

let local: LocalFiles | undefined;

/** Called once by the entry point, before any feature is activated. */
export function useLocalFiles(files: LocalFiles | undefined): void {
  local = files;
}

/** The local-disk host, when zhlens runs on Node (undefined in the browser). */
export function localFiles(): LocalFiles | undefined {
  return local;
}

/** The last segment of a URI's path (what `path.basename(uri.fsPath)` gives, without Node). */
export function fileName(uri: { path: string }): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
