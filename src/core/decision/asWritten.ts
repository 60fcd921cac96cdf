import { dataBytes } from '../data/dataFiles';
import { isChinese } from '../text/chars';

/**
 * Two estimates of a text as it stands that the character models cannot give, from
 * data/asWritten.json (scripts/build-as-written.mjs counts them in public clean text of the
 * training and tuning splits; docs/precision.md, "Letter words and digit-like symbols").
 *
 * - Letter words. Chinese writes one or two Latin letters as a word between Han characters: C语言,
 *   A股, B超, X光, T恤, K线, Q版, IP地址. The character model folds every letter into one token,
 *   after which another letter takes nearly all the mass, so a one-letter word before Han scores
 *   about −15 nats there, and a letter a misaligned run could have lost (`C` is GBK D7 43's trail)
 *   read better as the lost character. `letterWordLogProb` is ln P(the run of letters that starts
 *   after a CJK character is `word`, then the CJK character `next`), counted as a word is.
 * - Digit-like symbols. Superscripts and vulgar fractions (`²³¹¼½¾`) are digits written
 *   otherwise, which neither model has seen enough of to score: `digitLikeLogShare` is ln of the
 *   share such a symbol has among digits, to be scored as a digit and then as that form of one.
 */
interface LetterWord {
  n: number;
  kinds: number;
  next: Record<string, number>;
}
interface AsWrittenFile {
  letterWords: { runs: number; types: number; shapes: Record<string, number>; words: Record<string, LetterWord> };
  digitLike: { digits: number; symbols: Record<string, number> };
}

let table: AsWrittenFile | undefined;
function asWritten(): AsWrittenFile {
  table ??= JSON.parse(new TextDecoder('utf-8').decode(dataBytes('asWritten.json'))) as AsWrittenFile;
  return table;
}

/** An ASCII letter (fullwidth folded) as a character code, or -1. */
export function asciiLetter(cp: number): number {
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return cp;
  if ((cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return cp - 0xfee0;
  return -1;
}

/** Han or CJK punctuation, fullwidth letters and digits aside: what a letter word stands between. */
export function isCjkNotLetter(cp: number): boolean {
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return false;
  return isChinese(cp);
}

/** The longest letter word counted. */
export const LETTER_WORD_MAX = 2;

/**
 * ln P(word, then next | a run of letters starts after a CJK character), for a word of one or two
 * ASCII letters, a capital first (case kept), and `nextUnigram` = ln P(next) under the character model (its share
 * when the word's own followers do not name it).
 *
 *   P(word then CJK | start) = (c(word) + t·q(word)) / (runs + t)       (t: kinds of word seen)
 *   P(next | word then CJK)  = (c(word, next) + k·P(next)) / (c(word) + k)   (k: kinds of follower)
 *
 * q(word) spreads what words of its shape (one capital, two capitals, a capital and a small
 * letter) share evenly over the words of that shape. A small letter first is left to the character
 * model: the lone-trail judge weighs a small letter between Han with the word model already
 * (garble/misaligned/loneWords.ts), a capital on its bigrams alone.
 */
export function letterWordLogProb(word: string, next: string, nextUnigram: number): number {
  const lw = asWritten().letterWords;
  const shape = word.replace(/[A-Z]/g, 'A').replace(/[a-z]/g, 'a');
  const spread = 26 ** word.length;
  const q = ((lw.shapes[shape] ?? 0) + 1) / (lw.runs + 3) / spread;
  const w = lw.words[word];
  const n = w?.n ?? 0;
  const asWord = (n + lw.types * q) / (lw.runs + lw.types);
  const pNext = Math.exp(nextUnigram);
  const kinds = w?.kinds ?? 1;
  const followed = ((w?.next[next] ?? 0) + kinds * pNext) / (n + kinds);
  return Math.log(asWord) + Math.log(followed);
}

/** ln P(this form | a digit) for a superscript or vulgar fraction, undefined for anything else. */
export function digitLikeLogShare(cp: number): number | undefined {
  if (!isDigitLike(cp)) return undefined;
  const d = asWritten().digitLike;
  // Add-½ over the forms counted: a form never seen still has some share.
  const forms = Object.keys(d.symbols).length;
  return Math.log(((d.symbols[String.fromCodePoint(cp)] ?? 0) + 0.5) / (d.digits + 0.5 * forms));
}

/** ² ³ ¹ ¼ ½ ¾, superscript and subscript digits, vulgar fractions ⅐–⅞. */
export function isDigitLike(cp: number): boolean {
  if (cp < 0xb2) return false;
  if (cp <= 0xbe) return cp === 0xb2 || cp === 0xb3 || cp === 0xb9 || cp === 0xbc || cp === 0xbd || cp === 0xbe;
  return cp === 0x2070 || (cp >= 0x2074 && cp <= 0x2079) || (cp >= 0x2080 && cp <= 0x2089) || (cp >= 0x2150 && cp <= 0x215e);
}
