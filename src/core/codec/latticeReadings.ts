import type { CharLanguageModel } from '../model/charLanguageModel';
import { sequenceLength } from './utf8WithHoles';

/**
 * The readings of one character of a byte stream with lost bytes, for lostByteLattice.ts: every
 * well-formed UTF-8 character the known bytes and the candidates for the lost ones allow, or one
 * U+FFFD per length where there are too many to weigh.
 */
export const LOST = -1;

/** The code point of a complete sequence, or -1 when it is not well-formed UTF-8. */
export function codePointOf(seq: readonly number[]): number {
  const n = seq.length;
  if (n === 1) return seq[0] < 0x80 ? seq[0] : -1;
  if (sequenceLength(seq[0]) !== n) return -1;
  let cp = seq[0] & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    if (seq[k] < 0x80 || seq[k] > 0xbf) return -1;
    cp = (cp << 6) | (seq[k] & 0x3f);
  }
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  return cp;
}

/** Readings of one character looked at, at most (two lost bytes in one character: 64 × 64). */
const MAX_READINGS = 8192;
/**
 * Of those, the ones kept in the lattice: the most frequent characters (a character with two lost
 * bytes, as Big5 leaves every other one, has a thousand readings; the rare ones among them could
 * never be chosen with confidence anyway).
 */
export const MAX_KEPT_READINGS = 256;

export interface Reading {
  ch: string;
  length: number;
  /** The bytes chosen for the lost ones in this character. */
  chosen: number[];
  /** Too many bytes of this character are lost to read it: it stays U+FFFD, whatever it was. */
  unknown?: boolean;
}

/**
 * What a character too lost to read (U+FFFD) costs on a path: a little less than an ordinary
 * character, so that a reading of the same bytes that the model can score is preferred.
 */
export const UNKNOWN_CHAR_LOGPROB = -9;

/** Controls, format characters and line or paragraph separators (see decision/otherLanguages.ts). */
const NOT_GUESSED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** NOT_GUESSED's verdict by code point of the Basic Multilingual Plane: 0 not asked yet, 1 guessed, 2 not. */
const notGuessedVerdicts = new Uint8Array(0x10000);

function notGuessed(cp: number): boolean {
  if (cp > 0xffff) return NOT_GUESSED.test(String.fromCodePoint(cp));
  let v = notGuessedVerdicts[cp];
  if (v === 0) notGuessedVerdicts[cp] = v = NOT_GUESSED.test(String.fromCharCode(cp)) ? 2 : 1;
  return v === 2;
}

/**
 * Every well-formed reading of the character starting at `i`: its length follows from its first
 * byte (a lost first byte may open a sequence of any length its candidates allow).
 */
export function readingsAt(bytes: readonly number[], candidates: ReadonlyMap<number, readonly number[]>, i: number, consistent: (i: number, seq: readonly number[]) => boolean, lostAbove: number): Reading[] {
  const firsts = bytes[i] === LOST ? candidates.get(i) ?? [] : [bytes[i]];
  const out: Reading[] = [];
  // Once more than `lostAbove` characters are read here, the character is lost whatever the rest
  // are (mostFrequent keeps one U+FFFD per length): what is left to learn is only which other
  // lengths have a reading, so a sequence of a length already read is not enumerated further.
  let read = 0;
  const lengths = new Set<number>();
  for (const first of firsts) {
    const n = sequenceLength(first);
    if (n === 0 || i + n > bytes.length) continue;
    // The choices for each byte of the sequence after the first.
    const choices: Array<readonly number[]> = [];
    let combos = 1;
    for (let k = 1; k < n; k++) {
      const b = bytes[i + k];
      const c = b === LOST ? (candidates.get(i + k) ?? []).filter((x) => x >= 0x80 && x <= 0xbf) : b >= 0x80 && b <= 0xbf ? [b] : [];
      choices.push(c);
      combos *= c.length;
    }
    if (combos === 0) continue;
    if (combos * firsts.length > MAX_READINGS) {
      // Too many readings: the character is lost, as one U+FFFD of this length.
      if (!out.some((r) => r.unknown && r.length === n)) {
        const lost = bytes.slice(i, i + n).filter((b) => b === LOST).map(() => LOST);
        out.push({ ch: '\ufffd', length: n, chosen: lost, unknown: true });
      }
      continue;
    }
    const seq = [first];
    const enough = (): boolean => read > lostAbove && lengths.has(n);
    const walk = (k: number) => {
      if (enough()) return;
      if (k === n) {
        const cp = codePointOf(seq);
        if (cp < 0) return;
        if (!consistent(i, seq)) return;
        const chosen: number[] = [];
        for (let j = 0; j < n; j++) if (bytes[i + j] === LOST) chosen.push(seq[j]);
        // A guess is never a control or a format character, nor Greek, Cyrillic, Hebrew or Arabic
        // (two-byte sequences from 0x370): no Chinese text is restored into those, and a reading
        // holding one is refused whole (judgeReading.ts's readsAsText).
        if (chosen.length && (notGuessed(cp) || (cp >= 0x0370 && cp <= 0x07ff))) {
          refused = true;
          return;
        }
        // Nor a two-byte character whose lead is lost: where a decoder swallows pairs (Big5), such
        // a reading competes with the three-byte character the bytes belong to, which has too many
        // readings to weigh, and wins by being scored at all (`ɑ們` for 我們).
        if (n === 2 && bytes[i] === LOST) {
          refused = true;
          return;
        }
        out.push({ ch: String.fromCodePoint(cp), length: n, chosen });
        read++;
        lengths.add(n);
        return;
      }
      for (const b of choices[k - 1]) {
        seq.push(b);
        walk(k + 1);
        seq.pop();
      }
    };
    // Bytes whose every reading was refused are still a character: one that stays lost.
    let refused = false;
    walk(1);
    if (refused && !out.some((r) => r.length === n)) out.push({ ch: '\ufffd', length: n, chosen: bytes.slice(i, i + n).filter((b) => b === LOST), unknown: true });
  }
  return out;
}

/** The `max` readings of the most frequent characters, when there are more. */
export function mostFrequent(readings: Reading[], lm: CharLanguageModel, max: number, lostAbove: number): Reading[] {
  if (readings.filter((r) => !r.unknown).length > lostAbove) {
    // Too many readings to weigh: the character is lost, as one U+FFFD per length it may have.
    const lost: Reading[] = [];
    for (const r of readings) {
      if (!lost.some((u) => u.length === r.length)) lost.push(r.unknown ? r : { ch: '\ufffd', length: r.length, chosen: r.chosen.map(() => LOST), unknown: true });
    }
    return lost;
  }
  if (readings.length <= max) return readings;
  return readings
    .map((r) => ({ r, p: r.unknown ? Infinity : lm.unigram(r.ch) }))
    .sort((a, b) => b.p - a.p)
    .slice(0, max)
    .map((x) => x.r);
}
