import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('zhlens.detect', () => {
      void vscode.window.showInformationMessage('zhlens: detection is not wired yet.');
    }),
  );
}

export function deactivate(): void {}
