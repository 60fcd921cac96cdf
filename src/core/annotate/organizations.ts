/**
 * Organization names in news text, without a statistical model:
 * 1. names from the lexicon (jieba's nt entries and org abbreviations): 天津大学, 新华社, 发改委;
 * 2. a suffix grammar (orgSuffixes.ts): a known ending (有限公司, 大学, 开发区, 局 ...) whose left
 *    part is a chain of dictionary words with a proper component at its head (北京 + 经济 + 技术 +
 *    开发区; SMC + (中国) + 有限公司; Apache + 软件 + 基金会), two or more plain words before a
 *    strong ending (自由 + 软件 + 基金会), an unknown word before 公司 (网景公司), a brand no list
 *    knows inside a company's or a newspaper's name (中国 + 诚通 + 控股 + 集团 + 有限公司), or a
 *    whole quoted name (“…合作联盟”, 《联合报》);
 * 3. well-known names without an ending (knownNames.ts): 华为, 工行, 北约, IBM;
 * 4. Latin names with a legal or institutional ending: Falcot Corp, SUSE ... GmbH (latinNames.ts);
 * 5. names given in brackets after a name: 自由软件基金会（FSF）, Red Hat, Inc.（红帽）;
 * 6. aliases the text declares: 北京经济技术开发区(下称“北京亦庄”);
 * 7. document consistency: once a string is a name, all its other mentions are too; the Latin
 *    brand heading a company name (SMC of SMC(中国)有限公司) and the short names a full company
 *    name gives (中国中车 of 中国中车集团公司) name that company.
 * Matching runs on the text folded to Simplified, so Traditional and Simplified behave alike.
 */
import { foldToSimplified } from './scriptFold';
import {
  commonWordsEnding, functionWordsEnding, organizationNames, organizationNamesEnding, properWordsEnding,
} from './lexicon';
import { aliasDeclaredAfter } from './aliases';
import { CharTrie } from './trie';
import { bracketedNameAfter, isLatin, latinChainStart, latinNames } from './latinNames';
import { knownNames } from './knownNames';
import {
  COMPANY_FORM_SUFFIXES, GENERIC_HEADS, INSTITUTIONAL_HEADS, LEFT_STOP_CHARS, NEWSPAPER_SUFFIXES, NOT_A_NAME_HEAD, ONE_WORD_SUFFIXES,
  STRONG_SUFFIXES, SUFFIX_LAST_CHARS, SUFFIXES_BY_LAST_CHAR, typeBySuffix, type OrganizationType,
} from './orgSuffixes';

export type { OrganizationType } from './orgSuffixes';

export interface Organization {
  start: number;
  end: number;
  text: string;
  type: OrganizationType;
  /** The full name: for 北京亦庄 declared as (下称“北京亦庄”), 北京经济技术开发区. */
  canonical: string;
}

interface Candidate {
  start: number;
  end: number;
  type: OrganizationType;
  /** Folded canonical name; resolved to original text at the end. */
  canonical?: { start: number; end: number };
  /** Latin brand at the head of a company name: SMC, Canonical. */
  brand?: string;
}

const MAX_NAME_LENGTH = 30;
/** Words of names that end in a stop character: 自由软件基金会, 国有资产监督管理委员会. */
const STOP_ENDED_NAME_WORDS = new Set(['自由', '国有']);
const OPEN_QUOTES = '“"「『';
const CLOSE_QUOTES = '”"」』';

function isHan(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

const NUMERALS = '零〇一二三四五六七八九十百千两';
const LEVEL_CHARS = '省市县区镇乡州';
/** Second characters of titles made with a body's last character: 部长, 社长, 委员. */
const TITLE_ENDS = '长员';

/**
 * A lexicon entry that is only a kind of body (通讯社, 联合会: the dictionary tags them as names
 * too) or a counted group (四大行) names nothing by itself.
 */
function namesNothingAlone(name: string): boolean {
  return (!INSTITUTIONAL_HEADS.has(name) && SUFFIXES_BY_LAST_CHAR.get(name[name.length - 1])?.some((x) => x.suffix === name) === true) ||
    (NUMERALS.includes(name[0]) && name[1] === '大');
}

/** 卫生部门, 新华网站: the ending's last character begins another word with the next one (the suffix table's notBefore). */
function continuesAsWord(s: string, end: number): boolean {
  if (end >= s.length) return false;
  return (SUFFIXES_BY_LAST_CHAR.get(s[end - 1]) ?? []).some((x) => x.suffix.length === 1 && x.notBefore?.includes(s[end]));
}

/** Names from the lexicon, longest first at each position (3 characters or more: 中大 is too ambiguous). */
function lexiconNames(s: string, out: Candidate[]): void {
  const names = organizationNames();
  for (let i = 0; i < s.length; ) {
    const found = names.hasFirst(s.charCodeAt(i)) ? names.longest(s, i, 3) : 0;
    // 外交部长 (but 新华社社长 is fine): a name whose last character makes a title with the next
    // (部长, 委员) is the title of a person, not the body.
    if (found && (namesNothingAlone(s.slice(i, i + found)) || (TITLE_ENDS.includes(s[i + found] ?? ' ') && commonWordsEnding().longest(s, i + found + 1, 2) >= 2) ||
      continuesAsWord(s, i + found))) {
      i += found;
    } else if (found) {
      out.push({ start: withoutLeadingPlace(s, i, i + found), end: i + found, type: typeBySuffix(s.slice(i, i + found)) });
      i += found;
    } else {
      i++;
    }
  }
}

interface Component {
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
function componentEndingAt(s: string, end: number): Component | undefined {
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
    const bounded = before === 0 || !isHan(s.charCodeAt(before - 1)) || LEFT_STOP_CHARS.has(s[before - 1]) || properWordsEnding().longest(s, before, 2) > 0;
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
    if (!isHan(s.charCodeAt(p)) || LEFT_STOP_CHARS.has(s[p]) || NOT_A_NAME_HEAD.has(s[p]) || NUMERALS.includes(s[p])) return false;
  }
  return commonWordsEnding().longest(s, end + 1, 2) === 0 && commonWordsEnding().longest(s, end, 2) === 0 && functionWordsEnding().longest(s, end, 2) === 0;
}

/** The quoted name that ends exactly at `end`: “京津冀三地……合作联盟”. */
function quotedNameStart(s: string, end: number): number | undefined {
  if (end >= s.length || !CLOSE_QUOTES.includes(s[end])) return undefined;
  for (let i = end - 1; i >= 0 && end - i <= 40; i--) {
    if (OPEN_QUOTES.includes(s[i])) return end - i - 1 >= 4 ? i + 1 : undefined;
    const c = s.charCodeAt(i);
    if (!isHan(c) && !isLatin(c) && c !== 0x28 && c !== 0x29) return undefined;
  }
  return undefined;
}

/** Start of the run of Han characters (at most 8, not crossing a stop character) ending at `end`. */
function hanRunStart(s: string, end: number): number | undefined {
  let start = end;
  while (start > 0 && end - start < 8 && isHan(s.charCodeAt(start - 1)) && !LEFT_STOP_CHARS.has(s[start - 1])) start--;
  return end - start >= 2 ? start : undefined;
}

/**
 * 网景公司, 昇阳公司: a short word the lexicon does not know, right before 公司 and after a
 * boundary, is taken as the company's name. Known words (商业公司, 软件公司) and determiners
 * (该公司, 哪家公司) are not names.
 */
function unknownWordBefore(s: string, suffixStart: number): number | undefined {
  for (const len of [2, 3]) {
    const start = suffixStart - len;
    if (start < 0) break;
    let ok = true;
    for (let p = start; p < suffixStart && ok; p++) ok = isHan(s.charCodeAt(p)) && !LEFT_STOP_CHARS.has(s[p]) && !NOT_A_NAME_HEAD.has(s[p]);
    if (!ok) break;
    const before = s.charCodeAt(start - 1);
    const bounded = start === 0 || !isHan(before) || LEFT_STOP_CHARS.has(s[start - 1]);
    if (!bounded) continue;
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
function withoutLeadingPlace(s: string, start: number, end: number): number {
  for (let p = start + 2; p <= start + 4 && p + 4 <= end; p++) {
    if (properWordsEnding().longest(s, p, 2) !== p - start || organizationNames().longest(s, p, 4) !== end - p) continue;
    const head = properWordsEnding();
    if (head.longest(s, p + 2, 2) === 2 || head.longest(s, p + 3, 3) === 3) return p;
  }
  return start;
}

/** True when the text before `at` ends with a body's ending: 公司, 协会, 大学. */
function endsWithSuffix(s: string, at: number): boolean {
  return (SUFFIXES_BY_LAST_CHAR.get(s[at - 1] ?? '') ?? []).some((x) => x.suffix.length >= 2 && s.endsWith(x.suffix, at));
}

/**
 * A name does not start with a count (四大国有银行, 两家公司) or inside a number (九大新闻中心 of
 * 十九大新闻中心); places that start with a numeral are names (四川, 三亚, 九江).
 */
function countedOrCut(s: string, start: number): boolean {
  if (!NUMERALS.includes(s[start])) return false;
  if (start > 0 && NUMERALS.includes(s[start - 1])) return true;
  const place = properWordsEnding();
  return !(place.longest(s, start + 2, 2) === 2 || place.longest(s, start + 3, 3) === 3) || s[start + 1] === '大';
}

/**
 * The start moved back over a place the walk split: it read 台湾区 as 台 + 湾区 (a bay area),
 * and the name starts at 台湾.
 */
function placeAcrossStart(s: string, start: number): number {
  if (start === 0 || !isHan(s.charCodeAt(start - 1)) || LEFT_STOP_CHARS.has(s[start - 1])) return start;
  for (let k = 1; k <= 2; k++) {
    const len = properWordsEnding().longest(s, start + k, k + 1);
    if (len > k && len <= k + 2) return start + k - len;
  }
  return start;
}

interface Walk {
  /** Start of the leftmost proper component, or of the unknown words of a company's name. */
  start?: number;
  brand?: string;
  words: number;
  /** Start of the plain words right of any proper one. */
  plainStart: number;
  /** The walk stopped at the start of the text, punctuation or a function word, not in mid-phrase. */
  bounded: boolean;
}

/** Kinds of bodies whose names may hold words the lists lack: a brand, a field (侨务, 纳米). */
const NAMED_FOR_A_FIELD = new Set<OrganizationType>(['company', 'media', 'government', 'university', 'association']);

/** Characters of words the lists lack that a company's or a newspaper's name may hold (诚通, 君傲). */
const MAX_UNKNOWN_CHARS = 4;

/**
 * Walks left from an ending over the components of a name: dictionary words, places, Latin brands
 * and, for companies and media, one run of characters the lists lack, which is the brand of a
 * name shaped [place] [brand] [plain words] ending: 中国 + 诚通 + 控股 + 集团 + 有限公司,
 * 日本 + 读卖 + 新闻社. The name starts at the leftmost proper component; a brand with nothing
 * proper left of it starts the name when a boundary is left of it (浙商 + 证券 + 股份有限公司 at
 * the start of a line), not in mid-sentence after plain words (梁振英 + 会见 + 中新社).
 */
function walkLeft(s: string, suffixStart: number, end: number, suffix: string, type: OrganizationType): Walk {
  let pos = suffixStart;
  let start: number | undefined;
  let weakStart = false;
  let brand: string | undefined;
  let words = 0;
  let plainStart = suffixStart;
  let unknownStart: number | undefined;
  let unknownChars = 0;
  let unknownEnd: number | undefined;
  let bounded = false;
  // Companies and media may be named for a brand alone (浙商证券); other bodies only with a
  // place or name before the words the lists lack (国务院 + 侨务 + 办公室).
  const brandNamed = type === 'company' || type === 'media';
  const standsAlone = INSTITUTIONAL_HEADS.has(suffix);
  for (;;) {
    if (pos === 0) {
      bounded = true;
      break;
    }
    if (end - pos >= MAX_NAME_LENGTH || GENERIC_HEADS.has(s.slice(pos - 2, pos))) break;
    if (functionWordsEnding().longest(s, pos, 2) > 0) {
      bounded = true;
      break;
    }
    // 食物及卫生局, 商务及经济发展局: 及 joins two fields inside a bureau's name when a word at a
    // boundary stands before it.
    if (s[pos - 1] === '及' && type === 'government' && words > 0 && start === undefined) {
      const field = componentEndingAt(s, pos - 1);
      if (field && !field.proper && (field.start === 0 || !isHan(s.charCodeAt(field.start - 1)) || LEFT_STOP_CHARS.has(s[field.start - 1]))) {
        plainStart = field.start;
        words++;
        pos = field.start;
        continue;
      }
    }
    const c = componentEndingAt(s, pos);
    // A one-character suffix (局, 部, 网) needs a real word before it: not 东部, 全部, 上网.
    if (c && pos === suffixStart && suffix.length === 1 && pos - c.start < 2) break;
    if (!c) {
      const ch = s[pos - 1];
      if (!isHan(s.charCodeAt(pos - 1)) || LEFT_STOP_CHARS.has(ch)) {
        bounded = true;
        break;
      }
      const inRun = unknownStart === undefined || unknownStart === pos;
      if (!inRun || !NAMED_FOR_A_FIELD.has(type) || (start !== undefined && !(weakStart && type === 'company')) || (pos === suffixStart && suffix.length === 1) ||
        unknownChars === MAX_UNKNOWN_CHARS || NOT_A_NAME_HEAD.has(ch) || NUMERALS.includes(ch)) break;
      unknownEnd ??= pos;
      unknownStart = --pos;
      unknownChars++;
      words++;
      continue;
    }
    // 党中央 + 国务院: two bodies side by side, not one name (but 中国 + 国务院 is one).
    if (c.org && standsAlone && pos === suffixStart) break;

    if (unknownStart === pos) {
      // Left of the brand only a place may stand (中国 of 中国诚通); plain words mean mid-sentence.
      if (c.proper) {
        start = c.start;
        brand = c.brand;
        unknownStart = undefined;
        words++;
      }
      break;
    }
    words++;
    if (c.proper) {
      start = c.start;
      brand = c.brand;
      weakStart = INSTITUTIONAL_HEADS.has(s.slice(c.start, pos));
    } else if (start === undefined) {
      plainStart = c.start;
    }
    pos = c.start;
    // A Latin brand heads the name: 保加利亚出版社 is a description before TopTeam公司.
    if (c.brand) break;
  }
  // A brand left of everything proper belongs to the name when only a boundary is left of it;
  // two characters at least, when nothing proper is there: not 去 in 去银行.
  if (unknownStart !== undefined && bounded && (start === undefined ? brandNamed && unknownChars >= 2 : unknownStart < start)) start = unknownStart;
  // Mid-sentence, a company named brand + trade + legal form keeps a brand of two characters, the
  // usual length of one (组建起 + 福鼎 + 科技 + 股份有限公司).
  if (start === undefined && !bounded && unknownEnd !== undefined && unknownChars >= 2 && unknownEnd < suffixStart && suffix.length >= 2 &&
    type === 'company') start = unknownEnd - 2;
  return { start, brand, words, plainStart, bounded };
}

/** Start of the title when `end` closes a title in book quotes: 《联合报》. */
function bookTitleStart(s: string, end: number): number | undefined {
  if (s[end] !== '》') return undefined;
  const open = s.lastIndexOf('《', end - 1);
  return open >= 0 && end - open - 1 >= 2 && end - open <= 16 && !s.slice(open + 1, end).includes('》') ? open + 1 : undefined;
}

function suffixNames(s: string, out: Candidate[]): void {
  for (let i = 0; i < s.length; i++) {
    if (!SUFFIX_LAST_CHARS[s.charCodeAt(i)]) continue;
    const end = i + 1;
    for (const { suffix, type, notBefore } of SUFFIXES_BY_LAST_CHAR.get(s[i])!) {
      if (!s.endsWith(suffix, end)) continue;
      if (notBefore && end < s.length && notBefore.includes(s[end])) break;
      const suffixStart = end - suffix.length;
      // A quoted phrase ending in a one-character suffix is usually a slogan: “跨省通办”.
      const quoted = suffix.length >= 2 ? quotedNameStart(s, end) : undefined;
      if (quoted !== undefined) {
        out.push({ start: quoted, end, type });
        break;
      }
      // A one-character ending that starts a word with the next character ends no name: 社长 in 中新社社长.
      if (suffix.length === 1 && commonWordsEnding().longest(s, end + 1, 2) >= 2) break;
      // 奇瑞汽车有限公司党委书记: the party committee of a body named in full is that body's,
      // not a name of its own (but 福林镇党委 and 贵州省委 are names).
      if (suffix === '党委' && endsWithSuffix(s, suffixStart)) break;
      // 北京市委市政府, 福林镇党委镇政府: the committee and the government side by side; the
      // government's own name is only its level (市政府), which names no one.
      if (suffix.endsWith('政府') && LEVEL_CHARS.includes(s[suffixStart - 1] ?? ' ') && s[suffixStart - 2] === '委') break;
      const walk = walkLeft(s, suffixStart, end, suffix, type);
      let { start } = walk;
      const { brand, words, plainStart } = walk;
      // 自由软件基金会, 互联网系统协会: two plain words before a strong ending name a body.
      if (start === undefined && words >= 2 && STRONG_SUFFIXES.has(suffix) && suffixStart - plainStart >= 4) start = plainStart;
      // 证券时报, 工人日报: one word at a boundary before a newspaper's ending is its title.
      if (start === undefined && words >= 1 && walk.bounded && NEWSPAPER_SUFFIXES.has(suffix)) start = plainStart;
      // 经济部, 教育局, 科技大学: one word at a boundary before them names a ministry, a bureau, a university.
      if (start === undefined && words === 1 && walk.bounded && ONE_WORD_SUFFIXES.has(suffix) && suffixStart - plainStart === 2) start = plainStart;
      if (start === undefined && suffix === '公司') start = unknownWordBefore(s, suffixStart);
      // 阿利坎特大学(Universitat d'Alacant): a transliterated name glossed with its original.
      if (start === undefined && bracketedNameAfter(s, suffixStart, end)) start = hanRunStart(s, suffixStart);
      // 《联合报》: a title in book quotes that ends like a newspaper is one.
      if (start === undefined && type === 'media') start = bookTitleStart(s, end);
      if (start !== undefined && !countedOrCut(s, start)) {
        start = withoutLeadingPlace(s, placeAcrossStart(s, start), end);
        out.push({ start, end, type, ...(brand && type === 'company' ? { brand } : {}) });
      }
      break;
    }
  }
}

/** Longest, then earliest, candidates win; the result is sorted and non-overlapping. */
function resolveOverlaps(candidates: Candidate[], length: number): Candidate[] {
  const sorted = [...candidates].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  const occupied = new Uint8Array(length);
  for (const c of sorted) {
    let free = true;
    for (let p = c.start; p < c.end && free; p++) free = occupied[p] === 0;
    if (!free) continue;
    occupied.fill(1, c.start, c.end);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Aliases declared after a name, and names given in brackets after it (FSF, Free Software Foundation). */
function namesAfter(s: string, names: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const name of names) {
    const canonical = name.canonical ?? { start: name.start, end: name.end };
    const alias = aliasDeclaredAfter(s, name.end);
    if (alias) {
      out.push({ start: alias.start, end: alias.end, type: name.type, canonical });
      continue;
    }
    const bracketed = bracketedNameAfter(s, name.start, name.end);
    if (bracketed) out.push({ start: bracketed.start, end: bracketed.end, type: name.type, canonical });
  }
  return out;
}

/**
 * The short names a company's full name gives: without its legal form (中国中车集团公司 →
 * 中国中车, 浙商国际金融控股有限公司 → 浙商国际金融) and then without the place before its brand
 * (中国诚通 → 诚通, 上海壁仞智能科技 → 壁仞科技), as news uses them after the first mention. A short name must keep three
 * characters, or be a brand the word lists do not know: 上海汽车工业 does not give 汽车工业.
 */
function shortNames(s: string, c: Candidate): string[] {
  let end = c.end;
  for (let cut = true; cut; ) {
    cut = false;
    for (const form of COMPANY_FORM_SUFFIXES) {
      if (end - form.length - c.start >= 2 && s.endsWith(form, end)) {
        end -= form.length;
        cut = true;
        break;
      }
    }
  }
  if (end === c.end) return [];
  const short = s.slice(c.start, end);
  if (!/^[\u3400-\u9fff]+$/u.test(short)) return [];
  const names = short.length >= 3 ? [short] : [];
  const place = properWordsEnding().longest(s, c.start + 2, 2) === 2 ? 2 : properWordsEnding().longest(s, c.start + 3, 3) === 3 ? 3 : 0;
  const brandStart = c.start + place;
  if (place && end - brandStart >= 2 && commonWordsEnding().longest(s, brandStart + 2, 2) === 0 && properWordsEnding().longest(s, brandStart + 2, 2) === 0) {
    names.push(s.slice(brandStart, end));
    // 上海壁仞智能科技 → 壁仞科技: the brand with the trade the name ends in.
    if (end - brandStart >= 6 && commonWordsEnding().longest(s, end, 2) === 2) names.push(s.slice(brandStart, brandStart + 2) + s.slice(end - 2, end));
  }
  return names;
}

/** Every other mention of a recognised name or declared alias, and brand mentions (SMC), in one scan. */
function otherMentions(s: string, found: Candidate[]): Candidate[] {
  const byText = new Map<string, { source: Candidate; latin: boolean }>();
  for (const c of found) {
    const text = s.slice(c.start, c.end);
    if (!byText.has(text)) byText.set(text, { source: c, latin: false });
    if (c.brand && c.brand.length >= 2 && !byText.has(c.brand)) byText.set(c.brand, { source: c, latin: true });
    if (c.type === 'company') for (const short of shortNames(s, c)) if (!byText.has(short)) byText.set(short, { source: c, latin: false });
  }
  if (byText.size === 0) return [];
  const trie = new CharTrie(byText.keys());
  const out: Candidate[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!trie.hasFirst(s.charCodeAt(i))) continue;
    const len = trie.longest(s, i, 2);
    if (!len) continue;
    const { source, latin } = byText.get(s.slice(i, i + len))!;
    // A Latin name must stand alone: SMC, not SMCX, and not inside a host name (mail.falcot.com).
    if ((latin || isLatin(s.charCodeAt(i))) && (isLatin(s.charCodeAt(i - 1)) || isLatin(s.charCodeAt(i + len)) ||
      s[i - 1] === '.' || (s[i + len] === '.' && isLatin(s.charCodeAt(i + len + 1))))) continue;
    out.push({ start: i, end: i + len, type: source.type, canonical: source.canonical ?? { start: source.start, end: source.end } });
    i += len - 1;
  }
  return out;
}

/** Organizations in `text`, sorted and non-overlapping, with UTF-16 offsets into `text`. */
export function extractOrganizations(text: string): Organization[] {
  const s = foldToSimplified(text);
  const candidates: Candidate[] = [];
  lexiconNames(s, candidates);
  suffixNames(s, candidates);
  latinNames(s, candidates);
  knownNames(s, candidates);
  const names = resolveOverlaps(candidates, s.length);
  const found = resolveOverlaps([...names, ...namesAfter(s, names)], s.length);
  // Recognised spans keep their own entry; further mentions only fill gaps.
  const all = resolveOverlaps([...found, ...otherMentions(s, found)], s.length);
  return all.map((c) => {
    const canonical = c.canonical ?? { start: c.start, end: c.end };
    return { start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, canonical: text.slice(canonical.start, canonical.end) };
  });
}
