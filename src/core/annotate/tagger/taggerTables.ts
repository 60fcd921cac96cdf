/**
 * The organization tagger's tables (orgTagger.ts), built from data/annotate/orgTagger.bin the first
 * time a text of a kind is tagged: rows of weights packed two tags to a 32-bit word, each less the
 * weight of O, the dense features' rows by index through a compact map, character pairs and words
 * by key, the other hashed features in an open-addressing table, and each kind of text's copies of
 * the dense and hashed features added to the shared rows.
 */
import { dataBytes } from '../../data/dataFiles';
import { decodeTaggerModel, type ModelSection, type TaggerModel } from './taggerModel';
import {
  aheadHash, DENSE_FEATURES, DENSE_SIZES, denseHash, FINE_AFTER, FINE_ALONE, FINE_BEFORE, PAD_END, PAD_START, TAG_COUNT, TEXT_KINDS, type TextKind, UNIGRAM_OFFSETS,
  WORD_POSITIONS, WORD_ROLES, WORD_SHAPE_LENGTH, wordShapeHash,
} from './features';
import { nameBonusOf, setNameBonus, withNameBonus } from './nameBonus';
import { FILTER_BITS, hasBit, KeyIndex, setBit } from './keyIndex';
import { characterClasses, FINE_VALUES } from './charClusters';

const T = TAG_COUNT;
/**
 * Words of a packed row of T weights, each less the weight of O (w0): (w1 − w0) + (w2 − w0)·65536,
 * (w3 − w0) + (w4 − w0)·65536. A lane of a row is within ±254 (8-bit weights), ±508 once a kind's
 * copy is added to it, and a position sums FEATURES_PER_CHAR = 29 rows, so each lane stays within 16 bits.
 */
export const W = 2;

export interface LoadedModel {
  /** Open-addressing table of the hashed features, 4 words a slot: the hash, then its packed row (W words) and a spare word so that a slot is a power of two (a hash of 0 marks an empty slot). */
  hashed: Int32Array;
  hashedMask: number;
  /** Filter of the hashed features' keys (setBit). */
  hashedFilter: Int32Array;
  /** Row of each character's unigram weights (U packed rows), or −1. */
  unigramRow: Int32Array;
  unigrams: Int32Array;
  /** Character pairs (first << 16 | second), and their BG packed rows each. */
  pairIndex: KeyIndex;
  bigrams: Int32Array;
  /** Words by hash, and their WORD_ROWS packed rows each (role-major). */
  wordIndex: KeyIndex;
  words: Int32Array;
  /** The rows of the pads as words (features.ts PAD_START, PAD_END: the word before the first, after the last), or NO_ROWS. */
  startRows: number;
  endRows: number;
  /**
   * The dense features (features.ts DENSE_SIZES), template after template from denseStart[d]:
   * each index's row in denseRows (compact, row 0 all zeros). Most indices have no weights (about
   * 5,000 of the 66,049 fine-class pairs of each template, 400 of the 32,768 class 5-grams), so
   * the map (2 bytes an index) and the rows take a third of the memory of rows by index (1.7 MB)
   * and stay in the processor's caches far better.
   */
  denseRowOf: Uint16Array | Uint32Array;
  denseRows: Int32Array;
  denseStart: Int32Array;
  /** By fine-class pair (features.ts FINE_BEFORE), the row in finePairs of its FINE_BEFORE row then its FINE_AFTER row (2 × W words), so that a pair costs one read of memory for both. */
  finePairOf: Uint16Array | Uint32Array;
  finePairs: Int32Array;
  /** The dense templates read position by position (all but bias and the fine pairs). */
  densePerPosition: Int32Array;
  /**
   * The row every position starts from (W words): the bias plus the row of index 0 of each dense
   * template read position by position, which is taken from all of that template's rows, so that
   * an index of 0 (mostly: no word-list mark, no ending near) costs no read. The sums are the same.
   */
  base: Int32Array;
  /** Transition scores in units of the weights' scale. */
  transition: Float32Array;
  /**
   * By model code, two words side by side, so that a character costs one read of memory for both:
   * where its unigram rows start in unigrams (unigramRow × U × W, or −1), and where its own block
   * of rows (selfBlock) starts in selfRows, or −1 until the character is first tagged.
   */
  charRows: Int32Array;
  selfRows: Int32Array;
  selfCount: number;
}

/**
 * A character's own block (SELF_ROWS packed rows): the rows of what a position reads of its own
 * character alone, looked up once per character instead of once per position. Rows 0…7: the
 * hashed feature of an organization ending ahead (features.ts aheadHash) by the ending's type
 * (row 0 unused). Then one row per length and place of the character's word (selfShapeRow): the
 * hashed word-shape feature (wordShapeHash) plus the character's unigram row at offset 0 and the
 * row of its fine class alone (FINE_ALONE), the three features every position reads exactly once.
 * The sums are the same to the last bit (packed rows add as 32-bit integers).
 */
export const SELF_AHEAD = 8;
/** Lengths and places a word-shape row is kept for: a word of one character (place 3), then each longer length with places 0, 1, 2. */
const SELF_SHAPES = 1 + (WORD_SHAPE_LENGTH - 1) * 3;
export const SELF_ROWS = SELF_AHEAD + SELF_SHAPES;
/** The row in a block of a word of `length` (capped at WORD_SHAPE_LENGTH) with the character at `position` (features.ts positionInWord). */
export const selfShapeRow = (length: number, position: number): number => SELF_AHEAD + (length === 1 ? 0 : 1 + (length - 2) * 3 + position);

/** Where the packed row of hashed feature `key` is in m.hashed, or −1. */
export function hashedSlot(m: LoadedModel, key: number): number {
  if (key === 0 || !hasBit(m.hashedFilter, key)) return -1;
  const probeMask = (m.hashedMask << 2) | 3;
  let at = (key & m.hashedMask) << 2;
  for (let found = m.hashed[at]; found !== key; found = m.hashed[at]) {
    if (found === 0) return -1;
    at = (at + 4) & probeMask;
  }
  return at + 1;
}

/** Where character `code`'s block (above) starts in m.selfRows, built on its first use. */
export function selfBlock(m: LoadedModel, code: number): number {
  const known = m.charRows[code * 2 + 1];
  if (known >= 0) return known;
  const start = m.selfCount * SELF_ROWS * W;
  if (start + SELF_ROWS * W > m.selfRows.length) {
    const grown = new Int32Array(Math.max(m.selfRows.length * 2, SELF_ROWS * W * 256));
    grown.set(m.selfRows);
    m.selfRows = grown;
  }
  const rows = m.selfRows;
  const add = (row: number, table: Int32Array, at: number) => {
    rows[start + row * W] += table[at];
    rows[start + row * W + 1] += table[at + 1];
  };
  for (let type = 1; type < SELF_AHEAD; type++) {
    const at = hashedSlot(m, aheadHash(type, code) | 0);
    if (at >= 0) add(type, m.hashed, at);
  }
  const unigram = m.unigramRow[code];
  const fine = characterClasses()[code] & 0xff;
  const fineAt = m.denseRowOf[m.denseStart[FINE_ALONE] + fine] * W;
  for (let length = 1; length <= WORD_SHAPE_LENGTH; length++) {
    for (const position of length === 1 ? [3] : [0, 1, 2]) {
      const row = selfShapeRow(length, position);
      const at = hashedSlot(m, wordShapeHash(length, position, code) | 0);
      if (at >= 0) add(row, m.hashed, at);
      if (unigram >= 0) add(row, m.unigrams, unigram * UNIGRAM_OFFSETS.length * W);
      add(row, m.denseRows, fineAt);
    }
  }
  m.selfCount++;
  m.charRows[code * 2 + 1] = start;
  return start;
}

const WORD_ROWS = WORD_ROLES * WORD_POSITIONS;
export const NO_ROWS = -1;

/** The model as decoded, and the tables of each kind of text it was asked for. */
let decoded: TaggerModel | undefined;
const loaded = new Map<TextKind, LoadedModel>();
let bytesOverride: Uint8Array | undefined;

/** For the evaluation script: tag with another model file. */
export function useTaggerModel(bytes: Uint8Array): void {
  bytesOverride = bytes;
  decoded = undefined;
  loaded.clear();
}

/** For the evaluation script: tag text of `kind` with another bonus per name (nameBonus.ts). */
export function useNameBonus(kind: TextKind, bonus: number): void {
  setNameBonus(kind, bonus);
  loaded.delete(kind);
}

/** The model the tagger ships with, read through the data host the first time a text is tagged. */
export const TAGGER_MODEL_FILE = 'annotate/orgTagger.bin';

/** Packs row `row` of entry `entry` of `section` (width × T weights per entry) into `out` at `at` (W words, above). */
function pack(section: ModelSection, entry: number, row: number, out: Int32Array, at: number): void {
  const w = section.weights;
  const base = (entry * section.width + row) * T;
  const o = w[base];
  out[at] = w[base + 1] - o + (w[base + 2] - o) * 65536;
  out[at + 1] = w[base + 3] - o + (w[base + 4] - o) * 65536;
}

/** All rows of a section, packed, entry after entry. */
function packAll(section: ModelSection): Int32Array {
  const out = new Int32Array(section.keys.length * section.width * W);
  for (let k = 0; k < section.keys.length; k++) for (let r = 0; r < section.width; r++) pack(section, k, r, out, (k * section.width + r) * W);
  return out;
}

/**
 * The tables for text of `kind`: the shared rows of the dense and hashed features plus the kind's
 * copies of them (features.ts TEXT_KINDS), added once here; the other tables are shared.
 */
export function model(kind: TextKind): LoadedModel {
  const done = loaded.get(kind);
  if (done) return done;
  const m = (decoded ??= decodeTaggerModel(bytesOverride ?? dataBytes(TAGGER_MODEL_FILE)));
  if (m.tagCount !== T) throw new Error(`orgTagger.bin: ${m.tagCount} tags, the tagger reads ${T}`);
  const own = m.kinds[TEXT_KINDS.indexOf(kind)];
  const ownEntry = new Map<number, number>();
  own?.keys.forEach((key, k) => ownEntry.set(key, k));
  const addOwn = (key: number, out: Int32Array, at: number) => {
    const entry = ownEntry.get(key);
    if (entry === undefined || !own) return;
    pack(own, entry, 0, kindRow, 0);
    out[at] += kindRow[0];
    out[at + 1] += kindRow[1];
  };
  // Dense features by index: the row of hash(template, index) where the model has one, else a row of zeros.
  const entryOf = new Map<number, number>();
  m.hashed.keys.forEach((key, k) => entryOf.set(key, k));
  const denseStart = new Int32Array(DENSE_FEATURES);
  let total = 0;
  DENSE_SIZES.forEach((size, d) => {
    denseStart[d] = total;
    total += size;
  });
  const dense = new Int32Array(total * W);
  const denseKeys = new Set<number>();
  DENSE_SIZES.forEach((size, d) => {
    for (let v = 0; v < size; v++) {
      const at = (denseStart[d] + v) * W;
      const key = denseHash(d, v);
      const entry = entryOf.get(key);
      denseKeys.add(key);
      if (entry !== undefined) pack(m.hashed, entry, 0, dense, at);
      addOwn(key, dense, at);
    }
  });
  // The other hashed features, by hash (with those only the kind has).
  const rest = [...m.hashed.keys].filter((key) => !denseKeys.has(key));
  for (const key of ownEntry.keys()) if (!denseKeys.has(key) && !entryOf.has(key)) rest.push(key);
  let hashedSize = 2;
  while (hashedSize < rest.length * 2) hashedSize <<= 1;
  const hashed = new Int32Array(hashedSize * 4);
  const hashedFilter = new Int32Array(FILTER_BITS >>> 5);
  for (const key of rest) {
    setBit(hashedFilter, key | 0);
    let slot = key & (hashedSize - 1);
    while (hashed[slot * 4] !== 0) slot = (slot + 1) & (hashedSize - 1);
    hashed[slot * 4] = key | 0;
    const entry = entryOf.get(key);
    if (entry !== undefined) pack(m.hashed, entry, 0, hashed, slot * 4 + 1);
    addOwn(key, hashed, slot * 4 + 1);
  }
  const pairs = new Int32Array(FINE_VALUES * FINE_VALUES * 2 * W);
  for (let v = 0; v < FINE_VALUES * FINE_VALUES; v++) {
    pairs.set(dense.subarray((denseStart[FINE_BEFORE] + v) * W, (denseStart[FINE_BEFORE] + v + 1) * W), v * 2 * W);
    pairs.set(dense.subarray((denseStart[FINE_AFTER] + v) * W, (denseStart[FINE_AFTER] + v + 1) * W), v * 2 * W + W);
  }
  const densePerPosition = Int32Array.from({ length: DENSE_FEATURES }, (_, d) => d).filter((d) => d !== 0 && d !== FINE_BEFORE && d !== FINE_AFTER && d !== FINE_ALONE);
  const base = dense.slice(denseStart[0] * W, (denseStart[0] + 1) * W);
  for (const d of [...densePerPosition, FINE_ALONE]) {
    const zero = dense.slice(denseStart[d] * W, (denseStart[d] + 1) * W);
    for (let w = 0; w < W; w++) {
      base[w] += zero[w];
      for (let v = 0; v < DENSE_SIZES[d]; v++) dense[(denseStart[d] + v) * W + w] -= zero[w];
    }
  }
  const compactDense = compact(dense, W);
  const compactPairs = compact(pairs, 2 * W);
  const first = loaded.values().next().value;
  const unigramRow = first?.unigramRow ?? new Int32Array(0x10000).fill(-1);
  if (!first) {
    m.unigrams.keys.forEach((code, k) => {
      unigramRow[code] = k;
    });
  }
  const tables: LoadedModel = {
    hashed, hashedMask: hashedSize - 1, hashedFilter, unigramRow, unigrams: first?.unigrams ?? packAll(m.unigrams),
    pairIndex: first?.pairIndex ?? new KeyIndex(m.bigrams.keys), bigrams: first?.bigrams ?? packAll(m.bigrams),
    wordIndex: first?.wordIndex ?? new KeyIndex(m.words.keys), words: first?.words ?? packAll(m.words),
    denseRowOf: compactDense.rowOf, denseRows: compactDense.rows, denseStart, finePairOf: compactPairs.rowOf, finePairs: compactPairs.rows, densePerPosition, base,
    startRows: NO_ROWS, endRows: NO_ROWS, transition: withNameBonus(Float32Array.from(m.transition, (v) => v / m.scale), nameBonusOf(kind)),
    charRows: new Int32Array(0x10000 * 2).fill(-1), selfRows: new Int32Array(0), selfCount: 0,
  };
  unigramRow.forEach((row, code) => {
    if (row >= 0) tables.charRows[code * 2] = row * UNIGRAM_OFFSETS.length * W;
  });
  tables.startRows = wordRows(tables, PAD_START);
  tables.endRows = wordRows(tables, PAD_END);
  loaded.set(kind, tables);
  return tables;
}
const kindRow = new Int32Array(W);

/** The rows of `table` (`width` words each) that are not all zeros, and each entry's row among them (row 0: zeros). */
function compact(table: Int32Array, width: number): { rowOf: Uint16Array | Uint32Array; rows: Int32Array } {
  const entries = table.length / width;
  const ids = new Int32Array(entries);
  let count = 1;
  for (let v = 0; v < entries; v++) {
    for (let w = 0; w < width; w++) {
      if (table[v * width + w] !== 0) {
        ids[v] = count++;
        break;
      }
    }
  }
  const rowOf = count <= 0x10000 ? new Uint16Array(ids) : new Uint32Array(ids);
  const rows = new Int32Array(count * width);
  for (let v = 0; v < entries; v++) if (ids[v]) rows.set(table.subarray(v * width, (v + 1) * width), ids[v] * width);
  return { rowOf, rows };
}

/** Where the rows of `word` start in m.words, or NO_ROWS. */
export function wordRows(m: LoadedModel, word: number): number {
  const entry = m.wordIndex.find(word | 0);
  return entry < 0 ? NO_ROWS : entry * WORD_ROWS * W;
}
