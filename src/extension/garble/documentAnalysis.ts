import type * as vscode from 'vscode';
import { fileVerdict, type FileAnalysis, type WindowCache } from '../../core';
import type { DocumentFindings } from './garbleFindings';
import { skipReason } from './garbleScope';
import type { ZhlensSettings } from '../settings';
import { bytesToJudge, wrongEncodingOf } from './wrongEncoding';
import { otherEncodingOf } from './otherEncoding';

/** Thrown when the token is cancelled between two windows. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

/**
 * Lets the extension host's other work run: `setImmediate` on Node; the browser's worker has
 * none, and there a zero timeout does it.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * Runs the core's verdict a window at a time: the extension host runs every extension on one
 * thread, and a window of text dense with garbling takes a while, so other work gets a turn
 * between two windows, and a newer request (the token) stops an older one there.
 */
export async function verdictInTurns(steps: Generator<unknown, FileAnalysis, void>, token?: vscode.CancellationToken): Promise<FileAnalysis> {
  for (;;) {
    if (token?.isCancellationRequested) throw new AnalysisCancelled();
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

/**
 * Findings for the document as it is now: skipped, wrongly decoded (judged on the file's bytes),
 * or the garbled spans of its text, from the same verdict and windows as `zhlens detect`.
 * `automatic` is true for detection on open; `windows` keeps the windows of earlier analyses.
 */
export async function analyzeDocument(document: vscode.TextDocument, settings: ZhlensSettings, automatic: boolean, windows: WindowCache, token?: vscode.CancellationToken): Promise<DocumentFindings> {
  const base = { uri: document.uri, version: document.version, issues: [], regions: [] };
  // The text joined once for the rules and the analysis (getText() joins every line again).
  let joined: string | undefined;
  const skipped = skipReason(document, settings, automatic, () => (joined ??= document.getText()));
  if (skipped) return { ...base, skipped };
  const text = joined ?? document.getText();
  // In source code (languageId) only comments and strings are looked at.
  const options = { kinds: settings.kinds, languageId: document.languageId, legacyText: 'skip' as const };
  const bytes = settings.kinds.includes('wrong-encoding') ? await bytesToJudge(document, settings, text) : undefined;
  let verdict = await verdictInTurns(fileVerdict({ bytes, text }, options, { cache: windows }), token);
  // Bytes that look binary say nothing about the text the editor shows: judge that text alone.
  if (verdict.detection.binary) verdict = await verdictInTurns(fileVerdict({ text }, options, { cache: windows }), token);
  const wrongEncoding = wrongEncodingOf(verdict);
  if (wrongEncoding) return { ...base, wrongEncoding };
  const otherEncoding = otherEncodingOf(verdict);
  if (otherEncoding) return { ...base, otherEncoding };
  return { ...base, issues: verdict.issues, regions: verdict.regions };
}
