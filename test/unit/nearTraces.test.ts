/**
 * The near-gate band's surface traces (misaligned/nearWords.ts): a short run whose last trail shows
 * as a lone ASCII letter or sign between Chinese needs less than a run that leaves no trace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMisalignedGbk } from '../../src/core/garble/misalignedGbk';
import { asciiNear, traceOf } from '../../src/core/garble/misaligned/nearWords';

test('a run is told by how its surface ends', () => {
  assert.equal(traceOf('爺爺鏇]品味', 2, 4), 'ascii');
  assert.equal(traceOf('學習信模?學習', 3, 5), 'mark');
  assert.equal(traceOf('還е鳪erm', 1, 3), 'swallow');
  assert.equal(traceOf('即使國王', 0, 2), 'silent');
  assert.equal(asciiNear('爺爺鏇]品味', 2, 4), false);
  assert.equal(asciiNear('7Wj:喺{处%Bd', 4, 6), true);
});

test('a lone ASCII sign the misreading wrote between Chinese is read back; the same sign a text writes is left', () => {
  // 真沒 is D5 E6 9B 5D: with D5 lost, E6 9B reads 鏇 and the trail 5D shows as `]`.
  const [run] = findMisalignedGbk('我說了很多次，爺爺鏇]品味！真的沒有。');
  assert.ok(run, 'the run is found');
  assert.equal(run.replacement?.endsWith('沒'), true);
  assert.deepEqual(findMisalignedGbk('用反引号（`）为标识，表名和字段名都可以。'), []);
});
