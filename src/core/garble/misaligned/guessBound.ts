import type { CharLanguageModel } from '../../model/charLanguageModel';
import { UNKNOWN } from '../../model/quantizedTables';
import { weighableOf, type Guess } from './silentGuesses';

type Options = ReadonlyArray<readonly [number, string]>;

/**
 * A list of options as reaches() and guessBetween() read it: per option, in ascending order of
 * model index, its index and the model's bounds; and what earlier calls found.
 */
interface BoundTable {
  lm: CharLanguageModel;
  index: Int32Array;
  /** Where the option stands in the list weighableOf gives (the order a tie is settled in). */
  position: Int32Array;
  /** The option's byte and character. */
  byte: Int32Array;
  chars: string[];
  /** bestBefore of the option: the most any bigram into it scores. */
  into: Float64Array;
  /** bestAfter of the option: the most any bigram out of it scores. */
  outOf: Float64Array;
  /** unigramOfIndex of the option: what a bigram into it scores after a context whose row does not list it, less the backoff. */
  unigram: Float64Array;
  /** The highest unigram + outOf over the options: with a context's backoff, what bounds every option its row does not list. */
  bestUnlisted: number;
  /** The highest unigram. */
  bestUnigram: number;
  /**
   * What earlier calls learnt per context, by before's code unit and then after's, while
   * `generation` is current. (One key of both, before × 0x10000 + after, is past V8's small
   * integers: each look-up made a heap number of it, the most of what reaches() took on clean text.)
   */
  known: Map<number, Map<number, Known>>;
  generation: number;
}

/**
 * Of one context: a score some option was found to reach, and a floor none reached (or
 * ±Infinity); once guessBetween() has weighed every option there, its guess (null: no option),
 * and then `reached` is the best score itself.
 */
interface Known {
  reached: number;
  unreached: number;
  guess?: Guess | null;
}

/** Per list of the tables (the lists are shared and never change), worked out on first use. */
const tables = new WeakMap<Options, BoundTable>();

function tableOf(options: Options, lm: CharLanguageModel): BoundTable {
  const known = tables.get(options);
  if (known && known.lm === lm) return known;
  // By model index, two options of one index in the list's order; filled by plain loops that read
  // the model's arrays (FlatBigrams: the numbers indexOfCodePoint, bestBefore, bestAfter and
  // unigramOfIndex give) and each option by position, with no call or destructuring per option:
  // the first analysis of a text makes these tables before the compiler has reached this loop.
  const list = weighableOf(options, lm);
  const n = list.length;
  const { index: indexOfUnit, after, before, unigramQ, floor } = lm.flatBigrams();
  const indexes = new Int32Array(n);
  for (let k = 0; k < n; k++) indexes[k] = indexOfUnit[list[k][1].charCodeAt(0)];
  const order = byIndex(indexes);
  const t: BoundTable = {
    lm,
    index: new Int32Array(n),
    position: new Int32Array(n),
    byte: new Int32Array(n),
    chars: new Array<string>(n),
    into: new Float64Array(n),
    outOf: new Float64Array(n),
    unigram: new Float64Array(n),
    bestUnlisted: -Infinity,
    bestUnigram: -Infinity,
    known: new Map(),
    generation,
  };
  const { index, position, byte, chars, into, outOf, unigram } = t;
  let bestUnlisted = -Infinity;
  let bestUnigram = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = order[i];
    const option = list[k];
    const x = indexes[k];
    index[i] = x;
    position[i] = k;
    byte[i] = option[0];
    chars[i] = option[1];
    into[i] = before[x + 1];
    outOf[i] = after[x + 1];
    unigram[i] = x === UNKNOWN ? floor : -unigramQ[x] / 10;
    bestUnlisted = Math.max(bestUnlisted, unigram[i] + outOf[i]);
    bestUnigram = Math.max(bestUnigram, unigram[i]);
  }
  t.bestUnlisted = bestUnlisted;
  t.bestUnigram = bestUnigram;
  tables.set(options, t);
  return t;
}

/** Positions a list holds at most for keys of ORDER_SPAN (a lead's or a trail's characters are under 256); a longer list's span is the next power of two. */
const ORDER_SPAN = 1024;

/**
 * The positions 0 … n − 1 in ascending order of `indexes`, positions in order within one index:
 * the keys (index + 1) · span + position sorted as numbers, with no comparator to call (in
 * the first analysis of a longer text, before the compiler has reached it, the comparator sort
 * of a thousand lists was about a third of the time these tables took). The keys are integers
 * far below 2^53, so exact.
 */
function byIndex(indexes: Int32Array): Float64Array {
  const n = indexes.length;
  let span = ORDER_SPAN;
  while (span < n) span *= 2;
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = (indexes[k] + 1) * span + k;
  keys.sort();
  for (let i = 0; i < n; i++) keys[i] %= span;
  return keys;
}

/**
 * Sums here are rounded in another order than the bounds they are checked against: a bound
 * that falls short of the floor by less than this is not trusted to rule the options out.
 */
const ROUNDING = 1e-6;

/**
 * Answers kept over every list, at most: past it every list's are let go at once (a new
 * generation), so that a long session of many texts keeps no more than this.
 */
const KEPT_CONTEXTS = 1 << 16;
let generation = 0;
let kept = 0;

/**
 * Whether some option guessBetween weighs scores at least `floor` between `before` and `after`
 * (bigramOfIndexes(before, ch) + bigramOfIndexes(ch, after), the same sums). The search asks this
 * before a guess whose result matters only when it scores that much (silentRuns.ts). Each answer
 * is kept for its list and context: a score an option was found to reach answers every floor up
 * to it, and a floor no option reached every floor above it. The same contexts recur, in a text
 * (names and phrases written again) and above all in a window read again after a keystroke
 * elsewhere in it, where every call is asked again with the same floor.
 */
export function reaches(options: Options, before: string, after: string, lm: CharLanguageModel, floor: number): boolean {
  const fromBefore = lm.bestAfter(before.charCodeAt(0));
  const intoAfter = lm.bestBefore(after.charCodeAt(0));
  if (fromBefore + intoAfter < floor) return false;
  const t = tableOf(options, lm);
  const known = knownOf(t, before.charCodeAt(0), after.charCodeAt(0));
  // A guess made here has weighed every option: its score is the best there is.
  if (known.guess !== undefined) return floor <= known.reached;
  if (floor <= known.reached) return true;
  if (floor >= known.unreached) return false;
  const score = firstReaching(t, before, after, lm, floor, intoAfter);
  if (score >= floor) known.reached = Math.max(known.reached, score);
  else known.unreached = Math.min(known.unreached, floor);
  return score >= floor;
}

/** What earlier calls learnt of the context `b`, `a` (code units) in the list of `t` (a new entry, nothing known, when none did). */
function knownOf(t: BoundTable, b: number, a: number): Known {
  if (t.generation !== generation) {
    t.known.clear();
    t.generation = generation;
  }
  let row = t.known.get(b);
  let known = row?.get(a);
  if (!known) {
    if (++kept > KEPT_CONTEXTS) {
      generation++;
      kept = 1;
      t.known.clear();
      t.generation = generation;
      row = undefined;
    }
    if (!row) t.known.set(b, (row = new Map()));
    known = { reached: -Infinity, unreached: Infinity };
    row.set(a, known);
  }
  return known;
}

/**
 * The best-scoring option between `before` and `after`, scored bigram(before, ch) +
 * bigram(ch, after), with its margin over the next best: the same guess, byte and margin as
 * silentGuesses.ts guess() over the options weighable there (the first of them in its order
 * where two score the same), from the table of the list. The options are walked by model index,
 * so the bigram into each is found in the row of `before` from where the last one was, and an
 * option whose bounds (the bigram into it, found or bounded, plus the model's best out of it and
 * into `after`) cannot change the best or the second best is not looked up further. The guess is
 * kept with the context's other answers (reaches()), so that a context met again, as in a window
 * read again after a keystroke, costs a map look-up.
 */
export function guessBetween(options: Options, before: string, after: string, lm: CharLanguageModel): Guess | undefined {
  const t = tableOf(options, lm);
  // Contexts of one code unit each are kept (the search's are), by the key reaches() uses.
  const single = before.length === 1 && after.length === 1;
  const known = single ? knownOf(t, before.charCodeAt(0), after.charCodeAt(0)) : undefined;
  if (known?.guess !== undefined) return known.guess ? { ...known.guess } : undefined;
  const { index, position, outOf, unigram, into } = t;
  const b = indexOfChar(before, lm);
  const a = indexOfChar(after, lm);
  const fromBefore = lm.bestAfter(before.codePointAt(0) ?? NaN);
  const intoAfter = lm.bestBefore(after.codePointAt(0) ?? NaN);
  const backoff = lm.backoffOfIndex(b);
  const { rowStart, nextIndex, bigramQ, lnPOfQ } = lm.bigramRows();
  let m = b < 0 ? 0 : rowStart[b];
  const end = b < 0 ? 0 : rowStart[b + 1];
  let best = -1;
  let bestScore = -Infinity;
  let second = -Infinity;
  for (let i = 0; i < index.length; i++) {
    // Passed over when even the model's bounds cannot change the best or the second best (a
    // score equal to the second best changes nothing when the best is above it; one equal to
    // the best may be the first of them in the list's order).
    const most = Math.min(fromBefore, into[i]) + Math.min(outOf[i], intoAfter);
    if (most < second || (most <= second && second < bestScore)) continue;
    const x = index[i];
    // The first bigram of the row at or after x, by a search from where the last option left it.
    if (m < end && nextIndex[m] < x) {
      let lo = m + 1;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (nextIndex[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      m = lo;
    }
    const left = m < end && nextIndex[m] === x ? lnPOfQ[bigramQ[m]] : backoff + unigram[i];
    const bound = left + Math.min(outOf[i], intoAfter);
    if (bound < second || (bound <= second && second < bestScore)) continue;
    const s = left + lm.bigramOfIndexes(x, a);
    if (s > bestScore || (s === bestScore && position[i] < position[best])) {
      second = bestScore;
      bestScore = s;
      best = i;
    } else if (s > second) second = s;
  }
  const guess = best < 0 ? undefined : { ch: t.chars[best], byte: t.byte[best], margin: bestScore - second };
  if (known) {
    known.guess = guess ? { ...guess } : null;
    known.reached = bestScore;
  }
  return guess;
}

/** The model's index of a character given as a string, as its bigram() reads it. */
function indexOfChar(c: string, lm: CharLanguageModel): number {
  return c.length === 0 ? -1 : lm.indexOfCodePoint(c.codePointAt(0)!);
}

/**
 * Whether some option guessBetween weighs scores at least `floor` between `before` and `after`
 * (bigramOfIndexes(before, ch) + bigramOfIndexes(ch, after), the same sums), in one merge pass:
 * the options, by model index, walked together with the bigrams the model lists after `before`
 * (ascending too), so that the bigram into each option is read off the row instead of searched
 * for. An option the row does not list scores the row's backoff plus its unigram, and when no
 * such option can reach the floor (the bound of the table), only the listed ones are looked at.
 * The bigram out of an option is looked up only when the one into it leaves the floor in reach;
 * the first option found ends it, and its score is returned (−Infinity when none reaches).
 * `intoAfter` is the model's best bigram into `after`, which reaches() has looked up already.
 */
function firstReaching(t: BoundTable, before: string, after: string, lm: CharLanguageModel, floor: number, intoAfter: number): number {
  const { index, outOf, unigram, bestUnlisted, bestUnigram } = t;
  const b = lm.indexOfCodePoint(before.charCodeAt(0));
  const a = lm.indexOfCodePoint(after.charCodeAt(0));
  const backoff = lm.backoffOfIndex(b);
  // Whether an option the row does not list may reach the floor at all.
  const unlisted = Math.min(backoff + bestUnlisted, backoff + bestUnigram + intoAfter) >= floor - ROUNDING;
  const { rowStart, nextIndex, bigramQ, lnPOfQ } = lm.bigramRows();
  let m = b < 0 ? 0 : rowStart[b];
  const end = b < 0 ? 0 : rowStart[b + 1];
  for (let i = 0; i < index.length; i++) {
    const x = index[i];
    while (m < end && nextIndex[m] < x) m++;
    let left: number;
    if (m < end && nextIndex[m] === x) left = lnPOfQ[bigramQ[m]];
    else if (unlisted) left = backoff + unigram[i];
    else if (m >= end) return -Infinity;
    else continue;
    if (left + Math.min(outOf[i], intoAfter) < floor) continue;
    const score = left + lm.bigramOfIndexes(x, a);
    if (score >= floor) return score;
  }
  return -Infinity;
}
