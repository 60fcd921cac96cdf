import * as vscode from 'vscode';

/**
 * Files of a file system provider of the tests' own, as a remote or virtual workspace's are: the
 * editor reads and writes them only through `workspace.fs`. `calls` logs every write, delete and
 * rename, in order.
 */
export class MemoryFiles implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  readonly calls: string[] = [];
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const bytes = this.files.get(uri.path);
    if (bytes) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: bytes.length };
    if ([...this.files.keys()].some((p) => p.startsWith(folderPrefix(uri)))) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = folderPrefix(uri);
    return [...this.files.keys()].filter((p) => p.startsWith(prefix)).map((p) => [p.slice(prefix.length), vscode.FileType.File]);
  }
  readFile(uri: vscode.Uri): Uint8Array {
    const bytes = this.files.get(uri.path);
    if (!bytes) throw vscode.FileSystemError.FileNotFound(uri);
    return bytes;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.calls.push(`write ${uri.path}`);
    this.files.set(uri.path, content);
  }
  createDirectory(): void {}
  delete(uri: vscode.Uri): void {
    this.calls.push(`delete ${uri.path}`);
    this.files.delete(uri.path);
  }
  rename(from: vscode.Uri, to: vscode.Uri): void {
    this.calls.push(`rename ${from.path} ${to.path}`);
    this.files.set(to.path, this.readFile(from));
    this.files.delete(from.path);
  }
}

/** The path every file inside the folder `uri` starts with (`/a/` for `/a` and `/a/`). */
function folderPrefix(uri: vscode.Uri): string {
  return `${uri.path.replace(/\/$/, '')}/`;
}
