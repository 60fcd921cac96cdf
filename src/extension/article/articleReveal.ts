import * as vscode from 'vscode';

/** Opens a document and selects [start, end): hover links and Article view items lead here. */
export const REVEAL_COMMAND = 'zhlens.article.reveal';
/** From the figure or organization at the cursor to its next mention (ArticleFeature registers it). */
export const NEXT_MENTION_COMMAND = 'zhlens.article.nextMention';

export async function revealInDocument(uri: string, start: number, end: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** A command link for Markdown hovers; the hover must trust REVEAL_COMMAND for it to run. */
export function revealLink(label: string, uri: vscode.Uri, start: number, end: number): string {
  const args = encodeURIComponent(JSON.stringify([uri.toString(), start, end]));
  return `[${label}](command:${REVEAL_COMMAND}?${args})`;
}
