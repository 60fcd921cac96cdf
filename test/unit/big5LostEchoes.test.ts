/**
 * UTF-8 read as Big5 with lost bytes (iconv-lite's `cp950`, one U+FFFD per byte): a character the
 * models leave U+FFFD is written where the document itself writes the same words around a
 * character that fits the bytes left (garble/mojibake/lostEchoes.ts); alone, the line keeps its
 * placeholders. Rows: the garbled line, a line the document writes whole, what the garbled line
 * then reads as (in part), and what it must not read as alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairText } from '../../src/core';

const CASES: Array<{ garbled: string; whole: string; restored: string }> = [
  {
    garbled: '餈�雿踹����冽�瑕�臭誑霂瑟����Ｗ�����隞嗥��撅���扼��',
    whole: '这使得用户可以请求恢复文件的属性。',
    restored: '这使得用户可以请求恢复文件的属性',
  },
  {
    garbled: '銝文硫蝏�瘚����雿�嚗������拐�����撘箔舅撗訾犖瘞����敺���乓��',
    whole: '两岸经济合作，有利于加强两岸人民的往来。',
    restored: '两岸经济合作',
  },
];

test('a lost character is written where the document writes the same words whole; alone it stays U+FFFD', () => {
  for (const { garbled, whole, restored } of CASES) {
    const alone = repairText(garbled).text;
    assert.ok(!alone.includes(restored), alone);
    assert.ok(alone.includes('\ufffd'), alone);
    const r = repairText(`${whole}\n${garbled}`);
    const line = r.text.split('\n')[1];
    assert.ok(line.includes(restored), line);
    assert.equal(r.text.split('\n')[0], whole, 'the whole line is left as it is');
  }
});

test('words the document writes only around another character do not fill a place whose bytes that character does not fit', () => {
  // 两岸经济 before 发展 elsewhere: 合 (E5 90 88) is lost after 济, and 发 (E5 8F 91) does not fit its bytes.
  const garbled = CASES[1].garbled;
  const line = repairText(`两岸经济发展。\n${garbled}`).text.split('\n')[1];
  assert.ok(!line.includes('两岸经济发'), line);
});
