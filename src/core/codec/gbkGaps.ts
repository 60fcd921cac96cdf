import { dataBytes } from '../data/dataFiles';

/**
 * GBK byte pairs that real decoders leave undecoded (Python's `gbk` has no user-defined rows and
 * several unassigned symbol cells; every decoder fails on 0x80 and 0xFF as leads and on 0x7F and
 * 0xFF as trails): data/gbk-gaps.bin, built by scripts/build-gbk-gaps.mjs.
 */
let gapBytes: Uint8Array | undefined;

export function isGbkGap(lead: number, trail: number): boolean {
  gapBytes ??= dataBytes('gbk-gaps.bin');
  if (gapBytes[0] !== 0x5a || gapBytes[1] !== 0x48 || gapBytes[2] !== 0x47 || gapBytes[3] !== 0x47) throw new Error('gbk-gaps.bin: unknown format');
  const k = ((lead & 0xff) << 8) | (trail & 0xff);
  return ((gapBytes[8 + (k >> 3)] >> (k & 7)) & 1) === 1;
}
