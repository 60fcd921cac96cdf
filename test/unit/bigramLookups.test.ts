// The bigram look-ups of the three shipped models (QuantizedTables.bigramAt and bigramOfUnits, a
// binary search in the row) against their definition over the stored rows (a linear scan of the
// row: the listed bigram, else backoff + unigram): every listed bigram, a table of chosen pairs,
// and a seeded sweep of every vocabulary index against a sample of others. A faster look-up must
// keep every one of these numbers (docs/performance.md, the hash measured and not kept).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataBytes } from '../../src/core/data/dataFiles';
import { readCharModelTables, type CharModelTables } from '../../src/core/model/charModelData';
import { bigramOfUnits, QuantizedTables, UNKNOWN } from '../../src/core/model/quantizedTables';

/** ln P(b | a) by its definition, read off the row with no search. */
function byDefinition(t: CharModelTables, a: number, b: number): number {
  if (a === UNKNOWN) return b === UNKNOWN ? t.floor : -t.unigramQ[b] / 10;
  const backoff = -t.backoffQ[a] / 10;
  if (b === UNKNOWN) return backoff + t.floor;
  for (let m = t.rowStart[a]; m < t.rowStart[a + 1]; m++) if (t.nextIndex[m] === b) return -t.bigramQ[m] / 10;
  return backoff + -t.unigramQ[b] / 10;
}

/** Chosen pairs, by what they are: [name, context, next] of the model's indexes (functions of the tables). */
const PAIRS: [string, (t: CharModelTables) => [number, number]][] = [
  ['both unknown', () => [UNKNOWN, UNKNOWN]],
  ['unknown context', () => [UNKNOWN, 0]],
  ['unknown next', () => [0, UNKNOWN]],
  ['first listed bigram', (t) => [0, t.nextIndex[t.rowStart[0]]]],
  ['last listed bigram of the last row', (t) => [t.unigramQ.length - 1, t.nextIndex[t.nextIndex.length - 1]]],
  ['last index after the first', (t) => [0, t.unigramQ.length - 1]],
  ['first index after the last', (t) => [t.unigramQ.length - 1, 0]],
  ['the longest row, its first and past its last', (t) => [longestRow(t), t.nextIndex[t.rowStart[longestRow(t) + 1] - 1]]],
  ['an index after itself', (t) => [longestRow(t), longestRow(t)]],
];

function longestRow(t: CharModelTables): number {
  let best = 0;
  for (let a = 1; a < t.unigramQ.length; a++) if (t.rowStart[a + 1] - t.rowStart[a] > t.rowStart[best + 1] - t.rowStart[best]) best = a;
  return best;
}

/** Every listed bigram, the chosen pairs and the sweep: the look-ups that differ from the definition. */
function differences(t: CharModelTables, tables: QuantizedTables): string[] {
  const flat = tables.flat();
  const out: string[] = [];
  const check = (a: number, b: number, what: string): void => {
    const want = byDefinition(t, a, b);
    if (tables.bigramAt(a, b) !== want) out.push(`bigramAt ${what} (${a}, ${b}): ${tables.bigramAt(a, b)}, not ${want}`);
    const ca = a === UNKNOWN ? -1 : t.codePoints[a];
    const cb = b === UNKNOWN ? -1 : t.codePoints[b];
    // bigramOfUnits reads BMP code units; -1 stands for one the tables do not hold (U+FFFF is none of theirs here).
    const ua = ca === -1 ? 0xffff : ca;
    const ub = cb === -1 ? 0xffff : cb;
    if (ua < 0x10000 && ub < 0x10000 && flat.index[ua] === a && flat.index[ub] === b && bigramOfUnits(flat, ua, ub) !== want) out.push(`bigramOfUnits ${what} (${a}, ${b}): ${bigramOfUnits(flat, ua, ub)}, not ${want}`);
  };
  for (const [name, pair] of PAIRS) check(...pair(t), name);
  const v = t.unigramQ.length;
  for (let a = 0; a < v && out.length < 10; a++) for (let m = t.rowStart[a]; m < t.rowStart[a + 1]; m++) check(a, t.nextIndex[m], 'listed');
  let seed = 20261207;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % v;
  for (let a = 0; a < v && out.length < 10; a++) for (let k = 0; k < 8; k++) check(a, next(), 'sampled');
  return out.slice(0, 10);
}

for (const file of ['charModel.bin', 'classicalModel.bin', 'backgroundModel.bin']) {
  test(`${file}: every bigram look-up is its definition`, () => {
    const t = readCharModelTables(dataBytes(file));
    const tables = new QuantizedTables(t);
    assert.equal(tables.flat().index[0xffff], UNKNOWN, 'U+FFFF must be outside the vocabulary for the check');
    assert.deepEqual(differences(t, tables), []);
  });
}
