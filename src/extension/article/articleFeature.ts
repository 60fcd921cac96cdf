import * as vscode from 'vscode';
import { ARTICLE_SELECTOR, ArticleAnalyses, isArticle } from './articleAnalysis';
import { nextMention } from '../../core';
import { ArticleDecorations } from './articleDecorations';
import { ArticleHoverProvider } from './articleHover';
import { NEXT_MENTION_COMMAND, REVEAL_COMMAND, revealInDocument } from './articleReveal';
import { ARTICLE_VIEW_ID, ArticleTreeProvider } from './articleTree';
import { OutlineFoldingProvider } from '../outline/outlineFolding';
import { OutlineSymbolProvider } from '../outline/outlineSymbols';
import { affectsArticleSettings, readArticleSettings } from '../settings';
import type { DocumentStates } from '../documentState';

/**
 * The reading features: figure and organization highlights with their hovers, the outline
 * (symbols and folding) and the Article view, all fed by one shared analysis per document.
 */
export function activateArticleFeatures(context: vscode.ExtensionContext, states: DocumentStates): void {
  let settings = readArticleSettings();
  const analyses = new ArticleAnalyses(states, () => settings.highlightMaxLength, () => settings.organizationsTextKind);
  const decorations = new ArticleDecorations(states, analyses, () => settings);
  const tree = new ArticleTreeProvider(states, analyses, () => settings.outlineFollowCursor, context.extensionUri);
  const view = vscode.window.createTreeView(ARTICLE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);

  let outline: vscode.Disposable | undefined;
  const registerOutline = () => {
    outline?.dispose();
    outline = settings.outlineEnabled
      ? vscode.Disposable.from(
          vscode.languages.registerDocumentSymbolProvider(ARTICLE_SELECTOR, new OutlineSymbolProvider(analyses, states), { label: 'zhlens' }),
          vscode.languages.registerFoldingRangeProvider(ARTICLE_SELECTOR, new OutlineFoldingProvider(analyses, states)),
        )
      : undefined;
  };
  registerOutline();

  context.subscriptions.push(
    decorations, tree, view,
    { dispose: () => outline?.dispose() },
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new ArticleHoverProvider(analyses)),
    vscode.commands.registerCommand(REVEAL_COMMAND, revealInDocument),
    vscode.commands.registerCommand(NEXT_MENTION_COMMAND, () => goToNextMention(analyses)),
    // For tests and diagnostics: VS Code cannot read decorations back, so zhlens reports what it drew.
    vscode.commands.registerCommand('zhlens.internal.decorationRanges', (uri?: string) => {
      const target = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
      return target ? decorations.rangesFor(target) : [];
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsArticleSettings(e)) return;
      settings = readArticleSettings();
      analyses.clear();
      decorations.reconfigure();
      registerOutline();
    }),
  );
}

/** Moves the cursor from the repeated figure or organization under it to its next mention. */
async function goToNextMention(analyses: ArticleAnalyses): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isArticle(editor.document)) return;
  const { document } = editor;
  const offset = document.offsetAt(editor.selection.active);
  const { figures, organizations } = analyses.get(document, editor.visibleRanges).mentions();
  const found = nextMention(figures, offset) ?? nextMention(organizations, offset);
  if (!found) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('zhlens: no figure or organization mentioned again at the cursor'), 4000);
    return;
  }
  await revealInDocument(document.uri.toString(), found.next.start, found.next.end);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('zhlens: {0}, mention {1} of {2}', found.group.label, (found.index + 1) % found.group.mentions.length + 1, found.group.mentions.length), 4000);
}
