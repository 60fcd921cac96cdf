import * as vscode from 'vscode';
import type { DocumentFindings, GarbleFindings } from './garbleFindings';
import { kindLabel } from './garbleKindLabels';
import { prepareFixAll, spanReplacement } from './garbleEdits';
import { readSettings } from '../settings';
import { encodingLabel } from './wrongEncoding';
import { otherEncodingLabel } from './otherEncoding';

/** `source.fixAll.zhlens`: what `editor.codeActionsOnSave` users list to repair on save. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('zhlens');

/**
 * Quick fixes on zhlens diagnostics (this span; all in the file; reopen or convert a wrongly
 * decoded file) and the source fix-all action.
 */
export class GarbleCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };

  /** `analyze`: the findings of the document's current version, analysing it when they are stale. */
  constructor(private readonly findings: GarbleFindings, private readonly analyze: (document: vscode.TextDocument) => Promise<DocumentFindings>) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const settings = readSettings(document.uri);
    // The fix-all edit costs a repair: only computed when a fix-all is asked for (on save). It
    // applies the findings of the current version, as Fix all does; a skipped or wrongly decoded
    // document has none to apply.
    if (context.only && FIX_ALL_KIND.intersects(context.only)) {
      const current = await this.analyze(document);
      const fix = !current.skipped && !current.wrongEncoding ? prepareFixAll(document, settings, current) : undefined;
      if (!fix || fix.edit.size === 0 || token.isCancellationRequested) return [];
      const action = new vscode.CodeAction(vscode.l10n.t('Fix all garbled text (zhlens)'), FIX_ALL_KIND);
      action.edit = fix.edit;
      return [action];
    }
    const f = this.findings.current(document);
    const ours = context.diagnostics.filter((d) => d.source === 'zhlens');
    if (!f || !ours.length) return [];
    if (f.wrongEncoding) {
      const label = encodingLabel(f.wrongEncoding.detected);
      const convert = commandAction(vscode.l10n.t('Convert to UTF-8'), 'zhlens.convertToUtf8', [document.uri], ours, !f.wrongEncoding.editorEncoding);
      if (!f.wrongEncoding.editorEncoding) return [convert];
      return [commandAction(vscode.l10n.t('Reopen as {0}', label), 'zhlens.reopenWithEncoding', [document.uri], ours, true), convert];
    }
    if (f.otherEncoding) {
      if (!f.otherEncoding.editorEncoding) return [];
      return [commandAction(vscode.l10n.t('Reopen as {0}', otherEncodingLabel(f.otherEncoding.name)), 'zhlens.reopenWithEncoding', [document.uri], ours, true)];
    }
    const actions: vscode.CodeAction[] = [];
    for (const d of ours) {
      const start = document.offsetAt(d.range.start);
      const issue = f.issues.find((i) => i.start === start && i.kind === d.code);
      const replacement = issue && spanReplacement(document, issue, settings);
      if (replacement === undefined) continue;
      const title = replacement === ''
        ? vscode.l10n.t('Remove this {0}', kindLabel(issue!.kind).toLowerCase())
        : vscode.l10n.t('Repair to “{0}”', replacement);
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, d.range, replacement);
      action.diagnostics = [d];
      action.isPreferred = true;
      actions.push(action);
    }
    const fixable = f.issues.filter((i) => spanReplacement(document, i, settings) !== undefined).length;
    if (fixable > 1) actions.push(commandAction(vscode.l10n.t('Fix all {0} garbled spans in this file', fixable), 'zhlens.fixAll', [document.uri], ours, false));
    return actions;
  }
}

function commandAction(title: string, command: string, args: unknown[], diagnostics: vscode.Diagnostic[], preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { title, command, arguments: args };
  action.diagnostics = diagnostics;
  action.isPreferred = preferred;
  return action;
}
