import * as vscode from 'vscode';

/**
 * The Getting Started walkthrough's own commands: each step opens what it talks about. The
 * sample article ships inside the extension (samples/yizhuang-article/, kept in the VSIX by
 * .vscodeignore) and opens as an untitled document, so that fixing it writes no file.
 */
export const OPEN_SAMPLE_COMMAND = 'zhlens.walkthrough.openSample';
export const SHOW_FIGURE_COMMAND = 'zhlens.walkthrough.showFigure';
export const OPEN_NOTES_COMMAND = 'zhlens.walkthrough.openNotes';
/** VS Code's own command for the Notes view (zhlens.notes in package.json). */
const NOTES_VIEW_FOCUS = 'zhlens.notes.focus';

const SAMPLES: Record<string, string> = { garbled: 'garbled.txt', repaired: 'repaired.txt' };
/** The figure the figures step points at: 近1000億元 in the repaired article. */
const SAMPLE_FIGURE = '近1000億元';

async function openSample(extensionUri: vscode.Uri, which: string): Promise<vscode.TextEditor> {
  const file = vscode.Uri.joinPath(extensionUri, 'samples', 'yizhuang-article', SAMPLES[which] ?? SAMPLES.garbled);
  const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  const document = await vscode.workspace.openTextDocument({ content, language: 'plaintext' });
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Puts the cursor inside 近1000億元 (in the article open now, else the repaired sample) and shows its hover. */
async function showFigure(extensionUri: vscode.Uri): Promise<void> {
  let editor = vscode.window.activeTextEditor;
  if (!editor?.document.getText().includes(SAMPLE_FIGURE)) editor = await openSample(extensionUri, 'repaired');
  const offset = editor.document.getText().indexOf(SAMPLE_FIGURE) + 1;
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
}

/**
 * The Notes view, where highlights and notes are listed. Notes are kept beside saved articles
 * only, so when no saved file is on screen (the walkthrough's sample is untitled) it also says
 * how to get one.
 */
async function openNotes(): Promise<void> {
  await vscode.commands.executeCommand(NOTES_VIEW_FOCUS);
  if (!vscode.window.visibleTextEditors.some((e) => !e.document.isUntitled)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zhlens keeps notes beside saved articles: save this one (or open your own), select some words and choose Highlight… or Add Note….'));
  }
}

export function registerWalkthroughCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, (which?: string) => openSample(context.extensionUri, which ?? 'garbled')),
    vscode.commands.registerCommand(SHOW_FIGURE_COMMAND, () => showFigure(context.extensionUri)),
    vscode.commands.registerCommand(OPEN_NOTES_COMMAND, openNotes),
  );
  void openDemoFiles();
}

/**
 * `npm run demo` starts VS Code with ZHLENS_DEMO_OPEN set to workspace files (comma-separated):
 * the first opens in the first editor group and keeps the focus, the others beside it, and the
 * Article view opens, so that a newcomer sees the notification, the diagnostics, the highlights
 * and the side panel at once. Without the variable (any normal start) nothing happens.
 */
async function openDemoFiles(): Promise<void> {
  const list = typeof process === 'undefined' ? undefined : process.env.ZHLENS_DEMO_OPEN;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!list || !folder) return;
  const [first, ...others] = list.split(',').map((f) => vscode.Uri.joinPath(folder.uri, f.trim()));
  for (const uri of others) await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Two, preview: false, preserveFocus: true });
  await vscode.window.showTextDocument(first, { viewColumn: vscode.ViewColumn.One, preview: false });
  await vscode.commands.executeCommand('zhlens.article.focus');
  await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
}
