import * as vscode from 'vscode';
import { outlineText, sectionPathAt, type HighlightColour } from '../../core';
import type { ArticleNotes, NotesManager, TrackedNote } from './notesManager';
import { colourIcon, colourLabel, excerpt } from './noteLabels';

export const NOTES_VIEW_ID = 'zhlens.notes';
export const REVEAL_NOTE_COMMAND = 'zhlens.notes.reveal';

const REFRESH_DELAY_MS = 200;

export type NotesNode =
  | { type: 'section'; id: string; title: string; children: NotesNode[] }
  | { type: 'orphans'; id: string; children: NotesNode[] }
  | { type: 'note'; id: string; uri: vscode.Uri; tracked: TrackedNote; parent: NotesNode };

/** Which notes the view shows: highlights of these colours, and notes or highlights with these tags; everything when both are empty. */
export interface NotesFilter {
  colours: ReadonlySet<HighlightColour>;
  tags: ReadonlySet<string>;
}

export function passes(filter: NotesFilter, n: TrackedNote): boolean {
  if (!filter.colours.size && !filter.tags.size) return true;
  if (n.note.colour && filter.colours.has(n.note.colour)) return true;
  return n.note.tags.some((t) => filter.tags.has(t));
}

/**
 * The "Notes" view: the highlights and notes of the active article under the section they are
 * in (the core outline's innermost section), in text order, then the orphans, whose words were
 * not found again. Filterable by colour and tag; a click selects the words in the editor.
 */
export class NotesTreeProvider implements vscode.TreeDataProvider<NotesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NotesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;
  private roots: NotesNode[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private filter: NotesFilter = { colours: new Set(), tags: new Set() };
  private view: vscode.TreeView<NotesNode> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly manager: NotesManager) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document !== this.document && manager.isArticle(editor.document)) this.show(editor.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) this.show(undefined);
      }),
      manager.onDidChange((uri) => {
        if (uri.toString() === this.document?.uri.toString()) this.scheduleRefresh();
        else if (!this.document) {
          const active = vscode.window.activeTextEditor?.document;
          if (active?.uri.toString() === uri.toString() && manager.isArticle(active)) this.show(active);
        }
      }),
    );
    const active = vscode.window.activeTextEditor?.document;
    if (active && manager.isArticle(active)) this.show(active);
  }

  attach(view: vscode.TreeView<NotesNode>): void {
    this.view = view;
    this.describe();
  }

  /** The article shown. */
  current(): vscode.TextDocument | undefined {
    return this.document;
  }

  getFilter(): NotesFilter {
    return this.filter;
  }

  setFilter(filter: NotesFilter): void {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', 'zhlens.notesFiltered', filter.colours.size + filter.tags.size > 0);
    this.describe();
    this.refresh();
  }

  private describe(): void {
    if (!this.view) return;
    const parts = [...[...this.filter.colours].map(colourLabel), ...[...this.filter.tags].map((t) => `#${t}`)];
    this.view.description = parts.length ? vscode.l10n.t('showing {0}', parts.join(', ')) : undefined;
  }

  getChildren(node?: NotesNode): NotesNode[] {
    if (!node) return this.roots;
    return node.type === 'note' ? [] : node.children;
  }

  getParent(node: NotesNode): NotesNode | undefined {
    return node.type === 'note' ? node.parent : undefined;
  }

  getTreeItem(node: NotesNode): vscode.TreeItem {
    if (node.type === 'section' || node.type === 'orphans') {
      const label = node.type === 'orphans' ? vscode.l10n.t('Orphaned: words not found') : node.title;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = String(node.children.length);
      item.iconPath = new vscode.ThemeIcon(node.type === 'orphans' ? 'warning' : 'symbol-namespace');
      item.contextValue = node.type === 'orphans' ? 'zhlens-orphans' : 'zhlens-noteSection';
      return item;
    }
    const { note, range } = node.tracked;
    const item = new vscode.TreeItem(`“${excerpt(note.quote.exact)}”`);
    item.id = node.id;
    const firstLine = note.body.split('\n').find((l) => l.trim())?.trim();
    item.description = note.motivation === 'highlighting' && note.colour ? colourLabel(note.colour) : firstLine ? excerpt(firstLine, 50) : undefined;
    item.iconPath = note.motivation === 'highlighting' && note.colour ? colourIcon(note.colour) : new vscode.ThemeIcon(note.resolved ? 'pass' : 'comment');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`> ${note.quote.exact.replace(/\n/g, '\n> ')}\n\n`);
    if (note.body) tooltip.appendMarkdown(`${note.body}\n\n`);
    if (note.tags.length) tooltip.appendText(note.tags.map((t) => `#${t}`).join(' '));
    item.tooltip = tooltip;
    item.contextValue = range ? (note.motivation === 'highlighting' ? 'zhlens-highlightItem' : 'zhlens-noteItem') : 'zhlens-orphanItem';
    item.command = range
      ? { command: REVEAL_NOTE_COMMAND, title: vscode.l10n.t('Go to the note'), arguments: [node.uri.toString(), range.start, range.end, note.id] }
      : { command: 'zhlens.notes.showOrphan', title: vscode.l10n.t('Show the orphaned note'), arguments: [node] };
    return item;
  }

  private show(document: vscode.TextDocument | undefined): void {
    this.document = document;
    this.refresh();
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  /** Rebuilds the rows now. */
  refresh(): void {
    clearTimeout(this.timer);
    const a = this.document && this.manager.peek(this.document.uri);
    this.roots = a ? this.build(a) : [];
    this.changed.fire(undefined);
  }

  private build(a: ArticleNotes): NotesNode[] {
    const sections = outlineText(a.text);
    const placed = a.notes.filter((n) => n.range && passes(this.filter, n)).sort((x, y) => x.range!.start - y.range!.start || x.range!.end - y.range!.end);
    const roots: NotesNode[] = [];
    const byPath = new Map<string, NotesNode & { type: 'section' }>();
    for (const n of placed) {
      const path = sectionPathAt(sections, n.range!.start);
      const key = path.map((s) => `${s.line}:${s.title}`).join('/') || '-';
      let group = byPath.get(key);
      if (!group) {
        const innermost = path[path.length - 1];
        group = { type: 'section', id: `section/${key}`, title: innermost ? innermost.title : vscode.l10n.t('Before the first section'), children: [] };
        byPath.set(key, group);
        roots.push(group);
      }
      group.children.push({ type: 'note', id: `note/${n.note.id}`, uri: a.uri, tracked: n, parent: group });
    }
    const orphans = a.notes.filter((n) => !n.range && passes(this.filter, n));
    if (orphans.length) {
      const group: NotesNode = { type: 'orphans', id: 'orphans', children: [] };
      group.children = orphans.map((n) => ({ type: 'note' as const, id: `note/${n.note.id}`, uri: a.uri, tracked: n, parent: group }));
      roots.push(group);
    }
    return roots;
  }

  /** The rows as shown, for tests: depth, label, description. */
  rows(): { depth: number; label: string; description?: string; contextValue?: string }[] {
    const out: { depth: number; label: string; description?: string; contextValue?: string }[] = [];
    const visit = (nodes: NotesNode[], depth: number) => {
      for (const n of nodes) {
        const item = this.getTreeItem(n);
        out.push({ depth, label: String(typeof item.label === 'string' ? item.label : item.label?.label), description: typeof item.description === 'string' ? item.description : undefined, contextValue: item.contextValue });
        visit(this.getChildren(n), depth + 1);
      }
    };
    visit(this.roots, 0);
    return out;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
