import type { CharModelTables } from './charModelData';

/**
 * Per vocabulary index of a character model, the likeliest bigram it starts (`rowMinQ`) and the
 * likeliest it ends (`colMinQ`), as −ln P × 10 (255 where it has none): what
 * QuantizedTables.bestAfterAt and bestBeforeAt bound a character not guessed yet with.
 *
 * data/charModelBounds.bin holds them for data/charModel.bin, written by
 * scripts/build-char-model-bounds.mjs from that file (docs/data.md), so that the first analysis
 * does not work them out in a pass over its 263,000 bigrams. Layout, little-endian:
 *   u32 magic 'ZHCB', u32 version 1, u32 V, u32 NB (of the model it was made from), u8[V] rowMinQ, u8[V] colMinQ
 */
export interface BigramBounds {
  rowMinQ: Uint8Array;
  colMinQ: Uint8Array;
}

const HEADER = 16;

/** The bounds worked out from the tables: one pass over every bigram. */
export function computeBigramBounds(t: CharModelTables): BigramBounds {
  const { rowStart, nextIndex, bigramQ, unigramQ } = t;
  const v = unigramQ.length;
  const rowMinQ = new Uint8Array(v).fill(255);
  const colMinQ = new Uint8Array(v).fill(255);
  for (let a = 0; a < v; a++) {
    let row = 255;
    for (let m = rowStart[a], end = rowStart[a + 1]; m < end; m++) {
      const q = bigramQ[m];
      if (q < row) row = q;
      const c = nextIndex[m];
      if (q < colMinQ[c]) colMinQ[c] = q;
    }
    rowMinQ[a] = row;
  }
  return { rowMinQ, colMinQ };
}

/**
 * The bounds of `t` from a file written for it; undefined when the file was written for other
 * tables (another vocabulary or bigram count: the model was built again since), so that the
 * caller works them out instead.
 */
export function readBigramBounds(bytes: Uint8Array, t: CharModelTables): BigramBounds | undefined {
  const v = t.unigramQ.length;
  if (bytes.length !== HEADER + 2 * v || String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== 'ZHCB') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER);
  if (view.getUint32(4, true) !== 1 || view.getUint32(8, true) !== v || view.getUint32(12, true) !== t.nextIndex.length) return undefined;
  return { rowMinQ: bytes.subarray(HEADER, HEADER + v), colMinQ: bytes.subarray(HEADER + v, HEADER + 2 * v) };
}

/** The file readBigramBounds reads (scripts/build-char-model-bounds.mjs writes it). */
export function writeBigramBounds(t: CharModelTables): Uint8Array {
  const { rowMinQ, colMinQ } = computeBigramBounds(t);
  const v = rowMinQ.length;
  const out = new Uint8Array(HEADER + 2 * v);
  out.set([0x5a, 0x48, 0x43, 0x42]); // 'ZHCB'
  const view = new DataView(out.buffer);
  view.setUint32(4, 1, true);
  view.setUint32(8, v, true);
  view.setUint32(12, t.nextIndex.length, true);
  out.set(rowMinQ, HEADER);
  out.set(colMinQ, HEADER + v);
  return out;
}
