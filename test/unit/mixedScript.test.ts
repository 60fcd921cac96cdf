/**
 * Mixed script (src/core/garble/mixedScript.ts): Simplified and Traditional in one text are
 * flagged; Hong Kong's and Taiwan's standard forms (data/regionalForms.txt, from OpenCC's HK and
 * TW variant tables) are Traditional text's own. Lines are ours.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findMixedScript } from '../../src/core/garble/mixedScript';

const spans = (text: string) => findMixedScript(text).map((i) => text.slice(i.start, i.end));

test('mixed script: a Simplified phrase in Traditional text is flagged', () => {
  assert.deepEqual(spans('天文台說今天户外氣温很低，这時市民出門要多穿衣服。'), ['这']);
});

test('mixed script: Hong Kong and Taiwan standard forms (温, 户, 税, 揾) are Traditional text\'s own', () => {
  assert.deepEqual(spans('天文台說今天户外氣温很低，市民出門要多穿衣服。'), []);
  assert.deepEqual(spans('納税人可於網上查閱薪俸税的評税通知書。'), []);
  assert.deepEqual(spans('佢話要揾工，我話唔使咁急，慢慢揾過。'), []);
});

test('mixed script: the regional forms are those of the OpenCC tables opencc-js ships', () => {
  const forms = readFileSync('data/regionalForms.txt', 'utf8').trim();
  for (const ch of '温户税揾裡著為') assert.ok(forms.includes(ch), ch);
  // Forms OpenCC's Traditional writes itself are no regional form.
  for (const ch of '溫戶稅搵') assert.ok(!forms.includes(ch), ch);
});

test('mixed script: a form the text writes every time, and never the other way, is the writer\'s own', () => {
  // A program in a language whose keywords are Traditional (our lines): `係` and `點樣先` are
  // written the same way each time, among Simplified names; converting them would break it.
  const program = ['# 计算一个数字，然后输出结果', '介紹返 |数字| 係 1', '|数字| 點樣先', '介紹返 |结果| 係 |数字|', '|结果| 點樣先'].join('\n');
  assert.deepEqual(spans(program), []);
  // The same character written both ways is a conversion left half done: flagged.
  assert.deepEqual(spans(`${program}\n# 入门\n# 快速入門`), ['# 快速入門']);
  // A character written once shows no choice: a short text is flagged as before.
  assert.deepEqual(spans('发展與協作'), ['发']);
});
