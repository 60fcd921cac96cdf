import * as vscode from 'vscode';
import type { ZhlensSettings } from '../settings';

/**
 * Which documents zhlens looks at. Output panels, git's views of old revisions, diff previews and
 * other virtual documents are not files a reader can repair; binary files opened as text anyway
 * are noise to every detector.
 */
const ANALYSED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata']);
/** Languages looked at on open whatever their content; any other only when it contains Chinese. */
const PROSE_LANGUAGES = new Set(['plaintext', 'markdown']);
/** CJK ideographs (basic and extension A) and the CJK punctuation block. */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff]/;

export type SkipReason = 'scheme' | 'ignored' | 'too-large' | 'binary' | 'not-chinese';

/**
 * Why the document is left alone, or undefined when it is to be analysed. `automatic` is true
 * for detection on open: then source code without any Chinese is skipped too.
 */
export function skipReason(document: vscode.TextDocument, settings: ZhlensSettings, automatic: boolean): SkipReason | undefined {
  if (!ANALYSED_SCHEMES.has(document.uri.scheme)) return 'scheme';
  if (settings.ignore.some((pattern) => vscode.languages.match({ pattern }, document) > 0)) return 'ignored';
  const text = document.getText();
  if (text.includes('\u0000')) return 'binary';
  // Before the size: a large log or data file without Chinese is no concern of zhlens at all.
  if (automatic && !PROSE_LANGUAGES.has(document.languageId) && !CHINESE.test(text)) return 'not-chinese';
  if (text.length > settings.sizeLimitBytes) return 'too-large';
  return undefined;
}
