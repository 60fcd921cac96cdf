import { dataText } from '../data/dataFiles';

/**
 * Readings of a single character, from pinyin-pro's dictionary as data/pinyinReadings.txt holds
 * it (scripts/build-lookup-tables.mjs: every reading pinyin-pro gives each character alone). The
 * file is indexed at the first question; a reading list is split at its first use and kept: a
 * converter that annotates 10⁵ characters asks about the same few hundred over and over, and the
 * misaligned-GBK search indexes the readings of every GBK character once.
 */
let file: { text: string; bmp: Int32Array; supplementary: Map<number, number> } | undefined;
const cache = new Map<string, readonly string[]>();
const NONE: readonly string[] = [];

/** The file, and where each character's line starts: by code point, no string made per line. */
function readingFile() {
  if (!file) {
    const text = dataText('pinyinReadings.txt');
    const bmp = new Int32Array(0x10000).fill(-1);
    const supplementary = new Map<number, number>();
    for (let start = 0; start < text.length; ) {
      const cp = text.codePointAt(start)!;
      if (cp < 0x10000) bmp[cp] = start;
      else supplementary.set(cp, start);
      const end = text.indexOf('\n', start);
      start = end < 0 ? text.length : end + 1;
    }
    file = { text, bmp, supplementary };
  }
  return file;
}

/** The readings on the character's line (`中 zhōng zhòng`), or none. */
function readingsInFile(ch: string): readonly string[] {
  const cp = ch.codePointAt(0);
  if (cp === undefined || ch.length !== (cp > 0xffff ? 2 : 1)) return NONE;
  const { text, bmp, supplementary } = readingFile();
  const start = cp < 0x10000 ? bmp[cp] : supplementary.get(cp) ?? -1;
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
  const { text } = readingFile();
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
