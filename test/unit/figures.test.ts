import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractFigures } from '../../src/core/annotate';

interface Case { source: string; text: string; expected: string[] }
const table: { cases: Case[] } = JSON.parse(readFileSync('test/cases/figures.json', 'utf8'));

/** Multiset match of span texts per case: precision, recall, F1 over the whole table. */
function score(cases: Case[]) {
  let tp = 0, predicted = 0, gold = 0;
  for (const c of cases) {
    const found = extractFigures(c.text).map((f) => f.text);
    const left = [...c.expected];
    for (const f of found) {
      const i = left.indexOf(f);
      if (i >= 0) { left.splice(i, 1); tp++; }
    }
    predicted += found.length;
    gold += c.expected.length;
  }
  const p = tp / predicted, r = tp / gold;
  return { p, r, f1: (2 * p * r) / (p + r) };
}

test('figure case table: F1 at least 0.95', () => {
  const { p, r, f1 } = score(table.cases);
  console.log(`figures: P=${(p * 100).toFixed(1)} R=${(r * 100).toFixed(1)} F1=${(f1 * 100).toFixed(1)} over ${table.cases.length} cases`);
  assert.ok(f1 >= 0.95);
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
  // From the Debian FAQ: 十分 means "very", 第三个 is an ordinal.
  assert.deepEqual(extractFigures('这是一个十分主观的问题。'), []);
  assert.deepEqual(extractFigures('如果您想要运行 unstable，那么就把第三个字段改成“unstable”。'), []);
});
