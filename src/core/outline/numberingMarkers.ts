/**
 * Heading numbers of Chinese documents. Official documents number their levels
 * 一、 → （一） → 1. / 1、 → （1） → ①; books and long documents use 第X章 / 第X節 / 第X篇 /
 * 第X部分; technical manuals use decimal numbers (1.1. / A.3.). The marker type, not the number,
 * decides the level, so each marker maps to a `type`, and types get levels in the order a
 * document first uses them.
 */

export interface NumberingMarker {
  kind: 'numbered' | 'chapter';
  type: string;
}

const HAN_DIGITS = '一二三四五六七八九十百千零〇两兩';
const DIGITS = '0-9０-９';

/** 第三章 麦子熟了, 第 1 章 定义和概览, 第二節, 第一部分：总则. Traditional and simplified units. */
const CHAPTER = new RegExp(
  `^第\\s*[${DIGITS}${HAN_DIGITS}]+\\s*(章|節|节|篇|部分|編|编|卷|回)(?=$|[\\s:：、．.])`,
);
/** `章 1.` and `節 2.`: how the Traditional Chinese DocBook stylesheets print "Chapter 1." */
const CHAPTER_SUFFIXED = /^(章|節|节)\s*\d+[.．](?=\s)/;
/** 附录 A. / 附錄 B: appendices sit at the level of chapters. */
const APPENDIX = /^附[录錄]\s*[A-Z](?=$|[\s.．:：])/;
/** 1.1. / 2.3.1 / A.3.: the number of parts is the depth. Needs a space after it, so 1.5億 is no heading. */
const DECIMAL = new RegExp(`^(?:[${DIGITS}]{1,2}|[A-Z])((?:[.．][${DIGITS}]{1,3})+)[.．]?(?=[\\s　])`);
/** 1. / 1、, and the 1， / 12, of older Chinese FAQs (never 1,2 or 1.5). */
const ARABIC = new RegExp(`^[${DIGITS}]{1,2}\\s*(?:[.．、，]|,(?=\\s))(?![${DIGITS}])`);
const HAN_DUN = new RegExp(`^[${HAN_DIGITS}]{1,3}\\s*、`);
const HAN_PAREN = new RegExp(`^[（(]\\s*[${HAN_DIGITS}]{1,3}\\s*[）)]`);
const ARABIC_PAREN = new RegExp(`^[（(]\\s*[${DIGITS}]{1,2}\\s*[）)]`);
/** ①–⑳ and ㉑–㉟. */
const CIRCLED = /^[\u2460-\u2473\u3251-\u325f]/;

const UNIT_TYPES: Record<string, string> = { 節: '节', 編: '编' };

/** The marker a trimmed line starts with, and the text after it; undefined for unnumbered lines. */
export function parseNumberingMarker(line: string): { marker: NumberingMarker; rest: string } | undefined {
  let m = CHAPTER.exec(line);
  if (m) return found('chapter', `chapter-${UNIT_TYPES[m[1]] ?? m[1]}`, line, m[0]);
  m = CHAPTER_SUFFIXED.exec(line);
  if (m) return found('chapter', `chapter-${UNIT_TYPES[m[1]] ?? m[1]}`, line, m[0]);
  m = APPENDIX.exec(line);
  if (m) return found('chapter', 'chapter-章', line, m[0]);
  m = DECIMAL.exec(line);
  if (m) return found('numbered', `decimal-${m[1].split(/[.．]/).length}`, line, m[0]);
  m = ARABIC.exec(line);
  if (m) return found('numbered', 'arabic', line, m[0]);
  m = HAN_DUN.exec(line);
  if (m) return found('numbered', 'han-dun', line, m[0]);
  m = HAN_PAREN.exec(line);
  if (m) return found('numbered', 'han-paren', line, m[0]);
  m = ARABIC_PAREN.exec(line);
  if (m) return found('numbered', 'arabic-paren', line, m[0]);
  m = CIRCLED.exec(line);
  if (m) return found('numbered', 'circled', line, m[0]);
  return undefined;
}

function found(kind: NumberingMarker['kind'], type: string, line: string, marker: string) {
  return { marker: { kind, type }, rest: line.slice(marker.length).replace(/^[\s:：、．.，,]+/, '') };
}
