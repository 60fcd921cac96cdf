import { ORGANIZATION_WORDS } from './data/organizationWords';
import { PROPER_WORDS } from './data/properWords';
import { COMMON_WORDS } from './data/commonWords';
import { LEXICAL_NUMERAL_WORDS } from './data/lexicalNumeralWords';

/** A set of words with the length of its longest entry, for longest-match scanning. */
export interface WordSet {
  readonly words: ReadonlySet<string>;
  readonly maxLength: number;
  /** Lengths of the words starting with a character, longest first: scanning tries only these. */
  readonly lengthsByFirstChar: ReadonlyMap<string, readonly number[]>;
}

function wordSet(list: string): WordSet {
  const words = new Set(list.split('\n').filter((w) => w.length > 0));
  let maxLength = 0;
  const lengths = new Map<string, Set<number>>();
  for (const w of words) {
    maxLength = Math.max(maxLength, w.length);
    const set = lengths.get(w[0]) ?? new Set<number>();
    set.add(w.length);
    lengths.set(w[0], set);
  }
  const lengthsByFirstChar = new Map([...lengths].map(([c, set]) => [c, [...set].sort((a, b) => b - a)] as const));
  return { words, maxLength, lengthsByFirstChar };
}

const cache = new Map<string, WordSet>();

function lazy(name: string, list: () => string): WordSet {
  let set = cache.get(name);
  if (!set) {
    set = wordSet(list());
    cache.set(name, set);
  }
  return set;
}

/** Organization names from the jieba dictionary (nt): 天津大学, 中国气象局. Simplified. */
export const organizationLexicon = (): WordSet => lazy('organizations', () => ORGANIZATION_WORDS);
/** Places, abbreviations, proper nouns: 北京, 燕山, 京津冀. Simplified. */
export const properLexicon = (): WordSet => lazy('proper', () => PROPER_WORDS);
/** Frequent nouns found inside organization names: 经济, 技术, 文化. Simplified. */
export const commonLexicon = (): WordSet => lazy('common', () => COMMON_WORDS);
/** Words whose numerals are not quantities: 一般, 统一, 一心一意. Simplified. */
export const lexicalNumeralLexicon = (): WordSet => lazy('lexicalNumerals', () => LEXICAL_NUMERAL_WORDS);

/** The longest word of `set` ending exactly at `end` in `text`, or 0. */
export function longestWordEndingAt(text: string, end: number, set: WordSet, minLength = 2): number {
  for (let len = Math.min(set.maxLength, end); len >= minLength; len--) {
    if (set.words.has(text.slice(end - len, end))) return len;
  }
  return 0;
}

/** True when some word of `set` covers position `pos` of `text`. */
export function coveredByWord(text: string, pos: number, set: WordSet): boolean {
  for (let len = 2; len <= set.maxLength; len++) {
    for (let start = Math.max(0, pos - len + 1); start <= pos && start + len <= text.length; start++) {
      if (set.words.has(text.slice(start, start + len))) return true;
    }
  }
  return false;
}
