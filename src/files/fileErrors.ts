/**
 * The two ways a file replacement refuses to write (src/files/replaceFile.ts). Apart from the
 * replacement itself, which needs Node, so that the editor layer can name them in the browser too,
 * where files are rewritten through `vscode.workspace.fs`.
 */

/** The file was modified by someone else between it being read and being replaced. */
export class FileChangedError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed on disk since it was read; left as it is`);
  }
}

/** The backup name is taken: an older backup may be the only original left, so it is never overwritten. */
export class BackupExistsError extends Error {
  constructor(readonly backupPath: string) {
    super(`${backupPath} already exists`);
  }
}
