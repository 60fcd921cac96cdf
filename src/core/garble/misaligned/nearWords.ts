import type { CharLanguageModel } from '../../model/charLanguageModel';
import { lineAround, type Candidate } from './silentGuesses';
import { WORD_WEIGHT, wordOpinion } from './wordGuesses';
import { kanaNear } from './nearby';
import { isLetterByte, isWordByte } from './runGate';
import { searchProbe } from './probes';

const isLowerByte = (b: number): boolean => b >= 0x61 && b <= 0x7a;

/** Characters each side of a run read for words (the word model reaches no further). */
const WORD_CONTEXT = 12;
/** Characters a run in the near-gate band shows at most (silentRuns.ts searches no further back). */
export const NEAR_SHOWN = 4;
/**
 * The band's floor (silentRuns.ts) for a run whose last trail shows as an ASCII letter (traceOf
 * `ascii`): one character shown before it (`到y`) gains too little by its bigrams to reach
 * silentRuns.ts NEAR_GAIN; the words and that surface's bar decide (keptWithWords). Only ends after
 * an ASCII letter are searched below NEAR_GAIN (RunGate.anyEndReaches). Calibrated on the tuning
 * splits with scripts/eval-repair/misaligned-near.mjs (docs/repair-eval.md): a `?` or U+FFFD end,
 * or a sign, searched from here too brings no run the garbling made past its bar, and one clean run
 * (`之患矣|『`) past the sign's.
 */
export const NEAR_FLOOR_TRACE = 4;

/** The floor in force: NEAR_FLOOR_TRACE, or the one a measuring script tries (probes.ts, `nearFloorTrace`). */
export const nearFloorTrace = (): number => searchProbe().nearFloorTrace ?? NEAR_FLOOR_TRACE;
/**
 * What a run in the near-gate band must gain, bigrams and words together (nats, the channel's
 * price included). Calibrated on clean text of the tuning splits only (docs/repair-eval.md): with
 * no gate, no clean candidate gains more than 11.7 (a clean tuning document of the repair
 * evaluation) or 9.6 (the precision corpus's tune split, outside text garbled in its source);
 * 2 nats more are kept in hand.
 */
const NEAR_WORDS_GAIN = 14;
/**
 * The same for a run whose last trail shows as an ASCII letter or sign between Chinese, with no
 * other ASCII letter near it (traceOf, asciiNear): a surface the misreading writes and clean
 * Chinese seldom does. Calibrated on clean text of the tuning splits with
 * scripts/eval-repair/misaligned-near.mjs (docs/repair-eval.md): one clean run of that surface
 * gains 10.5 (`（`）`, which the final check turns down), none is taken at any bar from 6 up.
 */
const ASCII_TRACE_GAIN = 10;
/**
 * The bar, bigrams and words, for a run whose last trail shows as an ASCII letter between Chinese
 * with no other ASCII letter near it: no clean run of the tuning splits shows that surface in the
 * band at all, searched from 4 nats of bigrams (NEAR_FLOOR_TRACE;
 * scripts/eval-repair/misaligned-near.mjs); the bar is the other ends' floor (silentRuns.ts NEAR_GAIN).
 */
const LETTER_TRACE_GAIN = 8;
/**
 * The bar, bigrams and words, for an unsigned run (runScan.ts: one character shown before its
 * trace, or two where both guessed ends are sure; no bigram that reads as garbage) other than one ending in a lone lower-case letter, which
 * keeps LETTER_TRACE_GAIN. Calibrated on clean text of the tuning and training splits with
 * scripts/eval-repair/misaligned-near.mjs --ner (docs/repair-eval.md): clean unsigned runs gain up
 * to 21.9 (`黄运?先生`, a real mark for a name's unknown character; `[衰]` 18.1), lower-case
 * letters none; 2 nats more are kept in hand.
 */
const UNSIGNED_GAIN = 24;

/**
 * How a run's surface ends: the trace the garbling leaves there (runEnds.ts's kinds, told from the
 * text): `mark`, a `?` or U+FFFD the decoder printed for the last trail; `ascii`, the last trail
 * shown as ASCII (0x40–0x7E) or `€`; `swallow`, an ASCII letter taken into the last character,
 * the rest of its word after it; `silent`, none (a trail dropped, a second lead lost).
 */
export type Trace = 'mark' | 'ascii' | 'swallow' | 'silent';
export const NEAR_TRACES: readonly Trace[] = ['mark', 'ascii', 'swallow', 'silent'];

export function traceOf(v: string, start: number, end: number): Trace {
  const last = v.charCodeAt(end - 1);
  if (last === 0x3f || last === 0xfffd) return 'mark';
  if ((last >= 0x40 && last <= 0x7e) || last === 0x20ac) return 'ascii';
  const next = end < v.length ? v.charCodeAt(end) : 0;
  if (last >= 0x80 && isWordByte(next)) return 'swallow';
  return 'silent';
}

/** Characters each side of a run looked at for other ASCII letters (asciiNear). */
const LETTER_REACH = 6;

/**
 * Whether an ASCII letter stands within LETTER_REACH characters of the run, in its line, outside
 * it: where a text writes letters among its Chinese (data, code, romanization), one more is no
 * trace of a misreading.
 */
export function asciiNear(v: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - LETTER_REACH) && v[i] !== '\n'; i--) if (isLetterByte(v.charCodeAt(i))) return true;
  for (let i = end; i < Math.min(v.length, end + LETTER_REACH) && v[i] !== '\n'; i++) if (isLetterByte(v.charCodeAt(i))) return true;
  return false;
}

/** A run the words did not keep: by how many nats it fell short of its bar, and the words' nats. */
export interface NearMiss {
  c: Candidate;
  short: number;
  words: number;
}

/**
 * Whether a short run whose bigrams come near the gate but not through it (silentRuns.ts) is kept,
 * weighed again with the word model: ln P of the stretch around it with the run read, against the
 * same with the text as shown, each cut into words every way and weighed WORD_WEIGHT, as beside a
 * guess's bigrams (wordGuesses.ts). A lost character makes words with its neighbours (`词箛` read
 * 即使國, `８崭战炻` read 。刚刚届满); a clean stretch read one byte off seldom does. The words'
 * nats go to the final check (chooseRuns.ts) as evidence it does not read itself. Japanese text
 * reads its kanji one byte off about as well (`値の例`): a run next to kana is not kept so.
 * The word model is read only for these few runs. A run turned down is told to `missed`, with its
 * shortfall, for a second look at the document's rate (documentRate.ts).
 */
export function keptWithWords(v: string, c: Candidate, lm: CharLanguageModel, missed?: NearMiss[]): boolean {
  const { start, end } = c.run;
  if (end - start > NEAR_SHOWN + 1 || kanaNear(v, start) || kanaNear(v, end - 1)) return false;
  const lone = traceOf(v, start, end) === 'ascii' && !asciiNear(v, start, end);
  const letter = lone && isLetterByte(v.charCodeAt(end - 1));
  const bar = c.unsigned && !(lone && isLowerByte(v.charCodeAt(end - 1))) ? UNSIGNED_GAIN : letter ? LETTER_TRACE_GAIN : lone ? ASCII_TRACE_GAIN : NEAR_WORDS_GAIN;
  const word = wordOpinion(lm, ...lineAround(v, start, end, WORD_CONTEXT));
  const words = WORD_WEIGHT * (word(c.reading) - word(v.slice(start, end)));
  searchProbe().seen?.(v, c, words);
  if (c.gain + words < bar) {
    missed?.push({ c, short: bar - c.gain - words, words });
    return false;
  }
  if (words > 0) c.evidence = (c.evidence ?? 0) + words;
  return true;
}
