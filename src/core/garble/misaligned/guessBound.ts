import type { CharLanguageModel } from '../../model/charLanguageModel';
import { weighableOf } from './silentGuesses';

type Options = ReadonlyArray<readonly [number, string]>;

/** A list of options as reaches() reads it: per option its model index and the model's bounds. */
interface BoundTable {
  lm: CharLanguageModel;
  index: Int32Array;
  /** bestBefore of the option: the most any bigram into it scores. */
  into: Float64Array;
  /** bestAfter of the option: the most any bigram out of it scores. */
  outOf: Float64Array;
}

/** Per list of the tables (the lists are shared and never change), worked out on first use. */
const tables = new WeakMap<Options, BoundTable>();

function tableOf(options: Options, lm: CharLanguageModel): BoundTable {
  const known = tables.get(options);
  if (known && known.lm === lm) return known;
  // Best bounds first (reaches() answers whether any option scores enough, in whatever order it
  // looks), so that the options left once one's bounds fall short are all skipped at once.
  const list = weighableOf(options, lm)
    .map(([, ch]) => ch.charCodeAt(0))
    .map((cp) => ({ cp, into: lm.bestBefore(cp), outOf: lm.bestAfter(cp) }))
    .sort((x, y) => y.into + y.outOf - (x.into + x.outOf));
  const t: BoundTable = { lm, index: new Int32Array(list.length), into: new Float64Array(list.length), outOf: new Float64Array(list.length) };
  list.forEach(({ cp, into, outOf }, i) => {
    t.index[i] = lm.indexOfCodePoint(cp);
    t.into[i] = into;
    t.outOf[i] = outOf;
  });
  tables.set(options, t);
  return t;
}

/**
 * Whether some option guessBetween weighs scores at least `floor` between `before` and `after`
 * (bigram(before, ch) + bigram(ch, after), the same sums): the model's bounds first, the bigrams
 * only for the options they leave, and the first option found ends it. The search asks this
 * before a guess whose result matters only when it scores that much (silentRuns.ts).
 */
export function reaches(options: Options, before: string, after: string, lm: CharLanguageModel, floor: number): boolean {
  const fromBefore = lm.bestAfter(before.charCodeAt(0));
  const intoAfter = lm.bestBefore(after.charCodeAt(0));
  if (fromBefore + intoAfter < floor) return false;
  const { index, into, outOf } = tableOf(options, lm);
  const b = lm.indexOfCodePoint(before.charCodeAt(0));
  const a = lm.indexOfCodePoint(after.charCodeAt(0));
  for (let i = 0; i < index.length; i++) {
    // No option from here on has bounds that reach the floor (the table is sorted by them).
    if (into[i] + outOf[i] < floor) return false;
    const toAfter = Math.min(outOf[i], intoAfter);
    if (Math.min(fromBefore, into[i]) + toAfter < floor) continue;
    const left = lm.bigramOfIndexes(b, index[i]);
    if (left + toAfter < floor) continue;
    if (left + lm.bigramOfIndexes(index[i], a) >= floor) return true;
  }
  return false;
}
