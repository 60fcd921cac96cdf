import { getTextLikelihood } from './textLikelihood';
import { isCjkPunct, isHan } from '../text/chars';

/**
 * The decision every mojibake detector's acceptance goes through: is a span more likely garbled
 * text that reads back as `reading`, or `original` as it was written? A noisy-channel comparison:
 *
 *   ln P(reading in context) + ln P(this garbling here)   against   ln P(original in context)
 *
 * where both texts are scored by the same model of text in any language (textLikelihood.ts), so
 * a repair must make the text more itself, not more Chinese: `Größe` stays (German reads well;
 * `Gr鲞e` reads as nothing), `ä¸­æ–‡` becomes `中文`, `cafÃ©` becomes `café`.
 */
export interface RepairHypothesis {
  /**
   * Text before the span (NEIGHBOURHOOD characters are enough); its last character is the
   * context of the first, and with `after` it says which languages are written here.
   */
  before: string;
  /** The span as it stands. */
  original: string;
  /** The span as the garbling is undone. */
  reading: string;
  /** Text after the span; its first character follows either version. */
  after: string;
  /**
   * What the bytes were read back as. UTF-8 is a sparse code: few byte strings are valid UTF-8,
   * so a reading that decodes at all is evidence. A double-byte code (GBK or Big5 bytes read as
   * Latin-1, 拼音码) decodes almost any pair of Latin-1 letters into some character: such a
   * reading was picked out of many and must bring more evidence (DOUBLE_BYTE_LOG_PRIOR).
   */
  code?: 'utf-8' | 'double-byte';
}

export interface RepairWeight {
  /** ln odds of the repair against the text as it stands, the channel's prior included. */
  margin: number;
  accept: boolean;
}

/**
 * ln P that a given span of a text is mojibake rather than what its writer wrote. Calibrated on
 * the tuning split of the negative corpus and the case tables (docs/precision.md): the smallest
 * prior that keeps every clean tuning file untouched.
 */
export const CHANNEL_LOG_PRIOR = -6;
/**
 * The extra cost of a reading in a dense double-byte code: on the tuning split, clean Latin text
 * (`[[ÅÅ]ÅÅ]MMDD`, `¡¡ SE NECESITA`, alphabets `ÁÉÝÚÍÓÞÆÐÖ`) reached margins of up to 14.4 nats
 * as GBK or Big5 bytes, and the case tables' GBK-read-as-Latin-1 repairs start at 25.3.
 */
export const DOUBLE_BYTE_LOG_PRIOR = -20;

/** Characters either side of a span that say which languages are written around it. */
export const NEIGHBOURHOOD = 80;

function isOtherScriptLetter(cp: number): boolean {
  return (
    (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || // ASCII letters
    (cp >= 0x0370 && cp <= 0x052f) || // Greek, Cyrillic
    (cp >= 0x3041 && cp <= 0x30ff) || // kana
    (cp >= 0xac00 && cp <= 0xd7a3) // Hangul syllables
  );
}

/**
 * ln P(the span was Chinese | its neighbourhood): Chinese characters around it make Chinese
 * likely; letters of other scripts (English, German, Russian, Japanese kana, Korean) make it
 * less likely with every one. Latin letters outside ASCII are not counted: they are what
 * Latin-1 mojibake is made of, so a whole file of it is not evidence against itself.
 */
export function chineseHereLogPrior(before: string, after: string): number {
  let han = 0;
  let other = 0;
  for (const s of [before.slice(-NEIGHBOURHOOD), after.slice(0, NEIGHBOURHOOD)]) {
    for (let i = 0; i < s.length; i++) {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (isHan(cp) || (cp > 0xff && isCjkPunct(cp))) han++;
      else if (isOtherScriptLetter(cp)) other++;
    }
  }
  return Math.log((han + 1) / (han + other + 2));
}

function holdsChinese(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp) || (cp > 0xff && isCjkPunct(cp))) return true;
  }
  return false;
}

function lastChar(s: string): string {
  if (!s) return '';
  const end = s.length;
  const c = s.charCodeAt(end - 1);
  return c >= 0xdc00 && c <= 0xdfff && end >= 2 ? s.slice(end - 2) : s.slice(end - 1);
}

function firstChar(s: string): string {
  if (!s) return '';
  const cp = s.codePointAt(0)!;
  return String.fromCodePoint(cp);
}

export function weighRepair(h: RepairHypothesis, channelLogPrior = CHANNEL_LOG_PRIOR): RepairWeight {
  const text = getTextLikelihood();
  const before = lastChar(h.before);
  const after = firstChar(h.after);
  const asRepaired = text.logProb(h.reading + after, before);
  const asItStands = text.logProb(h.original + after, before);
  const language = holdsChinese(h.reading) && !holdsChinese(h.original) ? chineseHereLogPrior(h.before, h.after) : 0;
  const code = h.code === 'double-byte' ? DOUBLE_BYTE_LOG_PRIOR : 0;
  const margin = asRepaired + channelLogPrior + code + language - asItStands;
  return { margin, accept: margin > 0 };
}
