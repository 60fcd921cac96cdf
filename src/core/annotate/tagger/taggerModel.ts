/**
 * The organization tagger's model file (data/annotate/orgTagger.bin, written by scripts/orgs/train.ts):
 *
 *   u32 magic 'ZHOT', u32 version 2, u32 tag count T, f32 scale,
 *   f32 × (T + 1) × T transition scores (row T: at the start),
 *   then three sections, each u32 entry count n, u32 byte length of its keys, the keys ascending
 *   as LEB128 deltas, and n × width × T weights as int8 (× scale):
 *   - features by hash (features.ts `hash`), width 1;
 *   - characters (the model's code of a character), one row per unigram template, in the order
 *     of UNIGRAM_OFFSETS;
 *   - character pairs (first << 16 | second), one row per bigram template of BIGRAM_OFFSETS;
 *   - words (their hash, features.ts `Piece.wordOf`), 12 rows: the word templates, role-major
 *     (the word itself, before, after) by position in the word (first, inside, last, alone);
 *   then u32 K, the number of kinds of text (features.ts TEXT_KINDS), and K sections of width 1:
 *   each kind's copies of the dense and hashed features, keyed by the shared feature's hash.
 *
 * Weights are 8-bit: the tagger adds about 20 of them per character and tag, and rounding to
 * 1/127 of the largest weight changes no measured figure (the training script scores both).
 */
import { BIGRAM_OFFSETS, UNIGRAM_OFFSETS, WORD_POSITIONS, WORD_ROLES } from './features';

const MAGIC = 0x544f485a; // 'ZHOT'
const VERSION = 3;

export interface ModelSection {
  keys: Uint32Array;
  /** keys.length × width × T weights, in units of the model's scale. */
  weights: Int8Array;
  width: number;
}

export interface TaggerModel {
  tagCount: number;
  scale: number;
  transition: Float32Array;
  hashed: ModelSection;
  unigrams: ModelSection;
  bigrams: ModelSection;
  words: ModelSection;
  /** Per kind of text, its copies of the features by hash (keyed by the shared feature's hash). */
  kinds: ModelSection[];
}

export interface FloatSection {
  keys: Uint32Array;
  weights: Float32Array;
  width: number;
}

function leb128(keys: Uint32Array): number[] {
  const bytes: number[] = [];
  let previous = 0;
  for (const key of keys) {
    let delta = key - previous;
    previous = key;
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80);
      delta = Math.floor(delta / 128);
    }
    bytes.push(delta);
  }
  return bytes;
}

export function encodeTaggerModel(tagCount: number, transition: Float32Array, shared: [FloatSection, FloatSection, FloatSection, FloatSection], kinds: FloatSection[]): Uint8Array {
  const sections = [...shared, ...kinds];
  let top = 0;
  for (const { weights } of sections) for (const w of weights) top = Math.max(top, Math.abs(w));
  const scale = (top || 1) / 127;
  const parts: Uint8Array[] = [];
  const header = new DataView(new ArrayBuffer(16 + transition.length * 4));
  header.setUint32(0, MAGIC, true);
  header.setUint32(4, VERSION, true);
  header.setUint32(8, tagCount, true);
  header.setFloat32(12, scale, true);
  transition.forEach((v, k) => header.setFloat32(16 + k * 4, v, true));
  parts.push(new Uint8Array(header.buffer));
  const kindCount = new Uint8Array(4);
  new DataView(kindCount.buffer).setUint32(0, kinds.length, true);
  for (const [k, { keys, weights }] of sections.entries()) {
    if (k === shared.length) parts.push(kindCount);
    const keyBytes = leb128(keys);
    const counts = new DataView(new ArrayBuffer(8));
    counts.setUint32(0, keys.length, true);
    counts.setUint32(4, keyBytes.length, true);
    parts.push(new Uint8Array(counts.buffer), Uint8Array.from(keyBytes));
    const q = new Uint8Array(weights.length);
    for (let k = 0; k < weights.length; k++) {
      const v = Math.round(weights[k] / scale);
      q[k] = (v > 127 ? 127 : v < -127 ? -127 : v) & 0xff;
    }
    parts.push(q);
  }
  if (!kinds.length) parts.push(kindCount);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    bytes.set(p, o);
    o += p.length;
  }
  return bytes;
}

const WIDTHS = [1, UNIGRAM_OFFSETS.length, BIGRAM_OFFSETS.length, WORD_ROLES * WORD_POSITIONS];

export function decodeTaggerModel(bytes: Uint8Array): TaggerModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  // Version 2 is version 3 without the kinds' sections.
  if (view.getUint32(0, true) !== MAGIC || (version !== VERSION && version !== 2)) throw new Error('orgTagger.bin: unknown format');
  const T = view.getUint32(8, true);
  const scale = view.getFloat32(12, true);
  const transition = new Float32Array((T + 1) * T);
  for (let k = 0; k < transition.length; k++) transition[k] = view.getFloat32(16 + k * 4, true);
  let p = 16 + transition.length * 4;
  const section = (width: number): ModelSection => {
    const n = view.getUint32(p, true);
    const keyLength = view.getUint32(p + 4, true);
    p += 8;
    const keysEnd = p + keyLength;
    const keys = new Uint32Array(n);
    let previous = 0;
    for (let k = 0; k < n; k++) {
      let delta = 0;
      let shift = 1;
      for (;;) {
        const b = bytes[p++];
        delta += (b & 0x7f) * shift;
        if (b < 0x80) break;
        shift *= 128;
      }
      previous += delta;
      keys[k] = previous;
    }
    if (p !== keysEnd) throw new Error('orgTagger.bin: keys do not end where the header says');
    const weights = new Int8Array(bytes.buffer, bytes.byteOffset + p, n * width * T);
    p += n * width * T;
    return { keys, weights, width };
  };
  const sections = WIDTHS.map(section);
  const kindCount = version === 2 ? 0 : view.getUint32(p, true);
  if (version !== 2) p += 4;
  const kinds = Array.from({ length: kindCount }, () => section(1));
  if (p !== bytes.length) throw new Error('orgTagger.bin: unexpected length');
  return { tagCount: T, scale, transition, hashed: sections[0], unigrams: sections[1], bigrams: sections[2], words: sections[3], kinds };
}
