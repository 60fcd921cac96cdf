import type { CharLanguageModel } from '../../model/charLanguageModel';
import { lineAround, weighableOf } from './silentGuesses';
import { WORD_WEIGHT, wordOpinion } from './wordGuesses';
import { logSumExp } from '../../model/logSumExp';

type Options = ReadonlyArray<readonly [number, string]>;

/** Characters each side of the letter read for words (the word model reaches no further). */
const WORD_CONTEXT = 12;

/**
 * A character lost alone at `i` (loneTrails.ts) weighed again with the word model beside its two
 * bigrams, when the bigrams alone fall short: the two sides of the noisy channel compared on the
 * same terms, ln Σ over the characters the bytes allow of P(bigrams) · P(words)^WORD_WEIGHT against
 * the text as written (`很y防守`: the letter between its neighbours, cut into words every way, the
 * letter weighing as its unigram). A lost character makes a word with its neighbours
 * (`中國l現了` → 發現, `透^其他` → 透過) far more often than a real letter or symbol between Chinese
 * characters does; how much more is calibrated on clean text (loneTrails.ts, Gates). The word
 * model is read only for the few characters whose bigrams come near the gate, never for the rest.
 */
export function gainWithWords(options: Options, v: string, i: number, lm: CharLanguageModel): number {
  const list = weighableOf(options, lm);
  if (list.length === 0) return -Infinity;
  const word = wordOpinion(lm, ...lineAround(v, i, i + 1, WORD_CONTEXT));
  const prev = v[i - 1];
  const next = v[i + 1];
  const score = (ch: string) => lm.bigram(prev, ch) + lm.bigram(ch, next) + WORD_WEIGHT * word(ch);
  return logSumExp(list.map(([, ch]) => score(ch))) - score(v[i]);
}

/** Characters of every character's list weighed with the words for a lone U+FFFD (by their bigrams, best first): the rest hold next to nothing. */
const SHARE_TOP = 256;

/**
 * A lone U+FFFD at `i` (loneMarks.ts) weighed as gainWithWords weighs a letter, but against a
 * character lost by any process: ln of the share of Σ P(bigrams) · P(words)^WORD_WEIGHT that the
 * characters the bytes allow (`options`) hold among every character (`all`, the weighable ones,
 * with `allScores` their bigrams between the neighbours as the caller scored them; its SHARE_TOP
 * best by the bigrams and the options themselves) (loneMarks.ts).
 */
export function shareWithWords(options: Options, all: Options, allScores: readonly number[], v: string, i: number, lm: CharLanguageModel): number {
  const list = weighableOf(options, lm);
  if (list.length === 0) return -Infinity;
  const prev = v[i - 1];
  const next = v[i + 1];
  const bigrams = (ch: string) => lm.bigram(prev, ch) + lm.bigram(ch, next);
  const order = allScores.map((_, k) => k).sort((a, b) => allScores[b] - allScores[a]);
  const weighed = new Map<string, number>(list.map(([code, ch]) => [ch, code]));
  for (const k of order.slice(0, SHARE_TOP)) if (!weighed.has(all[k][1])) weighed.set(all[k][1], all[k][0]);
  const word = wordOpinion(lm, ...lineAround(v, i, i + 1, WORD_CONTEXT));
  const scoreOf = new Map<string, number>();
  for (const ch of weighed.keys()) scoreOf.set(ch, bigrams(ch) + WORD_WEIGHT * word(ch));
  return logSumExp(list.map(([, ch]) => scoreOf.get(ch)!)) - logSumExp([...scoreOf.values()]);
}
