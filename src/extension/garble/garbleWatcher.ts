import * as vscode from 'vscode';
import { AnalysisCancelled } from './chunkedAnalysis';
import { analyzeDocument } from './documentAnalysis';
import type { DocumentFindings, GarbleFindings } from './garbleFindings';
import { readSettings } from '../settings';

/** Waits before analysing: switching through editors quickly, or typing, starts one analysis, not many. */
const OPEN_DELAY_MS = 150;
const EDIT_DELAY_MS = 600;

/** `open`: the reader brought the document to the front (may notify); `edit`: its text or the settings changed. */
export type AnalysisTrigger = 'open' | 'edit';

interface Pending {
  timer?: ReturnType<typeof setTimeout>;
  cancel: vscode.CancellationTokenSource;
}

/**
 * Keeps the findings of the documents in visible editors up to date: analyses on open, on
 * switching editors and after edits, debounced, one analysis per document at a time (a newer
 * request cancels the older between two chunks).
 */
export class GarbleWatcher implements vscode.Disposable {
  private readonly pending = new Map<string, Pending>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly findings: GarbleFindings,
    private readonly onAnalysed: (document: vscode.TextDocument, findings: DocumentFindings, trigger: AnalysisTrigger) => void,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.schedule(e.document, 'open')),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.schedule(e.document, 'open'))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.findings.latest(e.document.uri)) this.schedule(e.document, 'edit');
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancel(d.uri);
        this.findings.delete(d.uri);
      }),
    );
    for (const e of vscode.window.visibleTextEditors) this.schedule(e.document, 'open');
  }

  /** Analyse again every visible document (after a settings change). */
  refreshVisible(): void {
    for (const e of vscode.window.visibleTextEditors) this.schedule(e.document, 'edit');
  }

  schedule(document: vscode.TextDocument, trigger: AnalysisTrigger): void {
    if (trigger === 'open') {
      if (!readSettings(document.uri).detectOnOpen) return;
      // Already analysed in this version: only the reaction to coming to the front is due.
      const current = this.findings.current(document);
      if (current) return this.onAnalysed(document, current, trigger);
    }
    this.cancel(document.uri);
    const entry: Pending = { cancel: new vscode.CancellationTokenSource() };
    entry.timer = setTimeout(() => void this.run(document, trigger, entry), trigger === 'open' ? OPEN_DELAY_MS : EDIT_DELAY_MS);
    this.pending.set(document.uri.toString(), entry);
  }

  /** Analyse now, without waiting (commands); the result is stored like any other. */
  async analyzeNow(document: vscode.TextDocument): Promise<DocumentFindings> {
    this.cancel(document.uri);
    const findings = await analyzeDocument(document, readSettings(document.uri), false);
    this.store(document, findings);
    return findings;
  }

  private async run(document: vscode.TextDocument, trigger: AnalysisTrigger, entry: Pending): Promise<void> {
    try {
      const findings = await analyzeDocument(document, readSettings(document.uri), true, entry.cancel.token);
      if (entry.cancel.token.isCancellationRequested || document.isClosed) return;
      if (this.store(document, findings)) this.onAnalysed(document, findings, trigger);
    } catch (e) {
      if (!(e instanceof AnalysisCancelled)) throw e;
    } finally {
      if (this.pending.get(document.uri.toString()) === entry) this.pending.delete(document.uri.toString());
      entry.cancel.dispose();
    }
  }

  /** Stores findings that still describe the document; a result overtaken by an edit is dropped. */
  private store(document: vscode.TextDocument, findings: DocumentFindings): boolean {
    if (findings.version !== document.version) return false;
    this.findings.set(findings);
    return true;
  }

  private cancel(uri: vscode.Uri): void {
    const p = this.pending.get(uri.toString());
    if (!p) return;
    if (p.timer) clearTimeout(p.timer);
    p.cancel.cancel();
    this.pending.delete(uri.toString());
  }

  dispose(): void {
    for (const p of this.pending.values()) {
      if (p.timer) clearTimeout(p.timer);
      p.cancel.cancel();
    }
    this.subscriptions.forEach((s) => s.dispose());
  }
}
