import { dataUint16 } from '../data/dataFiles';

/**
 * Folds Traditional characters to Simplified one UTF-16 unit at a time (萬 → 万, 經 → 经), so
 * that offsets found in the folded text are offsets in the original. Word-level conversion
 * would be more faithful, but annotation only needs matching, and character folding also
 * accepts text converted naively by another tool (制造 and 製造 both fold to 制造).
 */
let foldTable: Uint16Array | undefined;
// Lone surrogates pass through unchanged with fatal: false, as in the input.
const UTF16 = new TextDecoder('utf-16le');

function table(): Uint16Array {
  if (!foldTable) {
    foldTable = new Uint16Array(0x10000);
    for (let i = 0; i < foldTable.length; i++) foldTable[i] = i;
    // (Traditional, Simplified) code-unit pairs, from scripts/build-org-lexicon.mjs.
    const pairs = dataUint16('annotate/traditionalFold.u16');
    for (let i = 0; i + 1 < pairs.length; i += 2) foldTable[pairs[i]] = pairs[i + 1];
    // Full-width brackets and colon fold to ASCII so patterns need one form: （下稱：…）.
    foldTable[0xff08] = 0x28;
    foldTable[0xff09] = 0x29;
    foldTable[0xff1a] = 0x3a;
  }
  return foldTable;
}

/** The last text folded and its fold: figures and organizations fold the same text in turn. */
let lastText = '';
let lastFolded = '';

/** Same length as the input; every code unit mapped independently. */
export function foldToSimplified(text: string): string {
  if (text === lastText) return lastFolded;
  const t = table();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = t[text.charCodeAt(i)];
  lastText = text;
  lastFolded = UTF16.decode(out);
  return lastFolded;
}
