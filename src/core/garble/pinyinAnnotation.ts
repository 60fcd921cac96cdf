import type { GarbleIssue } from '../types';
import { isHan } from '../text/chars';
import { hasReading, PINYIN_SYLLABLE } from '../text/pinyinReadings';
import { hasScriptVariant, simplifiedChar } from '../script/scriptOfChar';
import type { TextDetector } from '../pipeline/garbleDetector';
import { PARENTHESIS } from '../pipeline/textScan';

/**
 * Stray pinyin annotations: `發(fā)展` for `發展`.
 *
 * Some Simplified→Traditional converters print the reading of a converted character after it. The
 * reading is the character's default one (pinyin-pro's `pinyin(c)`), not the one in context, and only
 * characters whose form changed get one. So an annotation is removed only when
 *  - the syllable is one of the readings of the character right before the parenthesis, and
 *  - the document's annotations look like a converter's: they sit on characters that have a form in
 *    the other script. Pinyin teaching text (`漢(hàn)字(zì)`, `你(nǐ)好(hǎo)`) annotates ordinary
 *    characters too, and stays;
 *  - or they look like the noise some web pages insert against copying: `人(rén )次(cì )`, the
 *    reading followed by a space inside the parenthesis, which no teaching text writes, on any
 *    character, several times in the document.
 */
export interface PinyinAnnotation {
  /** Offset of the annotated character. */
  charStart: number;
  /** The `(syllable)` span, parentheses included. */
  start: number;
  end: number;
  syllable: string;
  /** Written `(rén )`, with a space before the closing parenthesis. */
  spaced: boolean;
}

const ANNOTATION = new RegExp(`[(（](${PINYIN_SYLLABLE})( ?)[)）]`, 'gu');

/** Every `(syllable)` right after a Han character whose reading it is, before any document-level judgement. */
export function findReadingAnnotations(text: string): PinyinAnnotation[] {
  const found: PinyinAnnotation[] = [];
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(text); m; m = ANNOTATION.exec(text)) {
    const before = text.codePointAt(m.index - 1) ?? 0;
    // The character before may be a surrogate pair (a supplementary-plane Han character).
    const charStart = before >= 0xdc00 && before <= 0xdfff ? m.index - 2 : m.index - 1;
    if (charStart < 0) continue;
    const cp = text.codePointAt(charStart)!;
    if (!isHan(cp)) continue;
    const ch = String.fromCodePoint(cp);
    if (!hasReading(ch, m[1])) continue;
    found.push({ charStart, start: m.index, end: m.index + m[0].length, syllable: m[1], spaced: m[2] === ' ' });
  }
  return found;
}

/** Share of annotations a converter would make: on a Traditional form that Simplified writes otherwise. */
const CONVERTER_SHARE = 0.8;
/** Below this many annotations a Simplified-side pattern is not told apart from teaching text. */
const MIN_SIMPLIFIED_SIDE = 5;
/** Spaced annotations needed before a document's `(rén )` are taken for inserted noise. */
const MIN_SPACED = 3;

/** Annotations judged to be a converter's leftovers, as removable issues. */
export function findPinyinAnnotations(text: string): GarbleIssue[] {
  const all = findReadingAnnotations(text);
  if (all.length === 0) return [];
  const charOf = (a: PinyinAnnotation) => String.fromCodePoint(text.codePointAt(a.charStart)!);
  const traditionalSide = all.filter((a) => simplifiedChar(charOf(a)) !== charOf(a));
  let chosen: PinyinAnnotation[] = [];
  if (traditionalSide.length >= CONVERTER_SHARE * all.length) {
    chosen = traditionalSide;
  } else {
    const variantSide = all.filter((a) => hasScriptVariant(charOf(a)));
    if (variantSide.length >= MIN_SIMPLIFIED_SIDE && variantSide.length >= 0.9 * all.length) chosen = variantSide;
  }
  const spaced = all.filter((a) => a.spaced);
  if (spaced.length >= MIN_SPACED) chosen = [...new Set([...chosen, ...spaced])].sort((a, b) => a.start - b.start);
  return chosen.map((a) => ({
    kind: 'pinyin-annotation' as const,
    start: a.start,
    end: a.end,
    confidence: 0.95,
    replacement: '',
    plan: [`remove reading (${a.syllable}) of ${charOf(a)}`],
  }));
}

export const pinyinAnnotationDetector: TextDetector = {
  level: 'text',
  kind: 'pinyin-annotation',
  looksFor: "a converter's reading after a character: 發(fā)展 → 發展",
  plan: 'remove the reading',
  noun: ['pinyin annotation', 'pinyin annotations'],
  needs: PARENTHESIS,
  find: ({ text }) => findPinyinAnnotations(text),
};
