import { HOLE, PUA_LEAD, PUA_TRAIL } from '../../codec/utf8WithHoles';
import type { MojibakeSpec, Unit } from './mojibakeSpec';
import { charTables, stopTable } from './charTables';

/**
 * Gathering: which characters of a text a code page could have printed from UTF-8 bytes, as
 * units of code-page bytes, and how far a UTF-8 reading of them goes. Reading the bytes back and
 * judging the reading are readRun.ts and judgeReading.ts.
 */

/** How far a run's edges may move inward: real characters next to mojibake can read as UTF-8 too. */
export const EDGE_SLACK = 2;

/** Units gathered from one start at most; a longer stretch is looked at in pieces. */
const MAX_UNITS = 1024;
/** A dropped user-defined pair, inserted as a unit of no width where the UTF-8 reading broke. */
export const DROPPED_PAIR: readonly number[] = [PUA_LEAD, PUA_TRAIL];
/** Dropped pairs one run may restore, and the real characters at least between two of them. */
const MAX_DROPPED_PAIRS = 8;
const MIN_UNITS_BETWEEN_PAIRS = 2;
/** Characters a reading that starts with a mended pair must cover before it is gathered. */
const MIN_REACH_AFTER_PAIR = 4;

/** One shared array per single byte: a whole file of mojibake is a million units. */
const SINGLE_BYTES: ReadonlyArray<readonly number[]> = Array.from({ length: 256 }, (_, b) => [b]);

function codeBytes(code: number): readonly number[] {
  return code > 0xff ? [code >> 8, code & 0xff] : SINGLE_BYTES[code];
}

/**
 * The characters from `i` on that the code page could have printed from UTF-8 bytes, up to the
 * first that it could not have (holes included; printable ASCII inside only when the spec allows,
 * and never at the end).
 */
export function gather(text: string, i: number, spec: MojibakeSpec, whileUtf8 = false): Unit[] {
  const tables = charTables(spec);
  const units: Unit[] = [];
  // With `whileUtf8`, stop at the first unit that breaks a UTF-8 reading from `i` (a few more are
  // kept so the run's start may still move inward past real characters).
  let broken = -1;
  let mask = DUE_NONE;
  const wide = spec.widerHoles === true;
  let pairs = 0;
  let lastPair = -MIN_UNITS_BETWEEN_PAIRS - 1;
  while (i < text.length && units.length < MAX_UNITS && (broken < 0 || units.length < broken + EDGE_SLACK)) {
    const cp = text.codePointAt(i)!;
    const end = i + (cp > 0xffff ? 2 : 1);
    if (cp === 0x3f || cp === 0xfffd) {
      units.push({ start: i, end, bytes: null });
    } else {
      const code = tables.codeAt(cp);
      if (code >= 0) units.push({ start: i, end, bytes: codeBytes(code) });
      else if (spec.asciiInside && units.length && cp > 0x20 && cp < 0x7f) units.push({ start: i, end, bytes: SINGLE_BYTES[cp] });
      else if (spec.fullwidthFolded && whileUtf8 && (mask & ~DUE_NONE) !== 0 && broken < 0 && cp > 0x20 && cp < 0x7f) units.push({ start: i, end, bytes: [0xa3, cp + 0x80] });
      else break;
    }
    i = end;
    if (whileUtf8 && broken < 0) {
      const before = mask;
      mask = feedUtf8(before, units[units.length - 1].bytes, spec.holeBytes, wide);
      if (mask === 0 && spec.droppedPairs && pairs < MAX_DROPPED_PAIRS && units.length - lastPair > MIN_UNITS_BETWEEN_PAIRS) {
        // A dropped user-defined pair before this unit may mend the reading.
        const mended = feedAfterDroppedPair(before, units[units.length - 1].bytes, spec.holeBytes);
        if (mended !== 0) {
          const unit = units[units.length - 1];
          units.splice(units.length - 1, 0, { start: unit.start, end: unit.start, bytes: DROPPED_PAIR });
          mask = mended;
          pairs++;
          lastPair = units.length - 1;
        }
      }
      if (mask === 0) broken = units.length;
    }
  }
  while (units.length && units[units.length - 1].bytes?.length === 1 && units[units.length - 1].bytes![0] < 0x80) units.pop();
  // A run that stops two bytes short of a character may have lost a user-defined pair there.
  if (whileUtf8 && broken < 0 && mask === 4 && spec.droppedPairs && pairs < MAX_DROPPED_PAIRS && units.length - lastPair > MIN_UNITS_BETWEEN_PAIRS) {
    const end = units[units.length - 1].end;
    units.push({ start: end, end, bytes: DROPPED_PAIR });
  }
  return units;
}

/**
 * How many characters from i a UTF-8 reading covers up to its furthest sequence end, counted
 * without building anything, how many three-byte sequences (where CJK lives) it holds by then, and
 * how many of its characters have a non-ASCII byte known (not a mark).
 * In clean text the reach is 0 or 1 almost everywhere, or covers only two-byte sequences (GBK's
 * C2–DF rows with trails A1–BF read as Greek and Cyrillic): neither is worth gathering.
 */
export function utf8Reach(text: string, i: number, spec: MojibakeSpec): { reach: number; cjk: number; known: number } {
  const tables = charTables(spec);
  const wide = spec.widerHoles === true;
  let mask = DUE_NONE;
  let units = 0;
  let reach = 0;
  let cjk = 0;
  let cjkAtReach = 0;
  let known = 0;
  let knownAtReach = 0;
  const feed = (b: number) => {
    // The supplementary planes (F0–F4): emoji, rare Han.
    if (mask & DUE_NONE && b >= 0xe0 && b <= 0xf4) cjk++;
    mask = stepByte(mask, b);
  };
  let pairs = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const before = mask;
    let code = -1;
    if (cp === 0x3f || cp === 0xfffd) {
      if (mask & DUE_NONE) cjk++;
      mask = feedUtf8(mask, null, spec.holeBytes, wide);
    } else {
      code = tables.codeAt(cp);
      if (code < 0 && spec.asciiInside && units > 0 && cp > 0x20 && cp < 0x7f) code = cp;
      if (code < 0 && spec.fullwidthFolded && (mask & ~DUE_NONE) !== 0 && cp > 0x20 && cp < 0x7f) code = 0xa300 | (cp + 0x80);
      if (code < 0) break;
      if (code >= 0x80) known++;
      if (code > 0xff) {
        feed(code >> 8);
        if (mask !== 0) feed(code & 0xff);
      } else feed(code);
    }
    // A dropped user-defined pair among the first characters may mend the reading (鏀寔 for 支持:
    // AF E6 lost); later breaks end the reach, and gather mends those once a run is worth reading.
    if (mask === 0 && code >= 0 && spec.droppedPairs && units > 0 && units <= 2 && pairs === 0) {
      const mended = feedAfterDroppedPair(before, codeBytes(code), spec.holeBytes);
      if (mended !== 0) {
        mask = mended;
        pairs++;
      }
    }
    if (mask === 0) break;
    units++;
    if (mask & DUE_NONE) {
      reach = units;
      cjkAtReach = cjk;
      knownAtReach = known;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  // A reading mended by a guessed pair must go on for longer before it is worth gathering: by
  // chance such a pair mends something in ordinary text all the time.
  if (pairs > 0 && reach < MIN_REACH_AFTER_PAIR) return { reach: 0, cjk: 0, known: 0 };
  return { reach, cjk: cjkAtReach, known: knownAtReach };
}

/**
 * UTF-8 validity as a set of states: bit k set when k continuation bytes may be due. A hole of
 * one byte keeps one state per state; a hole that may stand for one byte or two (the spec's
 * `widerHoles`: a decoder that swallows a lead with the byte after it into one mark) may leave two.
 */
const DUE_NONE = 1;
/** Each state one byte later: a continuation byte (n → n − 1) or a byte at a sequence start. */
function stepByte(mask: number, b: number): number {
  let out = 0;
  if (mask & 0b1110 && b >= 0x80 && b <= 0xbf) out |= mask >> 1 & 0b111;
  if (mask & DUE_NONE) {
    if (b < 0x80) out |= 1;
    else if (b >= 0xc2 && b <= 0xdf) out |= 2;
    else if (b >= 0xe0 && b <= 0xef) out |= 4;
    else if (b >= 0xf0 && b <= 0xf4) out |= 8;
  }
  return out;
}

/** A lost byte: whatever is due, or at a sequence start the lead of a three-byte sequence. */
function stepHole(mask: number): number {
  return (mask >> 1 & 0b111) | (mask & DUE_NONE ? 4 : 0);
}

/**
 * One unit's bytes through a UTF-8 validity check: `mask` holds the states before (see DUE_NONE);
 * returns the states after, 0 when the bytes cannot be UTF-8 there. A hole fits whatever is due;
 * at a sequence start it is taken as a lead.
 */
function feedUtf8(mask: number, bytes: readonly number[] | null, holeBytes: number, widerHoles = false): number {
  if (!bytes) {
    let m = mask;
    for (let k = 0; k < holeBytes; k++) m = stepHole(m);
    return widerHoles ? m | stepHole(m) : m;
  }
  for (const b of bytes) {
    if (b === HOLE || b === PUA_TRAIL) mask = stepHole(mask);
    else if (b === PUA_LEAD) mask = mask >> 1 & 0b111;
    else mask = stepByte(mask, b);
    if (mask === 0) return 0;
  }
  return mask;
}

/** feedUtf8 for a unit with a dropped user-defined pair before it: 0 when the pair cannot mend the reading there. */
function feedAfterDroppedPair(mask: number, bytes: readonly number[] | null, holeBytes: number): number {
  const afterPair = feedUtf8(mask, DROPPED_PAIR, 1);
  return afterPair === 0 ? 0 : feedUtf8(afterPair, bytes, holeBytes);
}

/**
 * Unit boundaries after i where a UTF-8 reading of units[i..] ends a sequence, up to where the
 * reading breaks down.
 */
export function validRunEnds(units: Unit[], i: number, holeBytes: number, widerHoles = false): number[] {
  const ends: number[] = [];
  let mask = DUE_NONE;
  for (let j = i; j < units.length; j++) {
    mask = feedUtf8(mask, units[j].bytes, holeBytes, widerHoles);
    if (mask === 0) break;
    if (mask & DUE_NONE) ends.push(j + 1);
  }
  return ends;
}

/**
 * Where the scan for each spec must stop in a text: characters that open a UTF-8 sequence, with
 * alternates every character that can be part of a segment, and the supplementary planes (high
 * surrogates), which the tables do not cover. Everything else a scan passes by, and in clean text
 * that is nearly every character: one pass over the text with a combined table serves every spec.
 * The stops of a spec come as StopRanges: a whole file of mojibake stops at every character.
 */
export function mojibakeStops(text: string, specs: readonly MojibakeSpec[]): StopRanges[] {
  const table = stopTable(specs);
  const stops = specs.map(() => new StopRangesBuilder());
  for (let i = 0; i < text.length; i++) {
    const bits = table.at(text.charCodeAt(i));
    if (bits === 0) continue;
    for (let k = 0; k < specs.length; k++) if (bits & (1 << k)) stops[k].add(i);
  }
  return stops.map((s) => s.ranges);
}

/**
 * Stop positions as sorted, disjoint ranges of consecutive positions, flat: start₀, end₀, start₁,
 * end₁, … (each end exclusive). The first stop at or after i: the first range whose end is past i,
 * at max(i, its start).
 */
export type StopRanges = readonly number[];

/** Builds StopRanges from positions added in increasing order. */
export class StopRangesBuilder {
  readonly ranges: number[] = [];
  private end = -1;

  add(i: number): void {
    if (i === this.end) {
      this.ranges[this.ranges.length - 1] = ++this.end;
    } else {
      this.end = i + 1;
      this.ranges.push(i, this.end);
    }
  }
}
