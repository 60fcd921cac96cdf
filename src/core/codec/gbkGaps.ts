import { dataBytes } from '../data/dataFiles';

/**
 * Double-byte pairs that real decoders leave undecoded (data/gbk-gaps.bin, data/gb18030-gaps.bin and
 * data/big5-gaps.bin, built by scripts/build-gbk-gaps.mjs). GBK: Python's `gbk` has no user-defined rows and several
 * unassigned symbol cells; every decoder fails on 0x80 and 0xFF as leads and on 0x7F and 0xFF as
 * trails. Big5: no trail byte in 0x80–0xA0, and the decoders disagree on the HKSCS and
 * user-defined leads 0x81–0xA0 (any one failing makes a gap).
 */
const gapBytes = new Map<string, Uint8Array>();

function isGap(file: string, lead: number, trail: number): boolean {
  let bits = gapBytes.get(file);
  if (!bits) {
    bits = dataBytes(file);
    if (bits[0] !== 0x5a || bits[1] !== 0x48 || bits[2] !== 0x47 || bits[3] !== 0x47) throw new Error(`${file}: unknown format`);
    gapBytes.set(file, bits);
  }
  const k = ((lead & 0xff) << 8) | (trail & 0xff);
  return ((bits[8 + (k >> 3)] >> (k & 7)) & 1) === 1;
}

export function isGbkGap(lead: number, trail: number): boolean {
  return isGap('gbk-gaps.bin', lead, trail);
}

/**
 * GB18030 (data/gb18030-gaps.bin): the decoders that print GBK's user-defined pairs as
 * private-use characters (Python's `gb18030`, the WHATWG `gbk` and `gb18030`) fail only on 0x80
 * and 0xFF as leads and on 0x7F and 0xFF as trails.
 */
export function isGb18030Gap(lead: number, trail: number): boolean {
  return isGap('gb18030-gaps.bin', lead, trail);
}

export function isBig5Gap(lead: number, trail: number): boolean {
  return isGap('big5-gaps.bin', lead, trail);
}

/** Per byte n, its class by gbkGapClass (made at first use). */
let gapClasses: Uint8Array | undefined;

/**
 * The class of a byte `n` (0–0xFF) that follows a high byte: the bytes t in 0x81–0xFE for which
 * the pair (t, n) is a GBK gap are the same for every byte of a class, which is named by its
 * first byte from 1 on (byte 0 is a class of its own, 0). A list of what a lost or dropped byte
 * may have been before n (runEnds.ts lastAtLead, loneMarks.ts lostBefore) depends on n only
 * through those gaps, so one list per class serves every byte of it: 25 classes of 256 bytes.
 */
export function gbkGapClass(n: number): number {
  if (!gapClasses) {
    const classes = new Uint8Array(0x100);
    const firstOf = new Map<string, number>();
    for (let b = 1; b < 0x100; b++) {
      let column = '';
      for (let t = 0x81; t <= 0xfe; t++) column += isGbkGap(t, b) ? '1' : '0';
      const first = firstOf.get(column) ?? b;
      firstOf.set(column, first);
      classes[b] = first;
    }
    gapClasses = classes;
  }
  return n >= 0 && n < 0x100 ? gapClasses[n] : n;
}
