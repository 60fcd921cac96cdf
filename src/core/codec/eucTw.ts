import { dataBytes } from '../data/dataFiles';

/**
 * EUC-TW, the Unix encoding of CNS 11643 (Traditional Chinese): ASCII, plane 1 as two bytes
 * A1–FE A1–FE, and any plane p as four bytes 8E (A0+p) A1–FE A1–FE. Neither iconv-lite nor the
 * WHATWG decoders have it; the table (data/euc-tw.bin: the BMP characters of planes 1–4, which
 * hold Big5's characters and the variants beside them) is generated from glibc's iconv by
 * scripts/build-euc-tw-table.mjs.
 *
 * Like a WHATWG decoder, a byte sequence the table does not hold becomes one U+FFFD and an ASCII
 * byte is never swallowed into a pair.
 */
const SIZE = 94 * 94;
let planes: { cells: Uint16Array; count: number } | undefined;

function table(): { cells: Uint16Array; count: number } {
  if (!planes) {
    const eucTwBytes = dataBytes('euc-tw.bin');
    const data = eucTwBytes.byteOffset % 2 === 0 ? eucTwBytes : eucTwBytes.slice();
    const magic = String.fromCharCode(data[0], data[1], data[2], data[3]);
    if (magic !== 'ZHET' || data[4] !== 1) throw new Error('euc-tw.bin: unknown format');
    const count = data[8];
    planes = { cells: new Uint16Array(data.buffer, data.byteOffset + 12, count * SIZE), count };
  }
  return planes;
}

const isRowByte = (b: number | undefined) => b !== undefined && b >= 0xa1 && b <= 0xfe;

/** The code point of plane `plane` (1-based) at row and column bytes, or 0 when unmapped. */
function lookup(plane: number, row: number, col: number): number {
  const t = table();
  if (plane < 1 || plane > t.count) return 0;
  return t.cells[(plane - 1) * SIZE + (row - 0xa1) * 94 + (col - 0xa1)];
}

export function decodeEucTw(bytes: Uint8Array): string {
  const parts: string[] = [];
  let run = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      run += String.fromCharCode(b);
      i++;
    } else if (isRowByte(b) && isRowByte(bytes[i + 1])) {
      const cp = lookup(1, b, bytes[i + 1]);
      run += cp ? String.fromCharCode(cp) : '\ufffd';
      i += 2;
    } else if (b === 0x8e && bytes[i + 1] !== undefined && bytes[i + 1] >= 0xa1 && bytes[i + 1] <= 0xb0 && isRowByte(bytes[i + 2]) && isRowByte(bytes[i + 3])) {
      const cp = lookup(bytes[i + 1] - 0xa0, bytes[i + 2], bytes[i + 3]);
      run += cp ? String.fromCharCode(cp) : '\ufffd';
      i += 4;
    } else {
      run += '\ufffd';
      i++;
    }
    // Strings built by += are ropes: flatten every few thousand characters.
    if (run.length > 4096) {
      parts.push(run);
      run = '';
    }
  }
  parts.push(run);
  return parts.join('');
}
