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
