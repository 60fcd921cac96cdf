import * as vscode from 'vscode';
import { analyzeText, type GarbleIssue } from '../core';

/** Problems-panel entries for the garbled spans of a document, one diagnostic per span. */
export class GarbleDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('zhlens');

  /** Analyse the document, publish its diagnostics and return the issues found. */
  update(document: vscode.TextDocument): GarbleIssue[] {
    const issues = analyzeText(document.getText());
    this.collection.set(document.uri, issues.map((i) => toDiagnostic(document, i)));
    return issues;
  }

  clear(document: vscode.TextDocument): void {
    this.collection.delete(document.uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function toDiagnostic(document: vscode.TextDocument, issue: GarbleIssue): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(issue.start), document.positionAt(issue.end));
  const fix = issue.replacement === undefined ? 'cannot be restored' : `→ ${issue.replacement || '(removed)'}`;
  const d = new vscode.Diagnostic(
    range,
    `${issue.kind}: ${fix} (${issue.plan.join(' → ')})`,
    issue.lossy || issue.kind === 'mixed-script' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning,
  );
  d.source = 'zhlens';
  d.code = issue.kind;
  return d;
}
