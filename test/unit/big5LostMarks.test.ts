/**
 * UTF-8 read as Big5, characters whose bytes were all lost: where nothing but marks is left between
 * two ASCII characters, the marks are whole UTF-8 characters, shown one mark per byte (Python,
 * iconv-lite `cp950`) or per pair (WHATWG). The repair shows them as the characters they were,
 * each U+FFFD, not as one mark per byte; text with no Big5 mojibake keeps its marks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairText } from '../../src/core';

// 他在2003年11月15日到達北京，並於12月1日離開。 as UTF-8, decoded by iconv-lite `cp950` and by
// Node's TextDecoder('big5'): 月 (E6 9C 88) lost all three bytes, shown as three marks or two.
const CP950 = '隞����2003撟�11���15��亙�圈�����鈭穿��銝行��12���1��仿�ａ�����';
const WHATWG = '隞2003撟�11��15�亙��鈭穿�銝行12��1�仿��';

test('marks alone between figures in Big5 mojibake become one U+FFFD for the character they were', () => {
  for (const garbled of [CP950, WHATWG]) {
    const r = repairText(garbled);
    assert.ok(r.text.includes('11\ufffd15'), r.text);
    assert.ok(r.text.includes('12\ufffd1'), r.text);
    const at = garbled.indexOf('11\ufffd') + 2;
    const marks = r.applied.find((i) => i.start === at);
    assert.equal(marks?.kind, 'mojibake-big5');
    assert.equal(marks?.lossy, true, 'the span is marked lossy');
    assert.ok(marks?.plan.some((s) => /lost with (its byte|their bytes): kept as U\+FFFD/.test(s)), marks?.plan.join(' | '));
  }
});

test('marks in text with no Big5 mojibake stay as they are', () => {
  for (const clean of ['价格 12���15 元，见附表。', 'Build 2003��11 failed: see the log.']) assert.equal(repairText(clean).text, clean);
});
