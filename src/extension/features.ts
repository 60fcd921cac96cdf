import * as vscode from 'vscode';
import { activateArticleFeatures } from './article/articleFeature';
import { activateGarbling } from './garble/garbleFeature';
import { DocumentStates } from './documentState';
import { activateNotes } from './notes/notesFeature';
import { registerWalkthroughCommands } from './walkthrough/walkthrough';

/**
 * zhlens in the editor: a thin layer over `src/core`. This file only wires the pieces together;
 * each piece adapts one core result to one editor feature. Both entry points, extension.ts
 * (Node) and webExtension.ts (the browser), call it once they have chosen their hosts.
 */
export function activateFeatures(context: vscode.ExtensionContext, activationStarted = performance.now()): void {
  // One state per open document, one lifecycle and one debounce, shared by every feature.
  // One output channel: the folder reports, and the step timings when zhlens.debug.logTimings is on.
  const output = vscode.window.createOutputChannel('zhlens');
  const states = new DocumentStates(output);
  context.subscriptions.push(output, states);
  activateGarbling(context, states, output);
  activateArticleFeatures(context, states);
  registerWalkthroughCommands(context);
  activateNotes(context);
  // What activate() took, for the editor benchmark: zhlens activates on startup, usually before
  // the benchmark could time `Extension.activate()` itself.
  const activationMs = performance.now() - activationStarted;
  context.subscriptions.push(vscode.commands.registerCommand('zhlens.internal.activationMs', () => activationMs));
}
