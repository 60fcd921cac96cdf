import { getCharModel, type CharLanguageModel } from '../model/charLanguageModel';
import { getBackgroundModel, type BackgroundModel } from './backgroundModel';
import { isCjkPunct, isHan } from '../text/chars';
import { UNKNOWN } from '../model/quantizedTables';

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

/** Han, CJK punctuation and the fullwidth forms: what the Chinese model was trained on. */
function isCjk(cp: number): boolean {
  return isHan(cp) || isCjkPunct(cp);
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

  /** ln P(ch | prev) under the mixture; prev is '' at the start. */
  charLogProb(prev: string, ch: string): number {
    const p = prev ? prev.codePointAt(0)! : -1;
    const cp = ch.codePointAt(0)!;
    return this.mixed(cp, p < 0 ? UNKNOWN : this.chinese.indexOfCodePoint(p), this.chinese.indexOfCodePoint(cp), p < 0 ? UNKNOWN : this.other.indexOf(p), this.other.indexOf(cp));
  }

  /** The mixture at code point cp, from both models' indexes of the previous character and of cp. */
  private mixed(cp: number, zhPrev: number, zhAt: number, bgPrev: number, bgAt: number): number {
    let zh = this.chinese.bigramOfIndexes(zhPrev, zhAt);
    if (isLetter(cp)) zh -= LN_LETTERS;
    const bg = this.other.logProbOfIndexes(bgPrev, bgAt);
    // Outside CJK and ASCII the Chinese model knows characters only from the odd symbol in its
    // training text (© in every help page's footer): it may not vouch for them more than the
    // model of the languages that write them.
    if (cp >= 0x80 && !isCjk(cp)) zh = Math.min(zh, bg);
    return logAddExp(LN_CHINESE_WEIGHT + zh, LN_OTHER_WEIGHT + bg);
  }

  /** ln P of `text` after `before` (its last character is the context of the first). */
  logProb(text: string, before = ''): number {
    const p = before ? before.codePointAt(before.length - 1 - (isLowSurrogate(before.charCodeAt(before.length - 1)) ? 1 : 0))! : -1;
    // Each character's indexes are looked up once, and serve as the next one's context.
    let zhPrev = p < 0 ? UNKNOWN : this.chinese.indexOfCodePoint(p);
    let bgPrev = p < 0 ? UNKNOWN : this.other.indexOf(p);
    let sum = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const zhAt = this.chinese.indexOfCodePoint(cp);
      const bgAt = this.other.indexOf(cp);
      sum += this.mixed(cp, zhPrev, zhAt, bgPrev, bgAt);
      zhPrev = zhAt;
      bgPrev = bgAt;
    }
    return sum;
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

let shared: TextLikelihood | undefined;

export function getTextLikelihood(): TextLikelihood {
  shared ??= new TextLikelihood();
  return shared;
}
