import * as vscode from 'vscode';
import { convertScript, describeIssueCounts, repairText, type ScriptTarget } from '../core';
import type { GarbleDiagnostics } from './garbleDiagnostics';

/** The palette commands of the garbling feature: detect, fix all (one undoable edit), convert script. */
export function registerGarbleCommands(context: vscode.ExtensionContext, diagnostics: GarbleDiagnostics): void {
  const withEditor = (run: (editor: vscode.TextEditor) => unknown) => () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('zhlens: open a text file first.');
      return undefined;
    }
    return run(editor);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(
      'zhlens.detect',
      withEditor((editor) => {
        const issues = diagnostics.update(editor.document);
        const message = issues.length
          ? `zhlens: This file looks garbled: ${describeIssueCounts(issues)}.`
          : 'zhlens: No garbled text found.';
        void vscode.window.showInformationMessage(message);
        return issues;
      }),
    ),
    vscode.commands.registerCommand(
      'zhlens.fixAll',
      withEditor(async (editor) => {
        const document = editor.document;
        const original = document.getText();
        const repaired = repairText(original);
        if (repaired.text === original) {
          void vscode.window.showInformationMessage('zhlens: Nothing to fix.');
          return false;
        }
        // One replacement of the whole text: a single undo step restores the original exactly.
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, fullRange(document), repaired.text);
        const ok = await vscode.workspace.applyEdit(edit);
        if (ok) diagnostics.update(document);
        return ok;
      }),
    ),
    vscode.commands.registerCommand('zhlens.toSimplified', withEditor((editor) => convertSelectionOrDocument(editor, 'simplified'))),
    vscode.commands.registerCommand('zhlens.toTraditional', withEditor((editor) => convertSelectionOrDocument(editor, 'traditional'))),
  );
}

function fullRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
}

async function convertSelectionOrDocument(editor: vscode.TextEditor, target: ScriptTarget): Promise<boolean> {
  const selections = editor.selections.filter((s) => !s.isEmpty);
  const ranges = selections.length ? selections : [fullRange(editor.document)];
  return editor.edit((b) => {
    for (const r of ranges) b.replace(r, convertScript(editor.document.getText(r), target));
  });
}
