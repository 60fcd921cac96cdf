// The reader's notes in a real VS Code, on a copy of the garbled Yizhuang article: a note and a
// highlight are made, then the text is edited above them, repaired (Fix all), converted to
// Simplified, closed and reopened, changed on disk, cut and restored, and renamed; after each
// step the note must sit on the same words, in the editor's comment thread, the decorations and
// the notes file beside the article. What is checked is what the reader sees: the thread's range,
// the drawn highlight, the Notes view's rows, the W3C file on disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { outlineText, sectionPathAt } from '../../src/core';
import { closeAllEditors, readUtf8, waitFor, withoutAutoSave, workspaceFile } from './garbleSupport';
import { MemoryFiles } from './memoryFiles';

interface ShownNote {
  id: string;
  motivation: string;
  colour?: string;
  body: string;
  tags: string[];
  resolved: boolean;
  orphan: boolean;
  text?: string;
  thread?: { text?: string; collapsed: boolean; resolved: boolean; body: string };
}

interface Shown {
  notes: ShownNote[];
  decorations: { kind: string; start: number; end: number; text: string }[];
  view?: { depth: number; label: string; description?: string; contextValue?: string }[];
  notesFile: { broken: boolean; kept: number };
}

const FOLDER = 'notes-in-host';
const ARTICLE = `${FOLDER}/亦莊 article.txt`;
const NOTES_FILE = `${FOLDER}/.zhlens/亦莊 article.txt.annotations.json`;
/** In the garbled text: 立足北京高精尖產(chǎn)業(yè)主陣地優(yōu)勢. */
const NOTE_WORDS = '產(chǎn)業(yè)主陣地';
const HIGHLIGHT_WORDS = '北京經(jīng)濟(jì)技術(shù)開發(fā)區(qū)';

async function shown(uri: vscode.Uri): Promise<Shown | undefined> {
  return vscode.commands.executeCommand<Shown | undefined>('zhlens.internal.notes', uri.toString());
}

/** Waits until the note and the highlight read `noteText` and `highlightText` everywhere the reader sees them. */
async function expectPlaced(uri: vscode.Uri, noteText: string, highlightText: string): Promise<Shown> {
  return waitFor(`the note on ${noteText} and the highlight on ${highlightText}`, async () => {
    const s = await shown(uri);
    const note = s?.notes.find((n) => n.motivation === 'commenting');
    const highlight = s?.notes.find((n) => n.motivation === 'highlighting');
    if (!s || note?.text !== noteText || note.thread?.text !== noteText || highlight?.text !== highlightText) return undefined;
    if (!s.decorations.some((d) => d.kind === 'key-fact' && d.text === highlightText)) return undefined;
    return s;
  });
}

async function storedAnnotations(): Promise<any[]> {
  const json = JSON.parse(await readUtf8(workspaceFile(NOTES_FILE)));
  assert.equal(json.type, 'AnnotationCollection');
  return json.first.items;
}

function selector(annotation: any, type: string): any {
  return annotation.target.selector.find((s: any) => s.type === type);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

suite('Reader notes that follow the text', function () {
  this.timeout(60_000);
  let uri: vscode.Uri;
  let garbled: string;
  let restoreAutoSave: () => Promise<void>;

  suiteSetup(async () => {
    await vscode.extensions.getExtension('zhlens.zhlens')?.activate();
    restoreAutoSave = await withoutAutoSave();
    garbled = await readUtf8(workspaceFile('yizhuang-article/garbled.txt'));
    uri = workspaceFile(ARTICLE);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(garbled));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceFile(FOLDER), { recursive: true });
    await restoreAutoSave();
  });

  test('a note and a highlight on a selection are stored beside the article as W3C annotations', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const text = editor.document.getText();
    const at = text.indexOf(NOTE_WORDS);
    const id = await vscode.commands.executeCommand<string>('zhlens.notes.add', uri.toString(), at, at + NOTE_WORDS.length, '主陣地:見**第二段** #產業 #待查');
    assert.ok(id?.startsWith('urn:uuid:'));
    const h = text.indexOf(HIGHLIGHT_WORDS);
    const [hid] = await vscode.commands.executeCommand<string[]>('zhlens.notes.highlight', 'key-fact', uri.toString(), h, h + HIGHLIGHT_WORDS.length);
    assert.ok(hid);

    const s = await expectPlaced(uri, NOTE_WORDS, HIGHLIGHT_WORDS);
    const note = s.notes.find((n) => n.id === id)!;
    assert.deepEqual(note.tags, ['產業', '待查']);
    assert.equal(note.thread?.collapsed, false, 'a new note opens its thread');
    assert.match(note.thread!.body, /第二段/);

    const items = await storedAnnotations();
    assert.equal(items.length, 2);
    const a = items.find((i) => i.id === id);
    assert.equal(a.motivation, 'commenting');
    assert.equal(a.target.source, '../%E4%BA%A6%E8%8E%8A%20article.txt');
    assert.equal(selector(a, 'TextQuoteSelector').exact, NOTE_WORDS);
    assert.ok(text.slice(0, at).endsWith(selector(a, 'TextQuoteSelector').prefix));
    assert.deepEqual(selector(a, 'TextPositionSelector'), { type: 'TextPositionSelector', start: [...text.slice(0, at)].length, end: [...text.slice(0, at)].length + [...NOTE_WORDS].length });
    assert.deepEqual(a.body.filter((b: any) => b.purpose === 'tagging').map((b: any) => b.value), ['產業', '待查']);
    assert.equal(a.body.find((b: any) => b.purpose === 'commenting').format, 'text/markdown');
    assert.equal(items.find((i) => i.id === hid).motivation, 'highlighting');
    // The article itself is untouched.
    assert.equal(await readUtf8(uri), garbled);
  });

  test('text written above moves them down with their words', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '編者按:這是一段新加的文字。\n')));
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 3), '(插入)')));
    await expectPlaced(uri, NOTE_WORDS, HIGHLIGHT_WORDS);
  });

  test('Fix all repairs the text under them, and they follow through the repair’s edit list', async () => {
    assert.equal(await vscode.commands.executeCommand('zhlens.fixAll', uri), true);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.ok(!document.getText().includes('(chǎn)'), 'the repair did not run');
    await expectPlaced(uri, '產業主陣地', '北京經濟技術開發區');
    await document.save();
    const items = await waitFor('the notes file after saving', async () => {
      const i = await storedAnnotations();
      return i.some((a) => selector(a, 'TextQuoteSelector').exact === '產業主陣地') ? i : undefined;
    });
    const stored = items.find((a) => a.motivation === 'commenting');
    const text = document.getText();
    const at = text.indexOf('立足北京高精尖產業主陣地') + '立足北京高精尖'.length;
    assert.equal(selector(stored, 'TextPositionSelector').start, [...text.slice(0, at)].length);
  });

  test('conversion to Simplified converts the words, the note stays on them', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.equal(await vscode.commands.executeCommand('zhlens.toSimplified', uri), true);
    await expectPlaced(uri, '产业主阵地', '北京经济技术开发区');
    await (await vscode.workspace.openTextDocument(uri)).save();
  });

  test('the Notes view lists them under their section; the filter by colour and tag', async () => {
    // Both are in the same section of the article's outline, the innermost one around them.
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const path = sectionPathAt(outlineText(text), text.indexOf('产业主阵地'));
    assert.ok(path.length);
    // The view may still show the text before the conversion for a moment: wait for this text's section.
    const rows = await waitFor('the Notes view of the converted text', async () => {
      const v = (await shown(uri))?.view;
      return v && v.length >= 3 && v[0].label === path[path.length - 1].title ? v : undefined;
    });
    assert.equal(rows[0].depth, 0);
    assert.deepEqual(rows.slice(1).map((r) => [r.depth, r.contextValue]), [[1, 'zhlens-highlightItem'], [1, 'zhlens-noteItem']]);
    await vscode.commands.executeCommand('zhlens.notes.filter', { tags: ['待查'] });
    const filtered = await waitFor('the filtered view', async () => {
      const v = (await shown(uri))?.view;
      return v && v.length === 2 ? v : undefined;
    });
    assert.equal(filtered[1].contextValue, 'zhlens-noteItem');
    await vscode.commands.executeCommand('zhlens.notes.filter', { colours: ['key-fact'] });
    const byColour = await waitFor('the view filtered by colour', async () => {
      const v = (await shown(uri))?.view;
      return v && v.length === 2 && v[1].contextValue === 'zhlens-highlightItem' ? v : undefined;
    });
    assert.equal(byColour[1].description, 'Key fact');
    await vscode.commands.executeCommand('zhlens.notes.clearFilter');
  });

  test('closing and reopening the article reads them back from the notes file, on the same words', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await closeAllEditors();
    // VS Code lets go of a closed document only minutes later; until then its notes stay in
    // memory. Switching the feature off and on makes zhlens forget them and read the notes file
    // again, as it does when the article is opened anew.
    const notes = vscode.workspace.getConfiguration('zhlens.notes');
    await notes.update('enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor('the notes to be forgotten', async () => ((await shown(uri)) === undefined ? true : undefined));
    await notes.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await vscode.window.showTextDocument(document);
    const s = await expectPlaced(uri, '产业主阵地', '北京经济技术开发区');
    const note = s.notes.find((n) => n.motivation === 'commenting')!;
    assert.equal(note.thread?.collapsed, true, 'a note read back is a collapsed thread');
    assert.deepEqual(note.tags, ['產業', '待查']);
  });

  test('a change on disk (another editor) moves them by their quote and context', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const before = document.getText();
    // Another program rewrites the note's sentence around its words and adds a paragraph above.
    const changed = before
      .replace('立足北京高精尖产业主阵地优势', '依托北京高精尖产业主阵地的优势')
      .replace('三地产业协同成效明显', '(外部编辑加入的一段)\n三地产业协同成效明显');
    assert.notEqual(changed, before);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(changed));
    await waitFor('the editor to reload the file', () => (document.getText() === changed ? true : undefined));
    await expectPlaced(uri, '产业主阵地', '北京经济技术开发区');
    const stored = await waitFor('the notes file to follow', async () => {
      const a = (await storedAnnotations()).find((i) => i.motivation === 'commenting');
      return selector(a, 'TextQuoteSelector').prefix.endsWith('依托北京高精尖') ? a : undefined;
    });
    assert.equal(selector(stored, 'TextQuoteSelector').exact, '产业主阵地');
  });

  test('a note whose words are gone becomes an orphan, listed; it comes back with its words', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const withWords = document.getText();
    const line = withWords.split('\n').find((l) => l.includes('产业主阵地'))!;
    const without = withWords.replace(`${line}\n`, '');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(without));
    const s = await waitFor('the note to be an orphan', async () => {
      const v = await shown(uri);
      return v?.notes.find((n) => n.motivation === 'commenting')?.orphan ? v : undefined;
    });
    const note = s.notes.find((n) => n.motivation === 'commenting')!;
    assert.equal(note.thread, undefined, 'an orphan has no thread in the text');
    // Never moved to look-alike words: 产业 is still all over the article.
    assert.ok(without.includes('产业'));
    const rows = await waitFor('the orphans in the Notes view', async () => {
      const v = (await shown(uri))?.view;
      return v?.some((r) => r.contextValue === 'zhlens-orphans') ? v : undefined;
    });
    // The highlight was in the same paragraph: both are orphans, in their own group.
    assert.deepEqual(rows.map((r) => [r.depth, r.contextValue]), [[0, 'zhlens-orphans'], [1, 'zhlens-orphanItem'], [1, 'zhlens-orphanItem']]);
    // The file restored (a git checkout): the note is back on its words.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(withWords));
    await expectPlaced(uri, '产业主阵地', '北京经济技术开发区');
  });

  test('typing inside the words and deleting them: the note follows, and undo brings it back', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const text = editor.document.getText();
    const at = text.indexOf('产业主阵地');
    const range = new vscode.Range(editor.document.positionAt(at + 2), editor.document.positionAt(at + 3));
    assert.ok(await editor.edit((b) => b.replace(range, '要')));
    await expectPlaced(uri, '产业要阵地', '北京经济技术开发区');
    const whole = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 5));
    assert.ok(await editor.edit((b) => b.delete(whole)));
    await waitFor('the note to be an orphan', async () => ((await shown(uri))?.notes.find((n) => n.motivation === 'commenting')?.orphan ? true : undefined));
    await vscode.commands.executeCommand('undo');
    await expectPlaced(uri, '产业要阵地', '北京经济技术开发区');
    await vscode.commands.executeCommand('undo');
    await expectPlaced(uri, '产业主阵地', '北京经济技术开发区');
  });

  test('resolve, and export as a Markdown digest and as JSON-LD', async () => {
    const s = (await shown(uri))!;
    const note = s.notes.find((n) => n.motivation === 'commenting')!;
    assert.equal(await vscode.commands.executeCommand('zhlens.notes.resolve', { uri: uri.toString(), id: note.id }), true);
    await waitFor('the resolved thread', async () => ((await shown(uri))?.notes.find((n) => n.id === note.id)?.thread?.resolved ? true : undefined));
    const digest = await vscode.commands.executeCommand<string>('zhlens.notes.exportMarkdown', uri);
    assert.match(digest, /^# Notes on 亦莊 article\.txt/);
    assert.match(digest, /^> 产业主阵地$/m);
    assert.match(digest, /主陣地:見\*\*第二段\*\* #產業 #待查/);
    assert.match(digest, /\*Key fact\*/);
    assert.match(digest, /\[line 3\]\(file:\/\/.*\.txt#L3,\d+\)/);
    const jsonLd = JSON.parse(await vscode.commands.executeCommand<string>('zhlens.notes.exportJsonLd', uri));
    assert.equal(jsonLd['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(jsonLd.first.items.length, 2);
    assert.equal(jsonLd.first.items[0].target.source, uri.toString());
    await closeAllEditors();
  });

  test('renaming the article in VS Code takes its notes file along', async () => {
    const renamed = workspaceFile(`${FOLDER}/renamed.txt`);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = workspaceFile(`${FOLDER}/.zhlens/renamed.txt.annotations.json`);
    await waitFor('the notes file to move', async () => ((await exists(moved)) && !(await exists(workspaceFile(NOTES_FILE))) ? true : undefined));
    const json = JSON.parse(await readUtf8(moved));
    assert.equal(json.first.items[0].target.source, '../renamed.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(renamed));
    await expectPlaced(renamed, '产业主阵地', '北京经济技术开发区');
    uri = renamed;
  });

  test('a notes file that is not JSON (a merge conflict) is never overwritten; unreadable annotations are kept', async () => {
    const article = workspaceFile(`${FOLDER}/conflict.txt`);
    await vscode.workspace.fs.writeFile(article, new TextEncoder().encode('北京亦莊助力打造京津冀高精尖產業經濟帶。\n'));
    const notesFile = workspaceFile(`${FOLDER}/.zhlens/conflict.txt.annotations.json`);
    const conflict = '<<<<<<< HEAD\n{"type": "AnnotationCollection"}\n=======\n>>>>>>> other\n';
    await vscode.workspace.fs.writeFile(notesFile, new TextEncoder().encode(conflict));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    await waitFor('the notes file to be found broken', async () => ((await shown(article))?.notesFile.broken ? true : undefined));
    assert.equal(await vscode.commands.executeCommand('zhlens.notes.add', article.toString(), 0, 4, 'x'), undefined);
    assert.equal(await readUtf8(notesFile), conflict);
    // Mended by hand, with one annotation zhlens cannot read: a new note is added, the other kept.
    const foreign = { id: 'urn:x:1', type: 'Annotation', target: { source: '../conflict.txt', selector: { type: 'CssSelector', value: 'p' } } };
    await vscode.workspace.fs.writeFile(notesFile, new TextEncoder().encode(JSON.stringify({ type: 'AnnotationPage', items: [foreign] })));
    await waitFor('the mended notes file to be read', async () => ((await shown(article))?.notesFile.kept === 1 ? true : undefined));
    const id = await vscode.commands.executeCommand<string>('zhlens.notes.add', article.toString(), 0, 4, '地名');
    assert.ok(id);
    const items = await waitFor('both annotations in the file', async () => {
      const json = JSON.parse(await readUtf8(notesFile));
      return json.first?.items?.length === 2 ? json.first.items : undefined;
    });
    assert.deepEqual(items[1], foreign);
    assert.equal(items[0].id, id);
    await closeAllEditors();
  });

  test('a file that is no Chinese article is offered no notes', async () => {
    const english = workspaceFile(`${FOLDER}/english.md`);
    await vscode.workspace.fs.writeFile(english, new TextEncoder().encode('# Plain English\n\nNothing Chinese here.\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(english));
    assert.equal(await vscode.commands.executeCommand('zhlens.notes.add', english.toString(), 2, 7, 'x'), undefined);
    assert.equal(await shown(english), undefined);
    assert.equal(await exists(workspaceFile(`${FOLDER}/.zhlens/english.md.annotations.json`)), false);
  });
});

suite('Reader notes on a file system that is not the disk', () => {
  test('the notes file is written through workspace.fs, whole (a temporary file renamed over it), and removed with the last note', async () => {
    const memory = new MemoryFiles();
    const registration = vscode.workspace.registerFileSystemProvider('zhlens-notes-memory', memory);
    try {
      memory.files.set('/news/article.txt', new TextEncoder().encode('北京亦莊助力打造京津冀高精尖產業經濟帶。\n第二段。\n'));
      const uri = vscode.Uri.from({ scheme: 'zhlens-notes-memory', path: '/news/article.txt' });
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const id = await waitFor('the note to be made', async () => vscode.commands.executeCommand<string | undefined>('zhlens.notes.add', uri.toString(), 0, 4, '地名'));
      const file = '/news/.zhlens/article.txt.annotations.json';
      const stored = await waitFor('the notes file', () => memory.files.get(file));
      const json = JSON.parse(new TextDecoder().decode(stored));
      assert.equal(json.first.items[0].target.selector[0].exact, '北京亦莊');
      assert.equal(json.first.items[0].target.source, '../article.txt');
      const renames = memory.calls.filter((c) => c.startsWith('rename '));
      assert.equal(renames.length, 1);
      assert.match(renames[0], /^rename \/news\/\.zhlens\/\.article\.txt\.annotations\.json\.zhlens-\w+\.tmp \/news\/\.zhlens\/article\.txt\.annotations\.json$/);
      assert.deepEqual([...memory.files.keys()].sort(), [file, '/news/article.txt']);
      assert.equal(await vscode.commands.executeCommand('zhlens.notes.delete', { uri: uri.toString(), id }), true);
      await waitFor('the notes file to go', () => (memory.files.has(file) ? undefined : true));
      assert.deepEqual([...memory.files.keys()], ['/news/article.txt']);
    } finally {
      await closeAllEditors();
      registration.dispose();
    }
  });
});
