import type { CharModelTables } from './charModelData';
import { computeBigramBounds, type BigramBounds } from './charModelBounds';

/** Index of a code point the tables do not hold. */
export const UNKNOWN = -1;

/** The stored bigram rows (QuantizedTables.rows). */
export interface BigramRows {
  readonly rowStart: Uint32Array;
  readonly nextIndex: Uint16Array;
  readonly bigramQ: Uint8Array;
  /** ln P of each quantized value: −q / 10, the very number bigramAt returns for it. */
  readonly lnPOfQ: Float64Array;
}

/**
 * The tables as flat arrays, for a loop that looks up the bigrams of many code units itself
 * (misaligned/runGate.ts) with no call per look-up: bigramOfUnits and the bounds read from these
 * give the very numbers bigramAt, bestAfterAt and bestBeforeAt do.
 */
export interface FlatBigrams {
  /** Vocabulary index of each BMP code unit, folding applied (UNKNOWN when not held). */
  readonly index: Int32Array;
  /** bestAfterAt and bestBeforeAt of each index, at index + 1 (UNKNOWN at 0). */
  readonly after: Float64Array;
  readonly before: Float64Array;
  readonly rowStart: Uint32Array;
  readonly nextIndex: Uint16Array;
  readonly bigramQ: Uint8Array;
  readonly backoffQ: Uint8Array;
  readonly unigramQ: Uint8Array;
  readonly floor: number;
}

/** ln P(b | a) of two BMP code units: QuantizedTables.bigramAt of their indexes, the same arithmetic. */
export function bigramOfUnits(f: FlatBigrams, a: number, b: number): number {
  const x = f.index[a];
  const y = f.index[b];
  if (x === UNKNOWN) return y === UNKNOWN ? f.floor : -f.unigramQ[y] / 10;
  const backoff = -f.backoffQ[x] / 10;
  if (y === UNKNOWN) return backoff + f.floor;
  const { nextIndex } = f;
  let lo = f.rowStart[x];
  let hi = f.rowStart[x + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const z = nextIndex[mid];
    if (z === y) return -f.bigramQ[mid] / 10;
    if (z < y) lo = mid + 1;
    else hi = mid - 1;
  }
  return backoff + -f.unigramQ[y] / 10;
}

const LN_P_OF_Q = Float64Array.from({ length: 256 }, (_, q) => -q / 10);

/**
 * Lookups in the quantized unigram/bigram tables of charModelData (charModel.bin and
 * backgroundModel.bin share the layout): a code point's vocabulary index, ln P of a unigram, and
 * ln P of a bigram with back-off. The models above it decide how code points are folded first.
 */
export class QuantizedTables {
  private readonly bmpIndex = new Int32Array(0x10000).fill(UNKNOWN);
  private readonly astralIndex = new Map<number, number>();

  /** `givenBounds`: the per-row and per-column bounds written at build time for these tables, if any (charModelBounds.ts). */
  constructor(
    private readonly t: CharModelTables,
    private readonly givenBounds?: () => BigramBounds | undefined,
  ) {
    // One plain loop, no call per entry: it runs once, over the whole vocabulary, and a call per
    // entry would make the first analysis compile the loop's callee for nothing.
    const cps = t.codePoints;
    const bmp = this.bmpIndex;
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i];
      if (cp < 0x10000) bmp[cp] = i;
      else this.astralIndex.set(cp, i);
    }
  }

  /** Vocabulary index of a code point (UNKNOWN when the tables do not hold it). */
  indexOf(cp: number): number {
    return cp < 0x10000 ? this.bmpIndex[cp] : this.astralIndex.get(cp) ?? UNKNOWN;
  }

  /** Makes `cp` look up entry `i` (a model folds code points into others' entries once, here). */
  setIndex(cp: number, i: number): void {
    if (cp < 0x10000) this.bmpIndex[cp] = i;
    else this.astralIndex.set(cp, i);
  }

  unigramAt(i: number): number {
    return i === UNKNOWN ? this.t.floor : -this.t.unigramQ[i] / 10;
  }

  bigramAt(a: number, b: number): number {
    // An unseen context carries no information: fall back to the unigram outright.
    if (a === UNKNOWN) return this.unigramAt(b);
    const backoff = -this.t.backoffQ[a] / 10;
    if (b === UNKNOWN) return backoff + this.t.floor;
    const { rowStart, nextIndex, bigramQ } = this.t;
    let lo = rowStart[a];
    let hi = rowStart[a + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = nextIndex[mid];
      if (x === b) return -bigramQ[mid] / 10;
      if (x < b) lo = mid + 1;
      else hi = mid - 1;
    }
    return backoff + this.unigramAt(b);
  }

  /**
   * The bigram tables as they are stored, for a loop that walks a row itself (listedAfterAt
   * without a call per bigram): the row of index `a` is `rowStart[a]` .. `rowStart[a + 1]` of
   * `nextIndex` (ascending) and `bigramQ`, whose entry q bigramAt scores `lnPOfQ[q]`.
   */
  rows(): BigramRows {
    return (this.stored ??= { rowStart: this.t.rowStart, nextIndex: this.t.nextIndex, bigramQ: this.t.bigramQ, lnPOfQ: LN_P_OF_Q });
  }

  private stored?: BigramRows;

  /** The backoff bigramAt adds to the unigram of an index not listed after `a` (0 when `a` is UNKNOWN). */
  backoffAt(a: number): number {
    return a === UNKNOWN ? 0 : -this.t.backoffQ[a] / 10;
  }

  /**
   * The bigrams listed after index `a` as bigramAt scores them, to `each`; returns the backoff
   * that bigramAt adds to the unigram of any index not listed (0 when `a` is UNKNOWN).
   */
  listedAfterAt(a: number, each: (x: number, lnP: number) => void): number {
    if (a === UNKNOWN) return 0;
    const { rowStart, nextIndex, bigramQ } = this.t;
    for (let m = rowStart[a], end = rowStart[a + 1]; m < end; m++) each(nextIndex[m], -bigramQ[m] / 10);
    return -this.t.backoffQ[a] / 10;
  }

  /** The highest ln P(x | a) over every x: an upper bound for a character still to be guessed after `a`. */
  bestAfterAt(a: number): number {
    return (this.afterBest ?? this.bestArrays()[0])[a + 1];
  }

  /** The highest ln P(b | x) over every context x: an upper bound for a character still to be guessed before `b`. */
  bestBeforeAt(b: number): number {
    return (this.beforeBest ?? this.bestArrays()[1])[b + 1];
  }

  /** The tables as flat arrays (FlatBigrams), made on first use; the indexes are those set so far (the model sets them all first). */
  flat(): FlatBigrams {
    if (!this.flatTables) {
      const [after, before] = this.afterBest && this.beforeBest ? [this.afterBest, this.beforeBest] : this.bestArrays();
      const { rowStart, nextIndex, bigramQ, backoffQ, unigramQ, floor } = this.t;
      this.flatTables = { index: this.bmpIndex, after, before, rowStart, nextIndex, bigramQ, backoffQ, unigramQ, floor };
    }
    return this.flatTables;
  }

  private flatTables?: FlatBigrams;

  /** bestAfterAt and bestBeforeAt of every index, at index + 1 (UNKNOWN at 0): one array read per bound. */
  private afterBest?: Float64Array;
  private beforeBest?: Float64Array;

  /**
   * Both arrays in one pass with the bounds read once: bestAfterAt(a) is the likeliest bigram
   * listed after `a` or its backoff plus the likeliest unigram; bestBeforeAt(b) the likeliest
   * bigram listed before `b` or the largest backoff (0 for an unknown context) plus b's unigram.
   * The pass runs once, at the first bound asked for; written as one loop with no call per index,
   * it does not make the first analysis compile helpers it never calls again.
   */
  private bestArrays(): [Float64Array, Float64Array] {
    const { unigramQ, backoffQ, floor } = this.t;
    const { rowMinQ, colMinQ, bestUnigram, bestBackoff } = this.bounds();
    const v = unigramQ.length;
    const after = new Float64Array(v + 1);
    const before = new Float64Array(v + 1);
    const backoffBound = Math.max(0, bestBackoff);
    // The two sums per quantized value (256 of them), so that the pass over the vocabulary only
    // looks numbers up: −q / 10 (LN_P_OF_Q), a backoff plus the likeliest unigram, the largest
    // backoff plus a unigram.
    const backoffThenBest = new Float64Array(256);
    const bestBackoffThen = new Float64Array(256);
    for (let q = 0; q < 256; q++) {
      backoffThenBest[q] = -q / 10 + bestUnigram;
      bestBackoffThen[q] = backoffBound + -q / 10;
    }
    // UNKNOWN, at 0: no context backs off to the unigram outright; an unknown character scores the floor.
    after[0] = bestUnigram;
    before[0] = backoffBound + floor;
    for (let i = 0; i < v; i++) {
      after[i + 1] = Math.max(LN_P_OF_Q[rowMinQ[i]], backoffThenBest[backoffQ[i]]);
      before[i + 1] = Math.max(LN_P_OF_Q[colMinQ[i]], bestBackoffThen[unigramQ[i]]);
    }
    this.afterBest = after;
    this.beforeBest = before;
    return [after, before];
  }

  private extremes?: { rowMinQ: Uint8Array; colMinQ: Uint8Array; bestUnigram: number; bestBackoff: number };

  /**
   * Per row and per column the likeliest bigram, on first use: as written at build time, or
   * worked out in one pass over the tables.
   */
  private bounds(): { rowMinQ: Uint8Array; colMinQ: Uint8Array; bestUnigram: number; bestBackoff: number } {
    if (this.extremes) return this.extremes;
    const { unigramQ, backoffQ, floor } = this.t;
    const { rowMinQ, colMinQ } = this.givenBounds?.() ?? computeBigramBounds(this.t);
    // −q / 10 falls as q rises: the likeliest unigram and the largest backoff are those of the
    // smallest q in their tables.
    const bestUnigram = Math.max(floor, -smallestQ(unigramQ) / 10);
    const bestBackoff = -smallestQ(backoffQ) / 10;
    this.extremes = { rowMinQ, colMinQ, bestUnigram, bestBackoff };
    return this.extremes;
  }
}

/**
 * The smallest value of a table of quantized values (Infinity for an empty one), by the engine's
 * own search for each value from 0 up: the first call of an analysis runs no loop of its own
 * over the vocabulary for it.
 */
function smallestQ(qs: Uint8Array): number {
  for (let q = 0; q < 256; q++) if (qs.includes(q)) return q;
  return Infinity;
}
