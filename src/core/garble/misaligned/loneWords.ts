import type { CharLanguageModel } from '../../model/charLanguageModel';
import { lineAround, weighableOf } from './silentGuesses';
import { WORD_WEIGHT, wordOpinion } from './wordGuesses';

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
  let top = -Infinity;
  const scores = list.map(([, ch]) => score(ch));
  for (const s of scores) top = Math.max(top, s);
  let sum = 0;
  for (const s of scores) sum += Math.exp(s - top);
  return top + Math.log(sum) - score(v[i]);
}
