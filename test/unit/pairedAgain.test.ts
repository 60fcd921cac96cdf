/**
 * The lists of last-character options the silent-run search weighs at a silent end
 * (misaligned/pairedAgain.ts): the guesses over them are cached by list, so one (lead, next byte)
 * must always give the same list, and it must hold exactly the trails a decoder could not pair
 * with the next byte.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { gbkTable } from '../../src/core/codec/gbkTable';
import { isGbkGap } from '../../src/core/codec/gbkGaps';
import { PairedAgain } from '../../src/core/garble/misaligned/pairedAgain';

test('the trails with no pair before a lead: one list per (lead, next byte), exactly those trails', () => {
  const table = gbkTable();
  const paired = PairedAgain.of(table, getCharModel());
  let nonEmpty = 0;
  for (const lead of [0x81, 0xa1, 0xa3, 0xa8, 0xb0, 0xc4, 0xd7, 0xf7, 0xfe]) {
    for (const next of [0x40, 0x7f, 0x80, 0x81, 0xa1, 0xa2, 0xfe, 0xff]) {
      const list = paired.gapTrailsOf(lead, next);
      assert.equal(paired.gapTrailsOf(lead, next), list, `a second list for ${lead.toString(16)} before ${next.toString(16)}`);
      const expected = table.trailsOf(lead).filter(([t]) => t >= 0x81 && isGbkGap(t, next));
      assert.deepEqual(list, expected);
      if (list.length > 0) nonEmpty++;
    }
  }
  // The test means something only if some next byte leaves trails without a pair.
  assert.ok(nonEmpty > 0);
});
