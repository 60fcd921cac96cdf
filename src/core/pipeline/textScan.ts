import type { MojibakeSpec } from '../garble/mojibake/mojibakeSpec';
import { mojibakeStops, StopRangesBuilder, type StopRanges } from '../garble/mojibake/gatherRuns';
import { stopTable, type StopTable } from '../garble/mojibake/charTables';

/** Character classes of the pre-scan; a detector's `needs` is a union of them. */
export const NON_ASCII = 1;
export const QUESTION_MARK = 2;
export const REPLACEMENT_CHAR = 4;
export const PARENTHESIS = 8;
/** Han, CJK punctuation and fullwidth forms: what text that GBK (or a GBK misreading) made holds. */
export const CJK = 16;

/** The mojibake stop bits of a table entry (one per spec, up to eight); the classes sit above them. */
const STOP_BITS = 0xff;
const CLASS_SHIFT = 8;
/** An entry of a block not classified yet (stop bits and classes never reach it). */
const UNFILLED = 0x8000;

/**
 * The text classified once, in one pass, for every detector: which character classes it holds
 * (a detector whose classes are absent is not run) and, for each mojibake code page, where its
 * scan must stop (utf8Mojibake.ts). Clean text costs this one pass plus what the detectors that
 * have something to look at do.
 */
export class TextScan {
  /** Union of the classes of the text's characters. */
  readonly classes: number;
  private readonly stops: StopRanges[];

  constructor(readonly text: string, private readonly specs: readonly MojibakeSpec[]) {
    const scanTable = ScanTable.of(specs);
    const table = scanTable.table;
    const stops = specs.map(() => new StopRangesBuilder());
    let bitsSeen = 0;
    for (let i = 0; i < text.length; i++) {
      let bits = table[text.charCodeAt(i)];
      if (bits === 0) continue;
      if (bits & UNFILLED) bits = scanTable.fill(text.charCodeAt(i));
      bitsSeen |= bits;
      if (bits & STOP_BITS) for (let k = 0; k < specs.length; k++) if (bits & (1 << k)) stops[k].add(i);
    }
    this.classes = bitsSeen >> CLASS_SHIFT;
    this.stops = stops.map((s) => s.ranges);
  }

  /** True when the text holds a character of one of `classes`. */
  has(classes: number): boolean {
    return (this.classes & classes) !== 0;
  }

  /** Where the scan of `spec` stops (mojibakeStops), from the one pass when the spec was known to it. */
  mojibakeStops(spec: MojibakeSpec): StopRanges {
    const k = this.specs.indexOf(spec);
    return k >= 0 ? this.stops[k] : mojibakeStops(this.text, [spec])[0];
  }
}

/** CJK punctuation, Han (extension A, unified, compatibility), fullwidth forms. */
const CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3000, 0x303f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xff00, 0xffef],
];

/**
 * Per BMP code unit: the stop bits of stopTable(specs), and its classes above them; each entry is
 * worked out at its code unit's first use (UNFILLED until then).
 */
class ScanTable {
  private static cached: ScanTable | undefined;
  readonly table = new Uint16Array(0x10000).fill(UNFILLED);
  private readonly stops: StopTable;

  private constructor(readonly specs: readonly MojibakeSpec[]) {
    if (specs.length > 8) throw new Error('TextScan: at most eight mojibake code pages');
    this.stops = stopTable(specs);
  }

  static of(specs: readonly MojibakeSpec[]): ScanTable {
    const cached = ScanTable.cached;
    if (cached && cached.specs.length === specs.length && cached.specs.every((s, k) => s === specs[k])) return cached;
    ScanTable.cached = new ScanTable([...specs]);
    return ScanTable.cached;
  }

  /** Works out the entry of code unit `c`. */
  fill(c: number): number {
    const cjk = CJK_RANGES.some((r) => c >= r[0] && c <= r[1]) ? CJK : 0;
    const bits = this.stops.at(c) | ((c >= 0x80 ? NON_ASCII : 0) | cjk | (CLASSES.get(c) ?? 0)) << CLASS_SHIFT;
    this.table[c] = bits;
    return bits;
  }
}

/** The classes of single characters. */
const CLASSES = new Map([
  [0x3f, QUESTION_MARK], // ?
  [0xfffd, REPLACEMENT_CHAR],
  [0x28, PARENTHESIS], // (
  [0xff08, PARENTHESIS], // （
]);
