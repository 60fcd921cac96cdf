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

/** CJK punctuation that Chinese prose uses: 。，、；：？！“”‘’（）《》…—· and the fullwidth block. */
export function isCjkPunct(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xff65) ||
    cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d ||
    cp === 0x2026 || cp === 0x2014 || cp === 0x00b7
  );
}

/** Count Han characters in a string (code points). */
export function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch.codePointAt(0)!)) n++;
  return n;
}
