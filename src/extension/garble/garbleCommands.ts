import * as vscode from 'vscode';
import { convertScriptWithEdits, type GarbleIssue, type ScriptTarget, type TextEdit } from '../../core';
import { announceRewrite } from '../documentRewrites';
import { showGarbleDetails } from './garbleDetails';
import { describeCounts } from './garbleKindLabels';
import { applyPreparedFix, prepareFixAll, prepareSpanFix } from './garbleEdits';
import { issuesInSelections } from './garbleFixes';
import type { DocumentFindings, GarbleFindings } from './garbleFindings';
import type { GarbleNotifier } from './garbleNotification';
import { PREVIEW_SCHEME, type GarblePreview } from './garblePreview';
import type { SkipReason } from './garbleScope';
import type { GarbleWatcher } from './garbleWatcher';
import { scanFolder } from './folderScan';
import { readSettings } from '../settings';
import { convertFileToUtf8, encodingLabel, reopenWithDetectedEncoding } from './wrongEncoding';
import { otherEncodingLabel } from './otherEncoding';

export interface GarbleServices {
  findings: GarbleFindings;
  watcher: GarbleWatcher;
  preview: GarblePreview;
  notifier: GarbleNotifier;
  output: vscode.OutputChannel;
}

/**
 * The commands of the garbling feature. Those that act on a file take its URI as first argument
 * (explorer and editor menus, notification buttons pass it) and fall back to the active editor.
 */
export function registerGarbleCommands(context: vscode.ExtensionContext, services: GarbleServices): void {
  const { findings, watcher, preview, notifier, output } = services;

  /** The findings of the document's current text, analysing it if they are stale. */
  const currentFindings = async (document: vscode.TextDocument): Promise<DocumentFindings> => findings.current(document) ?? (await watcher.analyzeNow(document));

  /** The findings, or undefined after telling the reader why there are none to act on. */
  const actionableFindings = async (document: vscode.TextDocument): Promise<DocumentFindings | undefined> => {
    const f = await currentFindings(document);
    if (f.skipped) {
      explainSkip(f.skipped);
      return undefined;
    }
    if (f.wrongEncoding) {
      // The text is a wrong decoding of the bytes: repairing it would bake the loss in.
      const label = encodingLabel(f.wrongEncoding.detected);
      void vscode.window.showWarningMessage(
        f.wrongEncoding.editorEncoding
          ? vscode.l10n.t('zhlens: this file is in {0} but was opened as UTF-8; reopen it as {0} first (zhlens: Reopen with Detected Encoding).', label)
          : vscode.l10n.t('zhlens: this file is in {0} but was opened as UTF-8; convert it to UTF-8 first (zhlens: Convert File to UTF-8).', label),
      );
      return undefined;
    }
    if (f.otherEncoding) {
      // Another language's bytes shown as UTF-8: nothing in that text is zhlens's to repair.
      void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: this file looks like {0} text, opened as UTF-8; zhlens leaves it alone.', otherEncodingLabel(f.otherEncoding.name)));
      return undefined;
    }
    return f;
  };

  const register = (id: string, run: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register('zhlens.detect', async (uri?: vscode.Uri) => {
    const document = await targetDocument(uri);
    if (!document) return [];
    const f = await watcher.analyzeNow(document);
    if (f.skipped) explainSkip(f.skipped);
    else if (f.wrongEncoding || f.otherEncoding) await showGarbleDetails(document, f);
    else if (f.issues.length) void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: This file looks garbled: {0}.', describeCounts(f.issues)));
    else void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: no garbled text found.'));
    return f.issues;
  });

  register('zhlens.fixAll', async (uri?: vscode.Uri) => {
    const document = await targetDocument(uri);
    const f = document && (await actionableFindings(document));
    if (!document || !f) return false;
    return (await applyPreparedFix(document, prepareFixAll(document, readSettings(document.uri), f))) === 'applied';
  });

  register('zhlens.fixSelection', async () => {
    const editor = vscode.window.activeTextEditor;
    const document = editor && (await targetDocument(editor.document.uri));
    if (!editor || !document) return false;
    const f = await actionableFindings(document);
    if (!f) return false;
    const selections = editor.selections.filter((s) => !s.isEmpty).map((s) => [document.offsetAt(s.start), document.offsetAt(s.end)] as const);
    if (!selections.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: select the text to fix first.'));
      return false;
    }
    const inSelection = issuesInSelections(f.issues, selections);
    return (await applyPreparedFix(document, prepareSpanFix(document, inSelection, readSettings(document.uri)))) === 'applied';
  });

  register('zhlens.fixSpan', async (uriString: string, start: number, end: number, version: number) => {
    const document = await targetDocument(vscode.Uri.parse(uriString));
    if (!document) return false;
    const f = findings.current(document);
    const issue: GarbleIssue | undefined = f?.issues.find((i) => i.start === start && i.end === end);
    const fix = issue && document.version === version ? prepareSpanFix(document, [issue], readSettings(document.uri)) : undefined;
    if (!fix && document.version !== version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: the file changed while the fix was being prepared; nothing was changed. Run the fix again.'));
      return false;
    }
    return (await applyPreparedFix(document, fix)) === 'applied';
  });

  register('zhlens.previewFix', async (uri?: vscode.Uri) => {
    const document = await targetDocument(uri);
    const f = document && (await actionableFindings(document));
    if (!document || !f) return undefined;
    const fix = prepareFixAll(document, readSettings(document.uri), f);
    if (!fix) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: nothing to fix.'));
      return undefined;
    }
    return preview.show(document, fix);
  });

  register('zhlens.applyPreviewedFix', async () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    const shown = tab?.input instanceof vscode.TabInputTextDiff ? tab.input.modified : vscode.window.activeTextEditor?.document.uri;
    const previewed = shown?.scheme === PREVIEW_SCHEME ? preview.lookup(shown) : undefined;
    if (!previewed) return false;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === previewed.source.toString());
    if (!document) return false;
    const applied = (await applyPreparedFix(document, previewed.fix)) === 'applied';
    if (applied && tab) await vscode.window.tabGroups.close(tab);
    return applied;
  });

  register('zhlens.showDetails', async (uri?: vscode.Uri) => {
    const document = await targetDocument(uri);
    if (!document) return;
    const f = await currentFindings(document);
    if (f.skipped) explainSkip(f.skipped);
    else await showGarbleDetails(document, f);
  });

  register('zhlens.reopenWithEncoding', async (uri?: vscode.Uri) => {
    const target = targetUri(uri);
    return target && reopenWithDetectedEncoding(target);
  });

  register('zhlens.convertToUtf8', async (uri?: vscode.Uri) => {
    const target = targetUri(uri);
    return !!target && convertFileToUtf8(target, readSettings(target));
  });

  register('zhlens.toSimplified', (uri?: vscode.Uri) => convertSelectionOrDocument(uri, 'simplified'));
  register('zhlens.toTraditional', (uri?: vscode.Uri) => convertSelectionOrDocument(uri, 'traditional'));

  const folderCommand = (mode: 'scan' | 'fix') => async (uri?: vscode.Uri) => {
    const folder = uri ?? (await vscode.window.showWorkspaceFolderPick())?.uri;
    return folder && scanFolder(folder, mode, output);
  };
  register('zhlens.scanFolder', folderCommand('scan'));
  register('zhlens.fixFolder', folderCommand('fix'));

  register('zhlens.askAgain', () => notifier.askAgain());
}

function noEditor(): undefined {
  void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: open a text file first. (Files over 50 MB are never passed to extensions.)'));
  return undefined;
}

/** The document a command acts on: the one named by `uri`, else the active editor's. */
async function targetDocument(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) {
    try {
      return await vscode.workspace.openTextDocument(uri);
    } catch (e) {
      void vscode.window.showWarningMessage(vscode.l10n.t('zhlens cannot open {0} as text: {1}', vscode.workspace.asRelativePath(uri), e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  }
  return vscode.window.activeTextEditor?.document ?? noEditor();
}

function targetUri(uri?: vscode.Uri): vscode.Uri | undefined {
  return uri instanceof vscode.Uri ? uri : (vscode.window.activeTextEditor?.document.uri ?? noEditor());
}

function explainSkip(reason: SkipReason): void {
  const message: Record<SkipReason, string> = {
    scheme: vscode.l10n.t('zhlens only checks files and untitled documents.'),
    ignored: vscode.l10n.t('zhlens: this file matches zhlens.ignore and is not checked.'),
    'too-large': vscode.l10n.t('zhlens: this file is larger than the size limit (zhlens.sizeLimitMB) and was not checked.'),
    binary: vscode.l10n.t('zhlens: this file is binary; there is no text to check.'),
    'not-chinese': vscode.l10n.t('zhlens: no Chinese text in this file.'),
  };
  void vscode.window.showInformationMessage(message[reason]);
}

async function convertSelectionOrDocument(uri: vscode.Uri | undefined, target: ScriptTarget): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || (uri instanceof vscode.Uri && editor.document.uri.toString() !== uri.toString())) {
    const document = await targetDocument(uri);
    if (!document) return false;
    return convertRanges(document, [fullRange(document)], target);
  }
  const selections = editor.selections.filter((s) => !s.isEmpty);
  return convertRanges(editor.document, selections.length ? selections : [fullRange(editor.document)], target);
}

/** One WorkspaceEdit for all ranges: one undo step, announced with its character-for-character edit list. */
async function convertRanges(document: vscode.TextDocument, ranges: readonly vscode.Range[], target: ScriptTarget): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  const edits: TextEdit[] = [];
  for (const r of [...ranges].sort((a, b) => a.start.compareTo(b.start))) {
    const offset = document.offsetAt(r.start);
    const converted = convertScriptWithEdits(document.getText(r), target);
    if (!converted.edits.length) continue;
    edit.replace(document.uri, r, converted.text);
    edits.push(...converted.edits.map((e) => ({ start: e.start + offset, end: e.end + offset, text: e.text })));
  }
  if (edit.size === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: nothing to convert.'));
    return false;
  }
  const announcement = announceRewrite(document, edits);
  let ok: boolean;
  try {
    ok = await vscode.workspace.applyEdit(edit);
  } finally {
    announcement.dispose();
  }
  if (!ok) void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: the editor refused the fix (is the file read-only?). Nothing was changed.'));
  return ok;
}

function fullRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(document.positionAt(0), document.lineAt(document.lineCount - 1).range.end);
}
