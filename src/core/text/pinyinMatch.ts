import { readingsOf } from './pinyinReadings';

/**
 * Whether a parenthesised Latin string is the pinyin of the characters right before it, in any
 * of the ways people and tools write it: one syllable after a character (`决（jué）`), the whole
 * word after a word (`发展(fāzhǎn)`, `发展(fā zhǎn)`, `Zhōngguó`), with or without tone marks
 * (`(fazhan)`), `v` for `ü`. Tones are compared loosely: a reading in context differs from the
 * dictionary's by tone sandhi (一 yí, 不 bú) and the neutral tone, never by its letters.
 */

/** Longest word an annotation is read against, in characters. */
export const MAX_ANNOTATED_CHARS = 8;

const TONED: Record<string, string> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a', ē: 'e', é: 'e', ě: 'e', è: 'e', ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o', ū: 'u', ú: 'u', ǔ: 'u', ù: 'u', ǖ: 'ü', ǘ: 'ü', ǚ: 'ü', ǜ: 'ü',
  ê: 'e', ḿ: 'm', ń: 'n', ň: 'n', ǹ: 'n', v: 'ü',
};
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹ]/;
/** Letters pinyin is written with; anything else in the parentheses is not pinyin. */
export const PINYIN_TEXT = /^[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜêḿńňǹ' ]+$/;

/** Lowercase, tones and spaces removed, `v` as `ü`: `Zhōng guó` → `zhongguo`. */
export function plainPinyin(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) {
    if (ch === ' ' || ch === "'") continue;
    out += TONED[ch] ?? ch;
  }
  return out;
}

export function hasToneMarks(s: string): boolean {
  return TONE_MARK.test(s);
}

const plainCache = new Map<string, readonly string[]>();

/** The character's readings without tones (`行` → xing, hang, heng). */
function plainReadings(ch: string): readonly string[] {
  let r = plainCache.get(ch);
  if (!r) {
    r = [...new Set(readingsOf(ch).map(plainPinyin))];
    plainCache.set(ch, r);
  }
  return r;
}

/**
 * How many of `chars` (the Han characters before the parenthesis, nearest last) the pinyin reads,
 * fewest first; 0 when it is no reading of the last 1…MAX_ANNOTATED_CHARS of them.
 */
export function annotatedLength(chars: readonly string[], pinyin: string): number {
  const target = plainPinyin(pinyin);
  if (target.length === 0) return 0;
  for (let n = 1; n <= Math.min(MAX_ANNOTATED_CHARS, chars.length); n++) {
    if (readsAs(chars.slice(chars.length - n), target)) return n;
  }
  return 0;
}

/** Whether one reading per character, concatenated, spells `target`. */
function readsAs(word: readonly string[], target: string): boolean {
  // Positions of `target` reachable after each character.
  let at = new Set<number>([0]);
  for (const ch of word) {
    const next = new Set<number>();
    for (const p of at) {
      for (const r of plainReadings(ch)) if (r && target.startsWith(r, p)) next.add(p + r.length);
    }
    if (next.size === 0) return false;
    at = next;
  }
  return at.has(target.length);
}
