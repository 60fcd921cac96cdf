import * as vscode from 'vscode';
import type { HighlightColour } from '../../core';
import { jsonLdCollection, markdownDigest } from './noteExport';
import { allColours, colourIcon, colourLabel } from './noteLabels';
import type { NoteDecorations } from './noteDecorations';
import { NoteComment, type NoteThreads } from './noteThreads';
import type { ArticleNotes, NotesManager, TrackedNote } from './notesManager';
import { REVEAL_NOTE_COMMAND, type NotesNode, type NotesTreeProvider } from './notesTree';

export interface NotesServices {
  manager: NotesManager;
  threads: NoteThreads;
  decorations: NoteDecorations;
  tree: NotesTreeProvider;
}

/** A note named by a command's argument: a comment, a thread, a row of the Notes view, or (uri, id). */
type NoteArgument = NoteComment | vscode.CommentThread | NotesNode | { uri: string; id: string };

/**
 * The commands of the notes feature. Those a reader runs on a selection also take arguments
 * (document URI, UTF-16 start and end, colour or body), so that keybindings and tests can name
 * what they act on.
 */
export function registerNoteCommands(context: vscode.ExtensionContext, services: NotesServices): void {
  const { manager, threads, decorations, tree } = services;
  const register = (id: string, run: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  /** The document and ranges a command acts on: the arguments, else the active editor's selections. */
  const target = async (uri?: string, start?: number, end?: number): Promise<{ document: vscode.TextDocument; a: ArticleNotes; ranges: [number, number][] } | undefined> => {
    const document = typeof uri === 'string' ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: open an article and select the words first.'));
      return undefined;
    }
    const a = await manager.notesOf(document);
    if (!a) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhlens keeps notes on articles: saved plain-text or Markdown files in Chinese (zhlens.notes.languages).'));
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const ranges: [number, number][] =
      typeof start === 'number' && typeof end === 'number'
        ? [[start, end]]
        : editor && editor.document === document
          ? editor.selections.filter((s) => !s.isEmpty).map((s) => [document.offsetAt(s.start), document.offsetAt(s.end)])
          : [];
    if (!ranges.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: select the words first.'));
      return undefined;
    }
    return { document, a, ranges };
  };

  const pickColour = async (): Promise<HighlightColour | undefined> => {
    const picked = await vscode.window.showQuickPick(
      allColours().map((colour) => ({ label: colourLabel(colour), iconPath: colourIcon(colour), colour })),
      { placeHolder: vscode.l10n.t('What do these words mean to you?') },
    );
    return picked?.colour;
  };

  register('zhlens.notes.highlight', async (colour?: HighlightColour, uri?: string, start?: number, end?: number) => {
    const t = await target(uri, start, end);
    if (!t) return [];
    const chosen = allColours().includes(colour as HighlightColour) ? colour : await pickColour();
    if (!chosen) return [];
    const ids: string[] = [];
    for (const [s, e] of t.ranges) {
      // The same words highlighted again take the new colour.
      const same = t.a.notes.find((n) => n.note.motivation === 'highlighting' && n.range?.start === s && n.range.end === e);
      if (same) {
        await manager.update(t.document.uri, same.note.id, { colour: chosen });
        ids.push(same.note.id);
      } else {
        const added = await manager.add(t.document, s, e, { motivation: 'highlighting', colour: chosen });
        if (added) ids.push(added.note.id);
      }
    }
    return ids;
  });

  register('zhlens.notes.removeHighlight', async (arg?: NoteArgument) => {
    if (arg) return deleteNotes(arg, false);
    const editor = vscode.window.activeTextEditor;
    const a = editor && manager.peek(editor.document.uri);
    if (!editor || !a) return false;
    const at = editor.selections.map((s) => [editor.document.offsetAt(s.start), editor.document.offsetAt(s.end)]);
    const hit = a.notes.filter((n) => n.note.motivation === 'highlighting' && n.range && at.some(([s, e]) => n.range!.start <= e && s <= n.range!.end));
    if (!hit.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: no highlight here.'));
      return false;
    }
    return manager.remove(a.uri, hit.map((n) => n.note.id));
  });

  register('zhlens.notes.add', async (uri?: string, start?: number, end?: number, body?: string) => {
    const t = await target(uri, start, end);
    if (!t) return undefined;
    const [s, e] = t.ranges[0];
    if (typeof body === 'string') {
      const added = await manager.add(t.document, s, e, { motivation: 'commenting', body });
      if (added) threads.expand(added.note.id);
      return added?.note.id;
    }
    // The reader writes the note in the thread's reply box, then presses Add Note (zhlens.notes.create).
    const range = new vscode.Range(t.document.positionAt(s), t.document.positionAt(e));
    threads.draft(t.document.uri, range, t.document.getText(range));
    return undefined;
  });

  register('zhlens.notes.create', async (reply: vscode.CommentReply) => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === reply.thread.uri.toString()) ?? (await vscode.workspace.openTextDocument(reply.thread.uri));
    const range = reply.thread.range ?? new vscode.Range(0, 0, 0, 0);
    let start = document.offsetAt(range.start);
    let end = document.offsetAt(range.end);
    if (end <= start) {
      // The gutter's `+` gives a line: the note is on the whole line.
      const line = document.lineAt(range.start.line).range;
      start = document.offsetAt(line.start);
      end = document.offsetAt(line.end);
    }
    const added = await manager.add(document, start, end, { motivation: 'commenting', body: reply.text });
    reply.thread.dispose();
    if (added) threads.expand(added.note.id);
    return added?.note.id;
  });

  register('zhlens.notes.cancelDraft', (arg: vscode.CommentReply | vscode.CommentThread) => {
    ('thread' in arg ? arg.thread : arg).dispose();
  });

  const commentOf = (arg: NoteComment | vscode.CommentThread): NoteComment | undefined =>
    arg instanceof NoteComment ? arg : (arg.comments.find((c) => c instanceof NoteComment) as NoteComment | undefined);

  register('zhlens.notes.edit', (arg: NoteComment | vscode.CommentThread) => {
    const comment = commentOf(arg);
    if (!comment?.thread) return;
    comment.mode = vscode.CommentMode.Editing;
    comment.body = comment.body instanceof vscode.MarkdownString ? comment.body.value : comment.body;
    comment.thread.comments = [comment];
  });

  register('zhlens.notes.saveEdit', async (comment: NoteComment) => {
    const body = comment.body instanceof vscode.MarkdownString ? comment.body.value : comment.body;
    comment.mode = vscode.CommentMode.Preview;
    await manager.update(comment.uri, comment.noteId, { body });
  });

  register('zhlens.notes.cancelEdit', (comment: NoteComment) => {
    comment.mode = vscode.CommentMode.Preview;
    const n = manager.peek(comment.uri)?.notes.find((t) => t.note.id === comment.noteId);
    if (n && comment.thread) {
      comment.show(n);
      comment.thread.comments = [comment];
    }
  });

  /** The article and note an argument names. */
  const resolveNote = (arg: NoteArgument): { uri: vscode.Uri; note: TrackedNote } | undefined => {
    let uri: vscode.Uri;
    let id: string;
    if (arg instanceof NoteComment) [uri, id] = [arg.uri, arg.noteId];
    else if ('type' in arg && arg.type === 'note') [uri, id] = [arg.uri, arg.tracked.note.id];
    else if ('comments' in arg) {
      const c = commentOf(arg);
      if (!c) return undefined;
      [uri, id] = [c.uri, c.noteId];
    } else if ('id' in arg && 'uri' in arg && typeof arg.uri === 'string') [uri, id] = [vscode.Uri.parse(arg.uri), arg.id];
    else return undefined;
    const note = manager.peek(uri)?.notes.find((n) => n.note.id === id);
    return note && { uri, note };
  };

  const deleteNotes = async (arg: NoteArgument, offerUndo = true): Promise<boolean> => {
    const found = resolveNote(arg);
    if (!found) return false;
    const removed = found.note;
    if (!(await manager.remove(found.uri, [removed.note.id]))) return false;
    if (offerUndo && removed.note.body) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: note deleted.'), vscode.l10n.t('Undo')).then(async (choice) => {
        const a = choice && manager.peek(found.uri);
        if (!a) return;
        a.notes.push(removed);
        await manager.update(found.uri, removed.note.id, {});
      });
    }
    return true;
  };

  register('zhlens.notes.delete', (arg: NoteArgument) => deleteNotes(arg));
  register('zhlens.notes.resolve', async (arg: NoteArgument) => {
    const f = resolveNote(arg);
    return !!f && manager.update(f.uri, f.note.note.id, { resolved: true });
  });
  register('zhlens.notes.reopen', async (arg: NoteArgument) => {
    const f = resolveNote(arg);
    return !!f && manager.update(f.uri, f.note.note.id, { resolved: false });
  });

  register('zhlens.notes.attach', async (arg: NoteArgument, start?: number, end?: number) => {
    const f = resolveNote(arg);
    if (!f) return false;
    const editor = vscode.window.activeTextEditor;
    let range: [number, number] | undefined = typeof start === 'number' && typeof end === 'number' ? [start, end] : undefined;
    if (!range && editor?.document.uri.toString() === f.uri.toString() && !editor.selection.isEmpty) {
      range = [editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)];
    }
    if (!range) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: select the words in {0} to attach the note to, then run this again.', vscode.workspace.asRelativePath(f.uri)));
      return false;
    }
    return manager.attach(f.uri, f.note.note.id, range[0], range[1]);
  });

  register('zhlens.notes.showOrphan', async (node: NotesNode) => {
    if (node.type !== 'note') return;
    const { note } = node.tracked;
    const attach = vscode.l10n.t('Attach to Selection');
    const remove = vscode.l10n.t('Delete');
    const detail = [`“${note.quote.exact}”`, note.body].filter(Boolean).join('\n\n');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('The words of this note were not found in the article.'), { modal: true, detail }, attach, remove);
    if (choice === attach) {
      await vscode.window.showTextDocument(node.uri);
      await vscode.commands.executeCommand('zhlens.notes.attach', node);
    } else if (choice === remove) await deleteNotes(node);
  });

  register(REVEAL_NOTE_COMMAND, async (uri: string, start: number, end: number, id?: string) => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (id) threads.expand(id);
  });

  register('zhlens.notes.filter', async (filter?: { colours?: HighlightColour[]; tags?: string[] }) => {
    if (filter) {
      tree.setFilter({ colours: new Set(filter.colours ?? []), tags: new Set(filter.tags ?? []) });
      return;
    }
    const current = tree.getFilter();
    const a = tree.current() && manager.peek(tree.current()!.uri);
    const tags = [...new Set((a?.notes ?? []).flatMap((n) => n.note.tags))].sort();
    type Item = vscode.QuickPickItem & { colour?: HighlightColour; tag?: string };
    const items: Item[] = [
      { label: vscode.l10n.t('Highlights'), kind: vscode.QuickPickItemKind.Separator },
      ...allColours().map((colour) => ({ label: colourLabel(colour), iconPath: colourIcon(colour), colour, picked: current.colours.has(colour) })),
      { label: vscode.l10n.t('Tags'), kind: vscode.QuickPickItemKind.Separator },
      ...tags.map((tag) => ({ label: `#${tag}`, tag, picked: current.tags.has(tag) })),
    ];
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: vscode.l10n.t('Show only these highlights and tags (none: everything)') });
    if (!picked) return;
    tree.setFilter({ colours: new Set(picked.flatMap((p) => (p.colour ? [p.colour] : []))), tags: new Set(picked.flatMap((p) => (p.tag ? [p.tag] : []))) });
  });
  register('zhlens.notes.clearFilter', () => tree.setFilter({ colours: new Set(), tags: new Set() }));

  /** The article to export: the argument, the active editor's, or the one the Notes view shows. */
  const exportSource = async (uri?: vscode.Uri | string): Promise<ArticleNotes | undefined> => {
    const document =
      uri !== undefined
        ? await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri)
        : vscode.window.activeTextEditor && manager.isArticle(vscode.window.activeTextEditor.document)
          ? vscode.window.activeTextEditor.document
          : tree.current();
    const a = document && (await manager.notesOf(document));
    if (!a?.notes.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('zhlens: this article has no notes yet.'));
      return undefined;
    }
    return a;
  };
  register('zhlens.notes.exportMarkdown', async (uri?: vscode.Uri | string) => {
    const a = await exportSource(uri);
    if (!a) return undefined;
    const content = markdownDigest(a);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }));
    return content;
  });
  register('zhlens.notes.exportJsonLd', async (uri?: vscode.Uri | string) => {
    const a = await exportSource(uri);
    if (!a) return undefined;
    const content = jsonLdCollection(a);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content }));
    return content;
  });

  // For tests and diagnostics: what the editor shows of an article's notes.
  register('zhlens.internal.notes', async (uri?: string) => {
    const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
    const a = document && manager.peek(document.uri);
    if (!document || !a) return undefined;
    return {
      notes: a.notes.map((n) => {
        const thread = threads.threadOf(n.note.id);
        return {
          id: n.note.id,
          motivation: n.note.motivation,
          colour: n.note.colour,
          body: n.note.body,
          tags: n.note.tags,
          resolved: n.note.resolved,
          orphan: !n.range,
          text: n.range ? a.text.slice(n.range.start, n.range.end) : undefined,
          start: n.range?.start,
          end: n.range?.end,
          thread: thread && {
            text: thread.range ? document.getText(thread.range) : undefined,
            collapsed: thread.collapsibleState === vscode.CommentThreadCollapsibleState.Collapsed,
            resolved: thread.state === vscode.CommentThreadState.Resolved,
            body: thread.comments.map((c) => (c.body instanceof vscode.MarkdownString ? c.body.value : c.body)).join('\n'),
          },
        };
      }),
      decorations: decorations.rangesFor(document.uri),
      notesFile: { broken: a.broken, kept: a.kept.length },
      view: tree.current()?.uri.toString() === document.uri.toString() ? tree.rows() : undefined,
    };
  });
}
