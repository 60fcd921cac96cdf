import { dataBytes, dataText } from '../data/dataFiles';

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
 * too (scripts/build-lookup-tables.mjs): nothing is encoded at the first question.
 */
export type CharScript = 'traditional' | 'simplified' | 'neutral';

function parseDict(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const parts = entry.split(' ');
    if (parts.length >= 2 && parts[0] !== parts[1]) map.set(parts[0], parts[1]);
  }
  return map;
}

let s2tTable: Map<string, string> | undefined;
let t2sTable: Map<string, string> | undefined;
let big5Set: Set<string> | undefined;

/** Each table is parsed at its first use: the Simplified forms alone for simplifiedChar. */
function s2t(): Map<string, string> {
  return (s2tTable ??= parseDict(dataText('opencc/STCharacters.txt')));
}

function t2s(): Map<string, string> {
  return (t2sTable ??= parseDict(dataText('opencc/TSCharacters.txt')));
}

/**
 * The Simplified side's characters that cp950 encodes (they round-trip through it). cp950, not
 * iconv-lite's `big5`: the latter adds HKSCS, which encodes many Simplified forms.
 */
function big5(): Set<string> {
  return (big5Set ??= new Set([...dataText('opencc/cp950.txt')]));
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
    const ch = String.fromCodePoint(cp);
    if (t2s().has(ch) && !s2t().has(ch)) return 'traditional';
    if (s2t().has(ch) && !big5().has(ch)) return 'simplified';
    return 'neutral';
  }
  return SCRIPTS[scriptTable()[cp]];
}

/** Simplified form of a single character (itself when OpenCC has none). */
export function simplifiedChar(ch: string): string {
  return t2s().get(ch) ?? ch;
}

/** True when the character has a different form in the other script (發/发, 這/这). */
export function hasScriptVariant(ch: string): boolean {
  return s2t().has(ch) || t2s().has(ch);
}
