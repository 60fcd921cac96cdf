/**
 * The walk left from an organization's ending (有限公司, 大学, 局) over the components of its name,
 * deciding where the name starts.
 */
import { functionWordsEnding } from './lexicon';
import { atBoundary, componentEndingAt, NUMERALS } from './nameParts';
import { GENERIC_HEADS, INSTITUTIONAL_HEADS, NOT_A_NAME_HEAD, type OrganizationType } from './orgSuffixes';

const MAX_NAME_LENGTH = 30;

export interface Walk {
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
export function walkLeft(s: string, suffixStart: number, end: number, suffix: string, type: OrganizationType): Walk {
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
      if (field && !field.proper && atBoundary(s, field.start)) {
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
      if (atBoundary(s, pos)) {
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
