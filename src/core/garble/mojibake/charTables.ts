import type { MojibakeSpec } from './mojibakeSpec';

/**
 * Per BMP character and code page: whether it can be part of mojibake, whether its first byte can
 * open a UTF-8 sequence, and its code-page form. Every entry is worked out at its character's
 * first use: an article meets a few thousand of the 65,536, and the first verdict on a file should
 * not wait for the rest.
 */

export const IN_SEGMENT = 1;
export const OPENS_UTF8 = 2;
/** A flags entry not worked out yet (real flags use the two bits above). */
const UNFILLED = 0x80;

/** A character's code-page form when it can be part of mojibake, else -1. */
export function segmentCode(cp: number, spec: MojibakeSpec): number {
  const code = spec.codec.codeOf(cp);
  return code >= 0 && spec.inSegment(code, cp) ? code : -1;
}

/** Whether a character can be part of mojibake, and whether its first byte can open a CJK sequence. */
export function flagsOf(cp: number, spec: MojibakeSpec): number {
  const code = segmentCode(cp, spec);
  if (code < 0) return 0;
  const first = code > 0xff ? code >> 8 : code;
  // Chinese lives in UTF-8's three-byte sequences (E0–EF; F0–F4 for the supplementary planes):
  // a run of mojibake worth reading back opens with one of those leads.
  return IN_SEGMENT | (first >= 0xe0 && first <= 0xf4 ? OPENS_UTF8 : 0);
}

/** flagsOf and segmentCode of the BMP for one spec, each entry worked out at its first use. */
export class CharTables {
  private readonly flags = new Uint8Array(0x10000).fill(UNFILLED);
  /** segmentCode of every BMP character whose flags have IN_SEGMENT (the others are never read). */
  private readonly codes = new Int32Array(0x10000);

  constructor(private readonly spec: MojibakeSpec) {
    // ASCII is never part of mojibake.
    this.flags.fill(0, 0, 0x80);
  }

  /** flagsOf(cp): from the table in the BMP. */
  flagsAt(cp: number): number {
    if (cp > 0xffff) return flagsOf(cp, this.spec);
    const f = this.flags[cp];
    return f & UNFILLED ? this.set(cp) : f;
  }

  /** segmentCode(cp): from the table in the BMP. */
  codeAt(cp: number): number {
    if (cp > 0xffff) return segmentCode(cp, this.spec);
    const f = this.flags[cp];
    return (f & UNFILLED ? this.set(cp) : f) & IN_SEGMENT ? this.codes[cp] : -1;
  }

  /** Works out the entries of `cp`; returns its flags. */
  private set(cp: number): number {
    const f = flagsOf(cp, this.spec);
    this.flags[cp] = f;
    if (f & IN_SEGMENT) this.codes[cp] = segmentCode(cp, this.spec);
    return f;
  }
}

const charTableCache = new WeakMap<MojibakeSpec, CharTables>();

/** The tables of `spec`, made once. */
export function charTables(spec: MojibakeSpec): CharTables {
  let tables = charTableCache.get(spec);
  if (!tables) {
    tables = new CharTables(spec);
    charTableCache.set(spec, tables);
  }
  return tables;
}

/**
 * Bit k of a BMP character's entry: the scan for specs[k] stops there (mojibakeStops): characters
 * that open a UTF-8 sequence, with alternates every character that can be part of a segment, with
 * holesOpen the marks `?` and U+FFFD, and the high surrogates (the supplementary planes, which the tables do not cover). Each entry is
 * worked out at its character's first use.
 */
export class StopTable {
  /** The stop bits, or UNFILLED_STOPS. */
  private readonly bits = new Uint16Array(0x10000).fill(UNFILLED_STOPS);

  constructor(readonly specs: readonly MojibakeSpec[]) {
    if (specs.length > 8) throw new Error('StopTable: at most eight mojibake code pages');
  }

  at(c: number): number {
    const b = this.bits[c];
    return b & UNFILLED_STOPS ? this.set(c) : b;
  }

  private set(c: number): number {
    let b = 0;
    for (let k = 0; k < this.specs.length; k++) {
      const spec = this.specs[k];
      const stopsAt = spec.alternates ? IN_SEGMENT | OPENS_UTF8 : OPENS_UTF8;
      const hole = spec.holesOpen === true && (c === 0x3f || c === 0xfffd);
      if (charTables(spec).flagsAt(c) & stopsAt || hole || (c >= 0xd800 && c <= 0xdbff)) b |= 1 << k;
    }
    this.bits[c] = b;
    return b;
  }
}

/** A stop table entry not worked out yet (above the eight stop bits). */
const UNFILLED_STOPS = 0x100;

let stopTableCache: StopTable | undefined;

/** The stop table of `specs`, kept for the last list of specs asked for. */
export function stopTable(specs: readonly MojibakeSpec[]): StopTable {
  const cached = stopTableCache;
  if (cached && cached.specs.length === specs.length && cached.specs.every((s, k) => s === specs[k])) return cached;
  stopTableCache = new StopTable([...specs]);
  return stopTableCache;
}
