/**
 * UTF-16 offsets (JavaScript, VS Code) ⇄ code point offsets (the W3C TextPositionSelector's
 * unit: "the character positions ... counted as Unicode code points"). A character outside the
 * BMP (𠀋, 😀) is two UTF-16 units and one code point. Many offsets are converted in one pass.
 */

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** Code point offsets of UTF-16 offsets (an offset inside a surrogate pair counts the pair as passed). */
export function toCodePointOffsets(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((o, k) => [o, k] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(offsets.length);
  let unit = 0;
  let cp = 0;
  for (const [o, k] of order) {
    const target = Math.max(0, Math.min(o, text.length));
    while (unit < target) {
      unit += isHigh(text.charCodeAt(unit)) && isLow(text.charCodeAt(unit + 1)) ? 2 : 1;
      cp++;
    }
    out[k] = cp;
  }
  return out;
}

/** UTF-16 offsets of code point offsets; beyond the end, the end. */
export function toUtf16Offsets(text: string, codePoints: readonly number[]): number[] {
  const order = codePoints.map((c, k) => [c, k] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(codePoints.length);
  let unit = 0;
  let cp = 0;
  for (const [c, k] of order) {
    while (cp < c && unit < text.length) {
      unit += isHigh(text.charCodeAt(unit)) && isLow(text.charCodeAt(unit + 1)) ? 2 : 1;
      cp++;
    }
    out[k] = unit;
  }
  return out;
}

/** The offset moved off the middle of a surrogate pair, backwards. */
export function codePointBoundary(text: string, offset: number): number {
  return offset > 0 && offset < text.length && isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1)) ? offset - 1 : offset;
}

/** The last `n` code points before `end`. */
export function codePointsBefore(text: string, end: number, n: number): string {
  let i = end;
  for (let k = 0; k < n && i > 0; k++) i -= i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2)) ? 2 : 1;
  return text.slice(i, end);
}

/** The first `n` code points from `start`. */
export function codePointsAfter(text: string, start: number, n: number): string {
  let i = start;
  for (let k = 0; k < n && i < text.length; k++) i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  return text.slice(start, i);
}
