import { dataText } from '../data/dataFiles';

/**
 * Readings of a single character, from pinyin-pro's dictionary as data/pinyinReadings.txt holds
 * it (scripts/build-lookup-tables.mjs: every reading pinyin-pro gives each character alone, one
 * line a character in code-point order). A character's line is found by a binary search over the
 * text, so the first question reads the file and indexes nothing; a reading list is split at its
 * first use and kept: a converter that annotates 10⁵ characters asks about the same few hundred
 * over and over, and the misaligned-GBK search asks about every GBK character it tries.
 */
let fileText: string | undefined;
const cache = new Map<string, readonly string[]>();
const NONE: readonly string[] = [];

function readingFile(): string {
  return (fileText ??= dataText('pinyinReadings.txt'));
}

/** Where the line of `cp` starts in the file, or -1: the lines are in code-point order. */
function lineOf(text: string, cp: number): number {
  let lo = 0;
  let hi = text.length;
  // lo and hi are line starts (or the end); the line of cp, if any, starts in [lo, hi).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // The line holding mid (its line end counted in it): it starts in [lo, mid].
    const start = mid > lo ? text.lastIndexOf('\n', mid - 1) + 1 : lo;
    const at = text.codePointAt(start)!;
    if (at === cp) return start;
    if (at > cp) hi = start;
    else {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      lo = end + 1;
    }
  }
  return -1;
}

/** The readings on the character's line (`中 zhōng zhòng`), or none. */
function readingsInFile(ch: string): readonly string[] {
  const cp = ch.codePointAt(0);
  if (cp === undefined || ch.length !== (cp > 0xffff ? 2 : 1)) return NONE;
  const text = readingFile();
  const start = lineOf(text, cp);
  if (start < 0) return NONE;
  const end = text.indexOf('\n', start);
  return text.slice(start + ch.length + 1, end < 0 ? text.length : end).split(' ');
}

/** Every reading of the character, tone-marked (`應` → yīng, yìng). Empty when it has none. */
export function readingsOf(ch: string): readonly string[] {
  let all = cache.get(ch);
  if (!all) {
    all = readingsInFile(ch);
    cache.set(ch, all);
  }
  return all;
}

/**
 * Every character with `syllable` among its readings, in code-point order: the file searched for
 * the syllable between spaces or at a line end (no index of all readings is made for it).
 */
export function charsReadAs(syllable: string): string[] {
  const text = readingFile();
  const out: string[] = [];
  if (!syllable || /[\s]/.test(syllable)) return out;
  const needle = ' ' + syllable;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const after = at + needle.length;
    if (after < text.length && text.charCodeAt(after) !== 0x20 && text.charCodeAt(after) !== 0x0a) continue;
    // Every space of a line is before a reading (the character comes first, then its readings).
    out.push(String.fromCodePoint(text.codePointAt(text.lastIndexOf('\n', at) + 1)!));
  }
  return out;
}

/** True when `syllable` is one of the character's readings. */
export function hasReading(ch: string, syllable: string): boolean {
  return readingsOf(ch).includes(syllable);
}

/** A tone-marked pinyin syllable as converters print it: lowercase letters, ü and toned vowels. */
export const PINYIN_SYLLABLE = '[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹ]{1,6}';
