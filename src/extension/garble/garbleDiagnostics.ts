import * as vscode from 'vscode';
import type { GarbleIssue } from '../../core';
import type { DocumentFindings, GarbleFindings, WrongEncoding } from './garbleFindings';
import { kindLabel } from './garbleKindLabels';
import { encodingLabel } from './wrongEncoding';
import { otherEncodingLabel, type OtherEncoding } from './otherEncoding';

/** Problems-panel entries for the garbled spans of each analysed document, one per span, coded by kind. */
export class GarbleDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('zhlens');
  private readonly subscription: vscode.Disposable;

  constructor(findings: GarbleFindings) {
    this.subscription = findings.onDidChange((uri) => {
      const f = findings.latest(uri);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!f || !document) this.collection.delete(uri);
      else this.collection.set(uri, toDiagnostics(document, f));
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

function toDiagnostics(document: vscode.TextDocument, findings: DocumentFindings): vscode.Diagnostic[] {
  if (findings.wrongEncoding) return [wrongEncodingDiagnostic(document, findings.wrongEncoding)];
  if (findings.otherEncoding) return [otherEncodingDiagnostic(document, findings.otherEncoding)];
  return findings.issues.map((i) => issueDiagnostic(document, i));
}

/** One sentence a reader can act on: what the span is, what it becomes, and the plan that gets there. */
export function issueMessage(issue: GarbleIssue): string {
  const label = kindLabel(issue.kind);
  const plan = issue.plan.join(' → ');
  if (issue.lossy) return vscode.l10n.t('{0}: the original characters are lost and cannot be restored ({1})', label, plan);
  if (issue.replacement === undefined) return vscode.l10n.t('{0}: {1}', label, plan);
  const replacement = issue.replacement === '' ? vscode.l10n.t('(removed)') : `“${issue.replacement}”`;
  return vscode.l10n.t('{0}, repairs to {1}: {2}', label, replacement, plan);
}

export function issueRange(document: vscode.TextDocument, issue: GarbleIssue): vscode.Range {
  return new vscode.Range(document.positionAt(issue.start), document.positionAt(issue.end));
}

function issueDiagnostic(document: vscode.TextDocument, issue: GarbleIssue): vscode.Diagnostic {
  const severity = issue.kind === 'mixed-script' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
  const d = new vscode.Diagnostic(issueRange(document, issue), issueMessage(issue), severity);
  d.source = 'zhlens';
  d.code = issue.kind;
  return d;
}

/** Ranged on the first U+FFFD: where the reader sees the damage. */
function wrongEncodingDiagnostic(document: vscode.TextDocument, wrong: WrongEncoding): vscode.Diagnostic {
  const at = document.positionAt(Math.max(0, document.getText().indexOf('\uFFFD')));
  const label = encodingLabel(wrong.detected);
  const d = new vscode.Diagnostic(
    document.lineAt(at.line).range,
    vscode.l10n.t('This file is in {0} but was opened as UTF-8, so its Chinese text shows as �. Reopen it as {0} or convert it to UTF-8.', label),
    vscode.DiagnosticSeverity.Warning,
  );
  d.source = 'zhlens';
  d.code = 'wrong-encoding';
  return d;
}

/**
 * A file in another language's encoding: information, not a warning (there is no Chinese text to
 * repair), on the first U+FFFD's line.
 */
function otherEncodingDiagnostic(document: vscode.TextDocument, other: OtherEncoding): vscode.Diagnostic {
  const at = document.positionAt(Math.max(0, document.getText().indexOf('\uFFFD')));
  const label = otherEncodingLabel(other.name);
  const message = other.editorEncoding
    ? vscode.l10n.t('This file looks like {0} text, not Chinese, opened as UTF-8. zhlens leaves it alone; reopen it as {0} to read it.', label)
    : vscode.l10n.t('This file looks like {0} text, not Chinese, opened as UTF-8. zhlens leaves it alone; VS Code cannot open {0}.', label);
  const d = new vscode.Diagnostic(document.lineAt(at.line).range, message, vscode.DiagnosticSeverity.Information);
  d.source = 'zhlens';
  d.code = 'other-encoding';
  return d;
}
