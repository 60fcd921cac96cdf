import * as vscode from 'vscode';
import { convertScript, repairWithFindings, spanEdits, type GarbleIssue, type TextEdit } from '../../core';
import { announceRewrite } from '../documentRewrites';
import type { DocumentFindings } from './garbleFindings';
import { coarsened } from './garbleFixes';
import { issueRange } from './garbleDiagnostics';
import type { ZhlensSettings } from '../settings';

/** An edit prepared against one version of a document. */
export interface PreparedFix {
  edit: vscode.WorkspaceEdit;
  /** The document version the edit was computed from; applying it to another would misplace it. */
  version: number;
  /** How many garbled spans it repairs. */
  spans: number;
  /** The repair's own edit list (offsets into that version): what notes in the text move through. */
  edits: readonly TextEdit[];
}

export interface PreparedFixAll extends PreparedFix {
  /** The whole document text after the edit (what Preview shows). */
  repairedText: string;
}

/**
 * Fix all as one `WorkspaceEdit`, hence one undo step, made from the findings the reader sees
 * (`findings`, of the document's current version): nothing is analysed again for them, only the
 * text a first repair leaves is looked at for a further layer, as `zhlens repair` does
 * (repairWithFindings). The edit is the repair's own edit list: each change as small as it can
 * be, so that the cursor, folds, bookmarks and notes elsewhere stay put.
 */
export function prepareFixAll(document: vscode.TextDocument, settings: ZhlensSettings, findings: DocumentFindings): PreparedFixAll | undefined {
  const version = document.version;
  const text = document.getText();
  // Findings of another version do not describe this text: an empty fix of their version, which
  // applyPreparedFix refuses with "the file changed".
  if (findings.version !== version) return { edit: new vscode.WorkspaceEdit(), version: findings.version, spans: 0, edits: [], repairedText: text };
  const repair = repairWithFindings(text, findings, { kinds: settings.kinds, script: settings.preferredScript, languageId: document.languageId });
  if (repair.text === text) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of coarsened(repair.edits, text)) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
  return { edit, version, spans: repair.applied.length, edits: repair.edits, repairedText: repair.text };
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
  const replaced: { start: number; end: number; replacement: string }[] = [];
  for (const i of issues) {
    const replacement = spanReplacement(document, i, settings);
    if (replacement === undefined) continue;
    edit.replace(document.uri, issueRange(document, i), replacement);
    replaced.push({ start: i.start, end: i.end, replacement });
  }
  if (!replaced.length) return undefined;
  replaced.sort((a, b) => a.start - b.start);
  return { edit, version: document.version, spans: replaced.length, edits: spanEdits(document.getText(), replaced) };
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
  const announcement = announceRewrite(document, fix.edits);
  try {
    if (!(await vscode.workspace.applyEdit(fix.edit))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: the editor refused the fix (is the file read-only?). Nothing was changed.'));
      return 'rejected';
    }
  } finally {
    announcement.dispose();
  }
  return 'applied';
}
