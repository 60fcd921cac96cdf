/**
 * A document's repair depends on the document alone: what the lost-byte readers remember from
 * the texts read before (utf8LostBytes.ts's stretches, lostByteLattice.ts's readings, the doubts'
 * verdicts in lostWords.ts) never changes how a later text reads. node --test runs this file in a
 * process of its own, so the first repair below starts from empty memories. The garbled lines are
 * the repair evaluation's tuning part (Debian manpages-zh vimtutor.1, GFDL), as Python's `cp950`
 * decoded them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairText } from '../../src/core';

const TEXT =
  '文本文件.\n�����拇�� Michael C. Pierce ��� 蝘�蝵����憭� ��蹂��摮阡�ｇ��Colorado School of Mines嚗���� Robert K. Ware ��寞�� 蝘�蝵����憭� 撌�蝡�憭批郎嚗�Colorado State University嚗���� Charles Smith �����箇�� ������ 銝� Vi ������.��萄����桐辣: bware@mines.colorado.edu���\nBram Moolenaar 专门为';

// Texts sharing stretches with TEXT but not its surroundings: the same runs beside other
// characters, in a document that writes some of the guessed words whole, and in Traditional text.
const PRIMERS = [
  '科罗拉多 州立大学\n蝘�蝵����憭� 撌�蝡�憭批郎嚗�Colorado State University嚗����',
  '最早是 Michael C. Pierce 和 科罗拉多 矿业学院\n�����拇�� Michael C. Pierce ��� 蝘�蝵����憭�',
  '本頁面中文版由中文 man 手冊頁計劃提供。\n��祇����Ｖ葉��������曹葉��� man ���������閮�������靘����\n銝� Vi ������.��萄����桐辣',
];

test('a Big5 mojibake text with lost bytes reads the same alone and after texts that share its stretches', () => {
  const alone = repairText(TEXT).text;
  assert.notEqual(alone, TEXT, 'the text is repaired');
  for (const primer of PRIMERS) {
    repairText(primer);
    assert.equal(repairText(TEXT).text, alone, `after ${primer.slice(0, 20)}…`);
  }
});
