/**
 * The bound the silent-run search puts on a character guessed from its trail byte
 * (misaligned/trailBounds.ts): it must hold for every character the guess weighs, or the search
 * would drop runs it finds without it, and it must never be looser than the gate's own bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { gbkTable } from '../../src/core/codec/gbkTable';
import { weighableOf } from '../../src/core/garble/misaligned/silentGuesses';
import { TrailBounds } from '../../src/core/garble/misaligned/trailBounds';
import { seededRandom } from '../garblers';

test('a trail bound holds for every character with the trail and is never looser than the best bigram', () => {
  const lm = getCharModel();
  const table = gbkTable();
  const bounds = TrailBounds.of(table, lm);
  const random = seededRandom(16);
  // Contexts of clean text, the characters GBK read one byte off makes of it, ASCII, a line break,
  // and a character the model does not hold.
  const contexts = [...'近日，华中科技大学在国际上首次提出了一种新的方法。沦婵犹岢龇', 'a', '\n', '\u{2a6d6}'.charAt(0)];
  for (let round = 0; round < 400; round++) {
    const b = contexts[random.int(0, contexts.length - 1)].charCodeAt(0);
    const t = random.int(0x40, 0xfe);
    const options = weighableOf(table.leadsOf(t), lm);
    const bound = bounds.after(b, t);
    let best = -Infinity;
    for (const [, ch] of options) {
      const score = lm.bigramOf(b, ch.charCodeAt(0));
      best = Math.max(best, score);
      assert.ok(score <= bound, `bigram(${String.fromCharCode(b)}, ${ch}) = ${score} above the bound ${bound} of trail ${t.toString(16)}`);
      assert.ok(lm.bestAfter(ch.charCodeAt(0)) <= bounds.bestOut(t));
    }
    if (options.length === 0) assert.equal(bound, -Infinity);
    else assert.ok(bound <= lm.bestAfter(b), `trail ${t.toString(16)} after ${String.fromCharCode(b)}: ${bound} looser than ${lm.bestAfter(b)}`);
  }
});
