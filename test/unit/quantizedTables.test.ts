// The bounds the character models give a character not guessed yet, for every vocabulary index of
// the three models shipped, against their definitions over the stored tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataBytes } from '../../src/core/data/dataFiles';
import { readCharModelTables } from '../../src/core/model/charModelData';
import { computeBigramBounds } from '../../src/core/model/charModelBounds';
import { QuantizedTables, UNKNOWN } from '../../src/core/model/quantizedTables';

for (const file of ['charModel.bin', 'classicalModel.bin', 'backgroundModel.bin']) {
  test(`${file}: bestAfterAt and bestBeforeAt of every index are the likeliest bigram or the backoff's best`, () => {
    const t = readCharModelTables(dataBytes(file));
    const tables = new QuantizedTables(t);
    const { rowMinQ, colMinQ } = computeBigramBounds(t);
    let bestUnigram = t.floor;
    let bestBackoff = -Infinity;
    for (let a = 0; a < t.unigramQ.length; a++) {
      bestUnigram = Math.max(bestUnigram, tables.unigramAt(a));
      bestBackoff = Math.max(bestBackoff, -t.backoffQ[a] / 10);
    }
    assert.equal(tables.bestAfterAt(UNKNOWN), bestUnigram);
    assert.equal(tables.bestBeforeAt(UNKNOWN), Math.max(0, bestBackoff) + t.floor);
    const flat = tables.flat();
    for (let a = 0; a < t.unigramQ.length; a++) {
      const after = Math.max(-rowMinQ[a] / 10, tables.backoffAt(a) + bestUnigram);
      const before = Math.max(-colMinQ[a] / 10, Math.max(0, bestBackoff) + tables.unigramAt(a));
      if (tables.bestAfterAt(a) !== after || flat.after[a + 1] !== after) assert.fail(`${file}: bestAfterAt(${a}) ${tables.bestAfterAt(a)}, not ${after}`);
      if (tables.bestBeforeAt(a) !== before || flat.before[a + 1] !== before) assert.fail(`${file}: bestBeforeAt(${a}) ${tables.bestBeforeAt(a)}, not ${before}`);
    }
  });
}

test('every code point of the vocabulary finds its own index', () => {
  const t = readCharModelTables(dataBytes('classicalModel.bin'));
  const tables = new QuantizedTables(t);
  for (let i = 0; i < t.codePoints.length; i++) if (tables.indexOf(t.codePoints[i]) !== i) assert.fail(`index of U+${t.codePoints[i].toString(16)}: ${tables.indexOf(t.codePoints[i])}, not ${i}`);
  assert.equal(tables.indexOf(0x10ffff), UNKNOWN);
});
