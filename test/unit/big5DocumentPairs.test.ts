/**
 * UTF-8 read as Big5 with lost bytes, in one paragraph of an otherwise clean document: a character
 * of one lost byte that makes, with a neighbour, a pair of characters the document writes elsewhere
 * (a term, a name) is the likelier reading (the document as a cache model). The paragraph is
 * decoded by iconv-lite's `big5`, which prints a mark for each byte it cannot pair.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { repairText } from '../../src/core';

test("a lost character is read as the document's own term, not as the bigrams' guess", () => {
  const clean = '研究團隊發現，這種蛋白質會影響細胞分裂的速度。';
  const paragraph = '團隊指出，蛋白質的結構決定了它的功能，而細胞分裂需要多種蛋白質參與。';
  const garbled = iconv.decode(Buffer.from(paragraph, 'utf8'), 'big5');
  const r = repairText(`${clean}\n${garbled}`);
  const [first, second] = r.text.split('\n');
  assert.equal(first, clean, 'the clean paragraph is untouched');
  // 蛋 (E8 9B 8B) lost its middle byte: 64 readings, and the bigrams alone chose 請 (請白質).
  assert.ok(second.includes('，蛋白質') && !second.includes('請白質'), second);
  assert.ok(second.includes('\ufffd'), 'characters the models are not sure of stay lost');
  const big5 = r.applied.filter((i) => i.kind === 'mojibake-big5');
  assert.ok(big5.some((i) => i.lossy && i.plan.some((s) => s.startsWith('restore lost byte'))), 'the plan names the restored bytes');
});
