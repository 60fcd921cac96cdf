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
    // The sentence opens with 2023年: the year before is 2022.
    assert.deepEqual(d.derived.map((x) => [x.label, x.text]), [['the year before (2022)', before], ['the increase', increase]], figure);
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

// Sentences from the figure case table (test/cases/figures.json), with their sources there.
const GRAIN = '一、全國糧食播種面積112220千公頃(168329萬畝),比2016年減少815千公頃(1222萬畝),下降0.7%。';
const MEAT = '全年肉类总产量8536万吨,比上年增长1.8%。其中,猪肉产量5493万吨,增长2.8%;牛肉产量673万吨,增长1.7%。';
const ONLINE = '一季度,全國網上零售額30120億元,同比增長6.6%。其中,實物商品網上零售額25257億元,增長8.8%,占社會消費品零售總額的比重為23.2%;';

test('measures: the dimension as their kind, the value in other units, and the article\'s own conversion agrees', () => {
  const d = describe(GRAIN, '112220千公頃');
  assert.equal(d.kind, 'area');
  assert.equal(d.normalized, '112220千公頃 = 112,220,000 公頃');
  assert.equal(d.reading, '≈ 112.2 million ha');
  // The announcement gives 168329萬畝 in brackets: 1,683,300,000 亩 ≈ 1.683 billion.
  assert.deepEqual(d.conversions, ['≈ 1.683 billion mu', '≈ 1.122 million km²']);
  const yizhuang = describe(traditional, '45.73公頃');
  assert.equal(yizhuang.kind, 'area');
  assert.deepEqual(yizhuang.conversions, ['≈ 685.9 mu', '≈ 0.4573 km²']);
});

test('a change measured from a named year, and 同比 from the year before the figure\'s own year', () => {
  const change = describe(GRAIN, '815千公頃');
  assert.equal(change.growth, '比2016年減少');
  assert.equal(change.baseYear, 2016);
  assert.equal(describe(traditional, '8.4%').baseYear, 2022);
  assert.deepEqual(describe(traditional, '8.4%').derived.map((x) => x.label), ['the year before (2022)', 'the increase']);
});

test('a part listed after 其中 is given as its share of the whole before it', () => {
  const share = (text: string, figure: string) => describe(text, figure).derived.filter((x) => x.label.startsWith('share'));
  assert.deepEqual(share(MEAT, '5493万吨'), [{ label: 'share of 8536万吨', text: '≈ 64.4%', basis: '5493万吨 ÷ 8536万吨' }]);
  assert.equal(share(MEAT, '673万吨')[0]?.text, '≈ 7.88%');
  assert.deepEqual(describe(MEAT, '8536万吨').derived.filter((x) => x.label.startsWith('share')), []);
  assert.equal(describe(ONLINE, '25257億元').derived.find((x) => x.label.startsWith('share'))?.text, '≈ 83.9%');
});

test('ordinals, stages, years in names, temperatures and bounds read as what they are', () => {
  assert.deepEqual([describe(traditional, '4.0階段').kind, describe(traditional, '4.0階段').reading], ['stage or version', 'stage 4.0']);
  assert.equal(describe(traditional, '2024').kind, 'year');
  const typhoon = '今年第22號颱風“海馬”已於今天(15日)上午生成,中心附近最大風力有8級(18米/秒)。';
  assert.deepEqual([describe(typhoon, '第22號').kind, describe(typhoon, '第22號').normalized], ['ordinal', '第22號 = 22nd']);
  assert.deepEqual(describe(typhoon, '18米/秒').conversions, ['≈ 64.8 km/h']);
  const cold = '气温骤降至惊人的负52.3摄氏度(负63.4华氏度),打破了64年的记录。';
  assert.deepEqual(describe(cold, '负52.3摄氏度').conversions, ['≈ −62.14 °F']);
  assert.equal(describe(cold, '负52.3摄氏度').reading, '−52.3 °C');
  const heat = '预计,6月16日白天,部分地区将出现35℃以上的高温天气。';
  assert.deepEqual(describe(heat, '35℃以上').approximation, { word: '以上', meaning: 'or more' });
  assert.equal(describe(heat, '35℃以上').normalized, '35℃ = 35 ℃');
});

test('Chinese scale words after digits, read in full and in words: 1.3万亿斤, 3.9萬億元', () => {
  const grain = '2021年全国粮食总产量13657亿斤,比上年增加267亿斤,增长2.0%,全年粮食产量再创新高,连续7年保持在1.3万亿斤以上。';
  const d = describe(grain, '1.3万亿斤以上');
  assert.deepEqual([d.kind, d.normalized, d.reading], ['mass', '1.3万亿斤 = 1,300,000,000,000 斤', '≈ 1.3 trillion jin']);
  assert.deepEqual(d.conversions, ['≈ 650 million t', '≈ 650 billion kg']);
  assert.deepEqual(d.approximation, { word: '以上', meaning: 'or more' });
  const trade = '今年上半年,我國服務進出口縂額達到3.9萬億元,同比增長8%,槼模創歷史同期新高。';
  assert.deepEqual([describe(trade, '3.9萬億元').normalized, describe(trade, '3.9萬億元').reading], ['3.9萬億元 = 3,900,000,000,000 元', '≈ 3.9 trillion CNY']);
});
