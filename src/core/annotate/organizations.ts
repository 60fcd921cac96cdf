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
import { commonWordsEnding, organizationNames } from './lexicon';
import { bracketedNameAfter, isLatin, latinNames } from './latinNames';
import { knownNames } from './knownNames';
import {
  bookTitleStart, countedOrCut, endsWithSuffix, hanRunStart, LEVEL_CHARS, NUMERALS, placeAcrossStart, quotedNameStart,
  unknownWordBefore, withoutLeadingPlace,
} from './nameParts';
import { walkLeft } from './walkLeft';
import { nameSupport, tagOrganizations } from './tagger/orgTagger';
import { TEXT_KINDS, type TextKind } from './tagger/features';
import { organizationKind } from './organizationKind';
import { linkShortForms, namesAfter, otherMentions } from './otherMentions';
import {
  GENERIC_HEADS, INSTITUTIONAL_HEADS, NOT_A_NAME_HEAD, NEWSPAPER_SUFFIXES, ONE_WORD_SUFFIXES, STRONG_SUFFIXES, SUFFIX_LAST_CHARS, SUFFIXES_BY_LAST_CHAR, typeBySuffix,
  type OrganizationType,
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

export interface Candidate {
  start: number;
  end: number;
  type: OrganizationType;
  /** Folded canonical name; resolved to original text at the end. */
  canonical?: { start: number; end: number };
  /** Latin brand at the head of a company name: SMC, Canonical. */
  brand?: string;
  /** Which recognizer found it. */
  source?: 'tagger' | 'lexicon' | 'suffix' | 'quoted' | 'latin' | 'known';
  /** The tagger's margin for the name (tagger/orgTagger.ts marginOf). */
  margin?: number;
}

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
      out.push({ start: withoutLeadingPlace(s, i, i + found), end: i + found, type: typeBySuffix(s.slice(i, i + found)), source: 'lexicon' });
      i += found;
    } else {
      i++;
    }
  }
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
        out.push({ start: quoted, end, type, source: 'quoted' });
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
        out.push({ start, end, type, source: 'suffix', ...(brand && type === 'company' ? { brand } : {}) });
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

/** Candidates of the rules: lexicon (unless left out), suffix grammar, Latin names, well-known names. */
function ruleCandidates(s: string, withLexicon = true): Candidate[] {
  const candidates: Candidate[] = [];
  if (withLexicon) lexiconNames(s, candidates);
  suffixNames(s, candidates);
  const latin: Candidate[] = [];
  latinNames(s, latin);
  const known: Candidate[] = [];
  knownNames(s, known);
  return [...candidates, ...latin.map((c) => ({ ...c, source: 'latin' as const })), ...known.map((c) => ({ ...c, source: 'known' as const }))];
}

/** Organizations in `text` found by the rules alone (lexicon, suffix grammar, known names), as before the tagger. */
export function extractOrganizationsByRules(text: string): Organization[] {
  const s = foldToSimplified(text);
  return withOtherMentions(text, s, ruleCandidates(s));
}

/** The names found, the aliases and bracketed names after them, and their other mentions, resolved to text. */
function withOtherMentions(text: string, s: string, candidates: Candidate[], kind: TextKind = 'news'): Organization[] {
  const names = resolveOverlaps(candidates, s.length);
  const found = linkShortForms(s, resolveOverlaps([...names, ...namesAfter(s, names)], s.length));
  // Recognised spans keep their own entry; further mentions only fill gaps. A tagger's name lends
  // itself to the other mentions only where the model is sure of it (lendsMentions).
  const lenders = found.filter((c) => c.source !== 'tagger' || lendsMentions(s, c));
  const ruleNames = new Set(found.filter((c) => c.source !== 'tagger').map((c) => s.slice(c.start, c.end)));
  const taggerNames = new Set(lenders.filter((c) => c.source === 'tagger').map((c) => s.slice(c.start, c.end)));
  const foundAt = new Set(found.map((c) => c.start * 65536 + c.end - c.start));
  const mentions = otherMentions(s, lenders).filter((m) => {
    const name = s.slice(m.start, m.end);
    return !taggerNames.has(name) || ruleNames.has(name) || foundAt.has(m.start * 65536 + m.end - m.start) ||
      nameSupport(s, m.start, m.end, kind) >= -LEND_SUPPORT;
  });
  const all = resolveOverlaps([...found, ...mentions], s.length);
  return all.map((c) => {
    const canonical = c.canonical ?? { start: c.start, end: c.end };
    return { start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, canonical: text.slice(canonical.start, canonical.end) };
  });
}

/**
 * Organizations in `text`, sorted and non-overlapping, with UTF-16 offsets into `text`: the
 * tagger's names (tagger/), less what reads as no name (no Han character unless a Latin name the
 * model is sure of (KEEP_LATIN_MARGIN), a bracket left open, and,
 * unless the model is sure of it (KEEP_BARE_MARGIN, KEEP_SPLIT_MARGIN), a name that begins or ends
 * inside a word, an ending alone or after a word that only says which: 公司, 该公司), and, only where the tagger found nothing, the rules' names the public corpora have little of:
 * Latin names and Latin-headed ones (Falcot 公司, Apache 软件基金会), well-known names, whole
 * quoted names, development zones (the corpora tag zones as places) and a zone's own bodies, and
 * in social media text every name of the suffix grammar (chosen by five-fold cross-validation on
 * Weibo's training split: zhlens F1 47.3 → 48.9 over its 183 names; docs/annotate-data.md). The
 * tagger decides wherever it found a name: a rule's name that overlaps one is dropped. Choices
 * measured on the held-out part of the training splits (docs/annotate-data.md). `kind` is the kind
 * of text, whose corpus's conventions the model follows (tagger/features.ts TEXT_KINDS); articles
 * are news.
 */
export function extractOrganizations(text: string, kind: TextKind = 'news'): Organization[] {
  // A kind the model has no copy for (a setting written by hand) is read as an article's.
  if (!TEXT_KINDS.includes(kind)) kind = 'news';
  const s = foldToSimplified(text);
  const candidates: Candidate[] = [];
  const taken = new Uint8Array(s.length);
  const margins: number[] = [];
  tagOrganizations(s, margins, kind).forEach(([start, end], k) => {
    const name = s.slice(start, end);
    if (!wellFormed(name) && !(latinNameAlone(name) && margins[k] >= KEEP_LATIN_MARGIN)) return;
    if (bareEnding(name) && margins[k] < KEEP_BARE_MARGIN) return;
    if (splitsWord(s, start, end) && margins[k] < KEEP_SPLIT_MARGIN) return;
    const type = organizationKind(name);
    const brand = type === 'company' ? leadingBrand(s, start, end) : undefined;
    candidates.push({ start, end, type, source: 'tagger', margin: margins[k], ...(brand ? { brand } : {}) });
    taken.fill(1, start, end);
  });
  const rules = ruleCandidates(s, false);
  // A zone's own bodies (北京经济技术开发区科技创新局): the corpora tag zones as places, so the
  // tagger rarely finds a name that starts with one.
  const zoneStarts = new Set(rules.filter((c) => c.source === 'suffix' && c.type === 'zone').map((c) => c.start));
  for (const c of rules) {
    // Latin and Latin-headed names are the rules' part (the tagger cuts text at runs without Han):
    // Apache 软件基金会 over the tagger's 软件基金会.
    const latinHead = (c.source === 'suffix' || c.source === 'latin') && isLatin(s.charCodeAt(c.start));
    if (!latinHead && taken.subarray(c.start, c.end).includes(1)) continue;
    // Social media text: the suffix grammar's names too (华工微博协会, 安大略省旅游局), which
    // the tagger, taught mostly by news, misses there.
    if ((c.source === 'suffix' && kind === 'social') || (c.source === 'suffix' && c.type !== 'zone' && zoneStarts.has(c.start)) ||
      c.source === 'latin' || c.source === 'known' || c.source === 'quoted' || (c.source === 'suffix' && (isLatin(s.charCodeAt(c.start)) || c.type === 'zone'))) {
      candidates.push(c);
    }
  }
  return withOtherMentions(text, s, candidates, kind);
}

/**
 * The model decides the two conventions above where it is sure: an ending alone (本公司, 县委) or a
 * name that cuts a word is kept when the model's margin for it (tagger/orgTagger.ts marginOf, in
 * units of the model's weights) is at least this. Chosen on the held-out tenth of the training
 * splits (docs/annotate-data.md): margins of 20 to 80 for endings and 20 to 40 for cut words score
 * alike; a model trained anew has to be measured again.
 */
const KEEP_BARE_MARGIN = 60;
const KEEP_SPLIT_MARGIN = 40;
/**
 * A Latin name the tagger found inside Chinese text (visa, bwin, Take-Two: CLUENER labels them) is
 * kept when the model's margin for it is at least this. Chosen on the held-out tenth of the
 * training splits (docs/annotate-data.md): margins of 0 to 40 score alike; the highest is taken.
 */
const KEEP_LATIN_MARGIN = 40;
/**
 * Document consistency: a name the tagger found lends itself to the text's other mentions of the
 * same string (otherMentions.ts) when the model is sure of it (margin at least this) and it is not
 * a common word (法院, 村支部: a kind of body, which the corpora label only where it names one).
 * Both thresholds chosen on the held-out tenth of MSRA's training split, 30 sentences a text
 * (docs/annotate-data.md).
 */
const LEND_MARGIN = 30;
/**
 * …and where the other mention stands, the model reads it as a name, or nearly: the best reading
 * of its sentence holding the name scores at most this below the best reading (tagger/orgTagger.ts
 * nameSupport). 中国 tagged once as a party's short name is not lent to every 中国.
 */
const LEND_SUPPORT = 200;

function lendsMentions(s: string, c: Candidate): boolean {
  if ((c.margin ?? Infinity) < LEND_MARGIN) return false;
  const name = s.slice(c.start, c.end);
  return commonWordsEnding().longest(name, name.length, name.length) !== name.length;
}

/** visa, Take-Two, AT&T: a name of Latin letters and digits alone, two letters at least. */
function latinNameAlone(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9&.' -]*[A-Za-z0-9]$/.test(name) && /[A-Za-z][^A-Za-z]*[A-Za-z]/.test(name);
}

/** SMC of SMC(中国)有限公司: the Latin word a company's name starts with, which the text may use alone. */
function leadingBrand(s: string, start: number, end: number): string | undefined {
  let p = start;
  while (p < end && isLatin(s.charCodeAt(p))) p++;
  return p - start >= 2 && p < end && !isLatin(s.charCodeAt(p)) && /[A-Za-z]/.test(s.slice(start, p)) ? s.slice(start, p) : undefined;
}

/** A name holds a Han character, starts and ends with no space or punctuation, and closes the brackets it opens. */
function wellFormed(name: string): boolean {
  if (!/[\u3400-\u9fff]/u.test(name) || /^[\s\p{P}]/u.test(name) || (/[\s\p{P}]$/u.test(name) && !/[)）]$/u.test(name))) return false;
  let depth = 0;
  for (const ch of name) {
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** 公司, 第三方公司, 该公司: an ending alone, or after a word that only says which, names no one. */
function bareEnding(name: string): boolean {
  // 国务院, 党中央: endings that are the name of one body.
  if (INSTITUTIONAL_HEADS.has(name) || organizationNames().has(name, 0, name.length)) return false;
  for (const x of SUFFIXES_BY_LAST_CHAR.get(name[name.length - 1]) ?? []) {
    if (!name.endsWith(x.suffix)) continue;
    const head = name.slice(0, -x.suffix.length);
    if (head === '' || GENERIC_HEADS.has(head) || NOT_A_NAME_HEAD.has(head) || head === '第三方') return true;
  }
  return false;
}

/** 京津冀协 of 京津冀协同, 省通办 of 跨省通办: a name does not begin or end inside a word. */
function splitsWord(s: string, start: number, end: number): boolean {
  const acrossEnd = end < s.length ? commonWordsEnding().longest(s, end + 1, 2) : 0;
  if (acrossEnd >= 2 && end + 1 - acrossEnd > start) return true;
  const acrossStart = start > 0 ? commonWordsEnding().longest(s, start + 1, 2) : 0;
  return acrossStart >= 2 && start + 1 - acrossStart < start && start + 1 < end;
}
