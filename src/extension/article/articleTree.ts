import * as vscode from 'vscode';
import type { Figure, Organization, Section } from '../../core';
import { type ArticleAnalyses, isArticle } from './articleAnalysis';
import type { DocumentStates } from '../documentState';
import { REVEAL_COMMAND } from './articleReveal';
import { headingRange, SECTION_KIND_LABELS } from '../outline/outlineSymbols';

export const ARTICLE_VIEW_ID = 'zhlens.article';

type NodeData =
  | { type: 'section'; section: Section }
  | { type: 'figure'; figure: Figure }
  | { type: 'organization'; name: string; type_: string; start: number; end: number; mentions: number };

/**
 * One row of the Article view. Rows keep their object identity across refreshes (matched by
 * `id`), so VS Code keeps their expansion and selection and `reveal` finds them.
 */
export interface ArticleNode {
  id: string;
  data: NodeData;
  parent?: ArticleNode;
  children: ArticleNode[];
}

const FIGURE_ICONS: Partial<Record<Figure['kind'], string>> = { date: 'calendar', money: 'credit-card', percent: 'graph' };

/** Figures and organizations of [start, end) that are in none of `holes` (the subsections). */
function within<T extends { start: number; end: number }>(items: readonly T[], start: number, end: number, holes: readonly Section[]): T[] {
  return items.filter((i) => i.start >= start && i.end <= end && !holes.some((h) => i.start >= h.start && i.start < h.end));
}

/**
 * The "Article" view: the sections of the active plain-text or Markdown document, and under
 * each its own figures and organizations. Clicking a row selects its place in the editor; the
 * section that holds the cursor is selected as the cursor moves.
 */
export class ArticleTreeProvider implements vscode.TreeDataProvider<ArticleNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ArticleNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;
  private roots: ArticleNode[] = [];
  private byId = new Map<string, ArticleNode>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private view: vscode.TreeView<ArticleNode> | undefined;

  constructor(private readonly states: DocumentStates, private readonly analyses: ArticleAnalyses, private readonly followCursor: () => boolean, private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus moving to a panel or a non-article editor leaves the last article shown.
        if (editor && isArticle(editor.document) && editor.document !== this.document) this.show(editor.document);
      }),
      // Edits re-read the article once it has settled (DocumentStates' one debounce), not on every keystroke.
      // …after the garbling verdict on the same settle (see ArticleDecorations).
      states.onDidSettle(({ document }) => {
        if (document === this.document) void states.afterVerdict(document).then(() => document === this.document && this.refresh());
      }),
      states.onDidClose((uri) => {
        if (uri.toString() === this.document?.uri.toString()) this.show(undefined);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.document && this.followCursor()) this.selectSectionAt(e.textEditor.document.offsetAt(e.selections[0].active));
      }),
    );
    // The article open when zhlens activates is outlined just after activation, not inside it (see
    // ArticleDecorations).
    const active = vscode.window.activeTextEditor?.document;
    this.document = active && isArticle(active) ? active : undefined;
    if (this.document) this.states.schedule(this.document, 'view');
  }

  attach(view: vscode.TreeView<ArticleNode>): void {
    this.view = view;
  }

  getChildren(node?: ArticleNode): ArticleNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: ArticleNode): ArticleNode | undefined {
    return node.parent;
  }

  getTreeItem(node: ArticleNode): vscode.TreeItem {
    const uri = this.document?.uri.toString() ?? '';
    const { data } = node;
    if (data.type === 'section') {
      const figures = node.children.filter((c) => c.data.type === 'figure').length;
      const organizations = node.children.filter((c) => c.data.type === 'organization').length;
      const item = new vscode.TreeItem(data.section.title, node.children.length === 0 ? vscode.TreeItemCollapsibleState.None
        : data.section.level === 1 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = [SECTION_KIND_LABELS[data.section.kind], figures && `${figures} figures`, organizations && `${organizations} organizations`].filter(Boolean).join(' · ');
      item.iconPath = data.section.kind === 'title'
        ? { light: vscode.Uri.joinPath(this.extensionUri, 'media', 'zhlens-light.svg'), dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'zhlens-dark.svg') }
        : new vscode.ThemeIcon(data.section.kind === 'related-links' ? 'link' : 'symbol-namespace');
      if (this.document) {
        const heading = headingRange(this.document, data.section);
        item.command = { command: REVEAL_COMMAND, title: 'Go to section', arguments: [uri, this.document.offsetAt(heading.start), this.document.offsetAt(heading.end)] };
      }
      item.id = node.id;
      return item;
    }
    if (data.type === 'figure') {
      const item = new vscode.TreeItem(data.figure.text);
      item.description = data.figure.kind;
      item.iconPath = new vscode.ThemeIcon(FIGURE_ICONS[data.figure.kind] ?? 'symbol-number');
      item.command = { command: REVEAL_COMMAND, title: 'Go to figure', arguments: [uri, data.figure.start, data.figure.end] };
      item.id = node.id;
      return item;
    }
    const item = new vscode.TreeItem(data.name);
    item.description = `${data.type_} · ${data.mentions} mention${data.mentions === 1 ? '' : 's'}`;
    item.iconPath = new vscode.ThemeIcon('organization');
    item.command = { command: REVEAL_COMMAND, title: 'Go to organization', arguments: [uri, data.start, data.end] };
    item.id = node.id;
    return item;
  }

  private show(document: vscode.TextDocument | undefined): void {
    this.document = document;
    this.byId.clear();
    this.refresh();
  }

  private refresh(): void {
    const previous = this.byId;
    this.byId = new Map();
    if (!this.document) {
      this.roots = [];
    } else {
      const analysis = this.analyses.get(this.document);
      this.roots = analysis.sections.map((s, k) => this.sectionNode(s, `${k}`, analysis.figures, analysis.organizations, previous, undefined));
    }
    this.changed.fire(undefined);
  }

  /** Reuses the row of the last refresh with the same id, so the tree keeps its state. */
  private node(id: string, data: NodeData, parent: ArticleNode | undefined, previous: Map<string, ArticleNode>): ArticleNode {
    const node = previous.get(id) ?? { id, data, children: [] };
    Object.assign(node, { data, parent, children: [] });
    this.byId.set(id, node);
    return node;
  }

  private sectionNode(section: Section, path: string, figures: Figure[], organizations: Organization[], previous: Map<string, ArticleNode>, parent: ArticleNode | undefined): ArticleNode {
    const id = `section/${path}/${section.title}`;
    const node = this.node(id, { type: 'section', section }, parent, previous);
    // The section's own figures and organizations (those before its first subsection), then its subsections.
    const children: ArticleNode[] = [];
    const seen = new Map<string, number>();
    for (const figure of within(figures, section.start, section.end, section.children)) {
      // The n-th 179項 of a section keeps its row when text before it changes.
      const n = (seen.get(figure.text) ?? 0) + 1;
      seen.set(figure.text, n);
      children.push(this.node(`${id}/figure/${figure.text}#${n}`, { type: 'figure', figure }, node, previous));
    }
    const byName = new Map<string, Organization[]>();
    for (const o of within(organizations, section.start, section.end, section.children)) byName.set(o.canonical, [...(byName.get(o.canonical) ?? []), o]);
    for (const [name, mentions] of byName) {
      const data = { type: 'organization' as const, name, type_: mentions[0].type, start: mentions[0].start, end: mentions[0].end, mentions: mentions.length };
      children.push(this.node(`${id}/organization/${name}`, data, node, previous));
    }
    children.push(...section.children.map((child, k) => this.sectionNode(child, `${path}.${k}`, figures, organizations, previous, node)));
    node.children = children;
    return node;
  }

  /** Selects the innermost section holding `offset`, without taking focus from the editor. */
  private selectSectionAt(offset: number): void {
    if (!this.view?.visible) return;
    let found: ArticleNode | undefined;
    let level = this.roots;
    for (;;) {
      const next = level.find((n) => n.data.type === 'section' && n.data.section.start <= offset && offset < n.data.section.end);
      if (!next) break;
      found = next;
      level = next.children;
    }
    if (found && this.view.selection[0] !== found) this.view.reveal(found, { select: true, focus: false }).then(undefined, () => undefined);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
