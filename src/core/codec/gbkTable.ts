import { dataUint32 } from '../data/dataFiles';

/**
 * The GBK (code page 936) double-byte table, both directions, as the misaligned-GBK and
 * GBK-mojibake repairs need it: which byte pairs decode to which character, and back.
 *
 * Lead bytes are 0x81–0xFE, trail bytes 0x40–0x7E and 0x80–0xFE. A single 0x80 decodes to € in
 * cp936 (and in the WHATWG gbk decoder), which is how a lone trail byte 0x80 surfaces as `€`.
 */
export interface DbcsTable {
  /** Character of the pair (lead, trail), or undefined when the pair is unmapped. */
  decodePair(lead: number, trail: number): string | undefined;
  /** Bytes of a character: 1 for ASCII, 2 for a mapped double-byte character; undefined otherwise. */
  bytesOf(ch: string): readonly number[] | undefined;
  /** The same for a BMP code point, allocation-free: lead << 8 | trail, the byte for ASCII, -1 when unmapped. */
  codeOf(cp: number): number;
  /** All mapped trails of a lead byte, with their characters. */
  trailsOf(lead: number): ReadonlyArray<readonly [number, string]>;
  /** All mapped lead bytes for a trail byte, with their characters. */
  leadsOf(trail: number): ReadonlyArray<readonly [number, string]>;
  isLead(b: number): boolean;
  isTrail(b: number): boolean;
}

export function isGbkTrail(b: number): boolean {
  return b >= 0x40 && b <= 0xfe && b !== 0x7f;
}

/** Lead and trail ranges of the pair tables in data/codec/ (scripts/build-lookup-tables.mjs). */
const FIRST_LEAD = 0x81;
const FIRST_TRAIL = 0x40;
const TRAILS_PER_LEAD = 0xfe - FIRST_TRAIL + 1;

/**
 * A double-byte table from its pair table (data/codec/<page>.u32): per (lead, trail), lead-major,
 * the code point of the one character the page's decoder gives the pair, or 0. The file is
 * iconv-lite's decoding of every pair, written by scripts/build-lookup-tables.mjs, so that no
 * decoder runs when the table is first needed. Only the reverse direction (character → bytes) is
 * made at once, as numbers; a lead's characters are made as strings at the lead's first use, and
 * the per-byte lists at theirs: most texts ask for a few leads only. A character with several
 * pairs has the first one, in lead order from `firstLead` on (Big5's HKSCS rows 0x87–0xA0 repeat
 * characters of its standard rows, which is what decoders met).
 */
export function buildDbcsTable(pairTable: Uint32Array, leadRange: readonly [number, number], isTrail: (b: number) => boolean, firstLead = leadRange[0]): DbcsTable {
  const supplementary = new Map<string, number>();
  const codes = new Int32Array(0x10000).fill(-1);
  const trailOk = new Uint8Array(0x100);
  for (let t = FIRST_TRAIL; t <= 0xfe; t++) trailOk[t] = isTrail(t) ? 1 : 0;
  const trails = Uint8Array.from({ length: 0xfe - FIRST_TRAIL + 1 }, (_, k) => FIRST_TRAIL + k).filter((t) => trailOk[t] === 1);
  const span = leadRange[1] - leadRange[0] + 1;
  // The first pair of a character is its bytes: the pairs are walked from the last to the first,
  // and each one written over what a later pair of the same character wrote. The loop runs once
  // per table, over every pair, at the first verdict: it reads and writes nothing else.
  for (let k = span - 1; k >= 0; k--) {
    const lead = leadRange[0] + ((firstLead - leadRange[0] + k) % span);
    const row = (lead - FIRST_LEAD) * TRAILS_PER_LEAD - FIRST_TRAIL;
    for (let j = trails.length - 1; j >= 0; j--) {
      const trail = trails[j];
      const cp = pairTable[row + trail];
      if (cp === 0) continue;
      if (cp < 0x10000) codes[cp] = (lead << 8) | trail;
      else supplementary.set(String.fromCodePoint(cp), (lead << 8) | trail);
    }
  }
  // ASCII is itself, whatever a pair decodes to.
  for (let b = 0; b < 0x80; b++) codes[b] = b;
  // The characters of one lead, by trail (undefined where unmapped). User-defined areas decode to
  // the Private Use Area: such a character can only have come from its bytes (so mojibake repair
  // maps it back, through `codes`), but it is never a repair's answer, so it has no entry here.
  const rows: Array<Array<string | undefined> | undefined> = new Array(0x100);
  const NO_ROW: Array<string | undefined> = new Array(0x100);
  const rowOf = (lead: number): Array<string | undefined> => {
    let chars = rows[lead];
    if (chars) return chars;
    if (lead < leadRange[0] || lead > leadRange[1]) chars = NO_ROW;
    else {
      chars = new Array(0x100);
      const row = (lead - FIRST_LEAD) * TRAILS_PER_LEAD - FIRST_TRAIL;
      for (let trail = FIRST_TRAIL; trail <= 0xfe; trail++) {
        const cp = pairTable[row + trail];
        if (cp === 0 || trailOk[trail] === 0 || (cp >= 0xe000 && cp <= 0xf8ff)) continue;
        chars[trail] = String.fromCodePoint(cp);
      }
    }
    rows[lead] = chars;
    return chars;
  };
  const decodePair = (l: number, t: number): string | undefined => (l >= 0 && l < 0x100 ? rowOf(l)[t] : undefined);
  const byLead = new Map<number, Array<[number, string]>>();
  const byTrail = new Map<number, Array<[number, string]>>();
  const trailsOf = (l: number) => {
    let list = byLead.get(l);
    if (!list) {
      list = [];
      if (l >= leadRange[0] && l <= leadRange[1]) {
        const chars = rowOf(l);
        for (let t = FIRST_TRAIL; t <= 0xfe; t++) {
          const ch = chars[t];
          if (ch !== undefined) list.push([t, ch]);
        }
      }
      byLead.set(l, list);
    }
    return list;
  };
  const leadsOf = (t: number) => {
    let list = byTrail.get(t);
    if (!list) {
      list = [];
      for (let l = leadRange[0]; l <= leadRange[1] && t >= 0 && t < 0x100; l++) {
        const ch = rowOf(l)[t];
        if (ch !== undefined) list.push([l, ch]);
      }
      byTrail.set(t, list);
    }
    return list;
  };
  const codeOf = (cp: number) => {
    if (cp < 0x10000) return codes[cp];
    // Supplementary characters (HKSCS in Big5) are few: the map has them.
    return supplementary.get(String.fromCodePoint(cp)) ?? -1;
  };
  return {
    decodePair,
    bytesOf: (ch) => {
      const cp = ch.codePointAt(0);
      if (cp === undefined || ch.length !== (cp > 0xffff ? 2 : 1)) return undefined;
      const code = codeOf(cp);
      return code < 0 ? undefined : code < 0x100 ? [code] : [code >> 8, code & 0xff];
    },
    codeOf,
    trailsOf,
    leadsOf,
    isLead: (b) => b >= leadRange[0] && b <= leadRange[1],
    isTrail,
  };
}

let gbk: DbcsTable | undefined;

/** The GBK table (about 24,000 pairs), read on first use. */
export function gbkTable(): DbcsTable {
  gbk ??= buildDbcsTable(dataUint32('codec/gbk.u32'), [0x81, 0xfe], isGbkTrail);
  return gbk;
}
