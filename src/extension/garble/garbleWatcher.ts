import * as vscode from 'vscode';
import type { DocumentStates, SettleReason } from '../documentState';
import { AnalysisCancelled, analyzeDocument } from './documentAnalysis';
import type { DocumentFindings, GarbleFindings } from './garbleFindings';
import { readSettings } from '../settings';

/** `open`: the reader brought the document to the front (may notify); `edit`: its text or the settings changed. */
export type AnalysisTrigger = 'open' | 'edit';

/**
 * Keeps the findings of the documents in visible editors up to date: analyses on open, on
 * switching editors and after edits, once the document has settled (DocumentStates' one
 * debounce), one analysis per document at a time (a newer request cancels the older between
 * two windows).
 */
export class GarbleWatcher implements vscode.Disposable {
  private readonly running = new Map<string, vscode.CancellationTokenSource>();
  /** The documents whose running analysis was started by their coming into view. */
  private readonly runningOnOpen = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly states: DocumentStates,
    private readonly findings: GarbleFindings,
    private readonly onAnalysed: (document: vscode.TextDocument, findings: DocumentFindings, trigger: AnalysisTrigger) => void,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.schedule(e.document, 'open')),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        this.cancelHidden(editors);
        editors.forEach((e) => this.schedule(e.document, 'open'));
      }),
      states.onDidSettle(({ document, reasons }) => this.settled(document, reasons)),
      states.onDidClose((uri) => this.cancel(uri)),
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
    this.states.schedule(document, trigger);
  }

  /** Analyse now, without waiting (commands); the result is stored like any other. */
  analyzeNow(document: vscode.TextDocument): Promise<DocumentFindings> {
    this.cancel(document.uri);
    const running = analyzeDocument(document, readSettings(document.uri), false, this.states.of(document.uri).windows).then((findings) => {
      this.store(document, findings);
      return findings;
    });
    // It takes over from the analysis it cancelled: the features waiting for the verdict wait for this one.
    this.holdVerdict(document, running);
    return running;
  }

  private settled(document: vscode.TextDocument, reasons: ReadonlySet<SettleReason>): void {
    const open = reasons.has('open');
    if (open && !reasons.has('edit')) {
      const current = this.findings.current(document);
      if (current) return this.onAnalysed(document, current, 'open');
    }
    // An edit re-analyses only documents zhlens has looked at (`latest`); an open, any document.
    if (open ? !readSettings(document.uri).detectOnOpen : !(reasons.has('edit') && this.findings.latest(document.uri))) return;
    void this.run(document, open ? 'open' : 'edit');
  }

  /** One analysis; the document's state holds it while it runs, for the features that wait for the verdict. */
  private run(document: vscode.TextDocument, trigger: AnalysisTrigger): Promise<void> {
    const running = this.analyse(document, trigger);
    this.holdVerdict(document, running);
    return running;
  }

  /** The document's state holds `running` while it runs (DocumentStates.afterVerdict). */
  private holdVerdict(document: vscode.TextDocument, running: Promise<unknown>): void {
    const state = this.states.of(document.uri);
    state.verdict = running;
    running
      .finally(() => {
        if (state.verdict === running) state.verdict = undefined;
      })
      .catch(() => undefined); // the caller hears the failure through `running`
  }

  private async analyse(document: vscode.TextDocument, trigger: AnalysisTrigger): Promise<void> {
    this.cancel(document.uri);
    const cancel = new vscode.CancellationTokenSource();
    const key = document.uri.toString();
    this.running.set(key, cancel);
    if (trigger === 'open') this.runningOnOpen.add(key);
    const timings = this.states.timings;
    const t0 = performance.now();
    timings.stage(document, 'analysis started');
    try {
      // The document's state holds the windows cache, made by the core: its first use loads the core.
      const windows = this.states.of(document.uri).windows;
      timings.step(document, 'core ready', t0);
      const t1 = performance.now();
      const findings = await analyzeDocument(document, readSettings(document.uri), true, windows, cancel.token);
      if (cancel.token.isCancellationRequested || document.isClosed) return;
      timings.step(document, 'analysed', t1, `${trigger}: ${findings.issues.length} findings, ${findings.regions.length} windows`);
      const t2 = performance.now();
      if (!this.store(document, findings)) return;
      timings.step(document, 'diagnostics set', t2);
      this.onAnalysed(document, findings, trigger);
    } catch (e) {
      if (!(e instanceof AnalysisCancelled)) throw e;
    } finally {
      if (this.running.get(key) === cancel) {
        this.running.delete(key);
        this.runningOnOpen.delete(key);
      }
      cancel.dispose();
    }
  }

  /** Stores findings that still describe the document; a result overtaken by an edit is dropped. */
  private store(document: vscode.TextDocument, findings: DocumentFindings): boolean {
    if (findings.version !== document.version) return false;
    this.findings.set(findings);
    return true;
  }

  private cancel(uri: vscode.Uri): void {
    const running = this.running.get(uri.toString());
    running?.cancel();
    this.running.delete(uri.toString());
    this.runningOnOpen.delete(uri.toString());
  }

  /**
   * Documents are looked at as soon as they come into view, with no wait: one the reader has
   * already left (flicking through files) stops being analysed between two windows. The windows
   * already read are kept, and its analysis goes on from them when it is back in view.
   */
  private cancelHidden(editors: readonly vscode.TextEditor[]): void {
    const visible = new Set(editors.map((e) => e.document.uri.toString()));
    for (const key of [...this.runningOnOpen]) if (!visible.has(key)) this.cancel(vscode.Uri.parse(key));
  }

  dispose(): void {
    for (const c of this.running.values()) c.cancel();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
