import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractFigures, type Figure } from '../../src/core/annotate';

/** A labelled figure: its span text, and for newer cases its kind, dimension and qualifier. */
type Expected = string | { text: string; kind: Figure['kind']; dimension?: string; qualifier?: string };
interface Case { source: string; text: string; expected: Expected[]; heldOut?: boolean }
const table: { cases: Case[] } = JSON.parse(readFileSync('test/cases/figures.json', 'utf8'));
const spanText = (e: Expected) => (typeof e === 'string' ? e : e.text);

/**
 * Multiset match of span texts per case: precision, recall, F1; and over the matched spans whose
 * kind is labelled, how many have that kind, dimension and qualifier.
 */
function score(cases: Case[]) {
  let tp = 0, predicted = 0, gold = 0, labelled = 0, kindRight = 0;
  const wrongKinds: string[] = [];
  for (const c of cases) {
    const found = extractFigures(c.text);
    const left = [...c.expected];
    for (const f of found) {
      const i = left.findIndex((e) => spanText(e) === f.text);
      if (i < 0) continue;
      const e = left[i];
      left.splice(i, 1);
      tp++;
      if (typeof e === 'string') continue;
      labelled++;
      const same = f.kind === e.kind && (e.dimension ?? null) === (f.dimension ?? null) && (e.qualifier ?? null) === (f.qualifier ?? null);
      if (same) kindRight++;
      else wrongKinds.push(`${f.text}: ${f.kind}/${f.dimension ?? '-'}/${f.qualifier ?? '-'}, expected ${e.kind}/${e.dimension ?? '-'}/${e.qualifier ?? '-'}`);
    }
    predicted += found.length;
    gold += c.expected.length;
  }
  const p = tp / predicted, r = tp / gold;
  return { p, r, f1: (2 * p * r) / (p + r), kinds: labelled ? kindRight / labelled : 1, labelled, wrongKinds, cases: cases.length };
}

const pct = (x: number) => (x * 100).toFixed(1);
const tuning = table.cases.filter((c) => !c.heldOut);
const heldOut = table.cases.filter((c) => c.heldOut);

test('figure case table: F1 at least 0.95, kinds right on at least 95% of the labelled spans', (t) => {
  const s = score(tuning);
  t.diagnostic(`figures: P=${pct(s.p)} R=${pct(s.r)} F1=${pct(s.f1)} over ${s.cases} cases; kind, dimension and qualifier right on ${pct(s.kinds)}% of ${s.labelled} labelled spans`);
  for (const w of s.wrongKinds) t.diagnostic(`kind: ${w}`);
  assert.ok(s.f1 >= 0.95, `F1 ${pct(s.f1)}`);
  assert.ok(s.kinds >= 0.95, `kinds ${pct(s.kinds)}`);
});

test('figure case table, held-out part: reported, and F1 at least 0.9', (t) => {
  const s = score(heldOut);
  t.diagnostic(`figures (held out): P=${pct(s.p)} R=${pct(s.r)} F1=${pct(s.f1)} over ${s.cases} cases; kind, dimension and qualifier right on ${pct(s.kinds)}% of ${s.labelled} labelled spans`);
  for (const w of s.wrongKinds) t.diagnostic(`kind (held out): ${w}`);
  assert.ok(heldOut.length >= 15);
  assert.ok(s.f1 >= 0.9, `F1 ${pct(s.f1)}`);
});

test('Yizhuang article figures', () => {
  for (const file of ['samples/yizhuang-article/repaired.txt', 'samples/yizhuang-article/simplified.txt']) {
    const figures = extractFigures(readFileSync(file, 'utf8'));
    const texts = figures.map((f) => f.text);
    for (const want of [/^179[項项]$/, /^42%$/, /^近1000[億亿]元$/, /^180\.7[億亿]元$/, /^2月25日$/]) {
      assert.ok(texts.some((t) => want.test(t)), `${file}: ${want}`);
    }
    const near = figures.find((f) => /^近1000/.test(f.text))!;
    assert.equal(near.value, 1e11);
    assert.equal(near.kind, 'money');
    assert.equal(near.approxWord, '近');
    assert.equal(near.qualifier, 'nearly');
    const growth = figures.find((f) => f.text === '8.4%')!;
    assert.ok(growth.growth && /增[長长]$/.test(growth.growth.word));
  }
});

test('spans are sorted, non-overlapping and match the text', () => {
  for (const c of table.cases) {
    const figures = extractFigures(c.text);
    figures.forEach((f, i) => {
      assert.equal(c.text.slice(f.start, f.end), f.text);
      if (i > 0) assert.ok(figures[i - 1].end <= f.start);
    });
  }
});

test('numeral words are not figures', () => {
  // From the Debian FAQ: 十分 means "very".
  assert.deepEqual(extractFigures('这是一个十分主观的问题。'), []);
});
