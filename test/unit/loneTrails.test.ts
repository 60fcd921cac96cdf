/**
 * A character that lost its GBK lead byte and shows only as its trail, an ASCII capital between
 * Chinese characters (misaligned/loneTrails.ts), is read back when the words around it say so;
 * capitals Chinese text writes as words (A股, X光, C语言, B超) stay.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { repairText } from '../../src/core';

/** `line` saved in GBK with the lead byte of `lost` (its first occurrence) dropped, read as GBK. */
function leadLost(line: string, lost: string): string {
  const at = iconv.encode(line.slice(0, line.indexOf(lost)), 'gbk').length;
  const bytes = iconv.encode(line, 'gbk');
  return iconv.decode(Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]), 'gbk');
}

test('a lost lead byte whose trail shows as a capital is read back with the words around it', () => {
  // Man-page lines of the repair evaluation's tuning split (進 = DF 4D, 態 = 91 42).
  for (const [line, lost] of [
    ['它可能會輸出二進位制的無用內容，請小心使用。', '進'],
    ['數目，預設狀態下是一次只執行一個請求。', '態'],
  ]) {
    const garbled = leadLost(line, lost);
    assert.match(garbled, /[A-Z]/, garbled);
    assert.equal(repairText(garbled).text, line, garbled);
  }
});

test('capitals written as words between Chinese characters stay', () => {
  for (const line of [
    '他說A股今天大漲，醫生讓他去拍X光片。',
    '为了确保C语言工程的设计思路能在各个模块中保持一致。',
    '孕妇要定期做B超检查，医生说一切正常。',
    '我们去唱卡拉OK，他买了一件T恤。',
  ]) assert.equal(repairText(line).text, line, line);
});
