import type { MojibakeSpec } from '../garble/mojibake/mojibakeSpec';
import { mojibakeStops, stopTable } from '../garble/mojibake/gatherRuns';

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

/**
 * The text classified once, in one pass, for every detector: which character classes it holds
 * (a detector whose classes are absent is not run) and, for each mojibake code page, where its
 * scan must stop (utf8Mojibake.ts). Clean text costs this one pass plus what the detectors that
 * have something to look at do.
 */
export class TextScan {
  /** Union of the classes of the text's characters. */
  readonly classes: number;
  private readonly stops: number[][];

  constructor(readonly text: string, private readonly specs: readonly MojibakeSpec[]) {
    const table = scanTable(specs);
    const stops = specs.map(() => [] as number[]);
    let bitsSeen = 0;
    for (let i = 0; i < text.length; i++) {
      const bits = table[text.charCodeAt(i)];
      if (bits === 0) continue;
      bitsSeen |= bits;
      if (bits & STOP_BITS) for (let k = 0; k < specs.length; k++) if (bits & (1 << k)) stops[k].push(i);
    }
    this.classes = bitsSeen >> CLASS_SHIFT;
    this.stops = stops;
  }

  /** True when the text holds a character of one of `classes`. */
  has(classes: number): boolean {
    return (this.classes & classes) !== 0;
  }

  /** Where the scan of `spec` stops (mojibakeStops), from the one pass when the spec was known to it. */
  mojibakeStops(spec: MojibakeSpec): readonly number[] {
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

let tableCache: { specs: readonly MojibakeSpec[]; table: Uint16Array } | undefined;

/** Per BMP code unit: the stop bits of stopTable(specs), and its classes above them. */
function scanTable(specs: readonly MojibakeSpec[]): Uint16Array {
  const cached = tableCache;
  if (cached && cached.specs.length === specs.length && cached.specs.every((s, k) => s === specs[k])) return cached.table;
  if (specs.length > 8) throw new Error('TextScan: at most eight mojibake code pages');
  const stops = stopTable(specs);
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = stops[c] | ((c >= 0x80 ? NON_ASCII : 0) << CLASS_SHIFT);
  for (const [from, to] of CJK_RANGES) for (let c = from; c <= to; c++) table[c] |= CJK << CLASS_SHIFT;
  table[0x3f] |= QUESTION_MARK << CLASS_SHIFT; // ?
  table[0xfffd] |= REPLACEMENT_CHAR << CLASS_SHIFT;
  table[0x28] |= PARENTHESIS << CLASS_SHIFT; // (
  table[0xff08] |= PARENTHESIS << CLASS_SHIFT; // （
  tableCache = { specs: [...specs], table };
  return table;
}
