/**
 * The one windowed analysis (src/core/pipeline/textWindows.ts) that the CLI and the editor share:
 * regions that depend on the text alone, findings that do not depend on how it is cut, a cache
 * that reads again only the windows an edit touched, and a repair from the findings a reader
 * saw that equals the repair of `zhlens repair`.
 *
 * Text: the Yizhuang article (samples/yizhuang-article/garbled.txt: misaligned GBK runs and
 * pinyin annotations from a real crawl), repeated, with and without its line breaks.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzedRegions, analyzeText, analyzeTextInWindows, createWindowCache, detectEncoding, fileVerdict, repairText, repairTextInWindows, repairWithFindings, type GarbleIssue, type WindowCache } from '../../src/core';

const garbled = fs.readFileSync(path.resolve(__dirname, '..', '..', 'samples', 'yizhuang-article', 'garbled.txt'), 'utf8');
const spans = (issues: readonly GarbleIssue[]) => issues.map((i) => `${i.kind} ${i.start}-${i.end} ${i.replacement ?? '(flagged)'}`);
const SMALL = { regionUnits: 2000, context: 256 };

test('a text of one window has the findings and the repair of analyzeText and repairText', () => {
  assert.deepEqual(spans(analyzeTextInWindows(garbled).issues), spans(analyzeText(garbled)));
  assert.equal(repairTextInWindows(garbled, { script: 'simplified' }).text, repairText(garbled, { script: 'simplified' }).text);
});

test('the regions depend on the text alone, not on the pieces it arrives in', () => {
  const text = garbled.repeat(3);
  const whole = [...analyzedRegions([text], {}, SMALL)];
  assert.ok(whole.length > 5, `several regions (${whole.length})`);
  assert.equal(whole.map((r) => r.text).join(''), text);
  for (const size of [97, 1000, 5000]) {
    const pieces: string[] = [];
    for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
    const cut = [...analyzedRegions(pieces, {}, SMALL)];
    assert.deepEqual(cut.map((r) => [r.offset, r.text.length]), whole.map((r) => [r.offset, r.text.length]), `pieces of ${size}`);
    assert.deepEqual(spans(cut.flatMap((r) => r.issues)), spans(whole.flatMap((r) => r.issues)), `pieces of ${size}`);
  }
});

test('a finding across a planned window end is reported once, whole, as in the whole text', () => {
  const oneLine = garbled.replace(/\n/g, '');
  const whole = analyzeText(oneLine);
  const windowed = analyzeTextInWindows(oneLine, {}, SMALL);
  // In one line the region ends are planned `regionUnits` after each region's start; a finding
  // across one moves the end to its start, and the next window finds it whole.
  const planned = windowed.regions.slice(0, -1).map((r) => r.start + SMALL.regionUnits);
  assert.ok(whole.some((i) => planned.some((p) => i.start < p && p < i.end)), 'some finding straddles a planned end');
  assert.deepEqual(whole.filter((i) => windowed.regions.some((r) => i.start < r.end && r.end < i.end)), [], 'no finding is cut by a region end');
  assert.deepEqual(spans(windowed.issues), spans(whole));
});

/** A cache that counts the windows it had to analyse. */
function countingCache(): { cache: WindowCache; misses: () => number } {
  const inner = createWindowCache();
  let misses = 0;
  return {
    cache: { get: (k, body) => inner.get(k, body) ?? void misses++, set: (k, body, v) => inner.set(k, body, v), nextGeneration: () => inner.nextGeneration() },
    misses: () => misses,
  };
}

test('after an edit only the windows it touched are analysed again, with the same findings as afresh', () => {
  // Four different texts in a row, so that no two windows are alike.
  const text = [garbled, garbled.replace(/\n/g, '\n\n'), garbled.replace(/。/g, '。 '), garbled.replace(/,/g, ', ')].join('\n');
  const { cache, misses } = countingCache();
  const windowed = { ...SMALL, regionUnits: 1500 };
  const first = analyzeTextInWindows(text, {}, { ...windowed, cache });
  const windows = first.regions.length;
  assert.ok(windows > 10);
  assert.equal(misses(), windows);
  // Delete one pinyin annotation in the middle: a keystroke's worth of change.
  const at = text.indexOf('(', Math.floor(text.length / 2));
  const edited = text.slice(0, at) + text.slice(text.indexOf(')', at) + 1);
  const again = analyzeTextInWindows(edited, {}, { ...windowed, cache });
  const reanalysed = misses() - windows;
  assert.ok(reanalysed >= 1 && reanalysed <= 3, `${reanalysed} of ${again.regions.length} windows analysed again`);
  assert.deepEqual(spans(again.issues), spans(analyzeTextInWindows(edited, {}, windowed).issues));
});

test('typing reads again only the windows around the keystroke, however far the typed text moves the line ends after it', () => {
  const text = [garbled, garbled.replace(/。/g, '。 '), garbled.replace(/,/g, ', ')].join('\n');
  const { cache, misses } = countingCache();
  const regions = analyzeTextInWindows(text, {}, { ...SMALL, cache }).regions;
  assert.ok(regions.length > 5, `several regions (${regions.length})`);
  // Characters typed one by one at a line start in the middle region, until the typed text is
  // longer than the lines around it (every line end after it moves past where a region was planned).
  const middle = regions[regions.length >> 1];
  const at = text.indexOf('\n', middle.start) + 1;
  const keys = '亦莊 E-town, 北京. ';
  let typed = '';
  let worst = 0;
  let edited = text;
  for (let k = 0; k < 300; k++) {
    typed += keys[k % keys.length];
    edited = text.slice(0, at) + typed + text.slice(at);
    const before = misses();
    analyzeTextInWindows(edited, {}, { ...SMALL, cache });
    worst = Math.max(worst, misses() - before);
  }
  // The window typed in, and its neighbour when the keystroke is within its context.
  assert.ok(worst <= 2, `a keystroke read ${worst} windows again`);
  assert.deepEqual(spans(analyzeTextInWindows(edited, {}, { ...SMALL, cache }).issues), spans(analyzeTextInWindows(edited, {}, SMALL).issues));
});


test('a repair from the findings shown is the repair of the whole text, window by window', () => {
  const text = garbled.repeat(3);
  const findings = analyzeTextInWindows(text, {}, SMALL);
  const fromFindings = repairWithFindings(text, findings, { script: 'simplified' });
  assert.equal(fromFindings.text, repairTextInWindows(text, { script: 'simplified' }, SMALL).text);
  assert.equal(fromFindings.applied.length, findings.issues.filter((i) => i.replacement !== undefined).length);
  // The article repeated repairs to the repaired article repeated (Simplified).
  const simplified = fs.readFileSync(path.resolve(__dirname, '..', '..', 'samples', 'yizhuang-article', 'simplified.txt'), 'utf8');
  assert.equal(fromFindings.text, simplified.repeat(3));
});

/** A small deterministic generator (mulberry32), so that a failing seed can be run again. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** A document's window cache that tells `looked` of every window looked up, and whether it was found. */
function watchedCache(looked: (found: boolean) => void): WindowCache {
  const inner = createWindowCache();
  return {
    get(k, body) {
      const issues = inner.get(k, body);
      looked(issues !== undefined);
      return issues;
    },
    set: (k, body, v) => inner.set(k, body, v),
    nextGeneration: () => inner.nextGeneration(),
    get lastRun() {
      return inner.lastRun;
    },
    set lastRun(run) {
      inner.lastRun = run;
    },
  };
}

test('edits of every size anywhere: the regions kept from the last analysis give what a fresh analysis gives', () => {
  const repaired = fs.readFileSync(path.resolve(__dirname, '..', '..', 'samples', 'yizhuang-article', 'repaired.txt'), 'utf8');
  const base = [garbled, repaired, garbled.replace(/。/g, '。\n')].join('\n');
  const windowed = { regionUnits: 1500, context: 200 };
  let looked = 0;
  let regions = 0;
  for (let seed = 1; seed <= 5; seed++) {
    const pick = random(seed);
    // The document's cache, counting the windows looked up (a region taken from the last run is not).
    const cache = watchedCache(() => looked++);
    let text = base;
    analyzeTextInWindows(text, {}, { ...windowed, cache });
    for (let step = 0; step < 10; step++) {
      // A keystroke, a word, a deleted line, a pasted paragraph (of the text itself, garbling included).
      const size = [1, 1, 2, 6, 40, 3000][pick(6)];
      const at = pick(text.length);
      const from = pick(base.length);
      const inserted = pick(3) ? base.slice(from, from + size) : '';
      const removed = pick(2) ? Math.min(size, text.length - at) : 0;
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      const last = cache.lastRun;
      const again = analyzeTextInWindows(text, {}, { ...windowed, cache });
      const fresh = analyzeTextInWindows(text, {}, windowed);
      assert.deepEqual(again.regions, fresh.regions, `seed ${seed}, step ${step}`);
      assert.deepEqual(spans(again.issues), spans(fresh.issues), `seed ${seed}, step ${step}`);
      assert.deepEqual(again.issues, fresh.issues, `seed ${seed}, step ${step}`);
      assert.notEqual(cache.lastRun, last);
      regions += again.regions.length;
    }
  }
  // Most regions were taken from the last analysis, not looked up again.
  assert.ok(looked < regions / 3, `${looked} windows looked up for ${regions} regions`);
});

test('a document judged on its file\'s bytes again after an edit: the bytes\' detection is kept while they are the same', () => {
  const verdict = (bytes: Uint8Array, text: string, cache?: WindowCache) => {
    const steps = fileVerdict({ bytes, text }, { legacyText: 'skip' }, { ...SMALL, cache });
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  };
  // UTF-8 with a byte no decoder reads (the editor shows U+FFFD there), then GB18030 bytes.
  const utf8 = new TextEncoder().encode(garbled);
  const bytes = new Uint8Array(utf8.length + 1);
  bytes.set(utf8.subarray(0, 100));
  bytes[100] = 0xff;
  bytes.set(utf8.subarray(100), 101);
  const text = new TextDecoder().decode(bytes);
  const cache = createWindowCache();
  const first = verdict(bytes, text, cache);
  assert.deepEqual(first, verdict(bytes, text));
  // The same bytes in another array (read again from the file), the text edited: the detection kept.
  const typed = text.slice(0, 500) + '字' + text.slice(500);
  const again = verdict(bytes.slice(), typed, cache);
  assert.equal(again.detection, first.detection);
  assert.deepEqual(again, verdict(bytes, typed));
  // The caller's array filled with other bytes (the file saved): detected afresh.
  bytes[100] = 0x41;
  const saved = verdict(bytes, typed, cache);
  assert.notEqual(saved.detection, first.detection);
  assert.deepEqual(saved.detection, detectEncoding(bytes));
  assert.deepEqual(saved, verdict(bytes, typed));
});

test('a keystroke taken back (typed, analysed, deleted) reads no window again', () => {
  const text = [garbled, garbled.replace(/。/g, '。\n'), garbled].join('\n');
  let missed = 0;
  const cache = watchedCache((hit) => hit || missed++);
  const windowed = { ...SMALL, cache };
  const at = text.indexOf('\n', text.length >> 1);
  const typed = text.slice(0, at) + '字' + text.slice(at);
  const first = analyzeTextInWindows(text, {}, windowed);
  analyzeTextInWindows(typed, {}, windowed);
  missed = 0;
  assert.deepEqual(analyzeTextInWindows(text, {}, windowed), first);
  assert.equal(missed, 0);
  // And typed again: the window of the keystroke is still kept.
  assert.deepEqual(analyzeTextInWindows(typed, {}, windowed), analyzeTextInWindows(typed, {}, SMALL));
  assert.equal(missed, 0);
});
