/**
 * UTF-8 read as Windows-1252 by a decoder that had no character for 81 8D 8F 90 9D: Python's
 * codec with errors='replace' (U+FFFD) and errors='ignore' (dropped). Sentences from UD_Chinese-HK
 * and -PUD (CC BY-SA 4.0), the tuning part of the repair evaluation, garbled by Python's codec.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, repairText } from '../../src/core';

test('a U+FFFD stands for one of the five undefined bytes, never for a byte cp1252 has a character for', () => {
  // 不 is E4 B8 8D and 同 E5 90 8C: 一 (E4 B8 80) and 和 (E5 92 8C) would need bytes cp1252 shows.
  const garbled = 'æ–½åŠ›çš„å¤§å°�ä¸�å�Œï¼Œå¼•èµ·çš„åŠ\u00a0é€Ÿåº¦ä¸�å�Œï¼Œæœ€çµ‚çš„çµ�æžœä¹Ÿä¸�ä¸€æ¨£ã€‚';
  const r = repairText(garbled);
  assert.equal(r.text, '施力的大小不同，引起的加速度不同，最終的結果也不一樣。');
  assert.ok(r.applied[0].plan.some((step) => /^restore lost bytes? /.test(step)));
});

test('a dropped byte is looked for at every place of the short sequence', () => {
  // 睛 is E7 9D 9B: with the 9D dropped, E7 9B is left, which E7 9B 90 would read as 盐.
  const r = repairText('èº«é«”ç´°é•·è€Œæ‰å¹³ï¼Œç™½è‰²æˆ–é»ƒè‰²ï¼Œæ²’æœ‰çœ¼ç›ã€‚');
  assert.equal(r.text, '身體細長而扁平，白色或黃色，沒有眼睛。');
  assert.ok(r.applied[0].plan.some((step) => /^restore dropped bytes? /.test(step)));
});

test('a lost character the model is not sure of stays U+FFFD, and the span says it is lossy', () => {
  // 對 (E5 B0 8D) with its 8D dropped: 對, 専 and the others it could be read alike here.
  const garbled = 'å°¾éƒ¨å…·æœ‰ä¸€å°å°¾é\u00a0ˆæˆ–å°¾é‹ï¼Œè§¸è§’é•·ï¼Œå¦‚å¿µç\u00a0ç‹€ã€‚';
  const [issue] = analyzeText(garbled);
  assert.equal(issue.kind, 'mojibake-latin1');
  assert.equal(issue.lossy, true);
  assert.ok(issue.plan.some((step) => /kept as U\+FFFD/.test(step)));
  const text = repairText(garbled).text;
  assert.match(text, /^尾部具有一\ufffd尾須/);
  // What is left as U+FFFD is not read again as a misaligned GBK run (一� → 家机).
  assert.ok(!text.includes('家机'));
});
