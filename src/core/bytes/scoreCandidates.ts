import { getCharModel } from '../model/charLanguageModel';
import type { DetectedEncoding } from '../types';
import { decodeBytes } from './decodeBytes';
import type { ByteWindow } from './sampleWindows';

export interface CandidateScore {
  encoding: DetectedEncoding;
  /** Log-likelihood of the sampled bytes read in this encoding (higher is better). */
  score: number;
  /** U+FFFD produced while decoding the sample. */
  replacements: number;
}

/**
 * Cost of one undecodable sequence, on top of the model's floor for U+FFFD: an encoding that
 * cannot decode the bytes explains them worse than one that decodes them into rare characters.
 */
const REPLACEMENT_PENALTY = -12;
/**
 * Reward per well-formed UTF-8 multi-byte sequence: other encodings produce valid UTF-8 by
 * chance only about one sequence in five (see utf8Validity.ts), ln 5 ≈ 1.6.
 */
const UTF8_SEQUENCE_BONUS = 1.6;
/**
 * The model knows Chinese only: `für` or `это` get its floor for every letter, and read that way a
 * German ü (C3 BC) loses to the GBK reading 眉 of the same two bytes, French `hôte` to Big5 `h繫te`.
 * In a clean UTF-8 reading, a character that looks like part of a word in another script is
 * scored this much higher (about ln P ≈ −8 instead of −16). GBK read as UTF-8 by chance gives
 * no such words: 模式 (C4 A3 CA BD) reads `ģʽ`, two lone characters from unrelated blocks.
 */
const FOREIGN_LETTER_BONUS = 8;

/**
 * Scores each candidate by how Chinese its decoding of the sampled windows reads. GB18030 decodes
 * nearly any byte string without error, so "decodes cleanly" proves little; Big5 and GBK read the
 * same bytes as different characters, and only the model (which reads Traditional through its
 * Simplified table) can tell which reading is Chinese.
 */
export function scoreCandidates(bytes: Uint8Array, windows: readonly ByteWindow[], candidates: readonly DetectedEncoding[]): CandidateScore[] {
  const model = getCharModel();
  return candidates.map((encoding) => {
    let score = 0;
    let replacements = 0;
    for (const w of windows) {
      const even = encoding === 'utf-16le' || encoding === 'utf-16be';
      const end = even && w.end < bytes.length ? w.end & ~1 : w.end;
      const decoded = decodeBytes(bytes.subarray(w.start, end), encoding);
      let text = decoded.text;
      let bad = decoded.replacements;
      // A window cut inside a character leaves one replacement at its end: the cut's, not the file's.
      if (end < bytes.length && text.endsWith('\ufffd')) {
        text = text.slice(0, -1);
        bad--;
      }
      score += model.score(text) + REPLACEMENT_PENALTY * bad;
      if (encoding === 'utf-8') score += utf8Bonus(text, bad === 0);
      replacements += bad;
    }
    return { encoding, score, replacements };
  });
}

function utf8Bonus(text: string, clean: boolean): number {
  let bonus = 0;
  let prev: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp >= 0x80 && cp !== 0xfffd) {
      bonus += UTF8_SEQUENCE_BONUS;
      if (clean && isForeignInContext(cp, prev, text.codePointAt(i + width))) bonus += FOREIGN_LETTER_BONUS;
    }
    prev = cp;
    i += width - 1;
  }
  return bonus;
}

/**
 * A letter of another script inside a word: next to an ASCII letter (`für`, `hôte`) or to a
 * character of the same 128-code-point block (`это`, `ひらがな`); or Latin-1 punctuation
 * (`»`, `°`, `§`), which stands alone by nature.
 */
function isForeignInContext(cp: number, prev: number | undefined, next: number | undefined): boolean {
  if (!isOtherScript(cp)) return false;
  if (cp >= 0xa0 && cp <= 0xbf) return true;
  const asciiLetter = (c: number | undefined) => c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
  const sameBlock = (c: number | undefined) => c !== undefined && c >> 7 === cp >> 7;
  return asciiLetter(prev) || asciiLetter(next) || sameBlock(prev) || sameBlock(next);
}

function isOtherScript(cp: number): boolean {
  return cp < 0x2000 || (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xac00 && cp <= 0xd7af);
}
