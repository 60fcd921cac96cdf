// The character language model on real text. Examples in quotes come from the sample article the
// project ships in its docs (a report on SMC's Tianjin plant, 亦庄) and from manpages-zh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCharModel } from '../../src/core/model/charLanguageModel';

// How fast it loads is part of the cold first verdict in `npm run bench`.
const model = getCharModel();

test('loads once', () => {
  assert.equal(getCharModel(), model);
});

test('ranks real Chinese above the garbled forms of the same passage', () => {
  const pairs: [string, string, number][] = [
    ['。“如今SMC天津工廠', '?!叭缃馭MC天津工廠', 2], // a sentence end and quote lost to a GBK misalignment
    ['規模化應用', '規?化應用', 1], // 模 lost to a question mark
    ['表示。', '表仕。', 1], // one wrong character of the right sound
    ['参数', '鍙傛暟', 4], // UTF-8 参数 read as GBK
    ['中文', 'ä¸­æ–‡', 6], // UTF-8 中文 read as Latin-1
  ];
  for (const [good, bad, margin] of pairs) {
    const g = model.perChar(good);
    const b = model.perChar(bad);
    assert.ok(g > b + margin, `${good} (${g.toFixed(2)}) should beat ${bad} (${b.toFixed(2)}) by ${margin}`);
  }
});

test('a cross-word bigram of news prose beats a dictionary word sharing its character', () => {
  // 政務服務 (the sample article): 務服 occurs only across the boundary of 政務|服務, while 誤服
  // ("taken by mistake") is a dictionary word; the GBK repair of 當地政務服務 weighs the two.
  assert.ok(model.bigram('務', '服') > model.bigram('誤', '服'));
  assert.ok(model.score('地政務服務') > model.score('地誤服務') - 2);
});

test('mojibake reads low in absolute terms', () => {
  assert.ok(model.perChar('鍙傛暟') < -10);
  assert.ok(model.perChar('ä¸­æ–‡') < -10);
  assert.ok(model.perChar('必选参数对长短选项同时适用。') > -7);
});

test('scores both scripts alike through the Traditional→Simplified table', () => {
  assert.equal(model.score('經濟'), model.score('经济'));
  assert.equal(model.perChar('設定測試的時間'), model.perChar('设定测试的时间'));
  assert.equal(model.toSimplifiedChar('應'), '应');
  assert.equal(model.toSimplifiedChar('中'), '中');
});

test('folds fullwidth forms, letters, digits and whitespace into classes', () => {
  assert.equal(model.fold('Ｓ'), 'a');
  assert.equal(model.fold('Z'), 'a');
  assert.equal(model.fold('７'), '0');
  assert.equal(model.fold('　'), ' ');
  assert.equal(model.fold('，'), ',');
  assert.equal(model.unigram('Ｓ'), model.unigram('s'));
  assert.equal(model.score('SMC天津'), model.score('ABC天津'));
});

test('rare but real name characters are not near the floor', () => {
  const floor = model.unigram('\ue000'); // private use: never in the data
  assert.ok(model.known('蓓'));
  assert.ok(model.unigram('蓓') > floor + 1.5, `蓓 ${model.unigram('蓓')} vs floor ${floor}`);
  assert.ok(model.perChar('王蓓蓓') > model.perChar('王\ue000\ue000'));
});

test('ranks, knowledge and edge cases', () => {
  assert.ok(model.rank('的') <= 20); // after the letter, digit, space and comma classes
  assert.ok(model.rank('的') < model.rank('蓓'));
  assert.equal(model.rank('\ue000'), Infinity);
  assert.equal(model.known('\ue000'), false);
  assert.equal(model.perChar(''), 0);
  assert.equal(model.score(''), 0);
  assert.equal(model.score('的'), model.unigram('的'));
  assert.equal(model.score('的是'), model.unigram('的') + model.bigram('的', '是'));
  assert.ok(Number.isFinite(model.score('𠮷野家')));
  assert.ok(model.bigram('示', '。') > model.bigram('仕', '仕'));
});

test('a whole file scores as the sum of its parts (one unigram, then a bigram per step)', () => {
  const unit = '-t timelimit设置测试的时间的长短，使用这个选项ab将自动设置测试请求会话数目为50000。';
  const text = unit.repeat(5000);
  const s = model.score(text);
  assert.ok(Number.isFinite(s));
  const expected = model.score(unit) * 5000 + 4999 * (model.bigram(unit[unit.length - 1], unit[0]) - model.unigram(unit[0]));
  assert.ok(Math.abs(s - expected) < 1e-6 * Math.abs(expected), `${s} vs ${expected}`);
});
