import type { Candidate } from './silentGuesses';
import type { NearMiss } from './nearWords';
import { searchProbe, type RateTuning } from './probes';

/**
 * A document's own rate of misaligned runs as the channel's prior. The bars a run shown as one
 * character (a lone trail, `很y防守`; a lone `?`, `戰區?任`) must pass were set so that clean text,
 * which shows no run at all, stays untouched: they price a lost byte at the rate of a text with no
 * sign of the channel. A text in which runs were already found with confidence (a first pass at
 * those bars) shows the channel at work, and losses recur where it does (documents lose one or two
 * bytes a paragraph): the prior odds of a lost byte at any one place are its rate there. So a second
 * pass weighs the lone runs again, and the short runs of the near-gate band the words turned down
 * (nearWords.ts), with the bars lowered by ln(rate / baseRate) (at most maxBonus), the rate being
 * the confident runs per 1,000 characters. Clean text has no confident run: its bars
 * do not move, and it is not searched again.
 */

/** What a run must gain (nats, the channel's price included) to count as the channel at work. */
export const CONFIDENT_GAIN = 20;
/** The fewest confident runs that make a rate (one alone may be the text's own oddity). */
const MIN_CONFIDENT = 2;
/**
 * `baseRate`: confident runs per 1,000 characters at which the bars stand as calibrated on clean
 * text; `maxBonus`: the most the bars are lowered (nats). Chosen on the tuning part
 * (scripts/eval-repair/misaligned-doc-rate.mjs sweeps them through the probe's `rateTuning`;
 * docs/repair-eval.md).
 */
export const RATE_TUNING: RateTuning = Object.freeze({ baseRate: 1, maxBonus: 4 });

/** The settings in force: RATE_TUNING, or those a measuring script tries (probes.ts). */
export const rateTuning = (): RateTuning => searchProbe().rateTuning ?? RATE_TUNING;

/**
 * The runs of the near-gate band the words turned down (nearWords.ts) that a `bonus` lowers the
 * bar enough for, with the words' nats and the bonus as evidence for the final check.
 */
export function nearAgain(missed: readonly NearMiss[], bonus: number): Candidate[] {
  return missed.filter((m) => m.short <= bonus).map((m) => ({ ...m.c, evidence: (m.c.evidence ?? 0) + Math.max(0, m.words) + bonus }));
}

/** Nats the lone runs' bars are lowered by in a text of `length` with runs of `gains`. */
export function documentBonus(length: number, gains: Iterable<number>): number {
  let confident = 0;
  for (const g of gains) if (g >= CONFIDENT_GAIN) confident++;
  const { baseRate, maxBonus } = rateTuning();
  const bonus = confident < MIN_CONFIDENT ? 0 : Math.min(maxBonus, Math.max(0, Math.log((1000 * confident) / length / baseRate)));
  searchProbe().rate?.(confident, length, bonus);
  return bonus;
}
