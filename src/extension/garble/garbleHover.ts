import * as vscode from 'vscode';
import type { GarbleFindings } from './garbleFindings';
import { kindLabel } from './garbleKindLabels';
import { encodingLabel } from './wrongEncoding';

/** Hover on a garbled span: what it is, the repair plan step by step, and what it becomes. */
export class GarbleHoverProvider implements vscode.HoverProvider {
  constructor(private readonly findings: GarbleFindings) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const f = this.findings.current(document);
    if (!f) return undefined;
    if (f.wrongEncoding) {
      if (!document.lineAt(position.line).text.includes('\uFFFD')) return undefined;
      const label = encodingLabel(f.wrongEncoding.detected);
      const md = new vscode.MarkdownString(undefined, true);
      md.isTrusted = { enabledCommands: ['zhlens.reopenWithEncoding', 'zhlens.convertToUtf8'] };
      md.appendMarkdown(`**zhlens** · ${vscode.l10n.t('This file is in {0} but was opened as UTF-8.', label)}\n\n`);
      md.appendMarkdown(`[${vscode.l10n.t('Reopen as {0}', label)}](command:zhlens.reopenWithEncoding) · [${vscode.l10n.t('Convert to UTF-8')}](command:zhlens.convertToUtf8)`);
      return new vscode.Hover(md);
    }
    const offset = document.offsetAt(position);
    const issue = f.issues.find((i) => i.start <= offset && offset < i.end);
    if (!issue) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ['zhlens.fixSpan', 'zhlens.fixAll'] };
    md.appendMarkdown(`**zhlens** · ${kindLabel(issue.kind)} (${vscode.l10n.t('confidence {0}%', Math.round(issue.confidence * 100))})\n\n`);
    md.appendMarkdown(`${vscode.l10n.t('Repair plan:')}\n\n`);
    issue.plan.forEach((step, n) => md.appendMarkdown(`${n + 1}. ${escapeMarkdown(step)}\n`));
    md.appendMarkdown('\n');
    if (issue.lossy) {
      md.appendMarkdown(vscode.l10n.t('The original characters are lost; zhlens can only mark this span.'));
    } else if (issue.replacement !== undefined) {
      const shown = issue.replacement === '' ? vscode.l10n.t('(removed)') : `\`${issue.replacement}\``;
      const args = encodeURIComponent(JSON.stringify([document.uri.toString(), issue.start, issue.end, document.version]));
      md.appendMarkdown(`${vscode.l10n.t('Becomes: {0}', shown)}\n\n`);
      md.appendMarkdown(`[${vscode.l10n.t('Fix this span')}](command:zhlens.fixSpan?${args}) · [${vscode.l10n.t('Fix all in file')}](command:zhlens.fixAll)`);
    }
    return new vscode.Hover(md, new vscode.Range(document.positionAt(issue.start), document.positionAt(issue.end)));
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
