import * as vscode from 'vscode';
import { ActivationTimer } from './activationTiming';
import { activateArticleFeatures } from './article/articleFeature';
import { activateGarbling } from './garble/garbleFeature';
import { DocumentStates } from './documentState';
import { activateNotes } from './notes/notesFeature';
import { registerWalkthroughCommands } from './walkthrough/walkthrough';

/**
 * zhlens in the editor: a thin layer over `src/core`. This file only wires the pieces together;
 * each piece adapts one core result to one editor feature. Both entry points, extension.ts
 * (Node) and webExtension.ts (the browser), call it once they have chosen their hosts.
 * Activation registers and nothing more: the core loads at the first document that needs it.
 */
export function activateFeatures(context: vscode.ExtensionContext, timer = new ActivationTimer()): void {
  // One state per open document, one lifecycle and one debounce, shared by every feature.
  // One output channel: the folder reports, and the step timings when zhlens.debug.logTimings is on.
  const output = vscode.window.createOutputChannel('zhlens');
  const states = new DocumentStates(output);
  context.subscriptions.push(output, states);
  timer.part('states');
  activateGarbling(context, states, output);
  timer.part('garbling');
  activateArticleFeatures(context, states);
  timer.part('article');
  registerWalkthroughCommands(context);
  activateNotes(context);
  timer.part('notes');
  // What activate() took, and each document's open → verdict stage by stage, for the editor
  // benchmark: zhlens activates on startup, usually before the benchmark could time
  // `Extension.activate()` itself.
  const activation = timer.done();
  context.subscriptions.push(
    vscode.commands.registerCommand('zhlens.internal.timings', (uri?: string) => ({
      activation,
      verdict: uri ? states.timings.verdictStages(vscode.Uri.parse(uri)) : undefined,
    })),
  );
}
