import * as vscode from 'vscode';
import type { ZhlensSettings } from '../settings';
import { skipReasonOf, type SkipReason } from './skipRules';

export type { SkipReason } from './skipRules';

/** Why the document is left alone (skipRules.ts), or undefined when it is to be analysed. */
export function skipReason(document: vscode.TextDocument, settings: ZhlensSettings, automatic: boolean): SkipReason | undefined {
  const facts = {
    scheme: document.uri.scheme,
    languageId: document.languageId,
    // Read only when the scheme is one zhlens looks at.
    get ignored() {
      return settings.ignore.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
    },
    get text() {
      return document.getText();
    },
  };
  return skipReasonOf(facts, settings.sizeLimitBytes, automatic);
}
