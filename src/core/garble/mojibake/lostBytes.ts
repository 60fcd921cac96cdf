import type { CharLanguageModel } from '../../model/charLanguageModel';
import { decodeWithLostBytes, LOST } from '../../codec/utf8LostBytes';
import { isBig5Gap, isGb18030Gap, isGbkGap } from '../../codec/gbkGaps';
import { big5Table } from '../../codec/legacyCodecs';
import { weighDoubts } from './lostWords';
import { echoLost } from './lostEchoes';

/**
 * Mojibake with lost bytes, read run by run: UTF-8 decoded with a legacy code page that printed
 * `?` or U+FFFD where it could not decode, possibly many times in one run (Python's `gbk` codec
 * rejects every user-defined pair, 鏂囦欢 → 鏂囦�欢; Windows writes `?`). Each lost byte is
 * guessed only among the bytes the code page could have failed on there (see the spec's
 * `lostByteCandidates`), and kept only when the character model is sure; a character it is not
 * sure of stays lost, shown as U+FFFD, and the repair says so.
 */
export interface LostByteSpec {
  codecName: string;
  /** Bytes one `?` stands for. */
  holeBytes: number;
  /**
   * Bytes a lost byte can have been, given the first byte the decoder read after it (undefined
   * at the end of the run or before another lost byte).
   */
  lostByteCandidates(next: number | undefined): readonly number[];
  /**
   * A decoder may also have swallowed a lead and the byte after it into one mark (iconv-lite's
   * cp936 on a user-defined pair, WHATWG on a lead before a non-ASCII byte it cannot pair): the
   * pairs it does that to. Such a two-byte hole is read only where the UTF-8 structure needs it.
   */
  lostPair?(first: number, second: number): boolean;
  /**
   * Runs with more lost bytes than one unit in this many are not read: too little is left (3 when
   * unset). Big5 has no trail bytes in 0x80–0xA0, so its decoders lose about every other pair.
   */
  unitsPerLost?: number;
  /**
   * A character with more readings than this (two of its bytes lost) stays U+FFFD without being
   * weighed (unlimited when unset). Where a code page loses bytes far apart (GBK), such a
   * character has whole characters on both sides and the model can often tell; where it loses
   * about every other pair (Big5), its neighbours are guesses too, and weighing hundreds of
   * readings against hundreds costs much and picks wrong ones.
   */
  maxReadings?: number;
  /**
   * The decoders of this code page differ in what a mark stands for: Python's and iconv-lite's
   * print one per byte, WHATWG's (Node's ICU) one per lead and the byte after it unless that byte
   * is ASCII. The run is read the WHATWG way when the fewest bytes per mark do not read.
   */
  pairUnlessAscii?: boolean;
}

export interface LostByteReading {
  text: string;
  /** What the run likely reads as, guesses too weak to write included (judged, not written). */
  likely?: string;
  plan: string[];
  lossy: boolean;
}

const UNITS_PER_LOST = 3;

/** `units`: each unit's code-page bytes, or null for a `?`/U+FFFD. */
export function readWithLostBytes(units: ReadonlyArray<readonly number[] | null>, spec: LostByteSpec, lm: CharLanguageModel, before: string, after: string): LostByteReading | undefined {
  const holes = units.filter((u) => u === null).length;
  if (holes * (spec.unitsPerLost ?? UNITS_PER_LOST) > units.length + 2) return undefined;
  const fewest = spec.lostPair && spec.holeBytes === 1 ? holeWidths(units) : units.map((u) => (u ? 0 : spec.holeBytes));
  const whatwg = spec.pairUnlessAscii ? widthsUnlessAscii(units, after) : undefined;
  let best: LostByteReading | undefined;
  let bestScore = -Infinity;
  for (const widths of [fewest, whatwg]) {
    if (!widths || (widths === whatwg && fewest && widths.every((w, k) => w === fewest[k]))) continue;
    const r = readWithWidths(units, widths, spec, lm, before, after);
    if (!r) continue;
    const score = r.lost * LOST_CHAR_PENALTY + lm.score(r.reading.text.replaceAll('\ufffd', ''));
    if (score > bestScore) {
      best = r.reading;
      bestScore = score;
    }
    // The fewest bytes per mark, when they read at all, are kept: on the evaluation's tuning part
    // the WHATWG widths never lost fewer characters where both read (578 runs), and reading both
    // doubled the cost of Node's runs.
    break;
  }
  return best;
}

/** Ranking the readings of one run: a character lost costs this much more than any read. */
const LOST_CHAR_PENALTY = -1000;

/**
 * WHATWG's widths: two bytes for a mark before a byte from 0x80 or another mark (the lead and
 * the byte after it swallowed together), one before ASCII or a line's end. Undefined when they do
 * not make the run well-formed UTF-8.
 */
function widthsUnlessAscii(units: ReadonlyArray<readonly number[] | null>, after: string): number[] | undefined {
  const afterHigh = after !== '' && after.charCodeAt(0) >= 0x80;
  const widths = units.map((u, k) => {
    if (u) return 0;
    const next = units[k + 1];
    return next === null || (next === undefined ? afterHigh : next[0] >= 0x80) ? 2 : 1;
  });
  let need = 0;
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (u) {
      for (const b of u) if (need >= 0) need = stepKnown(need, b);
    } else {
      for (let h = 0; h < widths[k] && need >= 0; h++) need = need > 0 ? need - 1 : h === 0 ? 2 : -1;
    }
    if (need < 0) return undefined;
  }
  return need === 0 ? widths : undefined;
}

function readWithWidths(units: ReadonlyArray<readonly number[] | null>, widths: readonly number[], spec: LostByteSpec, lm: CharLanguageModel, before: string, after: string): { reading: LostByteReading; lost: number } | undefined {
  const bytes: number[] = [];
  const candidates = new Map<number, readonly number[]>();
  const pairs = new Map<number, (a: number, b: number) => boolean>();
  units.forEach((u, k) => {
    if (u) {
      for (const b of u) bytes.push(b);
      return;
    }
    const next = units[k + 1];
    if (widths[k] === 2 && spec.lostPair) {
      pairs.set(bytes.length, spec.lostPair);
      candidates.set(bytes.length, ANY_HIGH);
      candidates.set(bytes.length + 1, ANY_HIGH);
      bytes.push(LOST, LOST);
      return;
    }
    const allowed = spec.lostByteCandidates(next ? next[0] : undefined);
    for (let h = 0; h < widths[k]; h++) {
      candidates.set(bytes.length, h === 0 ? allowed : CONTINUATION);
      bytes.push(LOST);
    }
  });
  const decoded = decodeWithLostBytes(bytes, candidates, lm, before, after, pairs, spec.maxReadings);
  if (!decoded) return undefined;
  const d = echoLost(weighDoubts(decoded, lm, before, after), bytes, candidates, before, after);
  const plan = [`encode ${spec.codecName}`];
  const sure = d.restored.filter((b) => b !== '??');
  if (sure.length) plan.push(`restore lost byte${sure.length > 1 ? 's' : ''} ${sure.join(', ')}`);
  plan.push('decode utf-8');
  if (d.unrecovered) plan.push(`${d.unrecovered} character${d.unrecovered > 1 ? 's' : ''} lost with ${d.unrecovered > 1 ? 'their bytes' : 'its byte'}: kept as U+FFFD`);
  return { reading: { text: d.text, likely: d.likely === d.text ? undefined : d.likely, plan, lossy: d.unrecovered > 0 }, lost: d.unrecovered };
}

const CONTINUATION: readonly number[] = Array.from({ length: 0x40 }, (_, k) => 0x80 + k);

/**
 * How many bytes each `?` stands for (1 or 2; 0 for a known unit), as few two-byte ones as the
 * UTF-8 structure allows: a dynamic programme over the bytes still due in the current sequence.
 * Undefined when no choice makes the run well-formed UTF-8.
 */
function holeWidths(units: ReadonlyArray<readonly number[] | null>): number[] | undefined {
  // cost[need]: fewest two-byte holes to reach this many continuation bytes due; per unit and
  // need, the need it came from and the hole's width (back-pointers, -1 where not reached).
  let cost = [0, Infinity, Infinity, Infinity];
  let next = [Infinity, Infinity, Infinity, Infinity];
  const backFrom = new Int8Array(units.length * 4).fill(-1);
  const backWidth = new Int8Array(units.length * 4);
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    next.fill(Infinity);
    const reach = (need: number, c: number, origin: number, width: number) => {
      if (c < next[need]) {
        next[need] = c;
        backFrom[k * 4 + need] = origin;
        backWidth[k * 4 + need] = width;
      }
    };
    for (let need = 0; need < 4; need++) {
      if (cost[need] === Infinity) continue;
      if (u) {
        let n = need;
        for (const b of u) n = n < 0 ? n : stepKnown(n, b);
        if (n >= 0) reach(n, cost[need], need, 0);
        continue;
      }
      // The bytes due after a high byte: one fewer inside a sequence, else 1 to 3 after a lead.
      for (let a = need > 0 ? need - 1 : 1; a <= (need > 0 ? need - 1 : 3); a++) {
        reach(a, cost[need], need, 1);
        for (let b = a > 0 ? a - 1 : 1; b <= (a > 0 ? a - 1 : 3); b++) reach(b, cost[need] + 1, need, 2);
      }
    }
    [cost, next] = [next, cost];
  }
  if (cost[0] === Infinity) return undefined;
  const widths = new Array<number>(units.length).fill(0);
  let need = 0;
  for (let k = units.length - 1; k >= 0; k--) {
    widths[k] = units[k] ? 0 : backWidth[k * 4 + need];
    need = backFrom[k * 4 + need];
  }
  return widths;
}

/** Continuation bytes due after a known byte, or -1 when the byte cannot come there. */
function stepKnown(need: number, b: number): number {
  if (need > 0) return b >= 0x80 && b <= 0xbf ? need - 1 : -1;
  if (b < 0x80) return 0;
  if (b >= 0xc2 && b <= 0xdf) return 1;
  if (b >= 0xe0 && b <= 0xef) return 2;
  if (b >= 0xf0 && b <= 0xf4) return 3;
  return -1;
}

/**
 * GBK (cp936, Python's `gbk`, WHATWG): a lost byte is a lead the decoder could not pair. Before a
 * byte that cannot trail (ASCII below 0x40, a line end, the end) it was any byte from 0x80 up;
 * before a byte that can, the pair was one the decoder has no character for (a user-defined
 * pair, an unassigned symbol cell; data/gbk-gaps.bin, from the decoders themselves).
 */
export const gbkLostByteCandidates = lostByteCandidatesOf(isGbkGap);

/**
 * GBK read by a decoder that prints user-defined pairs as private-use characters (Python's
 * `gb18030`, WHATWG): before a byte that can trail, only 0x80 and 0xFF fail as leads. 一， (E4 B8
 * 80 EF BC 8C) loses its 80 there, where Python's `gbk` may have failed on 中's AD as well.
 */
export const gb18030LostByteCandidates = lostByteCandidatesOf(isGb18030Gap);

/**
 * Big5 (Python's `big5` and `cp950`, iconv-lite, WHATWG): the same, with Big5's gaps
 * (data/big5-gaps.bin): every pair whose trail is 0x80–0xA0, where a third of UTF-8's
 * continuation bytes fall, and the leads some decoders lack.
 */
export const big5LostByteCandidates = lostByteCandidatesOf(isBig5Gap);

/**
 * Big5 read by a decoder that prints the HKSCS pairs (leads 0x87–0xA0: iconv-lite's `big5`),
 * which UTF-8 continuation bytes open about every few characters: a byte it lost before one that
 * can trail made with it a pair that decoder has no character for (big5Table, built from that
 * decoder), mostly a lead 0x80–0x86, not any of 0x80–0xA0 as for the decoders without HKSCS.
 */
export const big5HkscsLostByteCandidates = lostByteCandidatesOf(isBig5HkscsGap);

export function isBig5HkscsGap(lead: number, trail: number): boolean {
  return isBig5Gap(lead, trail) && big5Table().decodePair(lead, trail) === undefined;
}

function lostByteCandidatesOf(isGap: (lead: number, trail: number) => boolean): (next: number | undefined) => readonly number[] {
  const byTrail = new Map<number, number[]>();
  return (next) => {
    if (next === undefined || next < 0x40 || next === 0x7f || next === 0xff) return ANY_HIGH;
    let list = byTrail.get(next);
    if (!list) {
      list = [];
      for (let lead = 0x80; lead <= 0xff; lead++) if (isGap(lead, next)) list.push(lead);
      byTrail.set(next, list);
    }
    return list;
  };
}

const ANY_HIGH: readonly number[] = Array.from({ length: 0x80 }, (_, k) => 0x80 + k);
