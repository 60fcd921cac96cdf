import * as vscode from 'vscode';
import type { ZhlensSettings } from '../settings';
import { skipReasonOf, type SkipReason } from './skipRules';

export type { SkipReason } from './skipRules';

/**
 * Why the document is left alone (skipRules.ts), or undefined when it is to be analysed. `text`:
 * the document's text, read only if a rule needs it (the caller keeps it: getText() joins every
 * line again).
 */
export function skipReason(document: vscode.TextDocument, settings: ZhlensSettings, automatic: boolean, text: () => string = () => document.getText()): SkipReason | undefined {
  const facts = {
    scheme: document.uri.scheme,
    languageId: document.languageId,
    // Read only when the scheme is one zhlens looks at.
    get ignored() {
      return settings.ignore.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
    },
    get text() {
      return text();
    },
  };
  return skipReasonOf(facts, settings.sizeLimitBytes, automatic);
}
