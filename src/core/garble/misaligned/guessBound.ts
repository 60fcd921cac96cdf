import type { CharLanguageModel } from '../../model/charLanguageModel';
import { weighableOf } from './silentGuesses';

type Options = ReadonlyArray<readonly [number, string]>;

/** A list of options as reaches() reads it: per option, in ascending order of model index, its index, bound and unigram; and the best scores worked out over it. */
interface BoundTable {
  lm: CharLanguageModel;
  index: Int32Array;
  /** bestAfter of the option: the most any bigram out of it scores. */
  outOf: Float64Array;
  /** unigramOfIndex of the option: what a bigram into it scores after a context whose row does not list it, less the backoff. */
  unigram: Float64Array;
  /** bestScore per context met (before's code unit × 0x10000 + after's), while `generation` is current. */
  scores: Map<number, number>;
  generation: number;
}

/** Per list of the tables (the lists are shared and never change), worked out on first use. */
const tables = new WeakMap<Options, BoundTable>();

function tableOf(options: Options, lm: CharLanguageModel): BoundTable {
  const known = tables.get(options);
  if (known && known.lm === lm) return known;
  const list = weighableOf(options, lm)
    .map(([, ch]) => ch.charCodeAt(0))
    .map((cp) => ({ x: lm.indexOfCodePoint(cp), outOf: lm.bestAfter(cp) }))
    .sort((p, q) => p.x - q.x);
  const n = list.length;
  const t: BoundTable = {
    lm,
    index: new Int32Array(n),
    outOf: new Float64Array(n),
    unigram: new Float64Array(n),
    scores: new Map(),
    generation,
  };
  list.forEach(({ x, outOf }, i) => {
    t.index[i] = x;
    t.outOf[i] = outOf;
    t.unigram[i] = lm.unigramOfIndex(x);
  });
  tables.set(options, t);
  return t;
}

/**
 * Scores kept over every list, at most: past it every list's scores are let go at once (a new
 * generation), so that a long session of many texts keeps no more than this.
 */
const KEPT_SCORES = 1 << 16;
let generation = 0;
let kept = 0;

/**
 * Whether some option guessBetween weighs scores at least `floor` between `before` and `after`
 * (bigramOfIndexes(before, ch) + bigramOfIndexes(ch, after), the same sums): whether the best of
 * them does. The best is worked out once per list and context and kept: the same contexts recur
 * (names and phrases written again, and the same window read again after a keystroke elsewhere
 * in it), while the floor, which depends on the run around them, changes. The search asks this
 * before a guess whose result matters only when it scores that much (silentRuns.ts).
 */
export function reaches(options: Options, before: string, after: string, lm: CharLanguageModel, floor: number): boolean {
  if (lm.bestAfter(before.charCodeAt(0)) + lm.bestBefore(after.charCodeAt(0)) < floor) return false;
  const t = tableOf(options, lm);
  if (t.generation !== generation) {
    t.scores.clear();
    t.generation = generation;
  }
  const key = before.charCodeAt(0) * 0x10000 + after.charCodeAt(0);
  let best = t.scores.get(key);
  if (best === undefined) {
    best = bestScore(t, before, after, lm);
    if (++kept > KEPT_SCORES) {
      generation++;
      kept = 1;
      t.scores.clear();
      t.generation = generation;
    }
    t.scores.set(key, best);
  }
  return best >= floor;
}

/**
 * The best bigramOfIndexes(before, ch) + bigramOfIndexes(ch, after) over the options (−Infinity
 * for none), in one merge pass: the options, by model index, walked together with the bigrams the
 * model lists after `before` (ascending too), so that the bigram into each option is read off the
 * row instead of searched for; one the row does not list scores the row's backoff plus its
 * unigram. The bigram out of an option is looked up only when the one into it, with the bound of
 * the one out of it, could beat the best so far (every bound is at least the score it bounds, in
 * the same floating-point sums).
 */
function bestScore(t: BoundTable, before: string, after: string, lm: CharLanguageModel): number {
  const { index, outOf, unigram } = t;
  const intoAfter = lm.bestBefore(after.charCodeAt(0));
  const b = lm.indexOfCodePoint(before.charCodeAt(0));
  const a = lm.indexOfCodePoint(after.charCodeAt(0));
  const backoff = lm.backoffOfIndex(b);
  const { rowStart, nextIndex, bigramQ, lnPOfQ } = lm.bigramRows();
  let m = b < 0 ? 0 : rowStart[b];
  const end = b < 0 ? 0 : rowStart[b + 1];
  let best = -Infinity;
  for (let i = 0; i < index.length; i++) {
    const x = index[i];
    while (m < end && nextIndex[m] < x) m++;
    const left = m < end && nextIndex[m] === x ? lnPOfQ[bigramQ[m]] : backoff + unigram[i];
    if (left + Math.min(outOf[i], intoAfter) <= best) continue;
    const score = left + lm.bigramOfIndexes(x, a);
    if (score > best) best = score;
  }
  return best;
}
