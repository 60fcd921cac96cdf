/**
 * The character pairs a document writes, as the GBK mojibake detector hands them to the
 * lost-byte lattice (src/core/garble/mojibakeGbk.ts): a set of two-character strings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CharPairs, documentPairs, gbkMojibakeSpec } from '../../src/core/garble/mojibakeGbk';

test('the pairs are a set of strings: BMP pairs and pairs with a character beyond it alike', () => {
  const pairs = new CharPairs();
  const added = [
    [0x4e2d, 0x6587], // 中文
    [0x3002, 0x30], // 。0
    [0x20000, 0x4e2d], // 𠀀中
    [0x4e2d, 0x2a6d6], // 中𪛖
    [0x4e2d, 0x6587], // again
  ];
  for (const [a, b] of added) pairs.add(a, b);
  // Enough pairs to make the table grow several times.
  for (let k = 0; k < 20_000; k++) pairs.add(0x4e00 + (k % 97), 0x4e00 + k);
  const expected = new Set(added.map(([a, b]) => String.fromCodePoint(a, b)));
  for (let k = 0; k < 20_000; k++) expected.add(String.fromCodePoint(0x4e00 + (k % 97), 0x4e00 + k));
  assert.equal(pairs.size, expected.size);
  assert.deepEqual(new Set(pairs), expected);
  for (const pair of expected) assert.ok(pairs.has(pair), pair);
  for (const pair of ['文中', '0。', '中', '𠀀', '中𠀀', '\u0000\u0000', '', '中文字']) assert.ok(!pairs.has(pair), pair);
});

test("a document's pairs: as it stands and as its GBK mojibake reads back, figures as 0", () => {
  // 鍙傛暟 is 参数 read as GBK; 12 and 3 are figures; the ASCII between them pairs with nothing.
  const pairs = documentPairs('鍙傛暟 文字12。3𠀀中', gbkMojibakeSpec());
  for (const pair of ['鍙傛', '参数', '文字', '字0', '0。', '。0', '0𠀀', '𠀀中']) assert.ok(pairs.has(pair), pair);
  for (const pair of ['00', '12', '数 ', '暟文', '中文']) assert.ok(!pairs.has(pair), pair);
});
