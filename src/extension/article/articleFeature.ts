import * as vscode from 'vscode';
import { ARTICLE_SELECTOR, ArticleAnalyses } from './articleAnalysis';
import { ArticleDecorations } from './articleDecorations';
import { ArticleHoverProvider } from './articleHover';
import { REVEAL_COMMAND, revealInDocument } from './articleReveal';
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
  const analyses = new ArticleAnalyses(states, () => settings.highlightMaxLength);
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
