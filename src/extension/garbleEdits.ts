import * as vscode from 'vscode';
import { convertScript, spanEdits, type GarbleIssue, type TextEdit } from '../core';
import { repairInChunks } from './chunkedAnalysis';
import { announceRewrite } from './documentRewrites';
import { issueRange } from './garbleDiagnostics';
import type { ZhlensSettings } from './settings';

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
 * Fix all as one `WorkspaceEdit`, hence one undo step, made of the repair's own edit list: each
 * change as small as it can be, so that the cursor, folds and bookmarks elsewhere stay put.
 */
export async function prepareFixAll(document: vscode.TextDocument, settings: ZhlensSettings, token?: vscode.CancellationToken): Promise<PreparedFixAll | undefined> {
  const version = document.version;
  const text = document.getText();
  const repair = await repairInChunks(text, { kinds: settings.kinds, script: settings.preferredScript, languageId: document.languageId }, token);
  if (repair.text === text) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of coarsened(repair.edits, text)) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
  return { edit, version, spans: repair.applied.length, edits: repair.edits, repairedText: repair.text };
}

/** Edits an editor applies at once without trouble; more are joined with their neighbours. */
const MAX_DOCUMENT_EDITS = 1000;

/** The edit list in at most MAX_DOCUMENT_EDITS pieces: runs of neighbouring edits joined, the text between them kept. */
function coarsened(edits: readonly TextEdit[], text: string): readonly TextEdit[] {
  if (edits.length <= MAX_DOCUMENT_EDITS) return edits;
  const per = Math.ceil(edits.length / MAX_DOCUMENT_EDITS);
  const out: TextEdit[] = [];
  for (let k = 0; k < edits.length; k += per) {
    const group = edits.slice(k, k + per);
    const parts: string[] = [];
    group.forEach((e, j) => {
      if (j > 0) parts.push(text.slice(group[j - 1].end, e.start));
      parts.push(e.text);
    });
    out.push({ start: group[0].start, end: group[group.length - 1].end, text: parts.join('') });
  }
  return out;
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
