/**
 * Edit lists (src/core/textEdits.ts): what repairText and the script conversion report as their
 * changes. Properties over random edits, then the repair of every case table and of the sample
 * article: applying the reported edits to the input gives exactly the repaired text, and text the
 * repair did not touch keeps its place.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { applyEdits, composeEdits, convertScriptWithEdits, mapOffset, mapRange, repairText, type TextEdit } from '../../src/core';
import { minimalEdit } from '../../src/core/textEdits';

const ROOT = resolve(__dirname, '../..');
const runs = (n: number) => ({ seed: 20261205, numRuns: n });

/** A random sorted, non-overlapping edit list over `text`. */
const editsOver = (text: string) =>
  fc
    .array(fc.tuple(fc.nat(text.length), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 6 })
    .map((raw) => {
      const sorted = raw.map(([s, len, t]) => ({ start: s, end: Math.min(text.length, s + len), text: t })).sort((a, b) => a.start - b.start || a.end - b.end);
      const out: TextEdit[] = [];
      let pos = 0;
      for (const e of sorted) {
        if (e.start < pos) continue;
        // Two insertions at one point are one insertion.
        if (e.start === e.end && out.length && out[out.length - 1].end === e.start && out[out.length - 1].start === e.start) continue;
        out.push(e);
        pos = e.end;
      }
      return out;
    });

test('composeEdits(a, b) applied to a text is a then b', () => {
  const scenario = fc.string({ maxLength: 20 }).chain((t) => editsOver(t).chain((a) => editsOver(applyEdits(t, a)).map((b) => ({ t, a, b }))));
  fc.assert(
    fc.property(scenario, ({ t, a, b }) => {
      const c = composeEdits(t, a, b);
      assert.equal(applyEdits(t, c), applyEdits(applyEdits(t, a), b));
      for (let k = 1; k < c.length; k++) assert.ok(c[k - 1].end <= c[k].start, 'sorted and disjoint');
    }),
    runs(2000),
  );
});

test('mapOffset keeps untouched text in place, ranges never run backwards', () => {
  const scenario = fc.string({ minLength: 1, maxLength: 20 }).chain((t) => editsOver(t).map((a) => ({ t, a })));
  fc.assert(
    fc.property(scenario, ({ t, a }) => {
      const after = applyEdits(t, a);
      for (let p = 0; p <= t.length; p++) {
        const untouched = a.every((e) => p < e.start || p > e.end);
        const q = mapOffset(a, p, 'start', t);
        if (untouched) assert.equal(mapOffset(a, p, 'end', t), q);
        for (let r = p; r <= t.length; r++) {
          const m = mapRange(a, p, r, t);
          if (m) assert.ok(m.start <= m.end && m.end <= after.length);
          // A range no edit touches reads the same after.
          if (m && a.every((e) => e.end < p || e.start > r)) assert.equal(after.slice(m.start, m.end), t.slice(p, r));
        }
      }
    }),
    runs(500),
  );
});

test('insertions at a range’s ends stay outside it; a converted character keeps its place', () => {
  const edits = [{ start: 2, end: 2, text: 'xx' }, { start: 5, end: 5, text: 'yy' }];
  assert.deepEqual(mapRange(edits, 2, 5), { start: 4, end: 7 });
  // 國 → 国 inside 中國家: the note on 國家 stays on 国家.
  const text = '我們中國家';
  const conversion = convertScriptWithEdits(text, 'simplified');
  assert.equal(conversion.text, '我们中国家');
  assert.deepEqual(conversion.edits, [{ start: 1, end: 2, text: '们' }, { start: 3, end: 4, text: '国' }]);
  assert.deepEqual(mapRange(conversion.edits, 3, 5, text), { start: 3, end: 5 });
  // A whole-line replacement of the same length, character for character.
  assert.deepEqual(mapRange([{ start: 0, end: 5, text: '我们中国家' }], 3, 4, text), { start: 3, end: 4 });
  // Characters outside the BMP count as one.
  // Characters outside the BMP count as one: 𠀋ab → cde, `a` (code point 1) becomes `d`.
  assert.deepEqual(mapRange([{ start: 0, end: 4, text: 'cde' }], 2, 3, '𠀋ab'), { start: 1, end: 2 });
});

test('minimalEdit trims what both sides share, never splitting a surrogate pair', () => {
  assert.deepEqual(minimalEdit('發(fā)展', 0, 6, '發展'), { start: 1, end: 5, text: '' });
  assert.deepEqual(minimalEdit('\u{20000}', 0, 2, '\u{20001}'), { start: 0, end: 2, text: '\u{20001}' });
  assert.equal(minimalEdit('abc', 0, 3, 'abc'), undefined);
});

interface TableCase {
  input?: string | { base64: string };
}

test('every case table: the repair’s edits turn the input into the repaired text', () => {
  const dir = join(ROOT, 'test/cases');
  let checked = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const table = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    if (!Array.isArray(table)) continue;
    for (const c of table as TableCase[]) {
      if (typeof c.input !== 'string') continue;
      for (const script of ['keep', 'simplified'] as const) {
        const r = repairText(c.input, { script });
        assert.equal(applyEdits(c.input, r.edits), r.text, `${name}: ${c.input.slice(0, 40)}`);
      }
      checked++;
    }
  }
  assert.ok(checked > 500, `only ${checked} cases`);
});

test('the sample article: repair edits are exact and small, and keep clean text in place', () => {
  const garbled = readFileSync(join(ROOT, 'samples/yizhuang-article/garbled.txt'), 'utf8');
  const repaired = readFileSync(join(ROOT, 'samples/yizhuang-article/repaired.txt'), 'utf8');
  const simplified = readFileSync(join(ROOT, 'samples/yizhuang-article/simplified.txt'), 'utf8');
  const r = repairText(garbled);
  assert.equal(r.text, repaired);
  assert.equal(applyEdits(garbled, r.edits), repaired);
  // Pinyin annotations are removals of `(fā)` alone: the characters around them are not rewritten.
  const removed = r.edits.filter((e) => e.text === '').length;
  assert.ok(removed > 400, `${removed} removals`);
  const s = repairText(garbled, { script: 'simplified' });
  assert.equal(s.text, simplified);
  assert.equal(applyEdits(garbled, s.edits), simplified);
  // 立足北京高精尖產(chǎn)業(yè)主陣地優(yōu)勢: the words 北京高精尖 map onto the same words.
  const at = garbled.indexOf('北京高精尖產(chǎn)業(yè)主陣地');
  const m = mapRange(s.edits, at, at + '北京高精尖產(chǎn)業(yè)主陣地'.length, garbled)!;
  assert.equal(s.text.slice(m.start, m.end), '北京高精尖产业主阵地');
});
