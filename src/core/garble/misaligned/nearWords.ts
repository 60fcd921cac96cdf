import type { CharLanguageModel } from '../../model/charLanguageModel';
import { lineAround, type Candidate } from './silentGuesses';
import { WORD_WEIGHT, wordOpinion } from './wordGuesses';
import { kanaNear } from './nearby';

/** Characters each side of a run read for words (the word model reaches no further). */
const WORD_CONTEXT = 12;
/** Characters a run in the near-gate band shows at most (silentRuns.ts searches no further back). */
export const NEAR_SHOWN = 4;
/**
 * What a run in the near-gate band must gain, bigrams and words together (nats, the channel's
 * price included). Calibrated on clean text of the tuning splits only (docs/repair-eval.md): with
 * no gate, no clean candidate gains more than 11.7 (a clean tuning document of the repair
 * evaluation) or 9.6 (the precision corpus's tune split, outside text garbled in its source);
 * 2 nats more are kept in hand.
 */
const NEAR_WORDS_GAIN = 14;

/**
 * Whether a short run whose bigrams come near the gate but not through it (silentRuns.ts) is kept,
 * weighed again with the word model: ln P of the stretch around it with the run read, against the
 * same with the text as shown, each cut into words every way and weighed WORD_WEIGHT, as beside a
 * guess's bigrams (wordGuesses.ts). A lost character makes words with its neighbours (`词箛` read
 * 即使國, `８崭战炻` read 。刚刚届满); a clean stretch read one byte off seldom does. The words'
 * nats go to the final check (chooseRuns.ts) as evidence it does not read itself. Japanese text
 * reads its kanji one byte off about as well (`値の例`): a run next to kana is not kept so.
 * The word model is read only for these few runs.
 */
export function keptWithWords(v: string, c: Candidate, lm: CharLanguageModel): boolean {
  const { start, end } = c.run;
  if (end - start > NEAR_SHOWN + 1 || kanaNear(v, start) || kanaNear(v, end - 1)) return false;
  const word = wordOpinion(lm, ...lineAround(v, start, end, WORD_CONTEXT));
  const words = WORD_WEIGHT * (word(c.reading) - word(v.slice(start, end)));
  if (c.gain + words < NEAR_WORDS_GAIN) return false;
  if (words > 0) c.evidence = (c.evidence ?? 0) + words;
  return true;
}
