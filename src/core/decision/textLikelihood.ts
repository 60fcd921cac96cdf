import { getCharModel, type CharLanguageModel } from '../model/charLanguageModel';
import { getBackgroundModel, type BackgroundModel } from './backgroundModel';
import { isChinese } from '../text/chars';
import { UNKNOWN } from '../model/quantizedTables';
import { asciiLetter, digitLikeLogShare, isCjkNotLetter, isDigitLike, LETTER_WORD_MAX, letterWordLogProb } from './asWritten';

/**
 * How likely a string is as text, whatever its language: at every character, a mixture of the
 * Chinese character model and the background model of everything else. Neither side may claim a
 * string for itself: `Größe` is likely because German is, `中文` because Chinese is, and
 * `ä¸­æ–‡` is unlikely under both.
 *
 * The Chinese model folds every ASCII letter into one token and every digit into another; the
 * background model keeps letters apart (lower-cased) and folds digits too. So a letter's Chinese
 * probability is shared among the 26 letters, and the two sides speak of the same events.
 */
const CHINESE_WEIGHT = 0.5;
const LN_LETTERS = Math.log(26);
const LN_CHINESE_WEIGHT = Math.log(CHINESE_WEIGHT);
const LN_OTHER_WEIGHT = Math.log(1 - CHINESE_WEIGHT);

function isLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}


function logAddExp(a: number, b: number): number {
  // exp(max − max) is exactly 1: one exponential, the same sum.
  return a >= b ? a + Math.log(1 + Math.exp(b - a)) : b + Math.log(Math.exp(a - b) + 1);
}

export class TextLikelihood {
  constructor(
    private readonly chinese: CharLanguageModel = getCharModel(),
    private readonly other: BackgroundModel = getBackgroundModel(),
  ) {}

  /** Whether either model has seen cp (or a character it folds cp into). */
  knows(cp: number): boolean {
    return this.chineseIndex(cp) !== UNKNOWN || this.otherIndex(cp) !== UNKNOWN;
  }

  /** ln P(ch | prev) under the mixture; prev is '' at the start. */
  charLogProb(prev: string, ch: string): number {
    const p = prev ? prev.codePointAt(0)! : -1;
    const cp = ch.codePointAt(0)!;
    const share = isDigitLike(p) ? 0 : digitLikeLogShare(cp) ?? 0;
    return share + this.mixed(cp, p < 0 ? UNKNOWN : this.chineseIndex(p), this.chineseIndex(cp), p < 0 ? UNKNOWN : this.otherIndex(p), this.otherIndex(cp));
  }

  /**
   * The models' indexes of a code point: a superscript or a fraction (`²`, `½`) is read as a
   * digit, and its share among digits is paid apart (asWritten.ts: neither model has seen enough
   * of them to score them, and each would score the floor of an unknown character), once for a
   * run of them: the form is chosen as an exponent or a list of fractions is written, and the
   * run's other symbols are digits after a digit (as a row of decoration symbols is the symbol
   * class repeated, model/tokenFold.ts).
   */
  private chineseIndex(cp: number): number {
    return this.chinese.indexOfCodePoint(asDigit(cp));
  }

  private otherIndex(cp: number): number {
    return this.other.indexOf(asDigit(cp));
  }

  /**
   * The mixture at code point cp, from both models' indexes of the previous character and of cp;
   * `zhAtLeast`, a second estimate of the Chinese side (a letter word's, below) it may not fall under.
   */
  private mixed(cp: number, zhPrev: number, zhAt: number, bgPrev: number, bgAt: number, zhAtLeast = -Infinity): number {
    let zh = Math.max(this.chineseSide(cp, zhPrev, zhAt), zhAtLeast);
    const bg = this.other.logProbOfIndexes(bgPrev, bgAt);
    // Outside CJK and ASCII the Chinese model knows characters only from the odd symbol in its
    // training text (© in every help page's footer): it may not vouch for them more than the
    // model of the languages that write them.
    if (cp >= 0x80 && !isChinese(cp)) zh = Math.min(zh, bg);
    return logAddExp(LN_CHINESE_WEIGHT + zh, LN_OTHER_WEIGHT + bg);
  }

  /** The Chinese model's ln P of cp, a letter's share of the letter token taken. */
  private chineseSide(cp: number, zhPrev: number, zhAt: number): number {
    const zh = this.chinese.bigramOfIndexes(zhPrev, zhAt);
    return isLetter(cp) ? zh - LN_LETTERS : zh;
  }

  /**
   * ln P of `text` after `before` (its last character is the context of the first).
   *
   * A word of one or two Latin letters between CJK characters (`C语言`, `A股`, `X光`) is also
   * scored as a word (asWritten.ts: letterWordLogProb): the Chinese side of the character after
   * it may not fall below what makes the run's Chinese path, from the start of a letter run on,
   * that word's estimate. Only for a run whose start the text shows (`before` gives one character).
   */
  logProb(text: string, before = ''): number {
    const p = before ? before.codePointAt(before.length - 1 - (isLowSurrogate(before.charCodeAt(before.length - 1)) ? 1 : 0))! : -1;
    // Each character's indexes are looked up once, and serve as the next one's context.
    let zhPrev = p < 0 ? UNKNOWN : this.chineseIndex(p);
    let bgPrev = p < 0 ? UNKNOWN : this.otherIndex(p);
    // The letter run under way after a CJK character: its letters, and what the Chinese side paid
    // for them beyond the run's start.
    let prevCp = p;
    let word = '';
    let paid = 0;
    let sum = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const zhAt = this.chineseIndex(cp);
      const bgAt = this.otherIndex(cp);
      let zhAtLeast = -Infinity;
      const letter = asciiLetter(cp);
      if (letter >= 0) {
        if (word) {
          word = word.length < LETTER_WORD_MAX + 1 ? word + String.fromCharCode(letter) : word;
          paid += this.chineseSide(cp, zhPrev, zhAt);
        } else if (letter <= 0x5a && prevCp >= 0 && isCjkNotLetter(prevCp)) {
          word = String.fromCharCode(letter);
          paid = -LN_LETTERS;
        }
      } else if (word) {
        if (word.length <= LETTER_WORD_MAX && isCjkNotLetter(cp)) {
          zhAtLeast = letterWordLogProb(word, String.fromCodePoint(cp), this.chinese.unigramOfIndex(zhAt)) - paid;
        }
        word = '';
      }
      sum += this.mixed(cp, zhPrev, zhAt, bgPrev, bgAt, zhAtLeast);
      if (isDigitLike(cp) && !isDigitLike(prevCp)) sum += digitLikeLogShare(cp)!;
      zhPrev = zhAt;
      bgPrev = bgAt;
      prevCp = cp;
    }
    return sum;
  }
}

/** The code point the models look up for cp: a superscript or a fraction as the digit 0. */
function asDigit(cp: number): number {
  return isDigitLike(cp) ? 0x30 : cp;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

let shared: TextLikelihood | undefined;

export function getTextLikelihood(): TextLikelihood {
  shared ??= new TextLikelihood();
  return shared;
}
