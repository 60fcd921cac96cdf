/**
 * data/charModelBounds.bin (scripts/build-char-model-bounds.mjs): the bounds the misaligned-run
 * search weighs a character not guessed yet with, written at build time for data/charModel.bin.
 * The file must hold exactly what a pass over the model's bigrams gives, and a file written for
 * another model is never used.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataBytes } from '../../src/core/data/dataFiles';
import { readCharModelTables } from '../../src/core/model/charModelData';
import { computeBigramBounds, readBigramBounds } from '../../src/core/model/charModelBounds';

test('charModelBounds.bin holds the bounds of charModel.bin (rerun scripts/build-char-model-bounds.mjs after building the model)', () => {
  const tables = readCharModelTables(dataBytes('charModel.bin'));
  const read = readBigramBounds(dataBytes('charModelBounds.bin'), tables);
  assert.ok(read, 'the file was written for this model');
  const computed = computeBigramBounds(tables);
  assert.deepEqual(new Uint8Array(read.rowMinQ), computed.rowMinQ);
  assert.deepEqual(new Uint8Array(read.colMinQ), computed.colMinQ);
  // Real bounds, not the "none" of 255 everywhere.
  assert.ok(computed.rowMinQ.some((q) => q < 100));
});

test('bounds written for another model are not read', () => {
  const other = readCharModelTables(dataBytes('backgroundModel.bin'));
  assert.equal(readBigramBounds(dataBytes('charModelBounds.bin'), other), undefined);
  assert.equal(readBigramBounds(new Uint8Array(0), readCharModelTables(dataBytes('charModel.bin'))), undefined);
});
