/**
 * The word lists of data/ as tries, built on first use (a few milliseconds each) so that loading
 * the extension or the CLI costs nothing until annotation runs.
 */
import { ORGANIZATION_WORDS } from './data/organizationWords';
import { PROPER_WORDS } from './data/properWords';
import { COMMON_WORDS } from './data/commonWords';
import { LEXICAL_NUMERAL_WORDS } from './data/lexicalNumeralWords';
import { FUNCTION_WORDS } from './data/functionWords';
import { CharTrie } from './trie';

const cache = new Map<string, CharTrie>();

function lazy(name: string, list: () => string, backward: boolean): CharTrie {
  let trie = cache.get(name);
  if (!trie) {
    trie = new CharTrie(list().split('\n'), backward);
    cache.set(name, trie);
  }
  return trie;
}

/** Organization names (jieba nt, and j abbreviations such as 发改委), forward: 天津大学, 中国气象局. */
export const organizationNames = (): CharTrie => lazy('organizations', () => ORGANIZATION_WORDS, false);
/** The same names backward, as the leftmost component of a longer name: 中国科学院 + 计算所. */
export const organizationNamesEnding = (): CharTrie => lazy('organizations<', () => ORGANIZATION_WORDS, true);
/** Places, abbreviations, proper nouns, backward: 北京, 燕山, 京津冀. */
export const properWordsEnding = (): CharTrie => lazy('proper<', () => PROPER_WORDS, true);
/** Frequent nouns found inside organization names, backward: 经济, 技术, 文化. */
export const commonWordsEnding = (): CharTrie => lazy('common<', () => COMMON_WORDS, true);
/** Function words, times and directions, backward: 目前, 已经, 其中, 今年. */
export const functionWordsEnding = (): CharTrie => lazy('function<', () => FUNCTION_WORDS, true);
/** Words whose numerals are not quantities, forward: 一般, 统一, 一心一意. */
export const lexicalNumeralWords = (): CharTrie => lazy('lexicalNumerals', () => LEXICAL_NUMERAL_WORDS, false);

/** True when some word of the forward trie `words` (2 characters or more) covers position `pos`. */
export function coveredByWord(text: string, pos: number, words: CharTrie, maxLength = 8): boolean {
  for (let start = pos; start >= 0 && pos - start < maxLength; start--) {
    if (words.longest(text, start, pos - start + 1 < 2 ? 2 : pos - start + 1) > 0) return true;
  }
  return false;
}
