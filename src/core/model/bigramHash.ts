/**
 * The listed bigrams of a model's tables in one open-addressed hash (key a × V + b, linear
 * probing, Fibonacci hashing), made once a model has been asked enough look-ups to pay for it:
 * a look-up is then one hashed slot, usually one cache line, where the binary search over a row
 * of up to 1,469 entries read ten. It answers the very entry the binary search finds.
 *
 * Not made at the first analysis of a text (the build is a loop over every bigram, tens of ms
 * in the interpreter, on the cold first verdict's path): only after ASKED_BEFORE_BUILD look-ups,
 * a few analyses of a long text, or one of a garbled one (docs/performance.md).
 */
export const ASKED_BEFORE_BUILD = 1 << 20;

/** Marks an empty slot: no key is negative. */
export const EMPTY = -1;

export interface BigramHash {
  /** Keys of the slots (EMPTY where none); length 0 until made. */
  keys: Int32Array;
  /** The bigram's stored −ln P × 10 in the slot of its key. */
  qs: Uint8Array;
  /** 32 − log2(slots): the shift of the Fibonacci hash. */
  shift: number;
  /** Look-ups asked before the table was made. */
  asked: number;
  /** The vocabulary size V of the key a × V + b. */
  v: number;
}

/** A table not made yet, for tables of `v` entries. */
export function emptyBigramHash(v: number): BigramHash {
  return { keys: new Int32Array(0), qs: new Uint8Array(0), shift: 32, asked: 0, v };
}

/**
 * Fills `h` with every bigram of the rows: slots a power of two at least 1.5 × their count (load
 * at most two thirds), so that a key not listed meets an empty slot within a few probes.
 */
export function fillBigramHash(h: BigramHash, rowStart: Uint32Array, nextIndex: Uint16Array, bigramQ: Uint8Array): void {
  const { v } = h;
  // A key a × V + b must be a small integer of an Int32Array: past V = 46,340 the binary search stays.
  if (v * v > 0x7fffffff) return;
  let bits = 4;
  while (1 << bits < nextIndex.length * 1.5) bits++;
  const keys = new Int32Array(1 << bits).fill(EMPTY);
  const qs = new Uint8Array(1 << bits);
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  for (let a = 0; a < v; a++) {
    for (let m = rowStart[a], end = rowStart[a + 1]; m < end; m++) {
      const key = a * v + nextIndex[m];
      let s = Math.imul(key, 0x9e3779b1) >>> shift;
      while (keys[s] !== EMPTY) s = (s + 1) & mask;
      keys[s] = key;
      qs[s] = bigramQ[m];
    }
  }
  h.qs = qs;
  h.shift = shift;
  h.keys = keys;
}
