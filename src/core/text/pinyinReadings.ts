import { pinyin } from 'pinyin-pro';

/**
 * Readings of a single Han character, from pinyin-pro's dictionary, cached: a converter that
 * annotates 10⁵ characters asks about the same few hundred characters over and over.
 */
const cache = new Map<string, { all: readonly string[]; primary: string }>();

function lookup(ch: string): { all: readonly string[]; primary: string } {
  let r = cache.get(ch);
  if (!r) {
    const all = pinyin(ch, { multiple: true, type: 'array' }) as string[];
    const primary = pinyin(ch) as string;
    // pinyin-pro echoes a character it has no reading for; that is no reading.
    r = all.length === 1 && all[0] === ch ? { all: [], primary: '' } : { all, primary };
    cache.set(ch, r);
  }
  return r;
}

/** Every reading of the character, tone-marked (`應` → yīng, yìng). Empty when it has none. */
export function readingsOf(ch: string): readonly string[] {
  return lookup(ch).all;
}

/** The character's default reading (what a converter prints without context): `應` → yīng. */
export function defaultReadingOf(ch: string): string {
  return lookup(ch).primary;
}

/** True when `syllable` is one of the character's readings. */
export function hasReading(ch: string, syllable: string): boolean {
  return lookup(ch).all.includes(syllable);
}

/** A tone-marked pinyin syllable as converters print it: lowercase letters, ü and toned vowels. */
export const PINYIN_SYLLABLE = '[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹ]{1,6}';
const toned = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹ]/;

export function hasToneMark(syllable: string): boolean {
  return toned.test(syllable);
}
