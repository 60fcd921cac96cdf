/**
 * Organization names in news text, without a statistical model:
 * 1. names from the lexicon (jieba's nt entries): 天津大学, 中国气象局;
 * 2. a suffix grammar: a known ending (有限公司, 大学, 开发区, 网 ...) whose left part is a chain
 *    of dictionary words containing at least one proper component (北京 + 经济 + 技术 + 开发区;
 *    SMC + (中国) + 有限公司), or a whole quoted name (“…合作联盟”);
 * 3. aliases the text declares: 北京经济技术开发区(下称“北京亦庄”);
 * 4. document consistency: once a string is a name, all its other mentions are too, and the
 *    Latin brand heading a company name (SMC of SMC(中国)有限公司) names that company.
 * Matching runs on the text folded to Simplified, so Traditional and Simplified behave alike.
 */
import { foldToSimplified } from './scriptFold';
import {
  commonLexicon, longestWordEndingAt, organizationLexicon, properLexicon, type WordSet,
} from './lexicon';
import { aliasDeclaredAfter } from './aliases';
import {
  INSTITUTIONAL_HEADS, LEFT_STOP_CHARS, SUFFIXES_BY_LAST_CHAR, typeBySuffix, type OrganizationType,
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
  /** Latin brand at the head of a company name: SMC. */
  brand?: string;
}

const MAX_NAME_LENGTH = 30;
const OPEN_QUOTES = '“"「『';
const CLOSE_QUOTES = '”"」』';
const HAN = /[\u3400-\u9fff]/;
const LATIN_BRAND = /[A-Za-z][A-Za-z0-9&.\-]*$/;

/** Names from the lexicon, longest first at each position (3 characters or more: 中大 is too ambiguous). */
function lexiconNames(s: string, lexicon: WordSet): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.length; ) {
    let found = 0;
    for (const len of lexicon.lengthsByFirstChar.get(s[i]) ?? []) {
      if (len >= 3 && i + len <= s.length) {
        if (lexicon.words.has(s.slice(i, i + len))) {
          found = len;
          break;
        }
      }
    }
    if (found) {
      const name = s.slice(i, i + found);
      out.push({ start: i, end: i + found, type: typeBySuffix(name) });
      i += found;
    } else {
      i++;
    }
  }
  return out;
}

interface Component {
  start: number;
  proper: boolean;
  brand?: string;
}

/** One component ending at `end`: a bracketed region, a Latin brand or the longest dictionary word. */
function componentEndingAt(s: string, end: number, sets: { org: WordSet; proper: WordSet; common: WordSet }): Component | undefined {
  if (s[end - 1] === ')') {
    const open = s.lastIndexOf('(', end - 1);
    const inside = s.slice(open + 1, end - 1);
    if (open >= 0 && end - open <= 8 && (sets.proper.words.has(inside) || inside === '中国')) return { start: open, proper: true };
    return undefined;
  }
  const brand = LATIN_BRAND.exec(s.slice(Math.max(0, end - 20), end));
  if (brand && brand[0].length >= 2 && !/[A-Za-z0-9]/.test(s[end - brand[0].length - 1] ?? '')) {
    return { start: end - brand[0].length, proper: true, brand: brand[0] };
  }
  if (LEFT_STOP_CHARS.has(s[end - 1])) return undefined;
  const org = longestWordEndingAt(s, end, sets.org);
  const proper = longestWordEndingAt(s, end, sets.proper);
  const common = longestWordEndingAt(s, end, sets.common);
  const longest = Math.max(org, proper, common);
  if (longest === 0) return undefined;
  const word = s.slice(end - longest, end);
  return { start: end - longest, proper: org === longest || proper === longest || INSTITUTIONAL_HEADS.has(word) };
}

/** The quoted name that ends exactly at `end`: “京津冀三地……合作联盟”. */
function quotedNameStart(s: string, end: number): number | undefined {
  if (!CLOSE_QUOTES.includes(s[end] ?? '')) return undefined;
  for (let i = end - 1; i >= 0 && end - i <= 40; i--) {
    if (OPEN_QUOTES.includes(s[i])) return end - i - 1 >= 4 ? i + 1 : undefined;
    if (!HAN.test(s[i]) && !/[A-Za-z0-9()]/.test(s[i])) return undefined;
  }
  return undefined;
}

function suffixNames(s: string): Candidate[] {
  const sets = { org: organizationLexicon(), proper: properLexicon(), common: commonLexicon() };
  const out: Candidate[] = [];
  for (let i = 0; i < s.length; i++) {
    const suffixes = SUFFIXES_BY_LAST_CHAR.get(s[i]);
    if (!suffixes) continue;
    const end = i + 1;
    for (const { suffix, type, notBefore } of suffixes) {
      if (!s.endsWith(suffix, end)) continue;
      if (notBefore && notBefore.includes(s[end] ?? '')) break;
      const suffixStart = end - suffix.length;
      // A quoted phrase ending in a one-character suffix is usually a slogan: “跨省通办”.
      const quoted = suffix.length >= 2 ? quotedNameStart(s, end) : undefined;
      if (quoted !== undefined) {
        out.push({ start: quoted, end, type });
        break;
      }
      // Walk left over components; the name starts at the leftmost proper one.
      let pos = suffixStart;
      let start: number | undefined;
      let brand: string | undefined;
      while (pos > 0 && end - pos < MAX_NAME_LENGTH) {
        const c = componentEndingAt(s, pos, sets);
        // A one-character suffix (局, 部, 网) needs a real word before it: not 东部, 全部, 上网.
        if (!c || (pos === suffixStart && suffix.length === 1 && pos - c.start < 2)) break;
        if (c.proper) {
          start = c.start;
          brand = c.brand;
        }
        pos = c.start;
      }
      if (start !== undefined) out.push({ start, end, type, ...(brand && type === 'company' ? { brand } : {}) });
      break;
    }
  }
  return out;
}

/** Longest, then earliest, candidates win; the result is sorted and non-overlapping. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  // Occupied code units, so the check stays linear on megabyte documents.
  const occupied = new Set<number>();
  for (const c of sorted) {
    let free = true;
    for (let p = c.start; p < c.end && free; p++) free = !occupied.has(p);
    if (!free) continue;
    for (let p = c.start; p < c.end; p++) occupied.add(p);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Aliases declared after a name: the alias span itself, canonical to the name. */
function declaredAliases(s: string, names: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const name of names) {
    const alias = aliasDeclaredAfter(s, name.end);
    if (alias) out.push({ start: alias.start, end: alias.end, type: name.type, canonical: name.canonical ?? { start: name.start, end: name.end } });
  }
  return out;
}

/** Every other mention of a recognised name or declared alias, and brand mentions (SMC). */
function otherMentions(s: string, found: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const mention = (needle: string, source: Candidate, canonical: { start: number; end: number }, latin: boolean) => {
    for (let at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + needle.length)) {
      // A Latin brand must stand alone: SMC, not SMCX.
      if (latin && (/[A-Za-z0-9]/.test(s[at - 1] ?? '') || /[A-Za-z0-9]/.test(s[at + needle.length] ?? ''))) continue;
      out.push({ start: at, end: at + needle.length, type: source.type, canonical });
    }
  };
  for (const c of found) {
    const text = s.slice(c.start, c.end);
    const canonical = c.canonical ?? { start: c.start, end: c.end };
    if (!seen.has(text)) {
      seen.add(text);
      mention(text, c, canonical, false);
    }
    if (c.brand && !seen.has(c.brand)) {
      seen.add(c.brand);
      mention(c.brand, c, canonical, true);
    }
  }
  return out;
}

/** Organizations in `text`, sorted and non-overlapping, with UTF-16 offsets into `text`. */
export function extractOrganizations(text: string): Organization[] {
  const s = foldToSimplified(text);
  const names = resolveOverlaps([...lexiconNames(s, organizationLexicon()), ...suffixNames(s)]);
  const aliases = declaredAliases(s, names);
  const found = resolveOverlaps([...names, ...aliases]);
  // Recognised spans keep their own entry; further mentions only fill gaps.
  const all = resolveOverlaps([...found, ...otherMentions(s, found)]);
  return all.map((c) => {
    const canonical = c.canonical ?? { start: c.start, end: c.end };
    return { start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, canonical: text.slice(canonical.start, canonical.end) };
  });
}
