import type { CharLanguageModel } from '../../model/charLanguageModel';
import { classicalModel } from '../../model/classicalModel';
import { getWordModel, type WordModel } from '../../model/wordModel';

/**
 * The word model's opinion of a character (or two neighbouring ones) guessed between known text (`left`, the line before
 * it; `right`, the line after it): ln P of the stretch around it, as far as a word through it can
 * reach, cut into words every way. Characters the word list lacks weigh as the character model's
 * unigram, so punctuation and Han compete on the same terms.
 */
export function wordOpinion(lm: CharLanguageModel, left: string, right: string, wm: WordModel = getWordModel()): (guessed: string) => number {
  const reach = wm.maxLength - 1;
  const fold = (s: string) => {
    let out = '';
    for (const ch of s) out += lm.fold(ch);
    return out;
  };
  const before = fold(tail(left, reach));
  const after = fold(head(right, reach));
  const single = (ch: string) => lm.unigram(ch);
  const prefix = wm.prefixSums(before, single);
  return (guessed: string) => wm.logProbAfter(prefix, fold(guessed) + after, single);
}

/**
 * How much the word model's opinion counts beside the two bigrams of a guessed character
 * (calibrated on the repair evaluation's tuning part: docs/repair-eval.md).
 */
export const WORD_WEIGHT = 0.75;

/** The last `n` code points of `s`, not past a line break. */
function tail(s: string, n: number): string {
  const cps = [...s.slice(-2 * n)];
  let out = cps.slice(-n).join('');
  const nl = out.lastIndexOf('\n');
  if (nl >= 0) out = out.slice(nl + 1);
  return out;
}

/** The first `n` code points of `s`, not past a line break. */
function head(s: string, n: number): string {
  let out = [...s.slice(0, 2 * n)].slice(0, n).join('');
  const nl = out.indexOf('\n');
  if (nl >= 0) out = out.slice(0, nl);
  return out;
}

/** Mean ln P per character of a line at or above which the model's margins are taken at face value… */
const FIT_TRUSTED = -5;
/** …and at or below which they count for nothing (classical verse, names, lists the model cannot read). */
const FIT_USELESS = -8;

/**
 * How far a guess's margin is believed where the text around it reads as `fit` (the character
 * model's mean ln P per character): the model is as sure of itself in a poem as in a news
 * report, but right far less often there, so its margins are scaled down linearly between
 * FIT_TRUSTED and FIT_USELESS (calibrated on the repair evaluation's tuning part).
 */
export function fitScale(fit: number, trusted = FIT_TRUSTED): number {
  return Math.max(0, Math.min(1, (fit - FIT_USELESS) / (trusted - FIT_USELESS)));
}

/**
 * Where the classical model reads a line, its margins are believed as fitScale says with full
 * trust only at this fit (never reached: classical verse reads at −5 to −7 by it), i.e. a nat of
 * margin per ninth of a nat the line reads above FIT_USELESS; and the word model, whose words are
 * modern, counts this much beside its bigrams. Calibrated on the repair evaluation's tuning part
 * (scripts/calibrate-run-guesses.mjs --classical select: docs/repair-eval.md): first and last
 * characters both written at 95 % right or better, fewer wrong ones written than the character
 * model wrote on the same lines.
 */
const CLASSICAL_FIT_TRUSTED = 1;
const CLASSICAL_WORD_WEIGHT = 0.35;

/**
 * On a line the classical model reads, a run's first character (its lead lost) is written at this
 * scaled margin where the bigrams alone and the word model alone both pick it too, and only at
 * this one where either prefers another option: the two models agreeing is most of what makes a
 * guess right in classical text, where the line's fit believes the margin little. Calibrated on
 * the repair evaluation's tuning part, lines as written (scripts/calibrate-run-guesses.mjs
 * --classical select --dump, docs/repair-eval.md): Han first characters only (punctuation keeps
 * its unscaled bar); first characters on classical lines written 952 → 1,205 of 4,091, right
 * 98.0 → 97.8 %, every guess 96.1 % right as before.
 */
export const CLASSICAL_FIRST_AGREED = 1.25;
export const CLASSICAL_FIRST_DISPUTED = 2.5;

/** The model a guess on a line is weighed with, how far its margins are believed there, and the word model's weight beside it. */
export interface LineModel {
  model: CharLanguageModel;
  scale: number;
  wordWeight: number;
  /** Whether `model` is the classical model. */
  classical: boolean;
}

/**
 * The character model, unless the line reads worse by it than by the classical model
 * (classicalModel.ts: verse and prose in classical Chinese, where the character model's best guess
 * for a lost lead is right 40–70 % of the time); the classical model is read only for a line the
 * character model reads below FIT_TRUSTED. `before`, `inner`, `after` as lineFit takes them;
 * `fitOf` measures the fit (cleanFit for a guess, whose line may hold other runs).
 */
export function lineModel(lm: CharLanguageModel, before: string, inner: string, after: string, fitOf: typeof lineFit = lineFit): LineModel {
  const fit = fitOf(lm, before, inner, after);
  if (fit < FIT_TRUSTED) {
    const classical = classicalModel(lm);
    const fitClassical = fitOf(classical, before, inner, after);
    if (fitClassical > fit) return { model: classical, scale: fitScale(fitClassical, CLASSICAL_FIT_TRUSTED), wordWeight: CLASSICAL_WORD_WEIGHT, classical: true };
  }
  return { model: lm, scale: fitScale(fit), wordWeight: WORD_WEIGHT, classical: false };
}

/**
 * Characters each side of a guess (beyond the run's own reading) its line's fit is measured on: as
 * far as the guesses' own context reaches (30 was tried: the tuning part's documents, which hold
 * other runs on the same line, read one exact document fewer).
 */
export const FIT_CHARS = 120;

/**
 * How well the character model reads the text around a guess (mean ln P per character): the run's
 * own reading `inner` and up to FIT_CHARS of its line each side.
 */
export function lineFit(lm: CharLanguageModel, before: string, inner: string, after: string): number {
  return lm.perChar(before.slice(-FIT_CHARS) + inner + after.slice(0, FIT_CHARS));
}

/** A bigram this unlikely (nats) is garbage (badBigrams.ts's sign of a run), not the line's genre. */
const GARBLED_BIGRAM = -12;

/**
 * lineFit over the text that reads as text: a bigram that reads as garbage (below GARBLED_BIGRAM)
 * next to another such is left out of the mean. A guess's line in a misaligned document holds
 * other runs still shown garbled, which drag the plain fit below what the model makes of the
 * line's genre, the only thing the fit is to measure (the margins' scale was calibrated on lines
 * as written: scripts/calibrate-run-guesses.mjs); a garbled run reads as a chain of such bigrams,
 * where a rare character in clean text (a dialect's, a name's) mostly breaks one bigram alone and
 * stays in. On lines as written the two fits write as many guesses, as often right (the repair
 * evaluation's tuning part: scripts/calibrate-run-guesses.mjs, docs/repair-eval.md), so the
 * bounds above stand for both.
 */
export function cleanFit(lm: CharLanguageModel, before: string, inner: string, after: string): number {
  return cleanFitOf(lm, [before.slice(-FIT_CHARS) + inner + after.slice(0, FIT_CHARS)]);
}

/** cleanFit's mean over `pieces` of text, each read on its own (no bigram across two). */
function cleanFitOf(lm: CharLanguageModel, pieces: readonly string[]): number {
  let sum = 0;
  let n = 0;
  for (const text of pieces) {
    // One bigram is weighed late, once the next one tells whether it stands in a chain.
    let held = 0;
    let heldBad = false;
    let beforeBad = false;
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const s = prev < 0 ? lm.unigram(String.fromCodePoint(cp)) : lm.bigramOf(prev, cp);
      const bad = s < GARBLED_BIGRAM;
      if (prev >= 0 && !(heldBad && (beforeBad || bad))) {
        sum += held;
        n++;
      }
      beforeBad = prev >= 0 && heldBad;
      held = s;
      heldBad = bad;
      prev = cp;
    }
    if (prev >= 0 && !(heldBad && beforeBad)) {
      sum += held;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

/** The spans of the runs a document's repair keeps (chooseRuns.ts), as a guess's line fit reads them. */
export interface RunSpans {
  within(from: number, to: number): ReadonlyArray<{ start: number; end: number }>;
}

/**
 * cleanFit for a guess in the run [start, end) of `v`, its line's text `before` ending at `start`
 * and `after` from `end` on (after `shown` characters of its own reading put first, the run's
 * next character where the text shows another), with the spans of the document's other runs kept
 * (`others`) left out: the fit is to measure the line's genre, and another run's text is shown
 * garbled (cleanFit's chains of garbage bigrams only catch most of it: a garbled pair can read as
 * a common one). Each piece between them is read on its own. Without `others`, cleanFit.
 */
export function fitWithout(others: RunSpans | undefined, v: string, start: number, end: number, shown = 0): typeof lineFit {
  if (!others) return cleanFit;
  return (lm, before, inner, after) => {
    const b = before.slice(-FIT_CHARS);
    const a = after.slice(0, FIT_CHARS);
    const from = start - b.length;
    const to = end - shown + a.length;
    const text = b + inner + a;
    // Where document offset x falls in `text`: before the run as it is, after it shifted.
    const at = (x: number) => (x <= start ? x - from : b.length + inner.length + x - (end - shown));
    const pieces: string[] = [];
    let done = 0;
    for (const s of others.within(from, to)) {
      if (s.start < end && start < s.end) continue;
      const cut = Math.max(done, at(s.start));
      if (cut > done) pieces.push(text.slice(done, cut));
      done = Math.max(done, Math.min(text.length, at(s.end)));
    }
    if (done < text.length) pieces.push(text.slice(done));
    return cleanFitOf(lm, pieces);
  };
}
