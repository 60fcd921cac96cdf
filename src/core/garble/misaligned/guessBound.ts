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
  const list = weighableOf(options, lm);
  const t: BoundTable = { lm, index: new Int32Array(list.length), into: new Float64Array(list.length), outOf: new Float64Array(list.length) };
  list.forEach(([, ch], i) => {
    const cp = ch.charCodeAt(0);
    t.index[i] = lm.indexOfCodePoint(cp);
    t.into[i] = lm.bestBefore(cp);
    t.outOf[i] = lm.bestAfter(cp);
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
    const toAfter = Math.min(outOf[i], intoAfter);
    if (Math.min(fromBefore, into[i]) + toAfter < floor) continue;
    const left = lm.bigramOfIndexes(b, index[i]);
    if (left + toAfter < floor) continue;
    if (left + lm.bigramOfIndexes(index[i], a) >= floor) return true;
  }
  return false;
}
