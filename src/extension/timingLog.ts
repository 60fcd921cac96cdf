import * as vscode from 'vscode';
import { readSettings } from './settings';

/**
 * With `zhlens.debug.logTimings` on, how long each step took on a document, in the zhlens output
 * channel: the garbling verdict, the highlights, the outline, each with the time since the
 * document was opened (first asked for on open in this session), so that a reader who finds
 * zhlens slow can say where the time went.
 */
export class TimingLog {
  private readonly openedAt = new Map<string, number>();

  constructor(private readonly output: vscode.OutputChannel) {}

  /** The clock of the document's open → verdict starts (its first open only). */
  opened(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.openedAt.has(key)) this.openedAt.set(key, performance.now());
  }

  /** One step done on the document, begun at `startedAt` (performance.now()). */
  step(document: vscode.TextDocument, what: string, startedAt: number, detail = ''): void {
    if (!readSettings(document.uri).logTimings) return;
    const now = performance.now();
    const opened = this.openedAt.get(document.uri.toString());
    const sinceOpen = opened === undefined ? '' : `, ${Math.round(now - opened)} ms after open`;
    const name = document.uri.path.split('/').pop() || document.uri.toString();
    this.output.appendLine(`[timing] ${name}: ${what} ${(now - startedAt).toFixed(1)} ms${detail ? ` (${detail})` : ''}${sinceOpen}`);
  }

  /** The document closed: its next open starts a new clock. */
  closed(uri: vscode.Uri): void {
    this.openedAt.delete(uri.toString());
  }
}
