import * as vscode from 'vscode';
import type { DocumentFindings } from './garbleFindings';
import { issueMessage } from './garbleDiagnostics';
import { describeCounts, kindLabel } from './garbleKindLabels';
import { encodingLabel } from './wrongEncoding';
import { otherEncodingLabel } from './otherEncoding';

const SNIPPET = 24;

interface IssueItem extends vscode.QuickPickItem {
  range?: vscode.Range;
}

/**
 * Details of a document's findings: a list of every span (position, kind, text → repair, plan);
 * choosing one reveals it in the editor. A wrongly decoded file gets its two fixes instead.
 */
export async function showGarbleDetails(document: vscode.TextDocument, findings: DocumentFindings): Promise<void> {
  if (findings.wrongEncoding) {
    const label = encodingLabel(findings.wrongEncoding.detected);
    const reopen = vscode.l10n.t('Reopen as {0}', label);
    const convert = vscode.l10n.t('Convert to UTF-8');
    const answer = findings.wrongEncoding.editorEncoding
      ? await vscode.window.showWarningMessage(
          vscode.l10n.t('This file is in {0} but was opened as UTF-8, so its Chinese text shows as �. Reopen it as {0} or convert it to UTF-8.', label),
          reopen,
          convert,
        )
      : await vscode.window.showWarningMessage(vscode.l10n.t('This file is in {0} but was opened as UTF-8, so its Chinese text shows as �. VS Code cannot open {0}: convert it to UTF-8.', label), convert);
    if (answer === reopen) await vscode.commands.executeCommand('zhlens.reopenWithEncoding', document.uri);
    if (answer === convert) await vscode.commands.executeCommand('zhlens.convertToUtf8', document.uri);
    return;
  }
  if (findings.otherEncoding) {
    const label = otherEncodingLabel(findings.otherEncoding.name);
    const reopen = vscode.l10n.t('Reopen as {0}', label);
    const message = vscode.l10n.t('This file looks like {0} text, not Chinese, opened as UTF-8. zhlens leaves it alone.', label);
    const answer = findings.otherEncoding.editorEncoding
      ? await vscode.window.showInformationMessage(message, reopen)
      : await vscode.window.showInformationMessage(message);
    if (answer === reopen) await vscode.commands.executeCommand('zhlens.reopenWithEncoding', document.uri);
    return;
  }
  if (!findings.issues.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: no garbled text found.'));
    return;
  }
  const text = document.getText();
  const items: IssueItem[] = findings.issues.map((i) => {
    const range = new vscode.Range(document.positionAt(i.start), document.positionAt(i.end));
    const original = text.slice(i.start, Math.min(i.end, i.start + SNIPPET));
    return {
      label: `${range.start.line + 1}:${range.start.character + 1}  ${kindLabel(i.kind)}`,
      description: i.replacement === undefined ? original : `${original} → ${i.replacement || vscode.l10n.t('(removed)')}`,
      detail: issueMessage(i),
      range,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('zhlens: {0}', describeCounts(findings.issues)),
    placeHolder: vscode.l10n.t('Choose a span to show it in the editor'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked?.range) return;
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(picked.range.start, picked.range.end);
  editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
