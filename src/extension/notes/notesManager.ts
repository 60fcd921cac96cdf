import * as vscode from 'vscode';
import { anchorContext, applyEdits, parseNotes, placeNote, quoteAt, selectorsAt, selectorsOfRanges, tagsInBody, toUtf16Offsets, type HighlightColour, type Note, type TextEdit } from '../../core';
import { announcedRewrite } from '../documentRewrites';
import { documentLength } from '../article/articleAnalysis';
import { readNotesSettings } from '../settings';
import { noteFileHost } from './noteFiles';
import { findOrphans, mapNotes, placeAfterOutsideChange, type ArticleNotes, type TrackedNote } from './noteTracking';
import { notesFileUri, readStoredNotes, writeStoredNotes } from './noteStore';

export type { ArticleNotes, TrackedNote } from './noteTracking';

const CHINESE = /\p{Script=Han}/u;
/** How long after a clean change the document must still be clean for the change to count as from outside. */
const OUTSIDE_CHANGE_DELAY_MS = 150;
/** Only the start of a document is looked at to decide whether it is a Chinese article. */
const SNIFF_UNITS = 100_000;

/**
 * The reader's notes of every open article, kept on the words they were made on:
 *
 * - edits in the editor move them (each change of `onDidChangeTextDocument`, in order);
 * - zhlens's own rewrites (Fix all, span fixes, script conversion) move them through the
 *   rewrite's announced edit list, character for character (documentRewrites.ts);
 * - a change from outside (the file reloaded after another program or a git checkout changed
 *   it: the document is clean before and after) is checked note by note: a note whose words are
 *   no longer at its mapped place is looked for again by its quote and context (core anchoring),
 *   and becomes an orphan when it is not found beyond doubt;
 * - a note whose words were deleted becomes an orphan, and comes back with undo.
 *
 * The notes file is written when a note is made, changed or removed, when the article is saved
 * or changed on disk, and when it is closed; renaming or moving the article in VS Code takes
 * its notes file along.
 */
export class NotesManager implements vscode.Disposable {
  private readonly articles = new Map<string, ArticleNotes>();
  private readonly loading = new Map<string, Promise<ArticleNotes | undefined>>();
  private readonly writes = new Map<string, Promise<void>>();
  /** What zhlens itself last wrote to each notes file, to tell its own writes from others'. */
  private readonly written = new Map<string, string | undefined>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** The notes of an article, or their places, changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.json');
    this.subscriptions.push(
      this.changed,
      watcher,
      watcher.onDidChange((uri) => this.notesFileChanged(uri)),
      watcher.onDidCreate((uri) => this.notesFileChanged(uri)),
      vscode.workspace.onDidOpenTextDocument((d) => void this.load(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.documentChanged(e)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        const a = this.articles.get(d.uri.toString());
        if (a?.behind) void this.persist(a);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => void this.close(d.uri)),
      vscode.workspace.onWillRenameFiles((e) => e.waitUntil(Promise.all(e.files.map((f) => this.flushUnder(f.oldUri))))),
      vscode.workspace.onDidRenameFiles((e) => void this.renamed(e.files)),
    );
    for (const d of vscode.workspace.textDocuments) void this.load(d);
  }

  /** A document that can carry notes: a saved plain-text or Markdown file (as set) holding Chinese. */
  isArticle(document: vscode.TextDocument): boolean {
    const settings = readNotesSettings(document.uri);
    if (!settings.enabled || !settings.languages.includes(document.languageId)) return false;
    if (document.uri.scheme === 'untitled' || vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) return false;
    if (this.articles.get(document.uri.toString())?.notes.length) return true;
    // The first SNIFF_UNITS alone (asked on every edit of a document that is no article yet): not the whole text joined.
    const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(SNIFF_UNITS)));
    return CHINESE.test(head) && notesFileUri(document.uri) !== undefined;
  }

  /** The notes of an open article, loaded if needed; undefined for a document that is no article. */
  async notesOf(document: vscode.TextDocument): Promise<ArticleNotes | undefined> {
    return this.articles.get(document.uri.toString()) ?? (await this.load(document));
  }

  /** The notes of an article already loaded. */
  peek(uri: vscode.Uri): ArticleNotes | undefined {
    return this.articles.get(uri.toString());
  }

  /** Every article whose notes are loaded. */
  all(): ArticleNotes[] {
    return [...this.articles.values()];
  }

  private load(document: vscode.TextDocument): Promise<ArticleNotes | undefined> {
    const key = document.uri.toString();
    const existing = this.articles.get(key);
    if (existing) return Promise.resolve(existing);
    if (!this.isArticle(document)) return Promise.resolve(undefined);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.read(document).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async read(document: vscode.TextDocument): Promise<ArticleNotes | undefined> {
    let stored;
    try {
      stored = await readStoredNotes(document.uri);
    } catch (e) {
      void vscode.window.showWarningMessage(vscode.l10n.t('zhlens cannot read the notes of {0}: {1}', vscode.workspace.asRelativePath(document.uri), e instanceof Error ? e.message : String(e)));
      return undefined;
    }
    if (document.isClosed) return undefined;
    const text = document.getText();
    const ctx = anchorContext(text);
    let moved = false;
    const notes: TrackedNote[] = stored.notes.map((note) => {
      const p = placeNote(ctx, note);
      if (p.placed) {
        if (p.how !== 'position') moved = true;
        return { note, range: { start: p.start, end: p.end } };
      }
      const [start, end] = toUtf16Offsets(text, [note.position.start, note.position.end]);
      return { note, lastRange: { start, end } };
    });
    const article: ArticleNotes = { uri: document.uri, text, notes, kept: stored.kept, broken: stored.broken, behind: moved };
    this.articles.set(document.uri.toString(), article);
    if (stored.broken) {
      void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: the notes file of {0} cannot be read ({1}); zhlens will not write it until it is mended.', vscode.workspace.asRelativePath(document.uri), stored.problems.join('; ')));
    } else if (stored.problems.length) {
      void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: {0} notes of {1} could not be read; they are kept in the notes file as they are: {2}', stored.problems.length, vscode.workspace.asRelativePath(document.uri), stored.problems.join('; ')));
    }
    // Notes found again after the file changed while closed: the notes file learns their new places.
    if (moved && !document.isDirty) void this.persist(article);
    this.changed.fire(document.uri);
    return article;
  }

  private documentChanged(e: vscode.TextDocumentChangeEvent): void {
    const a = this.articles.get(e.document.uri.toString());
    if (!a) {
      // A document that turns into an article (Chinese pasted in, a language chosen).
      if (e.contentChanges.length && !this.loading.has(e.document.uri.toString())) void this.load(e.document);
      return;
    }
    if (!e.contentChanges.length) return;
    // The new text is the old with the changes applied, one after the other (VS Code's order), as
    // the notes are moved below: slices of the old text, not the document's lines joined again
    // (this runs at every keystroke).
    let newText = e.contentChanges.reduce((t, c) => applyEdits(t, [{ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }]), a.text);
    // Should the text held have parted from the document's (a change not seen), the document's own.
    if (newText.length !== documentLength(e.document)) newText = e.document.getText();
    const rewrite = announcedRewrite(e);
    // A change to a clean document that leaves it clean is the file reloaded after another
    // program changed it. VS Code reports a reader's first edit of a clean document as clean
    // too, and marks the document dirty just after: the judgement waits for that.
    const maybeOutside = !rewrite && !e.document.isDirty && e.reason === undefined;
    // Then each placed note's words before the change are kept, to look for them afterwards.
    const before = maybeOutside ? new Map(a.notes.filter((n) => n.range).map((n) => [n, { quote: quoteAt(a.text, n.range!.start, n.range!.end), range: n.range! }] as const)) : undefined;
    if (rewrite) {
      mapNotes(a.notes, rewrite.edits, rewrite.before);
    } else {
      let t = a.text;
      // One change after the other, each in the text the ones before it left (VS Code's order).
      e.contentChanges.forEach((c, k) => {
        const edit: TextEdit = { start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text };
        mapNotes(a.notes, [edit], t);
        if (k + 1 < e.contentChanges.length) t = applyEdits(t, [edit]);
      });
    }
    a.text = newText;
    a.behind = a.notes.length > 0;
    // An undo or redo may bring an orphan's words back.
    if (e.reason !== undefined) findOrphans(a.notes, anchorContext(newText));
    this.changed.fire(a.uri);
    if (before) {
      const document = e.document;
      setTimeout(() => {
        if (!document.isDirty && !document.isClosed && this.articles.get(document.uri.toString()) === a) this.changedOutside(a, before);
      }, OUTSIDE_CHANGE_DELAY_MS);
    }
  }

  /** After a change from outside: notes whose words moved, and orphans, looked for again (noteTracking.ts). */
  private changedOutside(a: ArticleNotes, before: ReadonlyMap<TrackedNote, { quote: Note['quote']; range: { start: number; end: number } }>): void {
    if (placeAfterOutsideChange(a, before)) this.changed.fire(a.uri);
    void this.persist(a);
  }

  /** Adds a highlight or a note on [start, end) of the document. */
  async add(document: vscode.TextDocument, start: number, end: number, init: { motivation: Note['motivation']; colour?: HighlightColour; body?: string }): Promise<TrackedNote | undefined> {
    const a = await this.notesOf(document);
    if (!a || end <= start) return undefined;
    if (a.broken) {
      void vscode.window.showWarningMessage(vscode.l10n.t('zhlens: the notes file of {0} cannot be read; mend it (or move it away) before adding notes.', vscode.workspace.asRelativePath(document.uri)));
      return undefined;
    }
    const now = new Date().toISOString();
    const body = init.body?.trim() ?? '';
    const note: Note = {
      id: `urn:uuid:${globalThis.crypto.randomUUID()}`,
      motivation: init.motivation,
      colour: init.colour,
      body,
      tags: tagsInBody(body),
      created: now,
      modified: now,
      resolved: false,
      ...selectorsAt(a.text, start, end),
    };
    const tracked: TrackedNote = { note, range: { start, end } };
    a.notes.push(tracked);
    await this.saveChange(a);
    return tracked;
  }

  /** Changes a note's body (and so its tags), colour or resolved state. */
  async update(uri: vscode.Uri, id: string, change: { body?: string; colour?: HighlightColour; resolved?: boolean }): Promise<boolean> {
    const a = this.articles.get(uri.toString());
    const n = a?.notes.find((t) => t.note.id === id);
    if (!a || !n) return false;
    const body = change.body?.trim();
    n.note = {
      ...n.note,
      ...(body !== undefined ? { body, tags: tagsInBody(body) } : {}),
      ...(change.colour !== undefined ? { colour: change.colour } : {}),
      ...(change.resolved !== undefined ? { resolved: change.resolved } : {}),
      modified: new Date().toISOString(),
    };
    await this.saveChange(a);
    return true;
  }

  async remove(uri: vscode.Uri, ids: readonly string[]): Promise<boolean> {
    const a = this.articles.get(uri.toString());
    if (!a) return false;
    const before = a.notes.length;
    a.notes = a.notes.filter((n) => !ids.includes(n.note.id));
    if (a.notes.length === before) return false;
    await this.saveChange(a);
    return true;
  }

  /** Gives an orphan (or any note) a new place: [start, end) of the document. */
  async attach(uri: vscode.Uri, id: string, start: number, end: number): Promise<boolean> {
    const a = this.articles.get(uri.toString());
    const n = a?.notes.find((t) => t.note.id === id);
    if (!a || !n || end <= start) return false;
    n.range = { start, end };
    n.note = { ...n.note, modified: new Date().toISOString() };
    await this.saveChange(a);
    return true;
  }

  private async saveChange(a: ArticleNotes): Promise<void> {
    this.changed.fire(a.uri);
    await this.persist(a);
  }

  /** Writes the article's notes file, placed notes with selectors taken from the current text. */
  private persist(a: ArticleNotes): Promise<void> {
    const key = a.uri.toString();
    const previous = this.writes.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      const placed = a.notes.filter((n) => n.range);
      selectorsOfRanges(a.text, placed.map((n) => n.range!)).forEach((selectors, k) => (placed[k].note = { ...placed[k].note, ...selectors }));
      a.behind = false;
      const file = notesFileUri(a.uri);
      if (!file || a.broken) return;
      try {
        // Unchanged notes (the article saved after edits far from them) leave the file alone.
        this.written.set(file.toString(), await writeStoredNotes(a.uri, a.notes.map((n) => n.note), file, this.written.get(file.toString()), a.kept));
      } catch (e) {
        a.behind = true;
        void vscode.window.showWarningMessage(vscode.l10n.t('zhlens cannot save the notes of {0}: {1}', vscode.workspace.asRelativePath(a.uri), e instanceof Error ? e.message : String(e)));
      }
    });
    this.writes.set(key, next);
    return next;
  }

  /** Waits for every write of notes under `uri` (a file or a folder), after writing what is behind. */
  private async flushUnder(uri: vscode.Uri): Promise<void> {
    const prefix = uri.toString();
    const under = (key: string) => key === prefix || key.startsWith(`${prefix}/`);
    for (const a of this.articles.values()) if (under(a.uri.toString()) && a.behind) void this.persist(a);
    await Promise.all([...this.writes.entries()].filter(([k]) => under(k)).map(([, p]) => p));
  }

  private async close(uri: vscode.Uri): Promise<void> {
    const a = this.articles.get(uri.toString());
    if (!a) return;
    if (a.behind) await this.persist(a);
    // Reopened meanwhile: a new load has taken its place.
    if (this.articles.get(uri.toString()) === a && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
      this.articles.delete(uri.toString());
      this.changed.fire(uri);
    }
  }

  /** The article was renamed or moved in VS Code: its notes file goes with it. */
  private async renamed(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void> {
    for (const { oldUri, newUri } of files) {
      let isFolder = false;
      try {
        isFolder = (await vscode.workspace.fs.stat(newUri)).type === vscode.FileType.Directory;
      } catch {
        continue;
      }
      try {
        if (isFolder) await this.moveFolderNotes(oldUri, newUri);
        else await this.moveNotesFile(oldUri, newUri);
      } catch (e) {
        void vscode.window.showWarningMessage(vscode.l10n.t('zhlens cannot move the notes of {0}: {1}', vscode.workspace.asRelativePath(newUri), e instanceof Error ? e.message : String(e)));
      }
      for (const d of vscode.workspace.textDocuments) {
        const key = d.uri.toString();
        if (key === newUri.toString() || key.startsWith(`${newUri.toString()}/`)) await this.reload(d);
      }
    }
  }

  private async moveNotesFile(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    const from = notesFileUri(oldUri);
    const to = notesFileUri(newUri);
    if (!from || !to || from.toString() === to.toString()) return;
    const host = noteFileHost(from);
    const text = await host.read(from);
    if (text === undefined) return;
    const stored = parseNotes(text);
    // A file zhlens cannot read moves as it is; any other is written anew, naming the article's new name.
    if (stored.broken) await noteFileHost(to).write(to, text);
    else await writeStoredNotes(newUri, stored.notes, to, undefined, stored.kept);
    await host.remove(from);
    await host.removeFolderIfEmpty(vscode.Uri.joinPath(from, '..'));
    this.written.delete(from.toString());
  }

  /**
   * A folder renamed: notes kept beside their articles moved with it; notes kept under the
   * workspace folder are in a folder of their own, moved here.
   */
  private async moveFolderNotes(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    const probe = (folder: vscode.Uri) => notesFileUri(vscode.Uri.joinPath(folder, 'x'));
    const from = probe(oldUri);
    const to = probe(newUri);
    if (!from || !to) return;
    const fromDir = vscode.Uri.joinPath(from, '..');
    const toDir = vscode.Uri.joinPath(to, '..');
    // Beside the articles, the notes folder is inside the renamed folder and already moved.
    if (fromDir.toString().startsWith(`${oldUri.toString()}/`)) return;
    try {
      await vscode.workspace.fs.stat(fromDir);
    } catch {
      return;
    }
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(toDir, '..'));
    await vscode.workspace.fs.rename(fromDir, toDir, { overwrite: false });
  }

  /** Forgets what is loaded for the document and reads its notes file again. */
  async reload(document: vscode.TextDocument): Promise<ArticleNotes | undefined> {
    this.articles.delete(document.uri.toString());
    const a = await this.load(document);
    if (!a) this.changed.fire(document.uri);
    return a;
  }

  /** A notes file changed on disk (a git checkout, a sync): reloaded unless zhlens wrote it. */
  private async notesFileChanged(file: vscode.Uri): Promise<void> {
    const text = await noteFileHost(file).read(file).catch(() => undefined);
    if (text !== undefined && this.written.get(file.toString()) === text) return;
    this.written.set(file.toString(), text);
    for (const d of vscode.workspace.textDocuments) {
      if (notesFileUri(d.uri)?.toString() === file.toString() && this.articles.has(d.uri.toString())) await this.reload(d);
    }
  }

  /** Settings changed: every open document is looked at again. */
  async reset(): Promise<void> {
    for (const a of this.articles.values()) if (a.behind) await this.persist(a);
    const uris = [...this.articles.values()].map((a) => a.uri);
    this.articles.clear();
    for (const uri of uris) this.changed.fire(uri);
    for (const d of vscode.workspace.textDocuments) void this.load(d);
  }

  dispose(): void {
    for (const a of this.articles.values()) if (a.behind) void this.persist(a);
    for (const s of this.subscriptions) s.dispose();
  }
}
