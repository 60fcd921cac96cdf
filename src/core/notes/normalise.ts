import { foldToSimplified } from '../annotate/scriptFold';
import { findReadingAnnotations } from '../garble/pinyinAnnotation';

/**
 * The space in which a note's quote is looked for when the text changed outside zhlens: the same
 * words in another script (發展 / 发展), with or without pinyin annotations (發(fā)展), in
 * fullwidth or ASCII forms (ＡＢＣ１２３ / ABC123), quoted with 「」 or “”, and wrapped or
 * spaced differently all read alike. Each unit of the folded text comes from one unit of the
 * original (`origin`), so a match found in it is a range of the original.
 */
export interface NormalisedText {
  text: string;
  /** origin[i]: the UTF-16 offset in the original of unit i of `text`. */
  origin: Int32Array;
}

const QUOTES: Record<number, number> = { 0x300c: 0x201c, 0x300d: 0x201d, 0x300e: 0x2018, 0x300f: 0x2019, 0xfe41: 0x201c, 0xfe42: 0x201d };

function isSpace(u: number): boolean {
  return u === 0x20 || (u >= 0x09 && u <= 0x0d) || u === 0xa0 || u === 0x3000 || u === 0xfeff || (u >= 0x2000 && u <= 0x200b) || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f;
}

function foldUnit(u: number): number {
  if (u >= 0xff01 && u <= 0xff5e) u -= 0xfee0;
  u = QUOTES[u] ?? u;
  if (u >= 0x41 && u <= 0x5a) u += 0x20;
  return u;
}

export function normaliseForMatching(text: string): NormalisedText {
  const dropped = new Uint8Array(text.length);
  for (const a of findReadingAnnotations(text)) dropped.fill(1, a.start, a.end);
  const units = new Uint16Array(text.length);
  const origin = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (dropped[i]) continue;
    const u = text.charCodeAt(i);
    if (isSpace(u)) continue;
    units[n] = foldUnit(u);
    origin[n++] = i;
  }
  origin[n] = text.length;
  // One unit at a time, so that offsets stay put (萬 → 万).
  const folded = foldToSimplified(new TextDecoder('utf-16le').decode(units.subarray(0, n)));
  return { text: folded, origin: origin.subarray(0, n + 1) };
}

/** The original range of [start, end) of the normalised text. */
export function originalRange(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: n.origin[start], end: n.origin[start] };
  const last = n.origin[end - 1];
  // A unit that is the high half of a surrogate pair ends after its low half.
  const lastUnitEnd = last + 1;
  return { start: n.origin[start], end: lastUnitEnd };
}

/** The normalised form of a short string (a quote, its context). */
export function normalisedString(text: string): string {
  return normaliseForMatching(text).text;
}
