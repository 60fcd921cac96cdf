import * as vscode from 'vscode';
import { GarbleCodeActions } from './garbleCodeActions';
import { registerGarbleCommands } from './garbleCommands';
import { GarbleDiagnostics } from './garbleDiagnostics';
import { GarbleFindings } from './garbleFindings';
import { GarbleHoverProvider } from './garbleHover';
import { GarbleNotifier } from './garbleNotification';
import { GarblePreview } from './garblePreview';
import { GarbleStatus } from './garbleStatus';
import { GarbleWatcher } from './garbleWatcher';
import { affectsGarbleSettings } from '../settings';
import type { DocumentStates } from '../documentState';

/** Documents the editor features attach to (detection itself decides what it looks at). */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];

/** Wires the garbling feature: findings, their views, the reaction on open, and the commands. */
export function activateGarbling(context: vscode.ExtensionContext, states: DocumentStates, output: vscode.OutputChannel): void {
  const findings = new GarbleFindings(states);
  const notifier = new GarbleNotifier(context.workspaceState, states);
  const watcher = new GarbleWatcher(states, findings, (document, f, trigger) => {
    if (trigger === 'open') void notifier.announce(document, f);
  });
  const preview = new GarblePreview();
  context.subscriptions.push(
    findings,
    new GarbleDiagnostics(findings),
    new GarbleStatus(findings),
    notifier,
    watcher,
    preview,
    vscode.languages.registerHoverProvider(SELECTOR, new GarbleHoverProvider(findings)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new GarbleCodeActions(findings, async (document) => findings.current(document) ?? (await watcher.analyzeNow(document))), GarbleCodeActions.metadata),
    vscode.workspace.onDidChangeConfiguration((e) => affectsGarbleSettings(e) && watcher.refreshVisible()),
  );
  registerGarbleCommands(context, { findings, watcher, preview, notifier, output });
}
