import { getCharModel, type CharLanguageModel } from '../model/charLanguageModel';
import { getBackgroundModel, type BackgroundModel } from './backgroundModel';
import { isCjkPunct, isHan } from '../text/chars';

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
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

export class TextLikelihood {
  constructor(
    private readonly chinese: CharLanguageModel = getCharModel(),
    private readonly other: BackgroundModel = getBackgroundModel(),
  ) {}

  /** ln P(ch | prev) under the mixture; prev is '' at the start. */
  charLogProb(prev: string, ch: string): number {
    return this.codePointLogProb(prev ? prev.codePointAt(0)! : -1, ch.codePointAt(0)!);
  }

  /** charLogProb of code points; prev < 0 at the start. */
  codePointLogProb(prev: number, cp: number): number {
    let zh = prev >= 0 ? this.chinese.bigramOfCodePoints(prev, cp) : this.chinese.unigramOfCodePoint(cp);
    if (isLetter(cp)) zh -= LN_LETTERS;
    const bg = this.other.logProb(prev, cp);
    // Outside CJK and ASCII the Chinese model knows characters only from the odd symbol in its
    // training text (© in every help page's footer): it may not vouch for them more than the
    // model of the languages that write them.
    if (cp >= 0x80 && !isCjk(cp)) zh = Math.min(zh, bg);
    return logAddExp(LN_CHINESE_WEIGHT + zh, LN_OTHER_WEIGHT + bg);
  }

  /** ln P of `text` after `before` (its last character is the context of the first). */
  logProb(text: string, before = ''): number {
    let prev = before ? before.codePointAt(before.length - 1 - (isLowSurrogate(before.charCodeAt(before.length - 1)) ? 1 : 0))! : -1;
    let sum = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      sum += this.codePointLogProb(prev, cp);
      prev = cp;
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
