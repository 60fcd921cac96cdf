/**
 * A document's own rate of misaligned runs as the channel's prior (misaligned/documentRate.ts):
 * text with no confident run keeps its bars; a text where runs were found with confidence has the
 * lone runs' bars lowered by the log of its rate against the base rate, up to a cap.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIDENT_GAIN, documentBonus, RATE_TUNING } from '../../src/core/garble/misaligned/documentRate';
import { observeSearch } from '../../src/core/garble/misaligned/probes';
import { repairText } from '../../src/core';

test('no confident run, or one alone, leaves the bars where clean text set them', () => {
  assert.equal(documentBonus(1000, []), 0);
  assert.equal(documentBonus(1000, [CONFIDENT_GAIN - 1, 12, 9]), 0);
  assert.equal(documentBonus(100, [CONFIDENT_GAIN + 30]), 0);
});

test('confident runs lower the bars by the log of their rate, up to the cap', () => {
  const five = documentBonus(2000, Array(10).fill(CONFIDENT_GAIN));
  assert.ok(Math.abs(five - Math.log(5 / RATE_TUNING.baseRate)) < 1e-9);
  assert.equal(documentBonus(100, Array(50).fill(40)), RATE_TUNING.maxBonus);
  // A rate at or below the base rate lowers nothing.
  assert.equal(documentBonus(1_000_000, [30, 30]), 0);
});

test('clean text with real question marks and letters between characters stays as written', () => {
  for (const line of ['舜何人也?予何人也?有为者亦若是。', '他說A股今天大漲，醫生讓他去拍X光片。', '命令中的“h”表示小时，“m”表示分钟。']) {
    assert.equal(repairText(line).text, line, line);
  }
});

test('a measuring script tries other settings through the probe, inside observeSearch only', () => {
  const rate = () => documentBonus(100, Array(50).fill(40));
  assert.equal(observeSearch({ rateTuning: { baseRate: 1, maxBonus: 0 } }, rate), 0);
  assert.equal(observeSearch({ rateTuning: { baseRate: 1, maxBonus: 6 } }, rate), 6);
  assert.equal(rate(), RATE_TUNING.maxBonus);
});
