/**
 * `zhlens notes FILE`, run as users run it (`node dist/cli.js`): the notes the editor keeps in
 * .zhlens/NAME.annotations.json, found again in the article after it was repaired outside the
 * editor, printed as a Markdown digest by section or as JSON-LD, and written back with --update.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { selectorsAt, serialiseNotes, type Note } from '../../src/core';
import { CLI, ROOT, ensureCliBuilt } from './cliBuild';

const SAMPLES = path.join(ROOT, 'samples', 'yizhuang-article');

function zhlens(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ZHLENS_DEBUG: '' } });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

let tmp: string;
const garbled = fs.readFileSync(path.join(SAMPLES, 'garbled.txt'), 'utf8');
const repaired = fs.readFileSync(path.join(SAMPLES, 'repaired.txt'), 'utf8');

function noteOn(text: string, words: string, extra: Partial<Note>): Note {
  const at = text.indexOf(words);
  assert.ok(at >= 0, words);
  return { id: `urn:uuid:${words.length}-${at}`, motivation: 'commenting', body: '', tags: [], created: '2026-12-05T00:00:00.000Z', modified: '2026-12-05T00:00:00.000Z', resolved: false, ...selectorsAt(text, at, at + words.length), ...extra };
}

before(() => {
  ensureCliBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-notes-'));
  // Notes made on the garbled article; the file on disk is then the repaired one, with a paragraph deleted.
  const notes = [
    noteOn(garbled, '北京經(jīng)濟(jì)技術(shù)開發(fā)區(qū)', { motivation: 'highlighting', colour: 'key-fact' }),
    noteOn(garbled, '就職于北京亦莊一家企業(yè)的常先生', { body: '首個**跨省通辦**案例 #政務', tags: ['政務'] }),
    noteOn(garbled, '王文勇透露', { body: '誰是王文勇?' }),
  ];
  fs.mkdirSync(path.join(tmp, '.zhlens'));
  fs.writeFileSync(path.join(tmp, '.zhlens', 'article.txt.annotations.json'), serialiseNotes(notes, '../article.txt', 'notes'));
  const cut = repaired.split('\n').filter((l) => !l.startsWith('王文勇透露')).join('\n');
  fs.writeFileSync(path.join(tmp, 'article.txt'), cut);
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('zhlens notes: a Markdown digest by section, the repaired words, orphans last and reported', () => {
  const r = zhlens(['notes', 'article.txt'], tmp);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /1 of 3 notes on article\.txt: words not found/);
  const order = ['# Notes on article.txt', '> 北京經濟技術開發區', '*Key fact* · [line 2](article.txt#L2,', '## 三地推出179項', '> 就職于北京亦莊一家企業的常先生', '首個**跨省通辦**案例 #政務', '#政務 · [line ', '## Notes whose words were not found', '> 王文勇透露', '誰是王文勇?'];
  let from = 0;
  for (const piece of order) {
    const k = r.out.indexOf(piece, from);
    assert.ok(k >= from, `${piece} missing or out of order in\n${r.out}`);
    from = k;
  }
});

test('zhlens notes --jsonld: the W3C collection with the article’s file URL and its current words', () => {
  const r = zhlens(['notes', '--jsonld', 'article.txt'], tmp);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.equal(json.type, 'AnnotationCollection');
  assert.equal(json.first.items.length, 3);
  const first = json.first.items[0];
  assert.equal(first.target.source, pathToFileURL(path.join(fs.realpathSync(tmp), 'article.txt')).href);
  assert.equal(first.target.selector[0].exact, '北京經濟技術開發區');
});

test('zhlens notes --update writes the new places back; a missing notes file is an error', () => {
  const r = zhlens(['notes', '--update', 'article.txt'], tmp);
  assert.equal(r.code, 0, r.err);
  const stored = JSON.parse(fs.readFileSync(path.join(tmp, '.zhlens', 'article.txt.annotations.json'), 'utf8'));
  const text = fs.readFileSync(path.join(tmp, 'article.txt'), 'utf8');
  const at = text.indexOf('北京經濟技術開發區');
  assert.deepEqual(stored.first.items[0].target.selector[1], { type: 'TextPositionSelector', start: [...text.slice(0, at)].length, end: [...text.slice(0, at)].length + 9 });
  // The orphan is kept as it was.
  assert.equal(stored.first.items[2].target.selector[0].exact, '王文勇透露');
  fs.writeFileSync(path.join(tmp, 'other.txt'), '沒有筆記的文章。');
  const missing = zhlens(['notes', 'other.txt'], tmp);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no notes for other\.txt/);
});
