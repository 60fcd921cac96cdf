import * as vscode from 'vscode';
import { registerGarbleCommands } from './garbleCommands';
import { GarbleDiagnostics } from './garbleDiagnostics';

/**
 * zhlens in the editor: a thin layer over `src/core`. This file only wires the pieces together;
 * each piece adapts one core result to one editor feature.
 */
export function activate(context: vscode.ExtensionContext): void {
  const diagnostics = new GarbleDiagnostics();
  context.subscriptions.push(diagnostics);
  registerGarbleCommands(context, diagnostics);
}

export function deactivate(): void {}
