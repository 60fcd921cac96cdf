/**
 * The silent-run search's memo of lines (src/core/garble/misaligned/searchMemo.ts), kept in a
 * document's window cache: after every edit, the windowed analysis with the cache (lines taken
 * from the memo) finds exactly what the same analysis without a cache finds. Texts: real text of
 * test/corpus, clean and with one Chinese line in four misaligned as the bench garbles it (so that
 * runs are found and the ends for a second pass are listed), and the Yizhuang article.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeTextInWindows, createWindowCache } from '../../src/core';
import { misalignedGbk, isGbkEncodable } from '../garblers';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8').replace(/\r\n/g, '\n');
const corpus = ['tech-debian-reference-zh-cn.txt', 'ui-messages-zh-cn.txt', 'poetry-song100-simplified.txt', 'tech-debian-reference-zh-tw.txt'].map((f) => read(`test/corpus/${f}`)).join('\n');

/** One line in four that holds Chinese misaligned over its middle third (bench/workloads.ts). */
function misalignedLines(text: string): string {
  let seen = 0;
  return text
    .split('\n')
    .map((line) => {
      if (!/\p{Script=Han}/u.test(line) || seen++ % 4 !== 2 || line.length < 18 || !isGbkEncodable(line) || /[\udc00-\udfff]/.test(line[Math.floor(line.length / 3)])) return line;
      return misalignedGbk(line, Math.floor(line.length / 3), Math.floor((2 * line.length) / 3));
    })
    .join('\n');
}

/** Edits as (where, as a share of the text; units deleted; text inserted): typing, deleting, lines split and joined, symbols and marks after Chinese. */
const EDITS: ReadonlyArray<readonly [number, number, string]> = [
  [0.5, 0, '的'],
  [0.5, 0, '一'],
  [0.5, 2, ''],
  [0.1, 0, ')'],
  [0.9, 0, '\n'],
  [0.3, 1, ''],
  [0.7, 0, '我们:'],
  [0.2, 0, '?'],
  [0.6, 0, '|'],
  [0.45, 0, '\n\n'],
  [0.8, 5, '鍙'],
  [0.05, 0, '縺'],
  [0.95, 0, 'abc'],
  [0.55, 30, ''],
];

/** Each edit in turn (one after another, as typed), and the text after it analysed with the cache and without. */
function typedAgainstFresh(name: string, text: string, windows = {}, least = 100, edits = EDITS): number {
  const cache = createWindowCache();
  const memo = cache.searchMemo!;
  analyzeTextInWindows(text, {}, { ...windows, cache });
  assert.ok(memo.size > least, `${name}: lines written down (${memo.size})`);
  let doc = text;
  const taken = memo.taken;
  for (const [share, removed, inserted] of edits) {
    const at = Math.floor(doc.length * share);
    doc = doc.slice(0, at) + inserted + doc.slice(at + removed);
    const cached = analyzeTextInWindows(doc, {}, { ...windows, cache });
    const fresh = analyzeTextInWindows(doc, {}, windows);
    assert.deepEqual(cached.regions, fresh.regions, `${name}: regions after ${JSON.stringify(inserted)} at ${at}`);
    assert.equal(JSON.stringify(cached.issues), JSON.stringify(fresh.issues), `${name}: findings after ${JSON.stringify(inserted)} at ${at}`);
  }
  // The edits' windows were searched with lines from the memo (the test is not of a memo never used).
  assert.ok(memo.taken - taken > least, `${name}: lines taken from the memo (${memo.taken - taken})`);
  return fresh(text, cache, windows);
}

/** The original text again after the edits (every one taken back at once): the same as afresh. */
function fresh(text: string, cache: ReturnType<typeof createWindowCache>, windows: object): number {
  const again = analyzeTextInWindows(text, {}, { ...windows, cache });
  assert.equal(JSON.stringify(again.issues), JSON.stringify(analyzeTextInWindows(text, {}, windows).issues));
  return again.issues.length;
}

test('clean real text: every edit finds with the memo what it finds afresh', () => {
  typedAgainstFresh('clean', corpus);
});

test('misaligned lines: every edit finds with the memo what it finds afresh, runs and all', () => {
  // One window of two stretches: the second lists the ends a second pass reads (silentRuns.ts).
  // Every other edit: a window of misaligned text takes a few hundred milliseconds to analyse afresh.
  const found = typedAgainstFresh('misaligned', misalignedLines(corpus), { regionUnits: 64 * 1024 }, 100, EDITS.filter((_, k) => k % 2 === 0));
  assert.ok(found > 20, `runs found (${found})`);
});

test('the Yizhuang article, small windows: every edit finds with the memo what it finds afresh', () => {
  const garbled = read('samples/yizhuang-article/garbled.txt');
  typedAgainstFresh('article', [garbled, garbled.replace(/。/g, '。 '), garbled.replace(/,/g, ', ')].join('\n'), { regionUnits: 3000, context: 400 }, 10);
});
