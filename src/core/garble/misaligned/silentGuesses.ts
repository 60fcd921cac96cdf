import type { CharLanguageModel } from '../../model/charLanguageModel';
import { isHan } from '../../text/chars';
import { MAX_RANK } from './searchTuning';

/**
 * The bytes a misaligned run lost without a mark, read back with the character model: the lead of
 * its first character (and of its last, when a second lead was lost), or the trail of its last.
 * Each guess is one character among the few the known byte allows, with its margin over the next
 * best: a guess is kept only when the model clearly prefers it (silentRuns.ts).
 */
export interface SilentRun {
  start: number;
  end: number;
  out: string;
  lossy: boolean;
  plan: string[];
  confidence: number;
}

/** A run found, before the runs are chosen: its gain over the text as shown, net of `prior`. */
export interface Candidate {
  run: SilentRun;
  /** The characters read, guesses included, as the model weighed them. */
  reading: string;
  gain: number;
  /** ln P of the channel events beyond the one lost lead. */
  prior: number;
}

export interface Guess {
  ch: string;
  /** The guessed byte (a lead or a trail). */
  byte: number;
  margin: number;
}

/** The best-scoring ordinary character among `options` ([byte, char]), and its margin over the next. */
export function guess(options: ReadonlyArray<readonly [number, string]>, score: (ch: string) => number, lm: CharLanguageModel): Guess | undefined {
  let best: Guess | undefined;
  let bestScore = -Infinity;
  let second = -Infinity;
  for (const [b, ch] of options) {
    if (ch === '\u3000' || !ordinary(ch, lm)) continue;
    const s = score(ch);
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = { ch, byte: b, margin: 0 };
    } else if (s > second) second = s;
  }
  if (best) best.margin = bestScore - second;
  return best;
}

/** Options of each side kept for the joint choice, best first by their outer neighbour. */
const PAIR_OPTIONS = 40;

/**
 * Two neighbouring characters both guessed (a run of one character shown, whose lead and trail
 * were both lost), chosen together: each with its margin over the best pair that has another
 * character in its place.
 */
export function guessPair(firsts: ReadonlyArray<readonly [number, string]>, lasts: ReadonlyArray<readonly [number, string]>, prev: string, next: string | undefined, lm: CharLanguageModel): [Guess, Guess] | undefined {
  const top = (options: ReadonlyArray<readonly [number, string]>, outer: (ch: string) => number) =>
    options
      .filter(([, ch]) => ch !== '\u3000' && ordinary(ch, lm))
      .map(([b, ch]) => ({ b, ch, s: outer(ch) }))
      .sort((x, y) => y.s - x.s)
      .slice(0, PAIR_OPTIONS);
  const a = top(firsts, (ch) => (prev ? lm.bigram(prev, ch) : 0));
  const z = top(lasts, (ch) => lm.bigram(ch, next ?? '\n'));
  if (!a.length || !z.length) return undefined;
  let best = { i: -1, j: -1, s: -Infinity };
  const scores: number[][] = a.map((x, i) =>
    z.map((y, j) => {
      const s = x.s + lm.bigram(x.ch, y.ch) + y.s;
      if (s > best.s) best = { i, j, s };
      return s;
    }),
  );
  let otherFirst = -Infinity;
  let otherLast = -Infinity;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < z.length; j++) {
      if (i !== best.i) otherFirst = Math.max(otherFirst, scores[i][j]);
      if (j !== best.j) otherLast = Math.max(otherLast, scores[i][j]);
    }
  }
  return [
    { ch: a[best.i].ch, byte: a[best.i].b, margin: best.s - otherFirst },
    { ch: z[best.j].ch, byte: z[best.j].b, margin: best.s - otherLast },
  ];
}

/** What a repair may produce: common Han, CJK punctuation and symbols — not rare characters. */
export function ordinary(ch: string, lm: CharLanguageModel): boolean {
  const cp = ch.codePointAt(0)!;
  if (isHan(cp)) return lm.rank(ch) <= MAX_RANK;
  // Fullwidth letters and digits come out of bytes paired wrongly, not out of a repair.
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return false;
  return true;
}
