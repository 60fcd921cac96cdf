/**
 * How a single line reads: as running text, as a short heading-like line, or as something else
 * (a label, a caption, a list item, code). Headings are told from body text by shape, because
 * plain-text Chinese articles mark their subheadings with nothing but a short line.
 */
import { isHan } from '../text/chars';

/** Sentence-ending and clause-ending marks, full-width and ASCII. A line ending in one is prose. */
const CLOSING_PUNCT = new Set('。，、；：！？…,;:!?．.');
/** Closing quotes and brackets that can follow the final mark: `……”` `。）`. */
const TRAILING_CLOSERS = new Set('”"’\'」』）)】〕》]');
/** A list-item or attribution lead-in: `- 京西有驚喜`, `* 我們都是志願者。`, `—— 杜甫`, `> 引文`. */
const BULLET = /^(?:[-*+•·●○■□◆◇▪▶►>|]|——|--)/;
/** The source line under a quotation: `-- Debian 《行为准则》第一条`. */
const ATTRIBUTION = /^(?:--|——)/;
/** Captions of pictures and videos: `图为……`, `（新华社记者 某某 摄）`. */
const CAPTION = /^(?:[图圖](?:为|為|片|：|:|\s*\d)|资料图|資料圖|视频|視頻|来源|來源)|(?:摄|攝|供图|供圖)[)）]?$/;
/** A line entirely inside one pair of brackets is an aside or a note, not a heading. */
const BRACKETED = /^(?:[（(][^（()）]*[)）]|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕)$/;

export const MAX_HEADING_LENGTH = 32;
export const MAX_TITLE_LENGTH = 40;

/**
 * Whether `s` holds at least `n` Han characters; stops looking once it has found them. This and
 * countHan read code units (chars.ts isHan of each), so a supplementary-plane ideograph (a
 * surrogate pair) is not counted, unlike chars.ts countHan, which reads code points.
 */
function hasHan(s: string, n: number): boolean {
  for (let i = 0, found = 0; i < s.length; i++) if (isHan(s.charCodeAt(i)) && ++found >= n) return true;
  return false;
}

/** Han code units of `s` (hasHan: supplementary ideographs not counted). */
export function countHan(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) n++;
  return n;
}

function countNonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0x3000) n++;
  }
  return n;
}

/** The share of Han characters among the visible ones; 0 for an empty line. */
export function hanShare(s: string): number {
  const visible = countNonSpace(s);
  return visible === 0 ? 0 : countHan(s) / visible;
}

/** The last character before any closing quotes and brackets ('' for none). */
export function lastMark(s: string): string {
  // A loop from the end: a regex anchored only at `$` would scan the whole line first.
  let i = s.length - 1;
  while (i >= 0 && TRAILING_CLOSERS.has(s[i])) i--;
  return i >= 0 ? s[i] : '';
}

export function endsWithClosingPunct(s: string): boolean {
  return CLOSING_PUNCT.has(lastMark(s));
}

export function isBulleted(s: string): boolean {
  return BULLET.test(s);
}

/**
 * Running text: a sentence or a clause that ends with punctuation, a line that holds a full stop,
 * a question mark or a semicolon, or two commas (a headline has one at most), or a line too long
 * to be a heading. `作者：张九龄` is not running text, and neither is a code line or a URL.
 */
export function isProse(s: string): boolean {
  // An attribution under a quotation (-- Osamu Aoki (青木修), Debian 参考手册) closes a text.
  if (!hasHan(s, 2) || ATTRIBUTION.test(s)) return false;
  if (endsWithClosingPunct(s) || /[。；！？]/.test(s)) return true;
  return (s.match(/[，,]/g) ?? []).length > 1 || s.length > MAX_TITLE_LENGTH;
}

/** Hard-wrapped paragraphs (Debian's text manuals wrap at about 35 Han characters) have full lines. */
export const MIN_WRAPPED_LINE = 24;

/** Whether the line, trimmed, is shaped like a headline of at most `maxLength` characters. */
export function isHeadlineShaped(s: string, maxLength: number): boolean {
  if (s.length > maxLength || countHan(s) < 2 || hanShare(s) < 0.3) return false;
  if (endsWithClosingPunct(s) || /[。；]/.test(s)) return false;
  if ((s.match(/[，,]/g) ?? []).length > 1) return false;
  return !isBulleted(s) && !CAPTION.test(s) && !BRACKETED.test(s);
}

/** Key–value lines such as `作者：张九龄` or `统计信息截止到:2017-09-19`. */
export function hasLabelColon(s: string): boolean {
  return /[：:]\s*\S/.test(s);
}
