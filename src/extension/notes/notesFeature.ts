import * as vscode from 'vscode';
import { affectsNotesSettings } from '../settings';
import { registerNoteCommands } from './noteCommands';
import { NoteDecorations } from './noteDecorations';
import { NoteThreads } from './noteThreads';
import { NotesManager } from './notesManager';
import { NOTES_VIEW_ID, NotesTreeProvider } from './notesTree';

/**
 * The reader's highlights and notes: kept in a W3C Web Annotation file beside each article,
 * following the words they are on through edits, zhlens's repairs, script conversion and
 * changes made outside VS Code; shown as decorations, comment threads and the Notes view.
 */
export function activateNotes(context: vscode.ExtensionContext): void {
  const manager = new NotesManager();
  const threads = new NoteThreads(manager);
  const decorations = new NoteDecorations(manager);
  const tree = new NotesTreeProvider(manager);
  const view = vscode.window.createTreeView(NOTES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);

  /** `zhlens.notesArticle`: the active editor holds an article, for the editor's menus. */
  const updateContext = () => {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'zhlens.notesArticle', !!document && manager.isArticle(document));
  };
  updateContext();

  registerNoteCommands(context, { manager, threads, decorations, tree });
  context.subscriptions.push(
    manager,
    threads,
    decorations,
    tree,
    view,
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    manager.onDidChange(updateContext),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsNotesSettings(e)) return;
      void manager.reset().then(updateContext);
    }),
  );
}
