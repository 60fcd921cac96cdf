/**
 * The per-offset caches of the silent-run search (silentRuns.ts RunScan, runGate.ts,
 * badBigrams.ts), for one stretch of text at a time. The search reads a text in stretches of
 * about SCAN_STRETCH units cut at line ends (runs never cross one), so the caches stay small and
 * one set of arrays serves every stretch and every call: allocating and filling fresh arrays of
 * the text's length cost more than the scan of clean text itself.
 */

/** Units of text one stretch holds at least (the rest of its last line is added). */
export const SCAN_STRETCH = 32 * 1024;
/** Arrays longer than this (a stretch of one very long line) are made for the call and let go. */
const KEPT_LENGTH = 64 * 1024;

export interface ScanArrays {
  /** GBK pair of the character at each offset (RunScan.code); 0 not looked at. */
  pairs: Int32Array;
  /** The pair read again one byte later at each offset (RunScan.repairedCode); 0 not looked at. */
  repaired: Int32Array;
  /** Bigram of the text as shown ending at each offset (RunGate.shownAt); NaN not looked up. */
  shown: Float64Array;
  /** Bigram of the pairs read again at each offset (RunGate.readAt); NaN not looked up. */
  read: Float64Array;
  /** Whether the bigram ending at each offset is bad (BadBigrams); 0 not looked at. */
  bad: Uint8Array;
}

/** The stretches [from, to) of `v` the search reads, in order: SCAN_STRETCH units or more, cut after a line break. */
export function* stretches(v: string): Generator<[number, number]> {
  for (let from = 0, to = 0; from < v.length; from = to) {
    const cut = from + SCAN_STRETCH >= v.length ? -1 : v.indexOf('\n', from + SCAN_STRETCH);
    to = cut < 0 ? v.length : cut + 1;
    yield [from, to];
  }
}

let kept: ScanArrays | undefined;

function made(length: number): ScanArrays {
  return {
    pairs: new Int32Array(length),
    repaired: new Int32Array(length),
    shown: new Float64Array(length),
    read: new Float64Array(length),
    bad: new Uint8Array(length),
  };
}

/**
 * Arrays of at least `length` entries, the first `length` of each in their "not looked at" state.
 * Valid until the next call: the search is synchronous and reads one stretch at a time.
 */
export function scanArrays(length: number): ScanArrays {
  let a = kept && kept.pairs.length >= length ? kept : undefined;
  if (!a) {
    // A power of two from 4 K up: a few sizes serve texts and windows of every length.
    let size = 4096;
    while (size < length) size *= 2;
    a = made(size);
    if (size <= KEPT_LENGTH) kept = a;
  }
  a.pairs.fill(0, 0, length);
  a.repaired.fill(0, 0, length);
  a.shown.fill(NaN, 0, length);
  a.read.fill(NaN, 0, length);
  a.bad.fill(0, 0, length);
  return a;
}
