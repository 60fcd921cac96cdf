import * as vscode from 'vscode';
import { fixableIssues, type DocumentFindings } from './garbleFindings';
import { describeCounts } from './garbleKindLabels';
import { applyPreparedFix, prepareFixAll } from './garbleEdits';
import { readSettings } from '../settings';
import type { DocumentStates } from '../documentState';
import { encodingLabel } from './wrongEncoding';

const DONT_ASK_KEY = 'zhlens.dontAskFiles';

/**
 * What happens when a garbled document comes to the front: once per document and session, a
 * notification with the fixes, unless the reader said "Don't ask for this file" (remembered per
 * workspace); with `zhlens.autoFix` in a trusted workspace, the fix itself, with an Undo button.
 * Mixed script alone is a matter of style, not garbling: it gets diagnostics, no notification.
 */
export class GarbleNotifier implements vscode.Disposable {
  constructor(private readonly state: vscode.Memento, private readonly states: DocumentStates) {}

  async announce(document: vscode.TextDocument, findings: DocumentFindings): Promise<void> {
    const key = document.uri.toString();
    const documentState = this.states.of(document.uri);
    if (documentState.announced || this.dontAsk().includes(key)) return;
    if (vscode.window.activeTextEditor?.document !== document) return;
    if (findings.wrongEncoding) {
      documentState.announced = true;
      return this.announceWrongEncoding(document, findings);
    }
    if (findings.skipped === 'too-large') {
      documentState.announced = true;
      return this.announceTooLarge(key);
    }
    if (!findings.issues.some((i) => i.kind !== 'mixed-script')) return;
    documentState.announced = true;
    const settings = readSettings(document.uri);
    if (settings.autoFix && vscode.workspace.isTrusted && fixableIssues(findings).length) return this.autoFix(document, findings);

    const fixAll = vscode.l10n.t('Fix all');
    const preview = vscode.l10n.t('Preview');
    const details = vscode.l10n.t('Details');
    const never = vscode.l10n.t("Don't ask for this file");
    const buttons = fixableIssues(findings).length ? [fixAll, preview, details, never] : [details, never];
    const answer = await this.shown(document, () => vscode.window.showWarningMessage(vscode.l10n.t('This file looks garbled: {0}.', describeCounts(findings.issues)), ...buttons));
    if (answer === fixAll) await vscode.commands.executeCommand('zhlens.fixAll', document.uri);
    else if (answer === preview) await vscode.commands.executeCommand('zhlens.previewFix', document.uri);
    else if (answer === details) await vscode.commands.executeCommand('zhlens.showDetails', document.uri);
    else if (answer === never) await this.neverAsk(key);
  }

  private async announceWrongEncoding(document: vscode.TextDocument, findings: DocumentFindings): Promise<void> {
    const label = encodingLabel(findings.wrongEncoding!.detected);
    const reopen = vscode.l10n.t('Reopen as {0}', label);
    const convert = vscode.l10n.t('Convert to UTF-8');
    const never = vscode.l10n.t("Don't ask for this file");
    const answer = await this.shown(document, () => vscode.window.showWarningMessage(
      vscode.l10n.t('This file is in {0} but was opened as UTF-8, so its Chinese text shows as �. Reopen it as {0} or convert it to UTF-8.', label),
      reopen,
      convert,
      never,
    ));
    if (answer === reopen) await vscode.commands.executeCommand('zhlens.reopenWithEncoding', document.uri);
    else if (answer === convert) await vscode.commands.executeCommand('zhlens.convertToUtf8', document.uri);
    else if (answer === never) await this.neverAsk(document.uri.toString());
  }

  private async announceTooLarge(key: string): Promise<void> {
    const never = vscode.l10n.t("Don't ask for this file");
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('zhlens: this file is larger than the size limit (zhlens.sizeLimitMB) and was not checked.'), never);
    if (answer === never) await this.neverAsk(key);
  }

  private async autoFix(document: vscode.TextDocument, findings: DocumentFindings): Promise<void> {
    const fix = prepareFixAll(document, readSettings(document.uri), findings);
    if (!fix || (await applyPreparedFix(document, fix)) !== 'applied') return;
    const fixedVersion = document.version;
    const undo = vscode.l10n.t('Undo');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('zhlens repaired {0} garbled spans in this file (zhlens.autoFix is on). Save to keep the repair.', fix.spans), undo);
    // Undo acts on the active editor: only when that is still this document, untouched since.
    if (answer === undo && document.version === fixedVersion && vscode.window.activeTextEditor?.document === document) {
      await vscode.commands.executeCommand('undo');
    }
  }

  /** The notification is in the workbench's hands (the verdict's last stage, in the timings); its answer follows. */
  private shown<T>(document: vscode.TextDocument, show: () => Thenable<T>): Thenable<T> {
    const t0 = performance.now();
    const answer = show();
    this.states.timings.step(document, 'notification handed over', t0);
    return answer;
  }

  private dontAsk(): string[] {
    return this.state.get<string[]>(DONT_ASK_KEY, []);
  }

  private async neverAsk(key: string): Promise<void> {
    await this.state.update(DONT_ASK_KEY, [...new Set([...this.dontAsk(), key])]);
  }

  /** Forget every "Don't ask for this file". */
  async askAgain(): Promise<void> {
    await this.state.update(DONT_ASK_KEY, undefined);
    for (const s of this.states.all()) s.announced = false;
  }

  dispose(): void {}
}
