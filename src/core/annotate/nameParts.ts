/**
 * The pieces an organization name is read from, walking left from its ending: dictionary words,
 * places (towns too: 福林镇), Latin brands and bracketed regions (componentEndingAt), names in
 * quotes and book quotes, and the checks on where a name may start (not inside a number, not in
 * the middle of a place the walk split). Works on text folded to Simplified.
 */
import { commonWordsEnding, functionWordsEnding, organizationNames, organizationNamesEnding, properWordsEnding } from './lexicon';
import { isLatin, latinChainStart } from './latinNames';
import { inHanRange } from '../text/chars';
import { INSTITUTIONAL_HEADS, LEFT_STOP_CHARS, NOT_A_NAME_HEAD, SUFFIXES_BY_LAST_CHAR } from './orgSuffixes';

/** Words of names that end in a stop character: 自由软件基金会, 国有资产监督管理委员会. */
const STOP_ENDED_NAME_WORDS = new Set(['自由', '国有']);
const OPEN_QUOTES = '“"「『';
const CLOSE_QUOTES = '”"」』';

/** A Han character that may be part of a name: not a function word or verb that ends a walk (在, 与, 的). */
function isNameChar(s: string, p: number): boolean {
  return inHanRange(s.charCodeAt(p)) && !LEFT_STOP_CHARS.has(s[p]);
}

/** Nothing of a name can go on left of `pos`: the text's start, punctuation, a stop character. */
export function atBoundary(s: string, pos: number): boolean {
  return pos === 0 || !isNameChar(s, pos - 1);
}

export const NUMERALS = '零〇一二三四五六七八九十百千两';
export const LEVEL_CHARS = '省市县区镇乡州';

export interface Component {
  start: number;
  proper: boolean;
  /** The component is a whole organization name of the lexicon (党中央, 新华社). */
  org?: boolean;
  brand?: string;
}

/**
 * One component ending at `end`: a bracketed region, a Latin brand (possibly set off by a space:
 * Falcot 公司, Apache 软件基金会) or the longest dictionary word.
 */
export function componentEndingAt(s: string, end: number): Component | undefined {
  const last = s.charCodeAt(end - 1);
  if (last === 0x29 /* ) */) {
    const open = s.lastIndexOf('(', end - 1);
    if (open < 0 || end - open > 8) return undefined;
    const inside = s.slice(open + 1, end - 1);
    const isPlace = properWordsEnding().longest(s, end - 1) === inside.length || inside === '中国';
    return isPlace ? { start: open, proper: true } : undefined;
  }
  const latinEnd = last === 0x20 && isLatin(s.charCodeAt(end - 2)) ? end - 1 : end;
  if (isLatin(s.charCodeAt(latinEnd - 1))) {
    const start = latinChainStart(s, latinEnd);
    if (start === undefined) return undefined;
    return { start, proper: true, brand: s.slice(start, latinEnd) };
  }
  const org = organizationNamesEnding().longest(s, end, 2);
  const proper = properWordsEnding().longest(s, end, 2);
  // 在, 和, 都 end the walk, unless a name ends with them (成都, 京都, 自由, 国有) and does not
  // just continue the text before it: 河南和上海 holds 南和 (a county) only by accident.
  if (LEFT_STOP_CHARS.has(s[end - 1]) && !STOP_ENDED_NAME_WORDS.has(s.slice(end - 2, end))) {
    const name = Math.max(org, proper);
    const before = end - name;
    const bounded = atBoundary(s, before) || properWordsEnding().longest(s, before, 2) > 0;
    if (!name || !bounded) return undefined;
  }
  const common = commonWordsEnding().longest(s, end, 2);
  const longest = Math.max(org, proper, common);
  // 福林镇, 石安乡: towns and townships are too many for the lists; two characters before 镇 or 乡
  // that are no word of their own (not 城镇, 乡镇) name one.
  if (longest < 3 && (s[end - 1] === '镇' || s[end - 1] === '乡') && end >= 3 && townName(s, end - 3, end - 1)) return { start: end - 3, proper: true };
  if (longest === 0) return undefined;
  const word = s.slice(end - longest, end);
  return { start: end - longest, proper: org === longest || proper === longest || INSTITUTIONAL_HEADS.has(word), org: org === longest };
}

function townName(s: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) {
    if (!isNameChar(s, p) || NOT_A_NAME_HEAD.has(s[p]) || NUMERALS.includes(s[p])) return false;
  }
  return commonWordsEnding().longest(s, end + 1, 2) === 0 && commonWordsEnding().longest(s, end, 2) === 0 && functionWordsEnding().longest(s, end, 2) === 0;
}

/** The quoted name that ends exactly at `end`: “京津冀三地……合作联盟”. */
export function quotedNameStart(s: string, end: number): number | undefined {
  if (end >= s.length || !CLOSE_QUOTES.includes(s[end])) return undefined;
  for (let i = end - 1; i >= 0 && end - i <= 40; i--) {
    if (OPEN_QUOTES.includes(s[i])) return end - i - 1 >= 4 ? i + 1 : undefined;
    const c = s.charCodeAt(i);
    if (!inHanRange(c) && !isLatin(c) && c !== 0x28 && c !== 0x29) return undefined;
  }
  return undefined;
}

/** Start of the run of Han characters (at most 8, not crossing a stop character) ending at `end`. */
export function hanRunStart(s: string, end: number): number | undefined {
  let start = end;
  while (start > 0 && end - start < 8 && isNameChar(s, start - 1)) start--;
  return end - start >= 2 ? start : undefined;
}

/**
 * 网景公司, 昇阳公司: a short word the lexicon does not know, right before 公司 and after a
 * boundary, is taken as the company's name. Known words (商业公司, 软件公司) and determiners
 * (该公司, 哪家公司) are not names.
 */
export function unknownWordBefore(s: string, suffixStart: number): number | undefined {
  for (const len of [2, 3]) {
    const start = suffixStart - len;
    if (start < 0) break;
    let ok = true;
    for (let p = start; p < suffixStart && ok; p++) ok = isNameChar(s, p) && !NOT_A_NAME_HEAD.has(s[p]);
    if (!ok) break;
    if (!atBoundary(s, start)) continue;
    if (commonWordsEnding().longest(s, suffixStart, 2) > 0 || properWordsEnding().longest(s, suffixStart, 2) >= len) return undefined;
    return start;
  }
  return undefined;
}

/**
 * 北京清华大学, 日本京都大学: a place written before a name that the lexicon knows and that has a
 * proper head of its own (清华, 京都) says where it is, not what it is called. 北京经济技术开发区
 * keeps its place: 经济技术开发区 is a kind of zone, not a name.
 */
export function withoutLeadingPlace(s: string, start: number, end: number): number {
  for (let p = start + 2; p <= start + 4 && p + 4 <= end; p++) {
    if (properWordsEnding().longest(s, p, 2) !== p - start || organizationNames().longest(s, p, 4) !== end - p) continue;
    const head = properWordsEnding();
    if (head.longest(s, p + 2, 2) === 2 || head.longest(s, p + 3, 3) === 3) return p;
  }
  return start;
}

/** True when the text before `at` ends with a body's ending: 公司, 协会, 大学. */
export function endsWithSuffix(s: string, at: number): boolean {
  return (SUFFIXES_BY_LAST_CHAR.get(s[at - 1] ?? '') ?? []).some((x) => x.suffix.length >= 2 && s.endsWith(x.suffix, at));
}

/**
 * A name does not start with a count (四大国有银行, 两家公司) or inside a number (九大新闻中心 of
 * 十九大新闻中心); places that start with a numeral are names (四川, 三亚, 九江).
 */
export function countedOrCut(s: string, start: number): boolean {
  if (!NUMERALS.includes(s[start])) return false;
  if (start > 0 && NUMERALS.includes(s[start - 1])) return true;
  const place = properWordsEnding();
  return !(place.longest(s, start + 2, 2) === 2 || place.longest(s, start + 3, 3) === 3) || s[start + 1] === '大';
}

/**
 * The start moved back over a place the walk split: it read 台湾区 as 台 + 湾区 (a bay area),
 * and the name starts at 台湾.
 */
export function placeAcrossStart(s: string, start: number): number {
  if (atBoundary(s, start)) return start;
  for (let k = 1; k <= 2; k++) {
    const len = properWordsEnding().longest(s, start + k, k + 1);
    if (len > k && len <= k + 2) return start + k - len;
  }
  return start;
}

/** Start of the title when `end` closes a title in book quotes: 《联合报》. */
export function bookTitleStart(s: string, end: number): number | undefined {
  if (s[end] !== '》') return undefined;
  const open = s.lastIndexOf('《', end - 1);
  return open >= 0 && end - open - 1 >= 2 && end - open <= 16 && !s.slice(open + 1, end).includes('》') ? open + 1 : undefined;
}
