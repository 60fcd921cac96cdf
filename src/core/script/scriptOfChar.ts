import { dataBytes, dataUint32 } from '../data/dataFiles';

/**
 * Which script a character commits a text to, from OpenCC's character tables.
 *
 * A character is *Traditional-only* when OpenCC maps it to a different Simplified form and it is not
 * itself a Simplified character (發, 經, 後). It is *Simplified-only* when OpenCC maps it to a different
 * Traditional form and Big5 (cp950) cannot encode it (发, 经, 这). The Big5 test matters: 后, 于, 余, 范, 并,
 * 里, 采, 占, 干, 台 have Traditional counterparts but are themselves ordinary Traditional characters,
 * and loose converters leave them in Traditional text on purpose.
 *
 * The tables are opencc-js's, as data/opencc/ holds them, and the cp950 test is precomputed there
 * too (scripts/build-lookup-tables.mjs): nothing is encoded or parsed at the first question.
 */
export type CharScript = 'traditional' | 'simplified' | 'neutral';

/**
 * The characters of the two character tables (data/opencc/charVariants.u32, written by
 * scripts/build-lookup-tables.mjs from TSCharacters, STCharacters and cp950.txt): pairs of
 * 32-bit values sorted by code point, the code point, then its Simplified form with the flags
 * below in the top byte. Searched, never parsed into a map: the first pinyin annotation costs a
 * 57 KB read.
 */
let variants: Uint32Array | undefined;
/** A key of TSCharacters: the character has a Simplified form. */
const HAS_SIMPLIFIED = 1 << 24;
/** A key of STCharacters: the character has a Traditional form. */
const HAS_TRADITIONAL = 2 << 24;
/** cp950 encodes it (cp950.txt). */
const IN_CP950 = 4 << 24;
const FORM = 0xffffff;

/** The table's entry of `cp` (form and flags), or 0 when neither table has it. */
function variantEntry(cp: number): number {
  const table = (variants ??= dataUint32('opencc/charVariants.u32'));
  let lo = 0;
  let hi = (table.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = table[2 * mid];
    if (at === cp) return table[2 * mid + 1];
    if (at < cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** The code point of `ch` when it is one character, else -1. */
function singleCodePoint(ch: string): number {
  const cp = ch.codePointAt(0);
  return cp !== undefined && ch.length === (cp > 0xffff ? 2 : 1) ? cp : -1;
}

const SCRIPTS: readonly CharScript[] = ['neutral', 'traditional', 'simplified'];
let byCodePoint: Uint8Array | undefined;

/**
 * The script of every BMP character (index into SCRIPTS), as data/opencc/scripts.u8 holds it:
 * worked out from the tables above by scripts/build-lookup-tables.mjs (the unit tests check that
 * it still says what they say), so that the first text checked parses no dictionary.
 */
function scriptTable(): Uint8Array {
  if (!byCodePoint) {
    byCodePoint = dataBytes('opencc/scripts.u8');
    if (byCodePoint.length !== 0x10000) throw new Error('data/opencc/scripts.u8: not one byte per BMP code point');
  }
  return byCodePoint;
}

/** Script codes of bmpScripts(). */
export const TRADITIONAL_CODE = 1;
export const SIMPLIFIED_CODE = 2;

/**
 * The script of every BMP character as a code (0 neutral, TRADITIONAL_CODE, SIMPLIFIED_CODE),
 * for scans that read every character of a text.
 */
export function bmpScripts(): Uint8Array {
  return scriptTable();
}

export function scriptOfChar(ch: string): CharScript {
  return scriptOfCodePoint(ch.codePointAt(0) ?? 0);
}

export function scriptOfCodePoint(cp: number): CharScript {
  if (cp > 0xffff) {
    const entry = variantEntry(cp);
    if (entry & HAS_SIMPLIFIED && !(entry & HAS_TRADITIONAL)) return 'traditional';
    if (entry & HAS_TRADITIONAL && !(entry & IN_CP950)) return 'simplified';
    return 'neutral';
  }
  return SCRIPTS[scriptTable()[cp]];
}

/** Simplified form of a single character (itself when OpenCC has none). */
export function simplifiedChar(ch: string): string {
  const cp = singleCodePoint(ch);
  const entry = cp < 0 ? 0 : variantEntry(cp);
  return entry & HAS_SIMPLIFIED ? String.fromCodePoint((entry & FORM) >>> 0) : ch;
}

/** True when the character has a different form in the other script (發/发, 這/这). */
export function hasScriptVariant(ch: string): boolean {
  const cp = singleCodePoint(ch);
  return cp >= 0 && (variantEntry(cp) & (HAS_SIMPLIFIED | HAS_TRADITIONAL)) !== 0;
}
