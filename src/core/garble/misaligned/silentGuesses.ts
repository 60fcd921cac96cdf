import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { isHan } from '../../text/chars';
import { guessPrior } from '../mojibake/guessPrior';
import { documentPairs, withDocumentPairs } from './documentPairs';
import { MAX_RANK } from './searchTuning';
import { CLASSICAL_FIRST_AGREED, CLASSICAL_FIRST_DISPUTED, fitWithout, lineModel, wordOpinion, type LineModel, type RunSpans } from './wordGuesses';
import { logSumExp } from '../../model/logSumExp';
import { echoEnds, echoLone } from './endEchoes';

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
  /** Told, once the run is kept, the spans of the runs kept with it (chooseRuns.ts), which its guesses' line fit leaves out. */
  keptAmong?(spans: RunSpans): void;
}

/** A run found, before the runs are chosen: its gain over the text as shown, net of `prior`. */
export interface Candidate {
  run: SilentRun;
  /** The characters read, guesses included, as the model weighed them. */
  reading: string;
  gain: number;
  /** ln P of the channel events beyond the one lost lead. */
  prior: number;
  /** Nats of evidence from a model the final check does not read (the word model: loneWords.ts). */
  evidence?: number;
  /** No bigram of the run reads as garbage (one or two characters shown before its trace): weighed with the words whatever it gains (nearWords.ts). */
  unsigned?: boolean;
}

export interface Guess {
  ch: string;
  /** The guessed byte (a lead or a trail). */
  byte: number;
  margin: number;
}

type Options = ReadonlyArray<readonly [number, string]>;

/** The options every guess weighs (ordinary characters, no ideographic space), per list of the tables. */
const weighable = new WeakMap<Options, { lm: CharLanguageModel; list: Options }>();

export function weighableOf(options: Options, lm: CharLanguageModel): Options {
  const known = weighable.get(options);
  if (known && known.lm === lm) return known.list;
  const list = options.filter((o) => o[1] !== '\u3000' && ordinary(o[1], lm));
  weighable.set(options, { lm, list });
  return list;
}

/** The best-scoring ordinary character among `options` ([byte, char]), and its margin over the next. */
export function guess(options: Options, score: (ch: string) => number, lm: CharLanguageModel): Guess | undefined {
  const top = new BestTwo();
  for (const [b, ch] of weighableOf(options, lm)) top.offer(ch, b, score(ch));
  return top.result();
}

/**
 * A character lost where only its neighbours are known, weighed as the channel made it: every
 * option the bytes allow summed (ln Σ exp score, the likelihood that some character was lost
 * there), and the best of them with its margin, which is written only when clear.
 */
export function weighLost(options: Options, score: (ch: string) => number, lm: CharLanguageModel): { logSum: number; best: Guess } | undefined {
  const list = weighableOf(options, lm);
  if (list.length === 0) return undefined;
  const scores = list.map(([, ch]) => score(ch));
  const best = new BestTwo();
  for (let k = 0; k < list.length; k++) best.offer(list[k][1], list[k][0], scores[k]);
  return { logSum: logSumExp(scores), best: best.result()! };
}

/**
 * guess() scored `bigrams(ch) + wordWeight * words(ch)`, and whether the two parts agree: the
 * option chosen is the best by the bigrams alone and by the word model alone too.
 */
export function guessAgreed(options: Options, bigrams: (ch: string) => number, words: (ch: string) => number, wordWeight: number, lm: CharLanguageModel): (Guess & { agreed: boolean }) | undefined {
  const top = new BestTwo();
  const byBigrams = new BestTwo();
  const byWords = new BestTwo();
  for (const [b, ch] of weighableOf(options, lm)) {
    const [x, y] = [bigrams(ch), words(ch)];
    top.offer(ch, b, x + wordWeight * y);
    byBigrams.offer(ch, b, x);
    byWords.offer(ch, b, y);
  }
  const g = top.result();
  if (!g) return undefined;
  const [x, y] = [byBigrams.result()!, byWords.result()!];
  return { ...g, agreed: x.ch === g.ch && x.margin > 0 && y.ch === g.ch && y.margin > 0 };
}

/** The best of the options scored so far, the best score and the second best. */
class BestTwo {
  private best: Guess | undefined;
  private bestScore = -Infinity;
  second = -Infinity;

  offer(ch: string, byte: number, s: number): void {
    if (s > this.bestScore) {
      this.second = this.bestScore;
      this.bestScore = s;
      this.best = { ch, byte, margin: 0 };
    } else if (s > this.second) this.second = s;
  }

  /** The best, with its margin over the second. */
  result(): Guess | undefined {
    if (this.best) this.best.margin = this.bestScore - this.second;
    return this.best;
  }
}

/**
 * guess() for a character between two known ones, scored bigram(before, ch) + bigram(ch, after),
 * with the same result: an option whose best possible score (the model's row and column maxima)
 * cannot beat the second best so far is not looked up.
 */
export function guessBetween(options: Options, before: string, after: string, lm: CharLanguageModel): Guess | undefined {
  const top = new BestTwo();
  const fromBefore = lm.bestAfter(before.charCodeAt(0));
  const intoAfter = lm.bestBefore(after.charCodeAt(0));
  for (const [b, ch] of weighableOf(options, lm)) {
    const cp = ch.charCodeAt(0);
    const most = Math.min(fromBefore, lm.bestBefore(cp)) + Math.min(lm.bestAfter(cp), intoAfter);
    if (most <= top.second) continue;
    const left = lm.bigram(before, ch);
    if (left + Math.min(lm.bestAfter(cp), intoAfter) <= top.second) continue;
    top.offer(ch, b, left + lm.bigram(ch, after));
  }
  return top.result();
}

/** Options of each side kept for the joint choice, best first by their outer neighbour. */
const PAIR_OPTIONS = 40;

/**
 * Two neighbouring characters both guessed (a run of one character shown, whose lead and trail
 * were both lost), chosen together: each with its margin over the best pair that has another
 * character in its place.
 * `model` is the one the options are filtered with (`lm` may be it with a prior on top); `joint`,
 * when given, adds a score of the two together (the word model's opinion).
 */
export function guessPair(
  firsts: ReadonlyArray<readonly [number, string]>,
  lasts: ReadonlyArray<readonly [number, string]>,
  prev: string,
  next: string | undefined,
  lm: CharLanguageModel,
  model = lm,
  joint?: (pair: string) => number,
): [Guess, Guess] | undefined {
  const top = (options: ReadonlyArray<readonly [number, string]>, outer: (ch: string) => number) =>
    weighableOf(options, model)
      .map(([b, ch]) => ({ b, ch, s: outer(ch) }))
      .sort((x, y) => y.s - x.s)
      .slice(0, PAIR_OPTIONS);
  const a = top(firsts, (ch) => (prev ? lm.bigram(prev, ch) : 0));
  const z = top(lasts, (ch) => lm.bigram(ch, next ?? '\n'));
  if (!a.length || !z.length) return undefined;
  let best = { i: -1, j: -1, s: -Infinity };
  const scores: number[][] = a.map((x, i) =>
    z.map((y, j) => {
      const s = x.s + lm.bigram(x.ch, y.ch) + y.s + (joint ? joint(x.ch + y.ch) : 0);
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

/** Characters on each side of a run, on its line, that tell its script and its open brackets. */
const CONTEXT_CHARS = 120;

/** The text around a run on its line (up to CONTEXT_CHARS each side), with the run's own reading between. */
function runContext(v: string, start: number, end: number, g: EndGuesses): string {
  let a = start;
  while (a > 0 && start - a < CONTEXT_CHARS && v[a - 1] !== '\n') a--;
  let z = end;
  while (z < v.length && z - end < CONTEXT_CHARS && v[z] !== '\n') z++;
  return v.slice(a, start) + g.first.ch + g.middle.join('') + (g.lastKnown ?? g.last?.ch ?? '') + v.slice(end, z);
}

/** A run's guessed first and last characters: the options each was chosen from, and its neighbours. */
export interface EndGuesses {
  first: Guess;
  firstOptions: Options;
  prev: string;
  /** The character after the first one (the last one's guess when nothing is between). */
  afterFirst: string | undefined;
  /** The characters read in between, and the last one when its trail told it. */
  middle: readonly string[];
  lastKnown: string | undefined;
  last?: Guess;
  lastOptions?: Options;
  next: string;
}

/**
 * The guesses at a run's ends read again, once the run is chosen, with what its line says beyond
 * the bigrams: `guessPrior` (the script the line is written in, since the character model folds
 * Traditional into Simplified and scores 聽 as 听; and the brackets it leaves open, 」 rather
 * than ” after a 「), and the word model (wordGuesses.ts: which option makes words with the text
 * around it, `当地报道` rather than `当回报道`), weighed WORD_WEIGHT beside the bigrams. The margins
 * come back scaled by how well the model reads the line (`fitScale`): a guess is written when its
 * scaled margin reaches GUESS_MARGIN. Only the characters written and their margins change,
 * never the run. The word model is read here, for a run being read, never for clean text; the
 * ends are then read where the document writes them, if it does (endEchoes.ts).
 */
export function rereadEnds(g: EndGuesses, v: string, start: number, end: number, lm: CharLanguageModel, others?: RunSpans): { first: Guess; last?: Guess } {
  const [lineBefore, lineAfter] = lineAround(v, start, end);
  const after = lineAfter.startsWith(g.next) ? lineAfter : g.next + lineAfter;
  const middle = g.middle.join('');
  const { model, scale, wordWeight, classical } = lineModel(lm, lineBefore, middle + (g.lastKnown ?? ''), after, fitWithout(others, v, start, end, after.length - lineAfter.length));
  const prior = withDocumentPairs(guessPrior(model, runContext(v, start, end, g)), documentPairs(v, start, end));
  const scaled = (x: Guess): Guess => ({ ...x, margin: x.margin * scale });
  const echoed = (ends: { first: Guess; last?: Guess }) => echoEnds(g, v, start, end, ends, GUESS_MARGIN, (o) => weighableOf(o, lm));
  if (g.last && g.lastOptions && g.afterFirst === undefined) {
    const word = wordOpinion(lm, lineBefore, after);
    const pair = guessPair(g.firstOptions, g.lastOptions, g.prev, g.next, prior, lm, (s) => wordWeight * word(s));
    return echoed(pair ? { first: scaled(pair[0]), last: scaled(pair[1]) } : { first: scaled(g.first), last: scaled(g.last) });
  }
  const between = (options: Options, before: string, afterCh: string, was: Guess, word: (c: string) => number) =>
    guess(options, (ch) => prior.bigram(before, ch) + prior.bigram(ch, afterCh) + wordWeight * word(ch), lm) ?? was;
  const lastShown = g.lastKnown ?? g.last?.ch ?? '';
  // A first character read as punctuation between two known characters (its lead lost, the
  // characters sharing its trail competing: `。` against Han) is a sentence's end or a pause, which
  // the line's fit says nothing about: its margin is taken as it is (calibrated: docs/repair-eval.md).
  const first = g.afterFirst === undefined ? scaled(g.first) : firstBetween(g, g.afterFirst, prior, wordOpinion(lm, lineBefore, middle + lastShown + after), lm, { model, scale, wordWeight, classical }, scaled);
  const beforeLast = g.middle.at(-1);
  // So is a last character read as punctuation before the line break: which mark ends the line.
  const lastScaled = g.next === '\n' || g.next === '' ? (x: Guess) => unlessPunctuation(x, scaled) : scaled;
  const last =
    g.last && g.lastOptions && beforeLast !== undefined ? lastScaled(between(g.lastOptions, beforeLast, g.next, g.last, wordOpinion(lm, lineBefore + first.ch + middle, after))) : g.last && scaled(g.last);
  return echoed({ first, last });
}

/**
 * A run's first character between two known ones, its margin scaled as the line says (punctuation's
 * taken as it is, as unlessPunctuation does), and, when it is Han on a line the classical model
 * reads, put against the bar of how far the two models agree on it
 * (CLASSICAL_FIRST_AGREED, CLASSICAL_FIRST_DISPUTED), expressed on GUESS_MARGIN's scale.
 */
function firstBetween(g: EndGuesses, afterFirst: string, prior: CharLanguageModel, word: (c: string) => number, lm: CharLanguageModel, line: LineModel, scaled: (x: Guess) => Guess): Guess {
  const x = guessAgreed(g.firstOptions, (ch) => prior.bigram(g.prev, ch) + prior.bigram(ch, afterFirst), word, line.wordWeight, lm);
  if (!x) return scaled(g.first);
  const { agreed, ...guessed } = x;
  if (!isHan(guessed.ch.codePointAt(0)!)) return guessed;
  const shown = scaled(guessed);
  return line.classical ? againstBar(shown, classicalBar(agreed)) : shown;
}

/** The bar a Han guess is put against on a classical line, by whether the two models agree on it. */
const classicalBar = (agreed: boolean): number => (agreed ? CLASSICAL_FIRST_AGREED : CLASSICAL_FIRST_DISPUTED);

/** `g` with its margin measured against `bar`, on GUESS_MARGIN's scale (written when it reaches GUESS_MARGIN). */
const againstBar = (g: Guess, bar: number): Guess => ({ ...g, margin: (g.margin * GUESS_MARGIN) / bar });

/**
 * A character lost alone (loneTrails.ts, loneMarks.ts: one character shown between two known
 * ones) read again as rereadEnds reads a run's ends: bigrams with the line's prior, the word
 * model, and the margin scaled by the line's fit. Called only for a run being read.
 * With `agreement` (a lone trail: its options are the leads of one trail, as a run's first
 * character's are), a Han guess is put against the bars firstBetween puts a run's first character
 * against: on a classical line CLASSICAL_FIRST_AGREED or CLASSICAL_FIRST_DISPUTED, on any other
 * LONE_FIRST_AGREED where the bigrams alone and the word model alone both pick it, GUESS_MARGIN
 * where either prefers another option; each expressed on GUESS_MARGIN's scale.
 */
export function rereadLone(options: Options, v: string, i: number, lm: CharLanguageModel, others?: RunSpans, agreement = false): Guess | undefined {
  const [lineBefore, lineAfter] = lineAround(v, i, i + 1);
  const { model, scale, wordWeight, classical } = lineModel(lm, lineBefore, '', lineAfter, fitWithout(others, v, i, i + 1));
  const prior = withDocumentPairs(guessPrior(model, lineBefore + lineAfter), documentPairs(v, i, i + 1));
  const word = wordOpinion(lm, lineBefore, lineAfter);
  const bigrams = (ch: string) => prior.bigram(v[i - 1], ch) + prior.bigram(ch, v[i + 1]);
  if (!agreement) {
    const g = guess(options, (ch) => bigrams(ch) + wordWeight * word(ch), lm);
    return g && { ...g, margin: g.margin * scale };
  }
  const x = guessAgreed(options, bigrams, word, wordWeight, lm);
  if (!x) return undefined;
  const { agreed, ...g } = x;
  const shown = { ...g, margin: g.margin * scale };
  if (!isHan(g.ch.codePointAt(0)!)) return shown;
  return againstBar(shown, classical ? classicalBar(agreed) : agreed ? LONE_FIRST_AGREED : GUESS_MARGIN);
}

/**
 * A lone trail's Han guess on a line the character model reads is written at this scaled margin
 * where the bigrams alone and the word model alone both pick it (rereadLone). Calibrated on the
 * repair evaluation's tuning part, lines as written (scripts/calibrate-run-guesses.mjs --dump:
 * first characters, whose options a lone trail's are; docs/repair-eval.md).
 */
export const LONE_FIRST_AGREED = 1.5;

/** A guessed character is written when its margin, scaled by `fitScale`, reaches this (nats). */
export const GUESS_MARGIN = 2;

/**
 * The run of a character lost alone at `i` (loneTrails.ts, loneMarks.ts), read once it is kept:
 * rereadLone's guess (or `fallback`), or the character the document writes between its neighbours
 * (endEchoes.ts echoLone), written where it is sure, else U+FFFD and the span lossy
 * (`agreement`: rereadLone's bars for a lone trail; `bar`: the margin it is written at, a lone
 * `?`'s its own, loneMarks.ts);
 * `plan` says what was done, given the restored guess or undefined.
 */
export function lazyLoneRun(i: number, options: Options, v: string, lm: CharLanguageModel, fallback: Guess, gain: number, plan: (restored: Guess | undefined) => string[], agreement = false, bar = GUESS_MARGIN): SilentRun {
  return lazyRun(i, i + 1, (others) => {
    const r = echoLone(v, i, weighableOf(options, lm), rereadLone(options, v, i, lm, others, agreement) ?? fallback, bar);
    const sure = r.margin >= bar;
    return { out: sure ? r.ch : '\ufffd', lossy: !sure, plan: plan(sure ? r : undefined), confidence: Math.min(0.99, 0.5 + gain / 60) };
  });
}

/** `x` as `scaled` makes it, unless it is not Han (punctuation), whose margin stands as the model gives it. */
function unlessPunctuation(x: Guess, scaled: (x: Guess) => Guess): Guess {
  return isHan(x.ch.codePointAt(0)!) ? scaled(x) : x;
}

/** The line before a run and after it, up to `reach` characters each side. */
export function lineAround(v: string, start: number, end: number, reach = CONTEXT_CHARS): [string, string] {
  let a = start;
  while (a > 0 && start - a < reach && v[a - 1] !== '\n') a--;
  let z = end;
  while (z < v.length && z - end < reach && v[z] !== '\n') z++;
  return [v.slice(a, start), v.slice(end, z)];
}

/**
 * The GBK pair of an ASCII letter, digit or sign between two non-ASCII characters, read as the
 * fullwidth form it may have been folded from after the misreading (`埂N颐` for 展。我: the `N`
 * was Ｎ, A3 CE, the trail of 。 paired with the lead of 我); -1 for any other ASCII character.
 * A `?` after it counts as non-ASCII, as U+FFFD does: a run's trace (`員K?出` for 員。她出, 她 CB FD).
 */
export function foldedCode(v: string, i: number, table: DbcsTable): number {
  const cu = v.charCodeAt(i);
  const next = v.charCodeAt(i + 1) === 0x3f && cu !== 0x3f ? v.charCodeAt(i + 2) : v.charCodeAt(i + 1);
  if (cu <= 0x20 || cu >= 0x7f || i === 0 || v.charCodeAt(i - 1) < 0x80 || !(next >= 0x80)) return -1;
  const c = table.codeOf(cu + 0xfee0);
  return c >= 0x100 ? c : -1;
}

/**
 * A run whose reading is worked out on first use, once (most runs the search builds are dropped),
 * given the spans of the runs kept with it when it was told them (keptAmong).
 */
export function lazyRun(start: number, end: number, read: (others: RunSpans | undefined) => Omit<SilentRun, 'start' | 'end' | 'keptAmong'>): SilentRun {
  let r: Omit<SilentRun, 'start' | 'end' | 'keptAmong'> | undefined;
  let others: RunSpans | undefined;
  const got = () => (r ??= read(others));
  return {
    start,
    end,
    keptAmong(spans: RunSpans) {
      others = spans;
    },
    get out() {
      return got().out;
    },
    get lossy() {
      return got().lossy;
    },
    get plan() {
      return got().plan;
    },
    get confidence() {
      return got().confidence;
    },
  };
}
