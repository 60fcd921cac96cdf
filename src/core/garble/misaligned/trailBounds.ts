import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { weighableOf } from './silentGuesses';

/** Bounds kept at once (by context and trail); past it they are worked out again. */
const KEPT = 1 << 16;
/** A key no context and trail make (the largest is 0xFFFF × 256 + 0xFF). */
const NONE = 0x7fffffff;
/** A key's slot: the top bits of its product with a large odd constant (Fibonacci hashing). */
const SLOT_SHIFT = 32 - Math.log2(KEPT);

/**
 * Bounds for a character the search guesses from one byte of it, its trail: the last character
 * of a run that ends at a second lost lead (silentRuns.ts, lastOptions = table.leadsOf(trail)),
 * which is one of the characters with that trail the guess weighs (weighableOf).
 *
 * RunGate bounds such a character's bigram after `b` by the best bigram after `b` over every
 * character; here it is the best over the characters with the trail, from the bigrams the
 * model lists after `b` (the others score the backoff plus their unigram, at most the backoff
 * plus the trail's best unigram). A character with a trail that few likely characters have
 * after `b` bounds far lower, so most ends the gate lets through in clean text are left here,
 * before the guess itself is looked for. Still a bound: it never drops a run the search finds.
 */
export class TrailBounds {
  /** Per trail byte, worked out at its first use: its characters' vocabulary indexes (ascending) and bounds. */
  private readonly byTrail: Array<TrailOptions | undefined> = [];
  /** By context code unit × 256 + trail byte: the bound of the bigram from the one into a character with the other. */
  private readonly known = new Map<number, number>();
  /**
   * The same bounds in front of the map, one per slot of a table of KEPT (`keys`: the key held
   * there, NONE for none): the gate asks at most ends of clean text, and the map's look-up was
   * most of what that took; a key whose slot another holds is read from the map.
   */
  private readonly keys = new Int32Array(KEPT).fill(NONE);
  private readonly bounds = new Float64Array(KEPT);

  private constructor(
    private readonly table: DbcsTable,
    private readonly lm: CharLanguageModel,
  ) {}

  private static cached: { table: DbcsTable; lm: CharLanguageModel; bounds: TrailBounds } | undefined;

  static of(table: DbcsTable, lm: CharLanguageModel): TrailBounds {
    const c = TrailBounds.cached;
    if (c && c.table === table && c.lm === lm) return c.bounds;
    const bounds = new TrailBounds(table, lm);
    TrailBounds.cached = { table, lm, bounds };
    return bounds;
  }

  /** The highest bestAfter of the characters with trail `t`: what a bigram out of one scores at most. */
  bestOut(t: number): number {
    return this.options(t).bestOut;
  }

  /** The most bigram(b, x) scores over the characters x with trail `t` that a guess weighs (−Infinity: none). */
  after(b: number, t: number): number {
    const key = b * 256 + t;
    const slot = Math.imul(key, 0x9e3779b1) >>> SLOT_SHIFT;
    if (this.keys[slot] === key) return this.bounds[slot];
    let bound = this.known.get(key);
    if (bound === undefined) {
      bound = this.work(b, this.options(t));
      if (this.known.size >= KEPT) this.known.clear();
      this.known.set(key, bound);
    }
    this.keys[slot] = key;
    this.bounds[slot] = bound;
    return bound;
  }

  private options(t: number): TrailOptions {
    let o = this.byTrail[t];
    if (!o) {
      // An indexed loop over the list, each option read by position: a text's first analysis
      // runs it before the compiler has, where `for (const [, ch] of …)` made an iterator and
      // result objects per option.
      const list = weighableOf(this.table.leadsOf(t), this.lm);
      const indexes: number[] = [];
      let bestUnigram = -Infinity;
      let bestOut = -Infinity;
      for (let k = 0; k < list.length; k++) {
        const cp = list[k][1].charCodeAt(0);
        const x = this.lm.indexOfCodePoint(cp);
        bestUnigram = Math.max(bestUnigram, this.lm.unigramOfIndex(x));
        bestOut = Math.max(bestOut, this.lm.bestAfter(cp));
        // An index the model does not hold is never listed: the backoff and its unigram (the floor) bound it.
        if (x >= 0) indexes.push(x);
      }
      o = { indexes: ascendingOnce(indexes), bestUnigram, bestOut };
      this.byTrail[t] = o;
    }
    return o;
  }

  private work(b: number, o: TrailOptions): number {
    if (o.bestUnigram === -Infinity) return -Infinity;
    const { indexes } = o;
    let listed = -Infinity;
    // Both ascending: the row after b (listedAfter) and the options, walked together.
    let k = 0;
    const backoff = this.lm.listedAfter(b, (x, lnP) => {
      while (k < indexes.length && indexes[k] < x) k++;
      if (k < indexes.length && indexes[k] === x && lnP > listed) listed = lnP;
    });
    return Math.max(listed, backoff + o.bestUnigram);
  }
}

/** The distinct numbers of `xs`, ascending (as `Int32Array.from(new Set(xs)).sort()`, without iterating a set). */
function ascendingOnce(xs: readonly number[]): Int32Array {
  const sorted = Int32Array.from(xs).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}

interface TrailOptions {
  indexes: Int32Array;
  bestUnigram: number;
  bestOut: number;
}
