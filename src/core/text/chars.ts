/** Character classes the detectors share. All take a code point. */

/** CJK Unified Ideographs, Extension A, the compatibility block, and the supplementary extensions. */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/**
 * A code unit in U+3400–U+9FFF, Extension A through the Unified Ideographs read as one range:
 * unlike isHan it takes in the Yijing hexagram symbols between them (U+4DC0–U+4DFF) and leaves
 * out the compatibility ideographs (U+F900–U+FAFF) and the supplementary planes. The range the
 * organization tagger and the name walk were built on (annotate/).
 */
export function inHanRange(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

/** CJK punctuation that Chinese prose uses: 。，、；：？！“”‘’（）《》…—· and the fullwidth block. */
export function isCjkPunct(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xff65) ||
    cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d ||
    cp === 0x2026 || cp === 0x2014 || cp === 0x00b7
  );
}

/** Han or CJK punctuation: a Chinese character of prose (what a lone mark or trace must sit beside, what the Chinese model reads). */
export function isChinese(cp: number): boolean {
  return isHan(cp) || isCjkPunct(cp);
}

/** Count Han characters (code points) in text[start, end): a surrogate pair read as its code point, no string per character. */
export function countHan(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (isHan(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) n++;
        i++;
        continue;
      }
    }
    if (isHan(c)) n++;
  }
  return n;
}

/** The number of code points in `s`, without splitting it. */
export function codePointCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The last character of `s` (a surrogate pair whole), or '' for ''. */
export function lastCodePoint(s: string): string {
  if (!s) return '';
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && s.length >= 2 ? s.slice(-2) : s.slice(-1);
}

/** Where the code point ending at `at` starts: `at` − 2 after a low surrogate, else `at` − 1. */
export function codePointStartBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
}

/** The first character of `s` (a surrogate pair whole), or '' for ''. */
export function firstCodePoint(s: string): string {
  return s ? String.fromCodePoint(s.codePointAt(0)!) : '';
}
