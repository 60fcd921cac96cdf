import * as vscode from 'vscode';
import { type ArticleAnalyses, documentLength, isArticle } from './articleAnalysis';
import { HIGHLIGHT_KINDS, type ArticleSettings, type HighlightKind } from '../settings';
import type { DocumentStates } from '../documentState';

/** A highlight as plain data, for `zhlens.internal.decorationRanges`. */
export interface DecorationRange {
  kind: HighlightKind;
  text: string;
  start: number;
  end: number;
  line: number;
  character: number;
}

/** Theme colours contributed in package.json, one per kind; organizations also get a border. */
function themeStyle(kind: HighlightKind, overviewRuler: boolean): vscode.DecorationRenderOptions {
  const ruler = overviewRuler
    ? { overviewRulerColor: new vscode.ThemeColor(kind === 'organization' ? 'zhlens.organizationOverviewRuler' : 'zhlens.figureOverviewRuler'), overviewRulerLane: vscode.OverviewRulerLane.Center }
    : {};
  if (kind === 'organization') {
    return {
      backgroundColor: new vscode.ThemeColor('zhlens.organizationBackground'),
      borderColor: new vscode.ThemeColor('zhlens.organizationBorder'),
      borderStyle: 'none none solid none',
      borderWidth: '1px',
      ...ruler,
    };
  }
  return { backgroundColor: new vscode.ThemeColor(`zhlens.${kind}Background`), borderRadius: '2px', ...ruler };
}

/**
 * Highlights figures (by kind) and organizations in the visible plain-text and Markdown editors.
 * Decoration types are made once and again only when the highlight settings change; updates
 * wait for a pause in typing and touch only visible editors.
 */
export class ArticleDecorations implements vscode.Disposable {
  private types = new Map<HighlightKind, vscode.TextEditorDecorationType>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly states: DocumentStates, private readonly analyses: ArticleAnalyses, private settings: () => ArticleSettings) {
    this.createTypes();
    this.subscriptions.push(
      // An editor that comes into view is highlighted after the garbling verdict due on its document.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) void states.afterVerdict(editor.document).then(() => !editor.document.isClosed && this.update(editor));
      }),
      // Edits re-highlight once the document has settled (DocumentStates' one debounce).
      // After the garbling verdict on the same settle: the reader waits for that first.
      states.onDidSettle(({ document }) => void states.afterVerdict(document).then(() => this.redraw(document))),
      // Over the size limit only the viewport is annotated, so scrolling brings new highlights.
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (documentLength(e.textEditor.document) > this.settings().highlightMaxLength) this.schedule(e.textEditor.document);
      }),
    );
    // Editors already open when zhlens activates get their highlights just after activation, not
    // inside it (annotating loads the core and its lexicons, which the editor's start should not
    // wait for), and after the garbling verdict due on their document.
    for (const editor of vscode.window.visibleTextEditors) void states.afterVerdict(editor.document).then(() => !editor.document.isClosed && this.update(editor));
  }

  /** Settings changed: new decoration types (styles may differ), then redraw. */
  reconfigure(): void {
    for (const type of this.types.values()) type.dispose();
    this.createTypes();
    this.updateVisible();
  }

  /**
   * The highlights zhlens last drew in `uri`'s editors. VS Code has no API to read decorations
   * back from an editor, so this is the record the extension keeps of what it drew.
   */
  rangesFor(uri: vscode.Uri): DecorationRange[] {
    return this.states.peek(uri)?.highlights ?? [];
  }

  private createTypes(): void {
    const settings = this.settings();
    this.types = new Map(HIGHLIGHT_KINDS.map((kind) => [kind, vscode.window.createTextEditorDecorationType({
      ...themeStyle(kind, settings.overviewRuler),
      ...settings.highlightStyles[kind],
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    })]));
  }

  private schedule(document: vscode.TextDocument): void {
    if (isArticle(document)) this.states.schedule(document, 'view');
  }

  private redraw(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.update(editor);
  }

  private updateVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  private update(editor: vscode.TextEditor): void {
    const { document } = editor;
    if (!isArticle(document)) return;
    const settings = this.settings();
    const t0 = performance.now();
    const byKind = new Map<HighlightKind, DecorationRange[]>(HIGHLIGHT_KINDS.map((k) => [k, []]));
    if (settings.highlightEnabled) {
      const analysis = this.analyses.get(document, editor.visibleRanges);
      const spans = [
        ...analysis.figures.map((f) => ({ kind: f.kind, text: f.text, start: f.start, end: f.end })),
        ...analysis.organizations.map((o) => ({ kind: 'organization' as const, text: o.text, start: o.start, end: o.end })),
      ];
      for (const span of spans) {
        if (!settings.highlightKinds.has(span.kind)) continue;
        const at = document.positionAt(span.start);
        byKind.get(span.kind)?.push({ ...span, line: at.line, character: at.character });
      }
    }
    for (const [kind, ranges] of byKind) {
      const type = this.types.get(kind);
      if (type) editor.setDecorations(type, ranges.map((r) => new vscode.Range(document.positionAt(r.start), document.positionAt(r.end))));
    }
    const highlights = [...byKind.values()].flat().sort((a, b) => a.start - b.start);
    this.states.of(document.uri).highlights = highlights;
    this.states.timings.step(document, 'highlights', t0, `${highlights.length} spans`);
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
