import * as vscode from 'vscode';
import { fixableIssues, type GarbleFindings } from './garbleFindings';
import { describeCounts } from './garbleKindLabels';
import { encodingLabel } from './wrongEncoding';
import { otherEncodingLabel } from './otherEncoding';

/**
 * The active editor's findings at a glance: a status bar item with the count (click: details),
 * and the when-clause context keys the menus use (`zhlens.garbled`, `zhlens.wrongEncoding`).
 */
export class GarbleStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('zhlens.garbleStatus', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly findings: GarbleFindings) {
    this.item.name = vscode.l10n.t('zhlens garbled text');
    this.item.command = 'zhlens.showDetails';
    this.subscriptions = [
      findings.onDidChange((uri) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const f = document && this.findings.latest(document.uri);
    void vscode.commands.executeCommand('setContext', 'zhlens.garbled', fixableIssues(f).length > 0);
    void vscode.commands.executeCommand('setContext', 'zhlens.wrongEncoding', !!f?.wrongEncoding);
    if (!f || (f.skipped && f.skipped !== 'too-large')) {
      this.item.hide();
      return;
    }
    if (f.skipped === 'too-large') {
      this.item.text = '$(circle-slash) zhlens';
      this.item.tooltip = vscode.l10n.t('zhlens: this file is larger than the size limit (zhlens.sizeLimitMB) and was not checked.');
      this.item.backgroundColor = undefined;
    } else if (f.wrongEncoding) {
      const label = encodingLabel(f.wrongEncoding.detected);
      this.item.text = `$(warning) ${label}`;
      this.item.tooltip = vscode.l10n.t('zhlens: this file is in {0} but was opened as UTF-8. Click for the fixes.', label);
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (f.otherEncoding) {
      // Not Chinese and not a repair: no warning colour.
      const label = otherEncodingLabel(f.otherEncoding.name);
      this.item.text = `$(info) ${label}`;
      this.item.tooltip = vscode.l10n.t('zhlens: this file looks like {0} text, opened as UTF-8; zhlens leaves it alone. Click for details.', label);
      this.item.backgroundColor = undefined;
    } else if (f.issues.length) {
      this.item.text = `$(warning) zhlens ${f.issues.length}`;
      this.item.tooltip = vscode.l10n.t('zhlens: {0}. Click for details.', describeCounts(f.issues));
      this.item.backgroundColor = fixableIssues(f).length ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    } else {
      this.item.text = '$(check) zhlens';
      this.item.tooltip = vscode.l10n.t('zhlens: no garbled text found.');
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
