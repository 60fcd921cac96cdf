import * as vscode from 'vscode';
import type { ArticleNotes, NotesManager, TrackedNote } from './notesManager';
import { excerpt } from './noteLabels';

export const CONTROLLER_ID = 'zhlens.notes';

/** One note shown as a comment; `noteId` and `uri` lead back to it. */
export class NoteComment implements vscode.Comment {
  body: string | vscode.MarkdownString;
  mode = vscode.CommentMode.Preview;
  author: vscode.CommentAuthorInformation;
  contextValue = 'zhlens-note';
  label?: string;
  timestamp?: Date;

  constructor(readonly uri: vscode.Uri, readonly noteId: string, public thread: vscode.CommentThread | undefined, tracked: TrackedNote) {
    this.author = { name: vscode.l10n.t('Note') };
    this.body = '';
    this.show(tracked);
  }

  show(tracked: TrackedNote): void {
    const md = new vscode.MarkdownString(tracked.note.body);
    md.supportThemeIcons = false;
    this.body = md;
    this.label = tracked.note.tags.map((t) => `#${t}`).join(' ') || undefined;
    this.timestamp = new Date(tracked.note.modified || tracked.note.created);
  }
}

/**
 * Notes as comment threads (the Comments API): collapsed on the words they are on, listed in the
 * Comments panel, edited, resolved and deleted there. Threads are offered only on articles (a
 * `+` in the gutter of a Chinese plain-text or Markdown file), and VS Code never moves a thread
 * by itself: every change of a note's place is set here.
 */
export class NoteThreads implements vscode.Disposable {
  readonly controller = vscode.comments.createCommentController(CONTROLLER_ID, vscode.l10n.t('zhlens notes'));
  /** By note id. */
  private readonly threads = new Map<string, { thread: vscode.CommentThread; comment: NoteComment; uri: string }>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly manager: NotesManager) {
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (document) => (manager.isArticle(document) ? [new vscode.Range(0, 0, Math.max(0, document.lineCount - 1), 0)] : []),
    };
    this.controller.options = { prompt: vscode.l10n.t('Add a note…'), placeHolder: vscode.l10n.t('A note in Markdown; #words are tags') };
    this.subscriptions.push(this.controller, manager.onDidChange((uri) => this.sync(uri)));
    for (const a of manager.all()) this.sync(a.uri);
  }

  /** Brings the threads of an article in line with its notes. */
  sync(uri: vscode.Uri): void {
    const key = uri.toString();
    const a = this.manager.peek(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const wanted = new Map<string, TrackedNote>();
    if (a && document) for (const n of a.notes) if (n.note.motivation === 'commenting' && n.range) wanted.set(n.note.id, n);
    for (const [id, t] of this.threads) {
      if (t.uri === key && !wanted.has(id)) {
        t.thread.dispose();
        this.threads.delete(id);
      }
    }
    if (!a || !document) return;
    for (const [id, n] of wanted) {
      const range = new vscode.Range(document.positionAt(n.range!.start), document.positionAt(n.range!.end));
      let t = this.threads.get(id);
      if (!t) {
        const comment = new NoteComment(uri, id, undefined, n);
        const thread = this.controller.createCommentThread(uri, range, [comment]);
        comment.thread = thread;
        thread.canReply = false;
        thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
        t = { thread, comment, uri: key };
        this.threads.set(id, t);
      } else if (!t.thread.range || !t.thread.range.isEqual(range)) {
        t.thread.range = range;
      }
      this.showNote(t.thread, t.comment, n, a);
    }
  }

  private showNote(thread: vscode.CommentThread, comment: NoteComment, n: TrackedNote, _a: ArticleNotes): void {
    const label = `“${excerpt(n.note.quote.exact, 30)}”`;
    if (thread.label !== label) thread.label = label;
    const state = n.note.resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
    if (thread.state !== state) thread.state = state;
    const contextValue = n.note.resolved ? 'zhlens-note-resolved' : 'zhlens-note-open';
    if (thread.contextValue !== contextValue) thread.contextValue = contextValue;
    // A comment being edited keeps the reader's text.
    if (comment.mode === vscode.CommentMode.Editing) return;
    const body = comment.body instanceof vscode.MarkdownString ? comment.body.value : comment.body;
    const tags = n.note.tags.map((t) => `#${t}`).join(' ') || undefined;
    if (body !== n.note.body || comment.label !== tags) {
      comment.show(n);
      thread.comments = [comment];
    }
  }

  /** The thread of a note, for tests and commands. */
  threadOf(noteId: string): vscode.CommentThread | undefined {
    return this.threads.get(noteId)?.thread;
  }

  /** A new, empty thread on the selection, ready for the reader to write the note in. */
  draft(uri: vscode.Uri, range: vscode.Range, words: string): vscode.CommentThread {
    const thread = this.controller.createCommentThread(uri, range, []);
    thread.label = vscode.l10n.t('New note on “{0}”', excerpt(words, 30));
    thread.canReply = true;
    thread.contextValue = 'zhlens-draft';
    thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    return thread;
  }

  /** Opens the thread of a note (from the Notes view). */
  expand(noteId: string): void {
    const t = this.threads.get(noteId);
    if (t) t.thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
  }

  dispose(): void {
    for (const t of this.threads.values()) t.thread.dispose();
    this.threads.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}
