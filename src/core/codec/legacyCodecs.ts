import { dataUint32 } from '../data/dataFiles';
import { buildDbcsTable, gbkTable, isGbkTrail, type DbcsTable } from './gbkTable';

/**
 * The byte view of a character under a legacy code page: the bytes a decoder must have read to
 * print it. Mojibake repair runs the decoder backwards with these.
 */
export interface LegacyCodec {
  name: 'gbk' | 'big5' | 'cp1252';
  /** Bytes of the character under this code page, or undefined when it cannot come from it. */
  bytesOf(ch: string): readonly number[] | undefined;
  /** Allocation-free form for a code point: lead << 8 | trail, or the single byte; -1 when unmapped. */
  codeOf(cp: number): number;
  /** Decode bytes with this code page (for GBK-as-Latin-1 chains); undefined when any byte pair is unmapped. */
  decode?(bytes: readonly number[]): string | undefined;
  table?: DbcsTable;
}

let big5: DbcsTable | undefined;

/**
 * Big5 (with the HKSCS additions iconv-lite's `big5` has): trails 0x40–0x7E and 0xA1–0xFE. A
 * character in both the standard rows (from 0xA1) and HKSCS's has its standard pair.
 */
export function big5Table(): DbcsTable {
  big5 ??= buildDbcsTable(dataUint32('codec/big5.u32'), [0x81, 0xfe], (b) => (b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe), 0xa1);
  return big5;
}

function dbcsDecode(table: DbcsTable, bytes: readonly number[]): string | undefined {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      continue;
    }
    const ch = i + 1 < bytes.length ? table.decodePair(b, bytes[i + 1]) : undefined;
    if (!ch) return undefined;
    out += ch;
    i++;
  }
  return out;
}

export function gbkCodec(): LegacyCodec {
  const table = gbkTable();
  return {
    name: 'gbk',
    table,
    // cp936 prints a lone 0x80 as €.
    bytesOf: (ch) => (ch === '€' ? [0x80] : table.bytesOf(ch)),
    codeOf: (cp) => (cp === 0x20ac ? 0x80 : table.codeOf(cp)),
    decode: (bytes) => dbcsDecode(table, bytes),
  };
}

/**
 * Windows' cp950 and Node's `big5` decoder print the pairs of Big5's user-defined rows as
 * private-use characters, in row order (Microsoft's EUDC ranges, 157 trails a row): FA40–FEFE
 * from U+E000, 8E40–A0FE from U+E311, 8140–8DFE from U+EEB8, C6A1–C8FE from U+F6B1 to U+F848.
 * [first code point, last, first lead, trails skipped in the first row]
 */
const EUDC_RANGES: ReadonlyArray<readonly [number, number, number, number]> = [
  [0xe000, 0xe310, 0xfa, 0],
  [0xe311, 0xeeb7, 0x8e, 0],
  [0xeeb8, 0xf6b0, 0x81, 0],
  [0xf6b1, 0xf848, 0xc6, 63],
];

/** The Big5 pair (lead << 8 | trail) a private-use character stands for, or -1. */
export function big5EudcCode(cp: number): number {
  for (const [first, last, lead, skip] of EUDC_RANGES) {
    if (cp < first || cp > last) continue;
    const k = cp - first + skip;
    const col = k % 157;
    return ((lead + Math.floor(k / 157)) << 8) | (col < 63 ? 0x40 + col : 0xa1 + col - 63);
  }
  return -1;
}

export function big5Codec(): LegacyCodec {
  const table = big5Table();
  const codeOf = (cp: number) => {
    const code = table.codeOf(cp);
    return code >= 0 || cp < 0xe000 ? code : big5EudcCode(cp);
  };
  return {
    name: 'big5',
    table,
    bytesOf: (ch) => {
      const code = ch.length === 1 && table.codeOf(ch.charCodeAt(0)) < 0 ? big5EudcCode(ch.charCodeAt(0)) : -1;
      return code < 0 ? table.bytesOf(ch) : [code >> 8, code & 0xff];
    },
    codeOf,
    decode: (bytes) => dbcsDecode(table, bytes),
  };
}

/**
 * "Sloppy" Windows-1252: the 27 characters cp1252 puts in 0x80–0x9F, and every other byte as the
 * Latin-1 character of the same number. A strict cp1252 decoder has no character for 0x81, 0x8D,
 * 0x8F, 0x90 and 0x9D, yet 14.9% of common Chinese characters have such a byte in UTF-8; decoders
 * that fell back to Latin-1 printed them as C1 controls, which this keeps.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const cp1252Bytes = new Map<string, number>();
for (let i = 0; i < 32; i++) cp1252Bytes.set(CP1252_HIGH[i], 0x80 + i);
for (let b = 0x80; b <= 0x9f; b++) if (!cp1252Bytes.has(String.fromCharCode(b))) cp1252Bytes.set(String.fromCharCode(b), b);
for (let b = 0xa0; b <= 0xff; b++) cp1252Bytes.set(String.fromCharCode(b), b);

export function cp1252Codec(): LegacyCodec {
  return {
    name: 'cp1252',
    bytesOf: (ch) => {
      const b = cp1252Bytes.get(ch);
      if (b !== undefined) return [b];
      const cp = ch.charCodeAt(0);
      return ch.length === 1 && cp < 0x80 ? [cp] : undefined;
    },
    // ™ (U+2122) is the highest code point cp1252 has.
    codeOf: (cp) => (cp < 0x80 ? cp : cp > 0x2122 ? -1 : cp1252Bytes.get(String.fromCharCode(cp)) ?? -1),
  };
}

export { isGbkTrail };
