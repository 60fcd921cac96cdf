import type { CharLanguageModel } from '../../model/charLanguageModel';

/**
 * What the document itself writes, as evidence for a lost character: a guess that makes, with its
 * known neighbour, a pair of characters written elsewhere near the run is what a cache language
 * model prefers: names, terms and turns of phrase recur within an article where the general model knows them least.
 * Only pairs of Chinese characters and punctuation count, outside the run's own span (its text
 * is garbled, and its own pairs are no evidence for it).
 *
 * The pairs are indexed once per text, not gathered again for every run: the text is cut into
 * blocks of BLOCK pair positions, each indexed when a run first asks about it (where each pair
 * it writes first and last starts), so a run's window is answered from the blocks it covers and
 * a text with many runs (GBK mojibake read as misaligned runs) reads each block once.
 */

/** Characters each side of a run whose pairs count as the document's own. */
const PAIR_WINDOW = 2000;
/**
 * ln-probability added to a bigram the document writes near the run (calibrated on the repair
 * evaluation's tuning part, scripts/calibrate-run-guesses.mjs: docs/repair-eval.md).
 */
export const DOCUMENT_PAIR = 6;

/** Pair positions per indexed block of a text. */
const BLOCK = 512;

/** Han, CJK punctuation and fullwidth forms: the characters whose pairs are counted. */
function counted(cu: number): boolean {
  return (cu >= 0x3000 && cu <= 0x303f) || (cu >= 0x3400 && cu <= 0x9fff) || (cu >= 0xff01 && cu <= 0xff5e);
}

/** A pair of UTF-16 units as a number (no string is made per pair). */
function keyOf(a: number, b: number): number {
  return a * 0x10000 + b;
}

/** One block's pairs: where each first and last starts. */
interface Block {
  first: Map<number, number>;
  last: Map<number, number>;
}

/** The counted pairs of one text, by block, each block indexed when first asked about. */
class PairIndex {
  private readonly blocks: (Block | undefined)[] = [];

  constructor(readonly v: string) {}

  private block(b: number): Block {
    let blk = this.blocks[b];
    if (blk) return blk;
    blk = { first: new Map(), last: new Map() };
    const v = this.v;
    const z = Math.min(v.length - 1, (b + 1) * BLOCK);
    let prev = b * BLOCK < z ? v.charCodeAt(b * BLOCK) : 0;
    for (let k = b * BLOCK; k < z; k++) {
      const next = v.charCodeAt(k + 1);
      if (counted(prev) && counted(next)) {
        const key = keyOf(prev, next);
        if (!blk.first.has(key)) blk.first.set(key, k);
        blk.last.set(key, k);
      }
      prev = next;
    }
    this.blocks[b] = blk;
    return blk;
  }

  /** Whether the pair `key` starts at a position in [lo, hi]. */
  within(key: number, lo: number, hi: number): boolean {
    for (let b = Math.floor(lo / BLOCK); b * BLOCK <= hi; b++) {
      const blk = this.block(b);
      const first = blk.first.get(key);
      if (first === undefined) continue;
      const last = blk.last.get(key)!;
      const from = Math.max(lo, first);
      const to = Math.min(hi, last);
      if (from > to) continue;
      if (first >= lo || last <= hi) return true;
      // Both ends of the window inside the block, the pair written there on both sides of it.
      for (let k = from; k <= to; k++) if (keyOf(this.v.charCodeAt(k), this.v.charCodeAt(k + 1)) === key) return true;
    }
    return false;
  }
}

let lastIndex: PairIndex | undefined;

/** The pair index of `v`, kept for the text last asked about. */
function pairIndex(v: string): PairIndex {
  if (lastIndex?.v !== v) lastIndex = new PairIndex(v);
  return lastIndex;
}

/** The counted pairs written within PAIR_WINDOW of a run, outside it. */
export class DocumentPairs {
  private readonly ranges: [number, number][];

  constructor(private readonly index: PairIndex, start: number, end: number) {
    const n = index.v.length;
    // Pair positions k (units k and k + 1) wholly before the run, and wholly after it.
    this.ranges = [
      [Math.max(0, start - PAIR_WINDOW), Math.min(n, start) - 2],
      [end, Math.min(n, end + PAIR_WINDOW) - 2],
    ].filter(([lo, hi]) => lo <= hi) as [number, number][];
  }

  /** Whether `a` then `b` (one unit each) is a pair of the set. */
  hasPair(a: string, b: string): boolean {
    if (a.length !== 1 || b.length !== 1) return false;
    const key = keyOf(a.charCodeAt(0), b.charCodeAt(0));
    return this.ranges.some(([lo, hi]) => this.index.within(key, lo, hi));
  }

  /** Whether the two units of `pair` are a pair of the set. */
  has(pair: string): boolean {
    return pair.length === 2 && this.hasPair(pair[0], pair[1]);
  }
}

/** The pairs of counted characters written in `v` within PAIR_WINDOW of [start, end), outside it. */
export function documentPairs(v: string, start: number, end: number): DocumentPairs {
  return new DocumentPairs(pairIndex(v), start, end);
}

/** `lm` with DOCUMENT_PAIR added to every bigram in `pairs`. */
export function withDocumentPairs(lm: CharLanguageModel, pairs: DocumentPairs, bonus = DOCUMENT_PAIR): CharLanguageModel {
  if (bonus === 0) return lm;
  const model: CharLanguageModel = Object.create(lm);
  model.bigram = (a: string, b: string) => lm.bigram(a, b) + (pairs.hasPair(a, b) ? bonus : 0);
  return model;
}
