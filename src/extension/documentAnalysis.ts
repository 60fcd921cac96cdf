import type * as vscode from 'vscode';
import { analyzeInChunks } from './chunkedAnalysis';
import type { DocumentFindings } from './garbleFindings';
import { skipReason } from './garbleScope';
import type { ZhlensSettings } from './settings';
import { detectWrongEncoding } from './wrongEncoding';

/**
 * Findings for the document as it is now: skipped, wrongly decoded (judged on the file's bytes),
 * or the garbled spans of its text. `automatic` is true for detection on open.
 */
export async function analyzeDocument(document: vscode.TextDocument, settings: ZhlensSettings, automatic: boolean, token?: vscode.CancellationToken): Promise<DocumentFindings> {
  const base = { uri: document.uri, version: document.version, issues: [] };
  const skipped = skipReason(document, settings, automatic);
  if (skipped) return { ...base, skipped };
  if (settings.kinds.includes('wrong-encoding')) {
    const wrongEncoding = await detectWrongEncoding(document, settings);
    if (wrongEncoding) return { ...base, wrongEncoding };
  }
  const issues = await analyzeInChunks(document.getText(), { kinds: settings.kinds, languageId: document.languageId }, token);
  return { ...base, issues };
}
