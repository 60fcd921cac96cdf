import * as vscode from 'vscode';
import { activateArticleFeatures } from './articleFeature';
import { activateGarbling } from './garbleFeature';
import { registerWalkthroughCommands } from './walkthrough';
import { activateNotes } from './notes/notesFeature';

/**
 * zhlens in the editor: a thin layer over `src/core`. This file only wires the pieces together;
 * each piece adapts one core result to one editor feature.
 */
export function activate(context: vscode.ExtensionContext): void {
  activateGarbling(context);
  activateArticleFeatures(context);
  registerWalkthroughCommands(context);
  activateNotes(context);
}

export function deactivate(): void {}
