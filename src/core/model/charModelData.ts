/**
 * Reader for charModel.bin, the tables written by scripts/build-char-model.mjs (layout in scripts/charModelFile.mjs).
 * Sections are views on the shipped bytes (no copying, no parsing beyond the header), so
 * loading costs one Map of the vocabulary and one of the Traditional→Simplified table.
 */
export interface CharModelTables {
  /** Token code points, most frequent first: index + 1 is the frequency rank. */
  codePoints: Uint32Array;
  /** −ln P(c) × 10, by vocabulary index. */
  unigramQ: Uint8Array;
  /** −ln λ(a) × 10: the weight of the unigram backoff after context a. */
  backoffQ: Uint8Array;
  /** Bigrams after vocabulary index a are rows rowStart[a] .. rowStart[a + 1] of the next two arrays. */
  rowStart: Uint32Array;
  /** Index of the second character, ascending within a row. */
  nextIndex: Uint16Array;
  /** −ln P(b | a) × 10. */
  bigramQ: Uint8Array;
  /** ln P of a character the data never saw. */
  floor: number;
  /** Traditional → Simplified, by code point. */
  t2s: Map<number, number>;
}

const MAGIC = 0x4d43485a; // 'ZHCM'
const pad4 = (x: number) => (x + 3) & ~3;

export function readCharModelTables(bytes: Uint8Array): CharModelTables {
  // Typed-array views need aligned offsets; the bundler's decoded copy normally starts at 0.
  const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const { buffer, byteOffset: base } = data;
  const view = new DataView(buffer, base, data.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== 1) throw new Error('charModel.bin: unknown format');
  const v = view.getUint32(8, true);
  const nb = view.getUint32(12, true);
  const nt = view.getUint32(16, true);
  const floor = view.getFloat32(20, true);
  let o = 32;
  const codePoints = new Uint32Array(buffer, base + o, v);
  o += v * 4;
  const unigramQ = new Uint8Array(buffer, base + o, v);
  o += v;
  const backoffQ = new Uint8Array(buffer, base + o, v);
  o = pad4(o + v);
  const rowStart = new Uint32Array(buffer, base + o, v + 1);
  o += (v + 1) * 4;
  const nextIndex = new Uint16Array(buffer, base + o, nb);
  o += nb * 2;
  const bigramQ = new Uint8Array(buffer, base + o, nb);
  o = pad4(o + nb);
  const t2s = new Map<number, number>();
  for (let i = 0; i < nt; i++, o += 8) t2s.set(view.getUint32(o, true), view.getUint32(o + 4, true));
  return { codePoints, unigramQ, backoffQ, rowStart, nextIndex, bigramQ, floor, t2s };
}
