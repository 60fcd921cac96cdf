/**
 * Mentions of an organization beyond the one the grammar found: aliases the text declares and
 * names given in brackets after it, the short names a company's full name gives, and every
 * other mention of a name already found (document consistency).
 */
import { aliasDeclaredAfter } from './aliases';
import { commonWordsEnding, properWordsEnding } from './lexicon';
import { bracketedNameAfter, isLatin } from './latinNames';
import { COMPANY_FORM_SUFFIXES } from './orgSuffixes';
import type { Candidate } from './organizations';
import { CharTrie } from './trie';
import { shortFormsOf, standsAsName } from './abbreviations';

/** Aliases declared after a name, and names given in brackets after it (FSF, Free Software Foundation). */
export function namesAfter(s: string, names: Candidate[]): Candidate[] {
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

/**
 * Names found that are short forms of another name found (天大 of 天津大学 in the same text), and
 * a Latin name the tagger found that heads a company name found (SMC of SMC(中国)有限公司), take
 * that name as their full name.
 */
export function linkShortForms(s: string, found: Candidate[]): Candidate[] {
  const fullNames = new Map<string, Candidate>();
  const brands = new Map<string, Candidate>();
  const seen = new Set<string>();
  for (const c of found) {
    const name = s.slice(c.start, c.end);
    if (c.canonical || seen.has(name)) continue;
    seen.add(name);
    for (const short of shortFormsOf(name)) if (!fullNames.has(short)) fullNames.set(short, c);
    if (c.brand && c.brand.length >= 2 && !brands.has(c.brand)) brands.set(c.brand, c);
  }
  return found.map((c) => {
    const name = s.slice(c.start, c.end);
    // SMC found by the tagger as a name of its own names the company SMC(中国)有限公司 it heads.
    const full = c.canonical ? undefined : fullNames.get(name) ?? (c.source === 'tagger' ? brands.get(name) : undefined);
    return full ? { ...c, canonical: { start: full.start, end: full.end }, type: full.type } : c;
  });
}

/**
 * Every other mention of a recognised name or declared alias, brand mentions (SMC) and short
 * forms (天大 of 天津大学) where they stand as names, in one scan.
 */
export function otherMentions(s: string, found: Candidate[]): Candidate[] {
  const byText = new Map<string, { source: Candidate; latin: boolean; shortForm?: boolean }>();
  for (const c of found) {
    const text = s.slice(c.start, c.end);
    if (!byText.has(text)) byText.set(text, { source: c, latin: false });
    if (c.brand && c.brand.length >= 2 && !byText.has(c.brand)) byText.set(c.brand, { source: c, latin: true });
    if (c.type === 'company') for (const short of shortNames(s, c)) if (!byText.has(short)) byText.set(short, { source: c, latin: false });
  }
  const seen = new Set<string>();
  for (const c of found) {
    const name = s.slice(c.start, c.end);
    if (c.canonical || seen.has(name)) continue;
    seen.add(name);
    for (const short of shortFormsOf(name)) if (!byText.has(short)) byText.set(short, { source: c, latin: false, shortForm: true });
  }
  if (byText.size === 0) return [];
  const trie = new CharTrie(byText.keys());
  const out: Candidate[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!trie.hasFirst(s.charCodeAt(i))) continue;
    const len = trie.longest(s, i, 2);
    if (!len) continue;
    const { source, latin, shortForm } = byText.get(s.slice(i, i + len))!;
    if (shortForm && !standsAsName(s, i, i + len)) continue;
    // A Latin name must stand alone: SMC, not SMCX, and not inside a host name (mail.falcot.com).
    if ((latin || isLatin(s.charCodeAt(i))) && (isLatin(s.charCodeAt(i - 1)) || isLatin(s.charCodeAt(i + len)) ||
      s[i - 1] === '.' || (s[i + len] === '.' && isLatin(s.charCodeAt(i + len + 1))))) continue;
    out.push({ start: i, end: i + len, type: source.type, canonical: source.canonical ?? { start: source.start, end: source.end } });
    i += len - 1;
  }
  return out;
}
