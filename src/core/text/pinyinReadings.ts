import { pinyin } from 'pinyin-pro';

/**
 * Readings of a single Han character, from pinyin-pro's dictionary, cached: a converter that
 * annotates 10⁵ characters asks about the same few hundred characters over and over, and the
 * misaligned-GBK search indexes the readings of every GBK character once.
 */
const cache = new Map<string, readonly string[]>();

/** Every reading of the character, tone-marked (`應` → yīng, yìng). Empty when it has none. */
export function readingsOf(ch: string): readonly string[] {
  let all = cache.get(ch);
  if (!all) {
    all = pinyin(ch, { multiple: true, type: 'array' }) as string[];
    // pinyin-pro echoes a character it has no reading for; that is no reading.
    if (all.length === 1 && all[0] === ch) all = [];
    cache.set(ch, all);
  }
  return all;
}

/** True when `syllable` is one of the character's readings. */
export function hasReading(ch: string, syllable: string): boolean {
  return readingsOf(ch).includes(syllable);
}

/** A tone-marked pinyin syllable as converters print it: lowercase letters, ü and toned vowels. */
export const PINYIN_SYLLABLE = '[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹ]{1,6}';
