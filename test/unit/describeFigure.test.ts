// The hover's words for figures and organizations, on the Yizhuang article (Traditional and Simplified).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { annotateText, describeFigure, describeOrganization, englishAmount, groupDigits } from '../../src/core/annotate';

const traditional = readFileSync('samples/yizhuang-article/repaired.txt', 'utf8');
const simplified = readFileSync('samples/yizhuang-article/simplified.txt', 'utf8');

function describe(text: string, figureText: string) {
  const { figures } = annotateText(text);
  const index = figures.findIndex((f) => f.text === figureText);
  assert.ok(index >= 0, `no figure ${figureText}`);
  return describeFigure(text, figures, index);
}

test('近1000億元: value with grouping, plain reading, approximation word, sentence', () => {
  const d = describe(traditional, '近1000億元');
  assert.equal(d.kind, 'amount of money');
  assert.equal(d.normalized, '1000億元 = 100,000,000,000 元');
  assert.equal(d.reading, '≈ 100 billion CNY');
  assert.deepEqual(d.approximation, { word: '近', meaning: 'nearly' });
  assert.equal(d.sentence.text, '馬駒橋智造基地集成電路產業生態持續完善,聚集制造、封測、裝備、零部件及材料等集成電路產業鏈各環節產業項目23個,總投資近1000億元;');
  assert.equal(traditional.slice(d.sentence.start, d.sentence.end), d.sentence.text);
});

test('同比增長8.4% on 180.7億元: the year before and the increase, from either figure', () => {
  for (const [text, figure, before, increase] of [
    [traditional, '8.4%', '≈ 166.7億元', '≈ 14.0億元'],
    [traditional, '180.7億元', '≈ 166.7億元', '≈ 14.0億元'],
    [simplified, '180.7亿元', '≈ 166.7亿元', '≈ 14.0亿元'],
    [traditional, '305.6億元', '≈ 238.0億元', '≈ 67.6億元'],
  ]) {
    const d = describe(text, figure);
    assert.deepEqual(d.derived.map((x) => [x.label, x.text]), [['the year before', before], ['the increase', increase]], figure);
  }
  assert.equal(describe(traditional, '8.4%').growth, '同比增長');
  assert.equal(describe(traditional, '8.4%').normalized, '8.4% = 0.084');
});

test('a figure without a growth word next to it derives nothing', () => {
  assert.deepEqual(describe(traditional, '近1000億元').derived, []);
  assert.deepEqual(describe(traditional, '42%').derived, []);
});

test('other mentions of the same quantity: 179項 three times, 近800項 twice', () => {
  assert.deepEqual(describe(traditional, '179項').sameQuantity.map((m) => m.text), ['179項', '179項']);
  assert.deepEqual(describe(traditional, '近800項').sameQuantity.map((m) => m.text), ['近800項']);
  assert.deepEqual(describe(traditional, '23個').sameQuantity, []);
});

test('dates, counts and money in other units read plainly', () => {
  assert.equal(describe(traditional, '2021年4月').reading, 'April 2021');
  assert.equal(describe(traditional, '2月25日').reading, '25 February');
  assert.equal(describe(traditional, '1190萬人次').normalized, '1190萬人次 = 11,900,000 人次');
  assert.equal(describe(traditional, '1190萬人次').reading, '≈ 11.9 million');
  assert.equal(describe(traditional, '179項').reading, '');
  assert.equal(describe(traditional, '將近10億人民幣').reading, '≈ 1 billion CNY');
  assert.deepEqual(describe(traditional, '超過250余項').approximation, { word: '超過', meaning: 'more than' });
});

test('groupDigits and englishAmount', () => {
  assert.equal(groupDigits(100000000000), '100,000,000,000');
  assert.equal(groupDigits('166.7'), '166.7');
  assert.equal(groupDigits(45.73), '45.73');
  assert.equal(englishAmount(18070000000), '18.07 billion');
  assert.equal(englishAmount(30560000000), '30.56 billion');
});

test('北京亦莊: the alias declared by 下稱 leads to 北京經濟技術開發區', () => {
  const { organizations } = annotateText(traditional);
  const index = organizations.findIndex((o) => o.text === '北京亦莊');
  const d = describeOrganization(organizations, index);
  assert.equal(d.type, 'development zone');
  assert.equal(d.canonical, '北京經濟技術開發區');
  assert.deepEqual(d.aliases, ['北京亦莊']);
  assert.equal(d.mentions, organizations.filter((o) => o.canonical === '北京經濟技術開發區').length);
  assert.equal(d.firstMention.text, '北京亦莊');
  assert.equal(d.firstMention.start, traditional.indexOf('北京亦莊'));
  const smc = describeOrganization(organizations, organizations.findIndex((o) => o.text === 'SMC'));
  assert.equal(smc.canonical, 'SMC(中國)有限公司');
  assert.equal(smc.type, 'company');
});
