import * as vscode from 'vscode';
import type { PreparedFixAll } from './garbleEdits';
import { fileName } from '../localFiles';

export const PREVIEW_SCHEME = 'zhlens-preview';

interface Previewed {
  source: vscode.Uri;
  fix: PreparedFixAll;
}

/**
 * Preview of Fix all: a diff between the document and a read-only virtual document holding the
 * repaired text. The virtual document remembers the fix and the version it was computed from, so
 * "Apply" from the diff's title bar applies exactly what was shown, or nothing if the file moved on.
 */
export class GarblePreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly previews = new Map<string, Previewed>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.previews.get(uri.toString())?.fix.repairedText ?? '';
  }

  async show(document: vscode.TextDocument, fix: PreparedFixAll): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: document.uri.path, query: `source=${encodeURIComponent(document.uri.toString())}` });
    this.previews.set(uri.toString(), { source: document.uri, fix });
    this.changed.fire(uri);
    const title = vscode.l10n.t('{0} ↔ repaired by zhlens', fileName(document.uri));
    await vscode.commands.executeCommand('vscode.diff', document.uri, uri, title, { preview: true });
    return uri;
  }

  /** The previewed fix behind a preview document, if it is one. */
  lookup(uri: vscode.Uri): Previewed | undefined {
    return this.previews.get(uri.toString());
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
