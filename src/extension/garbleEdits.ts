import * as vscode from 'vscode';
import { applyIssues, convertScript, type GarbleIssue } from '../core';
import { repairInChunks } from './chunkedAnalysis';
import { issueRange } from './garbleDiagnostics';
import type { ZhlensSettings } from './settings';

/** An edit prepared against one version of a document. */
export interface PreparedFix {
  edit: vscode.WorkspaceEdit;
  /** The document version the edit was computed from; applying it to another would misplace it. */
  version: number;
  /** How many garbled spans it repairs. */
  spans: number;
}

export interface PreparedFixAll extends PreparedFix {
  /** The whole document text after the edit (what Preview shows). */
  repairedText: string;
}

/**
 * Fix all as one `WorkspaceEdit`, hence one undo step. When the repair is exactly the first
 * pass's spans, each span is its own replacement (the cursor, folds and bookmarks elsewhere stay
 * put); when later passes or a script conversion changed more, the changed middle of the text is
 * replaced in one piece.
 */
export async function prepareFixAll(document: vscode.TextDocument, settings: ZhlensSettings, token?: vscode.CancellationToken): Promise<PreparedFixAll | undefined> {
  const version = document.version;
  const text = document.getText();
  const repair = await repairInChunks(text, { kinds: settings.kinds, script: settings.preferredScript, languageId: document.languageId }, token);
  if (repair.text === text) return undefined;
  const edit = new vscode.WorkspaceEdit();
  if (applyIssues(text, repair.applied) === repair.text) {
    for (const i of repair.applied) edit.replace(document.uri, issueRange(document, i), i.replacement!);
  } else {
    const { start, end, replacement } = changedMiddle(text, repair.text);
    edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), replacement);
  }
  return { edit, version, spans: repair.applied.length, repairedText: repair.text };
}

/** The smallest [start, end) of `before` whose replacement turns it into `after`. */
function changedMiddle(before: string, after: string): { start: number; end: number; replacement: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, end: before.length - tail, replacement: after.slice(start, after.length - tail) };
}

/** The replacement of one span: its repair, or for mixed script the conversion to the preferred script. */
export function spanReplacement(document: vscode.TextDocument, issue: GarbleIssue, settings: ZhlensSettings): string | undefined {
  if (issue.replacement !== undefined) return issue.replacement;
  if (issue.kind === 'mixed-script' && settings.preferredScript !== 'keep') {
    return convertScript(document.getText(issueRange(document, issue)), settings.preferredScript);
  }
  return undefined;
}

/** One edit repairing the given spans (those that can be repaired); undefined when none can. */
export function prepareSpanFix(document: vscode.TextDocument, issues: readonly GarbleIssue[], settings: ZhlensSettings): PreparedFix | undefined {
  const edit = new vscode.WorkspaceEdit();
  let spans = 0;
  for (const i of issues) {
    const replacement = spanReplacement(document, i, settings);
    if (replacement === undefined) continue;
    edit.replace(document.uri, issueRange(document, i), replacement);
    spans++;
  }
  if (!spans) return undefined;
  return { edit, version: document.version, spans };
}

export type FixOutcome = 'applied' | 'nothing' | 'changed' | 'rejected';

/**
 * Apply a prepared fix if the document is still the version it was prepared for. A document
 * edited (or reloaded from disk) meanwhile is left alone with a message: the fix would land on
 * the wrong characters.
 */
export async function applyPreparedFix(document: vscode.TextDocument, fix: PreparedFix | undefined): Promise<FixOutcome> {
  if (!fix) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: nothing to fix.'));
    return 'nothing';
  }
  if (document.isClosed || document.version !== fix.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: the file changed while the fix was being prepared; nothing was changed. Run the fix again.'));
    return 'changed';
  }
  if (!(await vscode.workspace.applyEdit(fix.edit))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: the editor refused the fix (is the file read-only?). Nothing was changed.'));
    return 'rejected';
  }
  return 'applied';
}
