import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { weighLost, type Candidate } from './silentGuesses';

// How the search back from a silent run's end (runScan.ts, RunScan.bestRun) ranks the starts it
// reads: the bars a start's gain must clear, and the comparison of two starts by the channel's
// likelihood of the lost lead.

/** Minimum improvement of the character model's score over the text as shown (nats)… */
export const MIN_GAIN = 10;
/** …and per character shown. `hopeless`: a start whose gain at most fails either, or beats no better start found. */
export const MIN_GAIN_PER_CHAR = 2;
export const hopeless = (most: number, prior: number, minGain: number, chars: number, best: Candidate | undefined, spread: number): boolean => most + prior < minGain || most / chars < MIN_GAIN_PER_CHAR || (best !== undefined && most + prior + spread <= best.gain);
/**
 * The starts of one end are compared by the channel's likelihood of each: the lost lead's every
 * option summed (ln Σ P over the characters it could make with the trail shown), not its best
 * option alone; the gain a run is kept at stays the best option's. A start's sum exceeds its best
 * by at most ln of its options' count (`spread`, what the search back's bound adds). The sum is
 * worked out only where two starts meet (`key` below).
 */
export const startKey = (gain: number, logSum: number | undefined, firstScore: number): number => gain + Math.max(0, (logSum ?? firstScore) - firstScore);
/**
 * A start as the comparison sees it: its key is at least its gain (`lo`) and, where the lost lead's
 * guess is its best option (every start but a lone character whose two ends are guessed together),
 * at most its gain plus its `spread` (`hi`), BOUND_SLACK added for the sum's rounding. Two starts
 * whose bounds do not overlap are compared without either sum (most of them, on long garbled text).
 */
export interface Ranked {
  lo: number;
  hi: number;
  key: () => number;
}
/** Whether `a`'s key is at most `b`'s: exactly `a.key() <= b.key()`, from the bounds where they settle it. */
export const notAbove = (a: Ranked, b: Ranked): boolean => (a.hi <= b.lo ? true : a.lo > b.hi ? false : a.key() <= b.key());

/** ln Σ P of a lost lead's options, the sum startKey weighs a start by. */
export class LostLeadSums {
  /** Per start of two characters shown or more: the sum (null for none), the same for every end it is weighed at. */
  private readonly perStart = new Map<number, number | null>();

  constructor(
    private readonly table: DbcsTable,
    private readonly lm: CharLanguageModel,
  ) {}

  /**
   * The sum for the start at `first` of two characters shown or more (lead `lead0`) between `prev`
   * and the pair read again after it (`afterFirst`): worked out once per start.
   */
  at(first: number, lead0: number, prev: string, afterFirst: string): number | undefined {
    let s = this.perStart.get(first);
    if (s === undefined) {
      s = this.of(lead0, prev, afterFirst) ?? null;
      this.perStart.set(first, s);
    }
    return s ?? undefined;
  }

  /** The sum of the lost lead's options (lead `lead0`) between `prev` and `afterFirst`, worked out. */
  of(lead0: number, prev: string, afterFirst: string): number | undefined {
    const { lm } = this;
    return weighLost(this.table.leadsOf(lead0), (ch) => lm.bigram(prev, ch) + lm.bigram(ch, afterFirst), lm)?.logSum;
  }
}
