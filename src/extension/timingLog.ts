import * as vscode from 'vscode';
import { threadCpuMs } from './activationTiming';
import { readSettings } from './settings';

/**
 * The stages of one document's open → verdict, as times since zhlens heard of the document
 * (`opened`, the first of `onDidOpenTextDocument` or its editor coming into view): when the
 * analysis started, the core was ready, the analysis ended, the diagnostics were set and the
 * notification handed to the workbench. The extension's own part of open → verdict.
 */
export interface VerdictStages {
  /** performance.now() at `opened` (the extension host's clock). */
  openedAt: number;
  /** Milliseconds after `openedAt` each stage ended, by name, in the order they ended. */
  stages: Record<string, number>;
  /** The same in CPU time of the extension host's thread, where the runtime can tell it. */
  cpuStages: Record<string, number>;
}

interface Clock {
  wall: number;
  cpu?: number;
}

const now = (): Clock => ({ wall: performance.now(), cpu: threadCpuMs() });

/**
 * With `zhlens.debug.logTimings` on, how long each step took on a document, in the zhlens output
 * channel: the garbling verdict stage by stage, the highlights, the outline, each with the time
 * since the document was opened (first heard of in this session), so that a reader who finds
 * zhlens slow can say where the time went. The verdict's stages are also kept (a few numbers per
 * open document) for `zhlens.internal.verdictStages`, which the editor benchmark reads.
 */
export class TimingLog {
  private readonly openedAt = new Map<string, Clock>();
  private readonly stages = new Map<string, { wall: Record<string, number>; cpu: Record<string, number> }>();

  constructor(private readonly output: vscode.OutputChannel) {}

  /** The clock of the document's open → verdict starts (its first open only). */
  opened(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.openedAt.has(key)) this.openedAt.set(key, now());
  }

  /** One step done on the document, begun at `startedAt` (performance.now()). */
  step(document: vscode.TextDocument, what: string, startedAt: number, detail = ''): void {
    this.stage(document, what);
    if (!readSettings(document.uri).logTimings) return;
    const now = performance.now();
    const opened = this.openedAt.get(document.uri.toString());
    const sinceOpen = opened === undefined ? '' : `, ${Math.round(now - opened.wall)} ms after open`;
    const name = document.uri.path.split('/').pop() || document.uri.toString();
    this.output.appendLine(`[timing] ${name}: ${what} ${(now - startedAt).toFixed(1)} ms${detail ? ` (${detail})` : ''}${sinceOpen}`);
  }

  /** A stage of the first verdict ended now (kept once per name, for verdictStages). */
  stage(document: vscode.TextDocument, what: string): void {
    const key = document.uri.toString();
    const opened = this.openedAt.get(key);
    if (opened === undefined) return;
    let stages = this.stages.get(key);
    if (!stages) this.stages.set(key, (stages = { wall: {}, cpu: {} }));
    if (what in stages.wall) return;
    const at = now();
    stages.wall[what] = at.wall - opened.wall;
    if (at.cpu !== undefined && opened.cpu !== undefined) stages.cpu[what] = at.cpu - opened.cpu;
  }

  /** The stages recorded for `uri` since it was opened. */
  verdictStages(uri: vscode.Uri): VerdictStages | undefined {
    const opened = this.openedAt.get(uri.toString());
    const stages = this.stages.get(uri.toString());
    return opened && { openedAt: opened.wall, stages: { ...stages?.wall }, cpuStages: { ...stages?.cpu } };
  }

  /** The document closed: its next open starts a new clock. */
  closed(uri: vscode.Uri): void {
    this.openedAt.delete(uri.toString());
    this.stages.delete(uri.toString());
  }
}
