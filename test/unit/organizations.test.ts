import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractOrganizations } from '../../src/core/annotate';

interface Case { source: string; text: string; expected: string[]; heldOut?: boolean }
const table: { cases: Case[] } = JSON.parse(readFileSync('test/cases/organizations.json', 'utf8'));

/**
 * The extractor reads whole documents (aliases and repeated names need context), so the cases of
 * one source are joined with newlines, annotated together, and each span is given back to the
 * case it starts in.
 */
function foundByCase(cases: Case[]): Map<Case, string[]> {
  const groups = new Map<string, Case[]>();
  for (const c of cases) groups.set(c.source, [...(groups.get(c.source) ?? []), c]);
  const found = new Map<Case, string[]>();
  for (const group of groups.values()) {
    const spans = extractOrganizations(group.map((c) => c.text).join('\n'));
    let offset = 0;
    for (const c of group) {
      found.set(c, spans.filter((o) => o.start >= offset && o.start < offset + c.text.length).map((o) => o.text));
      offset += c.text.length + 1;
    }
  }
  return found;
}

/** Multiset match of span texts per case: precision, recall, F1. */
function score(cases: Case[], found: Map<Case, string[]>) {
  let tp = 0, predicted = 0, gold = 0;
  for (const c of cases) {
    const left = [...c.expected];
    for (const f of found.get(c)!) {
      const i = left.indexOf(f);
      if (i >= 0) { left.splice(i, 1); tp++; }
    }
    predicted += found.get(c)!.length;
    gold += c.expected.length;
  }
  const p = tp / predicted, r = tp / gold;
  return { p, r, f1: (2 * p * r) / (p + r), gold };
}

const found = foundByCase(table.cases);
const report = (name: string, s: ReturnType<typeof score>) =>
  console.log(`organizations ${name}: P=${(s.p * 100).toFixed(1)} R=${(s.r * 100).toFixed(1)} F1=${(s.f1 * 100).toFixed(1)} over ${s.gold} spans`);

// Floors sit a little under what the extractor reaches: tuned 80.9, held-out 79.4, precision 79.4
// (the rules alone reached 87.2, 79.4 and 88.5 on this table, whose conventions they were tuned
// to, and 53 on the public corpora; the tagger follows the corpora, docs/annotate-data.md).
test('organization case table, tuned part: F1 at least 0.78', () => {
  const s = score(table.cases.filter((c) => !c.heldOut), found);
  report('tuned', s);
  assert.ok(s.f1 >= 0.78);
});

test('organization case table, held-out part: F1 at least 0.76', () => {
  const s = score(table.cases.filter((c) => c.heldOut), found);
  report('held-out', s);
  assert.ok(s.f1 >= 0.76);
});

test('organization case table: precision at least 0.76', () => {
  const s = score(table.cases, found);
  report('all', s);
  assert.ok(s.p >= 0.76);
});

test('names in brackets and Latin names', () => {
  // Debian Administrator's Handbook (zh-CN), debian-handbook 11.20220922.
  assert.deepEqual(extractOrganizations('GNU 通用公共许可协议，由自由软件基金会（FSF）使用并推广，是最为常见的许可协议。').map((o) => o.text), ['自由软件基金会', 'FSF']);
  assert.deepEqual(extractOrganizations('Falcot Corp 是高质量音频设备的生产商。').map((o) => o.text), ['Falcot Corp']);
  // Its Latin head belongs to a name the corpora have no such names for.
  assert.deepEqual(extractOrganizations('更多信息，参见通用网关接口, Apache 软件基金会, 和 JavaScript.').map((o) => o.text), ['Apache 软件基金会']);
});

test('a bare Latin name the model is sure of is kept; Latin words that name nothing are not', () => {
  // CLUENER2020, training split (its held-out tenth): a company named in Latin letters.
  assert.deepEqual(extractOrganizations('visa和银联都主营银行卡跨行转接业务，信用卡刷谁的清算通道，商户就要向谁付手续费，').map((o) => o.text), ['visa', '银联']);
  for (const text of ['我平时用Linux写代码，偶尔也用Windows。', '请运行apt-get install debian-faq-zh-cn安装这份文档。', '这部手机支持NFC和5G，价格是999元。']) {
    assert.deepEqual(extractOrganizations(text), [], text);
  }
});

test('Yizhuang article organizations and the declared alias', () => {
  for (const file of ['samples/yizhuang-article/repaired.txt', 'samples/yizhuang-article/simplified.txt']) {
    const orgs = extractOrganizations(readFileSync(file, 'utf8'));
    const texts = orgs.map((o) => o.text);
    for (const want of [/^北京[經经][濟济]技[術术][開开][發发][區区]$/, /^天津大[學学]$/, /^燕山大[學学]$/, /^SMC\(中[國国]\)有限公司$/, /^人民[網网]$/]) {
      assert.ok(texts.some((t) => want.test(t)), `${file}: ${want}`);
    }
    const alias = orgs.find((o) => /^北京亦[莊庄]$/.test(o.text))!;
    assert.match(alias.canonical, /^北京[經经][濟济]技[術术][開开][發发][區区]$/);
  }
});
