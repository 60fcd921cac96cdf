import * as vscode from 'vscode';
import { localFiles, type LocalFiles } from '../localFiles';

/**
 * How notes files are read and written: a small host interface, so that the feature works on the
 * local disk (through Node, the temporary-file-and-rename of src/files/) and on any other file
 * system VS Code offers (a remote, a virtual workspace, every file in the browser) through
 * `workspace.fs`, where the same atomicity comes from writing a temporary file beside the target
 * and renaming it over.
 */
export interface NoteFileHost {
  /** The file's text, or undefined when there is no such file. */
  read(uri: vscode.Uri): Promise<string | undefined>;
  /** Replaces the file as a whole or not at all, creating its folder. */
  write(uri: vscode.Uri, text: string): Promise<void>;
  /** Removes the file if it is there. */
  remove(uri: vscode.Uri): Promise<void>;
  /** Removes the folder if it is there and empty. */
  removeFolderIfEmpty(uri: vscode.Uri): Promise<void>;
}

/** Notes files on the local disk through Node, when the entry point handed in a local host. */
function nodeHost(local: LocalFiles): NoteFileHost {
  return {
    read: (uri) => local.readText(uri.fsPath),
    write: (uri, text) => local.writeText(uri.fsPath, text),
    remove: (uri) => local.remove(uri.fsPath),
    removeFolderIfEmpty: (uri) => local.removeFolderIfEmpty(uri.fsPath),
  };
}

const workspaceHost: NoteFileHost = {
  async read(uri) {
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
      throw e;
    }
  },
  async write(uri, text) {
    const folder = vscode.Uri.joinPath(uri, '..');
    await vscode.workspace.fs.createDirectory(folder);
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const temp = vscode.Uri.joinPath(folder, `.${name}.zhlens-${Math.random().toString(16).slice(2, 10)}.tmp`);
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
    try {
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw e;
    }
  },
  async remove(uri) {
    try {
      await vscode.workspace.fs.delete(uri);
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
    }
  },
  async removeFolderIfEmpty(uri) {
    const entries = await vscode.workspace.fs.readDirectory(uri).then(
      (list) => list,
      () => undefined,
    );
    if (entries && entries.length === 0) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  },
};

/** The host for files of `uri`'s scheme. */
export function noteFileHost(uri: vscode.Uri): NoteFileHost {
  const local = localFiles();
  return uri.scheme === 'file' && local ? nodeHost(local) : workspaceHost;
}
