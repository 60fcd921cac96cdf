import * as vscode from 'vscode';
import { createWindowCache, type Section, type WindowCache } from '../core';
import type { ArticleAnalysis } from './article/articleAnalysis';
import type { DecorationRange } from './article/articleDecorations';
import type { DocumentFindings } from './garble/garbleFindings';
import { SettleDebounce } from './settleDebounce';
import { TimingLog } from './timingLog';

/**
 * Everything zhlens keeps about one open document, in one place: made on first use, dropped when
 * the document closes. Each feature keeps its results here rather than in a map of its own.
 */
export interface DocumentState {
  /** The windows of the last garbling analyses: after an edit only the windows it touched are read again. */
  readonly windows: WindowCache;
  /** The latest garbling findings (maybe of an older version: `version` says which). */
  garble?: DocumentFindings;
  /** Figures, organizations and sections of one version. */
  article?: ArticleAnalysis;
  /** Sections alone of one version (the outline asked before the rest of the article was read). */
  sections?: { version: number; sections: Section[] };
  /** The garbling analysis running on the document, if one is: what the other features wait for. */
  verdict?: Promise<unknown>;
  /** The reader has been told about this document's garbling in this session. */
  announced?: boolean;
  /** The highlights last drawn in its editors (VS Code cannot read decorations back). */
  highlights?: DecorationRange[];
}

/**
 * Why a document is due for another look: `open` (it came to the front), `edit` (its text or the
 * settings changed), `view` (the visible lines changed, for the highlights of a long document).
 */
export type SettleReason = 'open' | 'edit' | 'view';

// setImmediate on Node; the browser's worker has only setTimeout.
const nextTurn = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/**
 * Waits before a document is looked at again: typing, or scrolling, costs one look, not many. A
 * document coming into view is looked at in the next turn, with no wait: its garbling verdict is
 * what the reader waits for (an analysis of a document the reader has already left stops between
 * two windows: GarbleWatcher).
 */
const DELAY_MS: Record<SettleReason, number> = { open: 0, edit: 300, view: 300 };

export interface Settled {
  document: vscode.TextDocument;
  /** Every reason asked for since the last time the document settled. */
  reasons: ReadonlySet<SettleReason>;
}

/**
 * The documents' states, their one lifecycle (open → edits → close) and their one debounce: the
 * features ask `schedule`, and all of them hear `onDidSettle` once the document has been quiet
 * for a moment, with every reason asked for meanwhile.
 */
export class DocumentStates implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly documents = new Map<string, vscode.TextDocument>();
  private readonly debounce = new SettleDebounce<SettleReason>((key, reasons) => {
    const document = this.documents.get(key);
    this.documents.delete(key);
    if (document && !document.isClosed) this.settled.fire({ document, reasons });
  });
  private readonly settled = new vscode.EventEmitter<Settled>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidSettle = this.settled.event;
  /** After a document closed and its state is gone. */
  readonly onDidClose = this.closed.event;
  /** Step timings of every feature, in the output channel when the debug setting is on. */
  readonly timings: TimingLog;

  constructor(output: vscode.OutputChannel) {
    this.timings = new TimingLog(output);
    this.subscriptions = [
      this.settled,
      this.closed,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document, 'edit');
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.debounce.cancel(key);
        this.documents.delete(key);
        this.states.delete(key);
        this.timings.closed(d.uri);
        this.closed.fire(d.uri);
      }),
    ];
  }

  /** The state of the document at `uri`, made empty on first use. */
  of(uri: vscode.Uri): DocumentState {
    const key = uri.toString();
    let state = this.states.get(key);
    if (!state) {
      state = { windows: createWindowCache() };
      this.states.set(key, state);
    }
    return state;
  }

  /** The state of the document at `uri` if zhlens has one. */
  peek(uri: vscode.Uri): DocumentState | undefined {
    return this.states.get(uri.toString());
  }

  /** Every state (for a settings change that makes a feature's results stale). */
  all(): IterableIterator<DocumentState> {
    return this.states.values();
  }

  /**
   * Resolves once no garbling verdict is due on the document: at once when none is, else after
   * the look it is scheduled for and the analysis that look starts (DocumentState.verdict). The
   * reader waits for the verdict; highlights, the Article view and the outline come after it.
   */
  async afterVerdict(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    // A turn first: the garbling feature hears the same settle and starts its analysis in it.
    await nextTurn();
    if (this.documents.has(key)) {
      await new Promise<void>((resolve) => {
        const done = [
          this.onDidSettle((e) => e.document.uri.toString() === key && finish()),
          this.onDidClose((uri) => uri.toString() === key && finish()),
        ];
        const finish = () => {
          done.forEach((d) => d.dispose());
          resolve();
        };
      });
      await nextTurn();
    }
    // An analysis may be cancelled and taken over by a newer one (a command's): wait for the last.
    for (let verdict = this.states.get(key)?.verdict; verdict; ) {
      await verdict.catch(() => undefined);
      const next = this.states.get(key)?.verdict;
      if (next === verdict) break;
      verdict = next;
    }
  }

  /** Ask for a look at the document once it has been quiet for a moment. */
  schedule(document: vscode.TextDocument, reason: SettleReason): void {
    const key = document.uri.toString();
    if (reason === 'open') this.timings.opened(document);
    this.documents.set(key, document);
    this.debounce.schedule(key, reason, DELAY_MS[reason]);
  }

  dispose(): void {
    this.debounce.dispose();
    this.documents.clear();
    this.states.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}
