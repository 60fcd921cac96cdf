/**
 * A lone trace whose character the document writes itself, with context on both sides
 * (misaligned/echoedTraces.ts): read as that character; without such an occurrence, or where the
 * text explains the trace as written, left as it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairText } from '../../src/core';
import { gbkTable } from '../../src/core/codec/gbkTable';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { echoedTraces, type Echo } from '../../src/core/garble/misaligned/echoedTraces';

// [text as shown, text repaired (undefined: left as it is)]
const CASES: Array<[string, string | undefined]> = [
  // 稱 = B7 51: its lead lost, its trail shows as `Q`; the text writes 檔案名稱。若 above.
  ['若指定的檔案名稱。若不存在則顯示錯誤。\n輸出檔案名Q。若檔案已存在則覆寫。', '若指定的檔案名稱。若不存在則顯示錯誤。\n輸出檔案名稱。若檔案已存在則覆寫。'],
  // 結 = BD 59, shown as `Y`: 符號連結值 written before.
  ['顯示符號連結值或權威檔名。\n若符號連Y值或權威檔名不存在則失敗。', '顯示符號連結值或權威檔名。\n若符號連結值或權威檔名不存在則失敗。'],
  // 名 = C3 FB: its trail makes no pair with 的 (B5 C4) and Python printed `?`.
  ['给出文件名的所有符号链接。\n然后给出文件?的所有组成部分。', '给出文件名的所有符号链接。\n然后给出文件名的所有组成部分。'],
  // No occurrence in the text: the trace is left to the models (here too little to go on).
  ['輸出檔案名Q。若檔案已存在則覆寫。', undefined],
  // Context on one side only (檔案名 before, nothing after alike).
  ['若指定的檔案名稱\n輸出檔案名Q。若檔案已存在則覆寫。', undefined],
  // A text that writes other `?` beside Chinese has its own questions.
  ['给出文件名的所有符号链接?\n然后给出文件?的所有组成部分。', undefined],
  // `？` and `?` written side by side: a mark is read only as Han.
  ['这有什么区别？**\n\n那又有什么区别?**\n\n', undefined],
  // 若檔 = C8 F4 | D9 6E, the lead C8 lost: F4 D9 shows as 魴, the trail 6E as `n`; the text
  // writes 名稱若檔案 above (the lone `n` has no echo: 魴 is not written there).
  ['若指定的檔案名稱若檔案不存在則顯示錯誤。\n輸出檔案名稱魴n案已存在則覆寫。', '若指定的檔案名稱若檔案不存在則顯示錯誤。\n輸出檔案名稱若檔案已存在則覆寫。'],
  // The same with context on one side only: what is shown decodes from the echo's own bytes.
  ['若指定的檔案名稱若檔。\n輸出檔案名稱魴n案已存在則覆寫。', '若指定的檔案名稱若檔。\n輸出檔案名稱若檔案已存在則覆寫。'],
];

test('a lone trace the document writes itself is read as what it writes', () => {
  for (const [shown, repaired] of CASES) assert.equal(repairText(shown).text, repaired ?? shown, shown);
});

test('an echo is told with the context matched on each side', () => {
  const told: Echo[] = [];
  const text = CASES[0][0];
  const found = echoedTraces(text, gbkTable(), getCharModel(), (e) => told.push(e));
  assert.deepEqual(
    told.map(({ ch, left, right }) => [ch, left, right]),
    [['稱', 3, 2]],
  );
  assert.equal(found.length, 1);
  assert.equal(found[0].run.out, '稱');
  assert.equal(found[0].run.start, text.indexOf('Q'));
});

test('a trace with a character shown before it is read where the document writes both', () => {
  const told: Echo[] = [];
  const text = CASES[7][0];
  const found = echoedTraces(text, gbkTable(), getCharModel(), (e) => told.push(e));
  const at = text.indexOf('魴');
  assert.deepEqual(
    told.filter((e) => e.start < e.i).map(({ start, i, ch, left, right }) => [start, i, ch, left, right]),
    [[at, at + 1, '若檔', 4, 1]],
  );
  assert.deepEqual(found.map((c) => [c.run.start, c.run.end, c.run.out]), [[at, at + 2, '若檔']]);
  // Written nowhere else: nothing read.
  assert.deepEqual(echoedTraces('輸出檔案名稱魴n案已存在則覆寫。', gbkTable(), getCharModel()), []);
  // Context matched, but the document's characters do not decode to what is shown.
  assert.deepEqual(echoedTraces('若指定的檔案名稱若檔案不存在。\n輸出檔案名稱鰴n案已存在則覆寫。', gbkTable(), getCharModel()), []);
});
