import { getTextLikelihood } from './textLikelihood';
import { firstCodePoint, isCjkPunct, isHan, lastCodePoint } from '../text/chars';

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

/**
 * The writing system of a letter, for the question "is this script written here?". Latin letters
 * outside ASCII count as Latin in a reading but are not counted in a neighbourhood: they are what
 * Latin-1 mojibake is made of, so a whole file of it is not evidence against itself. Symbols,
 * punctuation, digits and emoji belong to no script.
 */
type Script = 'latin' | 'greek' | 'cyrillic' | 'armenian' | 'hebrew' | 'arabic' | 'nko-syriac-thaana' | 'indic' | 'thai-lao' | 'georgian' | 'hangul' | 'kana' | 'han' | 'phonetic' | 'historic';

function scriptOf(cp: number): Script | undefined {
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return 'latin';
  if (cp < 0xc0) return undefined;
  if (cp <= 0x24f) return cp === 0xd7 || cp === 0xf7 ? undefined : 'latin';
  if (cp >= 0x370 && cp <= 0x3ff) return 'greek';
  if (cp >= 0x400 && cp <= 0x52f) return 'cyrillic';
  if (cp >= 0x530 && cp <= 0x58f) return 'armenian';
  if (cp >= 0x590 && cp <= 0x5ff) return 'hebrew';
  if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f)) return 'arabic';
  if (cp >= 0x700 && cp <= 0x7ff) return 'nko-syriac-thaana';
  if (cp >= 0x900 && cp <= 0xdff) return 'indic';
  if (cp >= 0xe00 && cp <= 0xeff) return 'thai-lao';
  if (cp >= 0x10a0 && cp <= 0x10ff) return 'georgian';
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7a3)) return 'hangul';
  if (cp >= 0x1d00 && cp <= 0x1dbf) return 'phonetic';
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'latin';
  if (cp >= 0x3041 && cp <= 0x30ff) return 'kana';
  if (isHan(cp) || (cp > 0xff && isCjkPunct(cp))) return 'han';
  if (cp > 0xffff) return supplementaryScriptOf(cp);
  return undefined;
}

/**
 * The scripts of the supplementary planes: Han of the extensions past isHan's (Extension H), kana
 * (the Kana Supplement's hentaigana), and the letters of the scripts the Supplementary
 * Multilingual Plane encodes (Tangut, Khitan, Nüshu, Linear B, Mende Kikakui, Adlam…), one
 * `historic` script for all: a four-byte UTF-8 reading of two GBK characters lands there
 * (`饤。` is F0 97 A1 A3, Tangut `𗡣`), and no text around Chinese writes them. Symbols, musical
 * and mathematical notation and emoji (U+1D000–U+1DFFF, U+1F000 on) belong to no script.
 */
function supplementaryScriptOf(cp: number): Script | undefined {
  if (cp >= 0x31350 && cp <= 0x323af) return 'han';
  if (cp >= 0x1b000 && cp <= 0x1b16f) return 'kana';
  if (cp < 0x1d000 || (cp >= 0x1e000 && cp < 0x1f000)) return 'historic';
  return undefined;
}

/**
 * ln P(the scripts a reading brings are written here | the span's neighbourhood). A reading in
 * a script its surroundings already use costs nothing: `é` among French, `中文` among Chinese. One
 * that brings a script from nowhere pays for it with every letter of other scripts around: `ה`
 * in `“×” curves`, `Յ` after `HUHLL`, Han characters in a German sentence. Scripts the span
 * itself already shows (Han in GBK mojibake) are no news.
 */
export function scriptHereLogPrior(reading: string, original: string, before: string, after: string): number {
  const brought = new Set<Script>();
  for (let i = 0; i < reading.length; i++) {
    const cp = reading.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const s = scriptOf(cp);
    if (s) brought.add(s);
  }
  if (brought.size === 0) return 0;
  for (let i = 0; i < original.length; i++) {
    const cp = original.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const s = scriptOf(cp);
    if (s) brought.delete(s);
  }
  if (brought.size === 0) return 0;
  // Only the scripts brought are counted one by one; the others count in the total.
  const counts = new Map<Script, number>();
  let total = 0;
  const count = (s: string, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      // As in s.slice(from, to): a pair cut at `to` leaves its lead surrogate alone.
      const cp = i + 1 < to ? s.codePointAt(i)! : s.charCodeAt(i);
      if (cp > 0xffff) i++;
      if (cp >= 0x80 && cp <= 0x24f) continue;
      const script = scriptOf(cp);
      if (!script) continue;
      if (brought.has(script)) counts.set(script, (counts.get(script) ?? 0) + 1);
      total++;
    }
  };
  count(before, Math.max(0, before.length - NEIGHBOURHOOD), before.length);
  count(after, 0, Math.min(after.length, NEIGHBOURHOOD));
  let prior = 0;
  for (const script of brought) prior += Math.log(((counts.get(script) ?? 0) + 1) / (total + 2));
  return prior;
}

export function weighRepair(h: RepairHypothesis, channelLogPrior = CHANNEL_LOG_PRIOR): RepairWeight {
  const text = getTextLikelihood();
  const before = lastCodePoint(h.before);
  const after = firstCodePoint(h.after);
  const asRepaired = text.logProb(h.reading + after, before);
  const asItStands = text.logProb(h.original + after, before);
  const language = scriptHereLogPrior(h.reading, h.original, h.before, h.after);
  const code = h.code === 'double-byte' ? DOUBLE_BYTE_LOG_PRIOR : 0;
  const margin = asRepaired + channelLogPrior + code + language - asItStands;
  return { margin, accept: margin > 0 };
}
