/**
 * The word lists of data/annotate/ as tries, read and built on first use (a few milliseconds
 * each) so that loading the extension or the CLI costs nothing until annotation runs.
 */
import { dataLines } from '../data/dataFiles';
import { CharTrie } from './trie';

const cache = new Map<string, CharTrie>();

function lazy(name: string, file: string, backward: boolean): CharTrie {
  let trie = cache.get(name);
  if (!trie) {
    trie = new CharTrie(dataLines(`annotate/${file}.txt`), backward);
    cache.set(name, trie);
  }
  return trie;
}

/** Organization names (jieba nt, and j abbreviations such as 发改委), forward: 天津大学, 中国气象局. */
export const organizationNames = (): CharTrie => lazy('organizations', 'organizationWords', false);
/**
 * The lists read backward, built as one trie (CharTrie.lists): organization names, proper words,
 * common words, function words, the organization names of the NER corpora's training splits,
 * then all five (LEXICON_LISTS), so that the tagger's features read every list in one walk
 * (lexiconWordsEnding().longestEach).
 */
let backwardLists: CharTrie[] | undefined;
function backwardList(k: number): CharTrie {
  backwardLists ??= CharTrie.lists(['organizationWords', 'properWords', 'commonWords', 'functionWords', 'orgTaggerNames'].map((file) => dataLines(`annotate/${file}.txt`)), true);
  return backwardLists[k];
}
/** The order of the lists in lexiconWordsEnding().longestEach. */
export const LEXICON_LISTS = { organizations: 0, proper: 1, common: 2, function: 3, trained: 4 } as const;

/** The same names backward, as the leftmost component of a longer name: 中国科学院 + 计算所. */
export const organizationNamesEnding = (): CharTrie => backwardList(LEXICON_LISTS.organizations);
/** Places, abbreviations, proper nouns, backward: 北京, 燕山, 京津冀. */
export const properWordsEnding = (): CharTrie => backwardList(LEXICON_LISTS.proper);
/** Frequent nouns found inside organization names, backward: 经济, 技术, 文化. */
export const commonWordsEnding = (): CharTrie => backwardList(LEXICON_LISTS.common);
/** Function words, times and directions, backward: 目前, 已经, 其中, 今年. */
export const functionWordsEnding = (): CharTrie => backwardList(LEXICON_LISTS.function);
/** All five lists backward, in one trie. */
export const lexiconWordsEnding = (): CharTrie => backwardList(5);
/** Words whose numerals are not quantities, forward: 一般, 统一, 一心一意. */
export const lexicalNumeralWords = (): CharTrie => lazy('lexicalNumerals', 'lexicalNumeralWords', false);

/** Organization names of the NER corpora's training splits, backward (the tagger's list: tagger/features.ts). */
export const trainedOrganizationNamesEnding = (): CharTrie => backwardList(LEXICON_LISTS.trained);

/** True when some word of the forward trie `words` (2 characters or more) covers position `pos`. */
export function coveredByWord(text: string, pos: number, words: CharTrie, maxLength = 8): boolean {
  for (let start = pos; start >= 0 && pos - start < maxLength; start--) {
    if (words.longest(text, start, pos - start + 1 < 2 ? 2 : pos - start + 1) > 0) return true;
  }
  return false;
}
