import * as vscode from 'vscode';
import type { GarbleIssue } from '../../core';
import type { GarbleFindings, WrongEncoding } from './garbleFindings';
import { kindLabel } from './garbleKindLabels';
import { encodingLabel } from './wrongEncoding';
import { otherEncodingLabel, type OtherEncoding } from './otherEncoding';
import { keptFindings } from './keptFindings';

/**
 * Problems-panel entries for the garbled spans of each analysed document, one per span, coded by
 * kind. After an edit the entries of the findings that came back (all but the edited window's,
 * those after it moved: keptFindings.ts) are the same objects, their ranges moved where the edit
 * moved them; the collection is set again only when an entry changed.
 */
export class GarbleDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('zhlens');
  private readonly subscription: vscode.Disposable;
  /** The findings each document's entries were made from, and the entries, by URI. */
  private readonly shown = new Map<string, ShownFindings>();

  constructor(findings: GarbleFindings) {
    this.subscription = findings.onDidChange((uri) => {
      const key = uri.toString();
      const f = findings.latest(uri);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (!f || !document) {
        this.shown.delete(key);
        this.collection.delete(uri);
      } else if (f.wrongEncoding || f.otherEncoding) {
        this.shown.delete(key);
        this.collection.set(uri, [f.wrongEncoding ? wrongEncodingDiagnostic(document, f.wrongEncoding) : otherEncodingDiagnostic(document, f.otherEncoding!)]);
      } else {
        const { diagnostics, changed } = issueDiagnostics(document, f.issues, this.shown.get(key));
        this.shown.set(key, { issues: f.issues, diagnostics });
        if (changed) this.collection.set(uri, diagnostics);
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

interface ShownFindings {
  issues: readonly GarbleIssue[];
  diagnostics: vscode.Diagnostic[];
}

/**
 * The entries of `issues`: those of the last entries' findings that came back kept (the same
 * objects, ranged anew), the others made. `changed`: whether any entry differs from the last ones.
 */
function issueDiagnostics(document: vscode.TextDocument, issues: readonly GarbleIssue[], last: ShownFindings | undefined): { diagnostics: vscode.Diagnostic[]; changed: boolean } {
  const kept = last ? keptFindings(last.issues, issues) : undefined;
  let changed = !last || last.diagnostics.length !== issues.length;
  const diagnostics = issues.map((issue, k) => {
    const from = kept ? kept[k] : -1;
    if (from < 0) {
      changed = true;
      return issueDiagnostic(document, issue);
    }
    const d = last!.diagnostics[from];
    const range = issueRange(document, issue);
    if (from !== k || !d.range.isEqual(range)) {
      d.range = range;
      changed = true;
    }
    return d;
  });
  return { diagnostics, changed };
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
