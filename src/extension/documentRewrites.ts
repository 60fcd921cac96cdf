import type * as vscode from 'vscode';
import type { TextEdit } from '../core';

/**
 * zhlens's own rewrites of a document (Fix all, fixes of spans, script conversion) announce
 * their exact edit list before they apply it. VS Code reports the change as it applied it, which
 * may be coarser (it merges a thousand edits into one, and Fix all may replace a whole region):
 * whoever keeps places in the text (the reader's notes) moves them through the announced list
 * instead, character for character.
 */
interface Announced {
  uri: string;
  /** The document version the edits were computed for. */
  version: number;
  edits: readonly TextEdit[];
  /** The text before the edits, for edits that keep a span's length. */
  before: string;
  /** The version of the change event that consumed it. */
  matched?: number;
}

const announced = new Map<string, Announced>();

/** Announces `edits` as the next change of `document`; dispose once the edit is applied or refused. */
export function announceRewrite(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.Disposable {
  const entry: Announced = { uri: document.uri.toString(), version: document.version, edits, before: document.getText() };
  announced.set(entry.uri, entry);
  return { dispose: () => announced.get(entry.uri) === entry && announced.delete(entry.uri) };
}

/** The announced edit list behind this change event, if the change is that rewrite. */
export function announcedRewrite(e: vscode.TextDocumentChangeEvent): { edits: readonly TextEdit[]; before: string } | undefined {
  const entry = announced.get(e.document.uri.toString());
  if (!entry || e.document.version <= entry.version || (entry.matched !== undefined && entry.matched !== e.document.version)) return undefined;
  const delta = (changes: readonly { length: number; text: string }[]) => changes.reduce((sum, c) => sum + c.text.length - c.length, 0);
  const expected = delta(entry.edits.map((x) => ({ length: x.end - x.start, text: x.text })));
  const actual = delta(e.contentChanges.map((c) => ({ length: c.rangeLength, text: c.text })));
  if (expected !== actual) return undefined;
  entry.matched = e.document.version;
  return { edits: entry.edits, before: entry.before };
}
