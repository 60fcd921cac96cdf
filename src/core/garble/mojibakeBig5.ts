import type { GarbleIssue } from '../types';
import { big5Codec, type LegacyCodec } from '../codec/legacyCodecs';
import type { MojibakeSpec } from './utf8Mojibake';
import { big5HkscsLostByteCandidates, big5LostByteCandidates, isBig5HkscsGap } from './mojibake/lostBytes';
import { isBig5Gap } from '../codec/gbkGaps';
import type { TextDetector } from '../pipeline/garbleDetector';
import { NON_ASCII } from '../pipeline/textScan';
import { withoutOverlaps } from '../text/spanOverlap';
import { readRun } from './mojibake/readRun';
import { findWithDocumentPairs } from './mojibakeGbk';
import type { Unit } from './mojibake/mojibakeSpec';
import { getCharModel } from '../model/charLanguageModel';

/**
 * UTF-8 text decoded as Big5 (cp950) and saved. Big5 has no trail bytes in 0x80–0xA0, where a third
 * of UTF-8 continuation bytes fall, so about every other pair is unmapped and prints as `?` or
 * U+FFFD: one mark per byte (Python, iconv-lite: the byte after the failing lead is read again)
 * or per pair (WHATWG: a non-ASCII byte after the lead is swallowed with it). The run is read with
 * the lost bytes guessed character by character (mojibake/lostBytes.ts, as for GBK); a character
 * the model is not sure of stays U+FFFD.
 */
let spec: MojibakeSpec | undefined;

/**
 * Node's `big5` decoder (ICU's cp950) prints a byte 0x80 it meets where a pair should start as
 * U+0080, an invisible control, where the other decoders print U+FFFD: UTF-8 continuation bytes
 * land there about once in twenty characters. Read back, it is that byte again.
 */
const NODE_LONE_80 = 0x80;

function big5MojibakeCodec(): LegacyCodec {
  const base = big5Codec();
  return {
    ...base,
    bytesOf: (ch) => (ch === '\u0080' ? [NODE_LONE_80] : base.bytesOf(ch)),
    codeOf: (cp) => (cp === NODE_LONE_80 ? NODE_LONE_80 : base.codeOf(cp)),
  };
}

export function big5MojibakeSpec(): MojibakeSpec {
  spec ??= {
    kind: 'mojibake-big5',
    codec: big5MojibakeCodec(),
    minChinese: 2,
    holeBytes: 1,
    lostByteCandidates: big5LostByteCandidates,
    // WHATWG swallows a non-ASCII byte after a lead it cannot pair with it.
    lostPair: (first, second) => second >= 0x80 && isBig5Gap(first, second),
    widerHoles: true,
    pairUnlessAscii: true,
    holesOpen: true,
    unitsPerLost: 1,
    // One lost continuation byte (64 readings) is weighed; a character with two lost bytes, its
    // neighbours lost too, is not.
    maxReadings: 64,
    inSegment: (code) => code > 0xff || code === NODE_LONE_80,
  };
  return spec;
}

let hkscsSpec: MojibakeSpec | undefined;

/**
 * The Big5 spec for text whose decoder printed the HKSCS pairs (iconv-lite's `big5`): a byte it
 * lost, or a pair it swallowed, is one that decoder has no character for (lostBytes.ts's
 * isBig5HkscsGap), far fewer readings for a lost lead before a byte that can trail.
 */
export function big5HkscsPrintedSpec(): MojibakeSpec {
  hkscsSpec ??= {
    ...big5MojibakeSpec(),
    lostByteCandidates: big5HkscsLostByteCandidates,
    lostPair: (first, second) => second >= 0x80 && isBig5HkscsGap(first, second),
  };
  return hkscsSpec;
}

/**
 * HKSCS Han characters (Big5 leads 0x81–0xA0) beside a lost byte's mark, this many times, show a
 * decoder that prints them: UTF-8 continuation bytes open such pairs every few characters, and
 * the decoders without HKSCS lose those bytes instead (or print them as private-use characters,
 * as Node's does). A Simplified text writes some HKSCS characters of its own, but
 * not beside U+FFFD.
 */
const HKSCS_BESIDE_MARKS = 2;
/**
 * And beside one mark in this many at least: iconv-lite's `big5` leaves them beside a fifth of its
 * marks or more (tuning part: 19 % of them in a text at the least); a few among thousands of marks are the text's
 * own characters beside another decoder's (GBK mojibake writes HKSCS-coded characters too).
 */
const MARKS_PER_HKSCS = 10;

function specFor(text: string): MojibakeSpec {
  const spec = big5MojibakeSpec();
  const codec = spec.codec;
  const hkscs = (at: number): boolean => {
    if (at < 0 || at >= text.length) return false;
    // Han only: not the Latin letters of HKSCS's first row (é beside a mark is cp1252 mojibake),
    // nor the private-use characters of Big5's user-defined pairs, which Node's decoder prints.
    const c = text.charCodeAt(at);
    const code = c < 0x3400 || (c >= 0xe000 && c <= 0xf8ff) ? -1 : codec.codeOf(c);
    return code >= 0x8100 && code < 0xa100;
  };
  let seen = 0;
  let marks = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) {
    marks++;
    if (hkscs(at - 1) || hkscs(at + 1)) seen++;
  }
  return seen >= HKSCS_BESIDE_MARKS && seen * MARKS_PER_HKSCS >= marks ? big5HkscsPrintedSpec() : spec;
}

/**
 * `嚙踝蕭` is the Big5 twin of `锟斤拷`: U+FFFD (EF BF BD) written as UTF-8 and read as Big5,
 * 嚙 (EF BF), then BD and the next byte (踝 BD EF before another U+FFFD), then 蕭 (BF BD). The
 * text was lost before it was misread: flagged, never guessed. 嚙 alone is a word (嚙齒, to gnaw)
 * and 蕭 a surname, so only the whole pattern, or 嚙 twice with one character between, counts.
 */
const LOSSY_BIG5 = /(?:嚙[^\s嚙]蕭)+(?:嚙[^\s嚙]?)?|嚙[^\s嚙]嚙[^\s嚙]?/g;

export function findLossyBig5(text: string): GarbleIssue[] {
  if (!text.includes('嚙')) return [];
  const issues: GarbleIssue[] = [];
  LOSSY_BIG5.lastIndex = 0;
  for (let m = LOSSY_BIG5.exec(text); m; m = LOSSY_BIG5.exec(text)) {
    issues.push({
      kind: 'mojibake-big5',
      start: m.index,
      end: m.index + m[0].length,
      confidence: 0.95,
      lossy: true,
      plan: ['U+FFFD written as UTF-8 (EF BF BD), then read as Big5', 'the original characters are lost: nothing to restore'],
    });
  }
  return issues;
}

/** `stops`: mojibakeStops for this spec, when the caller has scanned the text for several. */
export function findMojibakeBig5(text: string, stops?: readonly number[]): GarbleIssue[] {
  const lossy = findLossyBig5(text);
  // Both specs read the same characters: the stops of one are the other's.
  const spec = specFor(text);
  // The document's own pairs weigh the lost characters the bigrams leave in doubt (lostWords.ts), not every reading.
  const read = findWithDocumentPairs(text, spec, stops, false);
  const found = read.length ? [...read, ...findLostCharacters(text, read)].sort((a, b) => a.start - b.start) : read;
  if (lossy.length === 0) return found;
  return [...lossy, ...withoutOverlaps(found, lossy)].sort((a, b) => a.start - b.start);
}

/**
 * Marks alone between two ASCII characters (or a line's edge, or a run read back) in a text that
 * shows UTF-8 read as Big5: `2003年11���15` is 月 (E6 9C 88) with its three bytes lost, one mark per
 * byte (Python, iconv-lite) or per pair (WHATWG). No byte is left to read, so no run is gathered
 * there, but the marks are whole UTF-8 characters (ASCII is never lost and ends a sequence): they
 * stand for as few characters as the byte structure allows (lostBytes.ts reads them, every
 * character U+FFFD), not one each. Only U+FFFD: a `?` may be the text's own.
 */
const MARKS = /\ufffd{2,}/g;

function findLostCharacters(text: string, read: readonly GarbleIssue[]): GarbleIssue[] {
  if (!text.includes('\ufffd\ufffd')) return [];
  const spec = big5MojibakeSpec();
  const lm = getCharModel();
  const issues: GarbleIssue[] = [];
  const starts = new Set(read.map((f) => f.start));
  const ends = new Set(read.map((f) => f.end));
  const edge = (at: number, side: 'before' | 'after'): boolean => {
    if (side === 'before' ? at === 0 || ends.has(at) : at === text.length || starts.has(at)) return true;
    const c = text.charCodeAt(side === 'before' ? at - 1 : at);
    return c < 0x80 && c !== 0x3f;
  };
  let k = 0;
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (k < read.length && read[k].end <= start) k++;
    if (k < read.length && read[k].start < end) continue;
    if (!edge(start, 'before') || !edge(end, 'after')) continue;
    const units: Unit[] = [];
    for (let i = start; i < end; i++) units.push({ start: i, end: i + 1, bytes: null });
    const prev = start > 0 ? text[start - 1] : '';
    const next = end < text.length ? text[end] : '\n';
    const reading = readRun(units, spec, lm, prev, next);
    if (!reading || reading.text.length >= m[0].length || !/^\ufffd+$/.test(reading.text)) continue;
    issues.push({ kind: 'mojibake-big5', start, end, confidence: 0.6, replacement: reading.text, plan: reading.plan, lossy: true });
  }
  return issues;
}

export const mojibakeBig5Detector: TextDetector = {
  level: 'text',
  kind: 'mojibake-big5',
  looksFor: 'UTF-8 read as Big5 (cp950): 銝剜?? → 中文',
  plan: 'encode big5 → decode utf-8',
  noun: ['Big5 mojibake span', 'Big5 mojibake spans'],
  needs: NON_ASCII,
  mojibakeSpec: big5MojibakeSpec,
  find: ({ text, scan }) => findMojibakeBig5(text, scan.mojibakeStops(big5MojibakeSpec())),
};
