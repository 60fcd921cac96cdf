import * as vscode from 'vscode';
import { isEndMatter, type ArticleHead, type Figure, type Mention, type MentionGroup, type Organization, type Section } from '../../core';
import { type ArticleAnalyses, type ArticleAnalysis, isArticle } from './articleAnalysis';
import type { DocumentStates } from '../documentState';
import { REVEAL_COMMAND } from './articleReveal';
import { headingRange, SECTION_KIND_LABELS } from '../outline/outlineSymbols';

export const ARTICLE_VIEW_ID = 'zhlens.article';

type HeadField = 'source' | 'place' | 'date' | 'author' | 'editor';

type NodeData =
  | { type: 'head'; head: ArticleHead; title: string; section?: Section }
  | { type: 'headField'; field: HeadField; value: string; line: number }
  | { type: 'section'; section: Section }
  | { type: 'endMatter' }
  | { type: 'mentions'; figures: number; organizations: number }
  | { type: 'mentionGroup'; group: MentionGroup; of: 'figure' | 'organization' }
  | { type: 'mention'; mention: Mention; index: number; count: number }
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

const FIGURE_ICONS: Partial<Record<Figure['kind'], string>> = {
  date: 'calendar', money: 'credit-card', percent: 'graph', measure: 'dashboard', ordinal: 'list-ordered', version: 'versions', range: 'arrow-both',
};
const HEAD_FIELDS: readonly HeadField[] = ['source', 'place', 'date', 'author', 'editor'];

function fieldLabel(field: HeadField): string {
  switch (field) {
    case 'source': return vscode.l10n.t('Source');
    case 'place': return vscode.l10n.t('Place');
    case 'date': return vscode.l10n.t('Date');
    case 'author': return vscode.l10n.t('Author');
    case 'editor': return vscode.l10n.t('Editor');
  }
}

/** Figures and organizations of [start, end) that are in none of `holes` (the subsections). */
function within<T extends { start: number; end: number }>(items: readonly T[], start: number, end: number, holes: readonly Section[]): T[] {
  return items.filter((i) => i.start >= start && i.end <= end && !holes.some((h) => i.start >= h.start && i.start < h.end));
}

/**
 * The "Article" view of the active plain-text or Markdown document: its head (title, source,
 * place, date, author), the sections of its body with their own figures and organizations, its
 * end matter (copyright, editor credits, related links) apart, and the figures and organizations
 * it mentions more than once, grouped with their count. Clicking a row selects its place in the
 * editor; the section that holds the cursor is selected as the cursor moves.
 */
export class ArticleTreeProvider implements vscode.TreeDataProvider<ArticleNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ArticleNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The document the view shows (its nodes are of it)… */
  private document: vscode.TextDocument | undefined;
  /** …and the one it is to show once the garbling verdict due on it is given. */
  private wanted: vscode.TextDocument | undefined;
  private roots: ArticleNode[] = [];
  private byId = new Map<string, ArticleNode>();
  private previous = new Map<string, ArticleNode>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private view: vscode.TreeView<ArticleNode> | undefined;

  constructor(private readonly states: DocumentStates, private readonly analyses: ArticleAnalyses, private readonly followCursor: () => boolean, private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus moving to a panel or a non-article editor leaves the last article shown.
        if (editor && isArticle(editor.document) && editor.document !== this.wanted) this.show(editor.document);
      }),
      // Edits re-read the article once it has settled (DocumentStates' one debounce), not on every keystroke.
      // …after the garbling verdict on the same settle (see ArticleDecorations).
      states.onDidSettle(({ document }) => {
        if (document === this.document) void states.afterVerdict(document).then(() => document === this.document && this.refresh());
      }),
      states.onDidClose((uri) => {
        if (uri.toString() === this.wanted?.uri.toString() || uri.toString() === this.document?.uri.toString()) this.show(undefined);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.document && this.followCursor()) this.selectSectionAt(e.textEditor.document.offsetAt(e.selections[0].active));
      }),
    );
    // The article open when zhlens activates is outlined just after activation, not inside it (see
    // ArticleDecorations).
    const active = vscode.window.activeTextEditor?.document;
    if (active && isArticle(active)) this.show(active);
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
    const item = this.treeItem(node);
    item.id = node.id;
    return item;
  }

  private reveal(title: string, start: number, end: number): vscode.Command {
    return { command: REVEAL_COMMAND, title, arguments: [this.document?.uri.toString() ?? '', start, end] };
  }

  private treeItem(node: ArticleNode): vscode.TreeItem {
    const { data } = node;
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    const collapsible = (open: boolean) => (node.children.length === 0 ? None : open ? Expanded : Collapsed);
    switch (data.type) {
      case 'head': {
        const item = new vscode.TreeItem(data.title, collapsible(true));
        item.description = HEAD_FIELDS.map((f) => data.head[f]).filter(Boolean).join(' · ');
        item.tooltip = [data.title, ...HEAD_FIELDS.filter((f) => data.head[f]).map((f) => `${fieldLabel(f)}: ${data.head[f]}`)].join('\n');
        item.iconPath = { light: vscode.Uri.joinPath(this.extensionUri, 'media', 'zhlens-light.svg'), dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'zhlens-dark.svg') };
        if (this.document && data.section) {
          const heading = headingRange(this.document, data.section);
          item.command = this.reveal(vscode.l10n.t('Go to title'), this.document.offsetAt(heading.start), this.document.offsetAt(heading.end));
        }
        return item;
      }
      case 'headField': {
        const item = new vscode.TreeItem(data.value, None);
        item.description = fieldLabel(data.field);
        item.iconPath = new vscode.ThemeIcon(data.field === 'date' ? 'calendar' : data.field === 'place' ? 'location' : data.field === 'source' ? 'globe' : 'person');
        if (this.document && data.line < this.document.lineCount) {
          const line = this.document.lineAt(data.line);
          item.command = this.reveal(vscode.l10n.t('Go to the head'), this.document.offsetAt(line.range.start), this.document.offsetAt(line.range.end));
        }
        return item;
      }
      case 'section': {
        const figures = node.children.filter((c) => c.data.type === 'figure').length;
        const organizations = node.children.filter((c) => c.data.type === 'organization').length;
        const item = new vscode.TreeItem(data.section.title, collapsible(false));
        item.description = [
          SECTION_KIND_LABELS[data.section.kind],
          figures && vscode.l10n.t('{0} figures', figures),
          organizations && vscode.l10n.t('{0} organizations', organizations),
        ].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(data.section.kind === 'related-links' ? 'link' : isEndMatter(data.section.kind) ? 'law' : 'symbol-namespace');
        if (this.document) {
          const heading = headingRange(this.document, data.section);
          item.command = this.reveal(vscode.l10n.t('Go to section'), this.document.offsetAt(heading.start), this.document.offsetAt(heading.end));
        }
        return item;
      }
      case 'endMatter': {
        const item = new vscode.TreeItem(vscode.l10n.t('End matter'), collapsible(true));
        item.description = vscode.l10n.t('not part of the article');
        item.iconPath = new vscode.ThemeIcon('fold-down');
        return item;
      }
      case 'mentions': {
        const item = new vscode.TreeItem(vscode.l10n.t('Repeated mentions'), collapsible(true));
        item.description = vscode.l10n.t('{0} figures · {1} organizations', data.figures, data.organizations);
        item.iconPath = new vscode.ThemeIcon('references');
        return item;
      }
      case 'mentionGroup': {
        const item = new vscode.TreeItem(data.group.label, collapsible(false));
        const others = data.group.names.filter((n) => n !== data.group.label);
        item.description = [`×${data.group.mentions.length}`, data.group.kind, others.length ? others.join(', ') : ''].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(data.of === 'organization' ? 'organization' : 'symbol-number');
        const first = data.group.mentions[0];
        item.command = this.reveal(vscode.l10n.t('Go to the first mention'), first.start, first.end);
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem(data.mention.text, None);
        const line = this.document ? this.document.positionAt(data.mention.start).line + 1 : 0;
        item.description = vscode.l10n.t('{0} of {1} · line {2}', data.index + 1, data.count, line);
        item.command = this.reveal(vscode.l10n.t('Go to mention'), data.mention.start, data.mention.end);
        return item;
      }
      case 'figure': {
        const item = new vscode.TreeItem(data.figure.text, None);
        item.description = data.figure.kind === 'measure' && data.figure.dimension ? data.figure.dimension : data.figure.kind;
        item.iconPath = new vscode.ThemeIcon(FIGURE_ICONS[data.figure.kind] ?? 'symbol-number');
        item.command = this.reveal(vscode.l10n.t('Go to figure'), data.figure.start, data.figure.end);
        return item;
      }
      case 'organization': {
        const item = new vscode.TreeItem(data.name, None);
        item.description = `${data.type_} · ${data.mentions === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', data.mentions)}`;
        item.iconPath = new vscode.ThemeIcon('organization');
        item.command = this.reveal(vscode.l10n.t('Go to organization'), data.start, data.end);
        return item;
      }
    }
  }

  /** The article view follows `document`: it is read after the garbling verdict due on it, which the reader waits for. */
  private show(document: vscode.TextDocument | undefined): void {
    this.wanted = document;
    const fresh = () => {
      this.document = document;
      this.byId.clear(); // no node of another document is kept
      this.refresh();
    };
    if (!document) return fresh();
    void this.states.afterVerdict(document).then(() => document === this.wanted && !document.isClosed && fresh());
  }

  private refresh(): void {
    const t0 = performance.now();
    this.previous = this.byId;
    this.byId = new Map();
    this.roots = this.document ? this.rootsOf(this.analyses.get(this.document)) : [];
    this.previous = new Map();
    this.changed.fire(undefined);
    if (this.document) this.states.timings.step(this.document, 'article view', t0);
  }

  /** Head, body sections, end matter, repeated mentions. */
  private rootsOf(analysis: ArticleAnalysis): ArticleNode[] {
    const roots: ArticleNode[] = [];
    const { figures, organizations, head } = analysis;
    const title = analysis.sections[0]?.kind === 'title' ? analysis.sections[0] : undefined;
    const body = title ? title.children : analysis.sections.filter((s) => !isEndMatter(s.kind));
    const endMatter = analysis.sections.filter((s) => isEndMatter(s.kind));

    const fields = HEAD_FIELDS.filter((f) => head[f]);
    if (title || fields.length) {
      const headNode = this.node('head', { type: 'head', head, title: title?.title ?? head.title?.text ?? vscode.l10n.t('Article'), section: title }, undefined);
      const fieldLine = head.dateline?.line ?? head.lines[head.lines.length - 1] ?? 0;
      headNode.children = [
        ...fields.map((f) => this.node(`head/${f}`, { type: 'headField', field: f, value: head[f]!, line: fieldLine }, headNode)),
        ...(title ? this.ownAnnotations('head', title, figures, organizations, headNode) : []),
      ];
      roots.push(headNode);
    }
    roots.push(...body.map((s, k) => this.sectionNode(s, `${k}`, figures, organizations, undefined)));
    if (endMatter.length) {
      const end = this.node('end', { type: 'endMatter' }, undefined);
      end.children = endMatter.map((s, k) => this.sectionNode(s, `end.${k}`, figures, organizations, end));
      roots.push(end);
    }
    const mentions = analysis.mentions();
    if (mentions.figures.length || mentions.organizations.length) {
      const group = this.node('mentions', { type: 'mentions', figures: mentions.figures.length, organizations: mentions.organizations.length }, undefined);
      group.children = [
        ...mentions.organizations.map((g) => this.mentionGroupNode(g, 'organization', group)),
        ...mentions.figures.map((g) => this.mentionGroupNode(g, 'figure', group)),
      ];
      roots.push(group);
    }
    return roots;
  }

  private mentionGroupNode(group: MentionGroup, of: 'figure' | 'organization', parent: ArticleNode): ArticleNode {
    const id = `mentions/${of}/${group.kind}/${group.label}`;
    const node = this.node(id, { type: 'mentionGroup', group, of }, parent);
    node.children = group.mentions.map((mention, index) => this.node(`${id}#${index}`, { type: 'mention', mention, index, count: group.mentions.length }, node));
    return node;
  }

  /** Reuses the row of the last refresh with the same id, so the tree keeps its state. */
  private node(id: string, data: NodeData, parent: ArticleNode | undefined): ArticleNode {
    const node = this.previous.get(id) ?? { id, data, children: [] };
    Object.assign(node, { data, parent, children: [] });
    this.byId.set(id, node);
    return node;
  }

  /** A section's own figures and organizations: those before its first subsection. */
  private ownAnnotations(id: string, section: Section, figures: Figure[], organizations: Organization[], parent: ArticleNode): ArticleNode[] {
    const children: ArticleNode[] = [];
    const seen = new Map<string, number>();
    for (const figure of within(figures, section.start, section.end, section.children)) {
      // The n-th 179項 of a section keeps its row when text before it changes.
      const n = (seen.get(figure.text) ?? 0) + 1;
      seen.set(figure.text, n);
      children.push(this.node(`${id}/figure/${figure.text}#${n}`, { type: 'figure', figure }, parent));
    }
    const byName = new Map<string, Organization[]>();
    for (const o of within(organizations, section.start, section.end, section.children)) byName.set(o.canonical, [...(byName.get(o.canonical) ?? []), o]);
    for (const [name, mentions] of byName) {
      const data = { type: 'organization' as const, name, type_: mentions[0].type, start: mentions[0].start, end: mentions[0].end, mentions: mentions.length };
      children.push(this.node(`${id}/organization/${name}`, data, parent));
    }
    return children;
  }

  private sectionNode(section: Section, path: string, figures: Figure[], organizations: Organization[], parent: ArticleNode | undefined): ArticleNode {
    const id = `section/${path}/${section.title}`;
    const node = this.node(id, { type: 'section', section }, parent);
    node.children = [
      ...this.ownAnnotations(id, section, figures, organizations, node),
      ...section.children.map((child, k) => this.sectionNode(child, `${path}.${k}`, figures, organizations, node)),
    ];
    return node;
  }

  /** Selects the innermost section holding `offset`, without taking focus from the editor. */
  private selectSectionAt(offset: number): void {
    if (!this.view?.visible) return;
    let found: ArticleNode | undefined;
    const visit = (nodes: readonly ArticleNode[]) => {
      for (const n of nodes) {
        if (n.data.type === 'section' && n.data.section.start <= offset && offset < n.data.section.end) {
          found = n;
          visit(n.children);
          return;
        }
        if (n.data.type === 'endMatter') visit(n.children);
      }
    };
    visit(this.roots);
    if (found && this.view.selection[0] !== found) this.view.reveal(found, { select: true, focus: false }).then(undefined, () => undefined);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
