import type { CharLanguageModel } from '../../model/charLanguageModel';

/**
 * What the document itself writes, as evidence for a lost character: a guess that makes, with its
 * known neighbour, a pair of characters written elsewhere near the run is what a cache language
 * model prefers: names, terms and turns of phrase recur within an article where the general model knows them least.
 * Only pairs of Chinese characters and punctuation count, outside the run's own span (its text
 * is garbled, and its own pairs are no evidence for it).
 */

/** Characters each side of a run whose pairs count as the document's own. */
const PAIR_WINDOW = 2000;
/**
 * ln-probability added to a bigram the document writes near the run (calibrated on the repair
 * evaluation's tuning part, scripts/calibrate-run-guesses.mjs: docs/repair-eval.md).
 */
export const DOCUMENT_PAIR = 6;

/** Han, CJK punctuation and fullwidth forms: the characters whose pairs are counted. */
function counted(cu: number): boolean {
  return (cu >= 0x3000 && cu <= 0x303f) || (cu >= 0x3400 && cu <= 0x9fff) || (cu >= 0xff01 && cu <= 0xff5e);
}

/** A set of pairs of UTF-16 units, kept as numbers (no string is made per pair). */
export class DocumentPairs {
  private readonly keys = new Set<number>();

  get size(): number {
    return this.keys.size;
  }

  addAt(v: string, k: number): void {
    this.keys.add(v.charCodeAt(k) * 0x10000 + v.charCodeAt(k + 1));
  }

  /** Whether `a` then `b` (one unit each) is a pair of the set. */
  hasPair(a: string, b: string): boolean {
    return a.length === 1 && b.length === 1 && this.keys.has(a.charCodeAt(0) * 0x10000 + b.charCodeAt(0));
  }

  /** Whether the two units of `pair` are a pair of the set. */
  has(pair: string): boolean {
    return pair.length === 2 && this.hasPair(pair[0], pair[1]);
  }
}

/** The pairs of counted characters written in `v` within PAIR_WINDOW of [start, end), outside it. */
export function documentPairs(v: string, start: number, end: number): DocumentPairs {
  const pairs = new DocumentPairs();
  const add = (a: number, z: number) => {
    for (let k = Math.max(0, a); k + 1 < Math.min(v.length, z); k++) {
      if (counted(v.charCodeAt(k)) && counted(v.charCodeAt(k + 1))) pairs.addAt(v, k);
    }
  };
  add(start - PAIR_WINDOW, start);
  add(end, end + PAIR_WINDOW);
  return pairs;
}

/** `lm` with DOCUMENT_PAIR added to every bigram in `pairs`. */
export function withDocumentPairs(lm: CharLanguageModel, pairs: DocumentPairs, bonus = DOCUMENT_PAIR): CharLanguageModel {
  if (pairs.size === 0 || bonus === 0) return lm;
  const model: CharLanguageModel = Object.create(lm);
  model.bigram = (a: string, b: string) => lm.bigram(a, b) + (pairs.hasPair(a, b) ? bonus : 0);
  return model;
}
