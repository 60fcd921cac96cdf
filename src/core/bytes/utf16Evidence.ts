/**
 * NUL bytes and what they say. ASCII characters in UTF-16 carry a 0x00 high byte ("A" is 41 00
 * in little-endian, 00 41 in big-endian), but so do Chinese characters whose low byte is 00
 * (一 U+4E00 is 00 4E in little-endian), so which side the NULs fall on is left to the language
 * model. What text never contains is U+0000 itself: aligned 00 00 pairs mean binary data.
 */
export interface NulEvidence {
  nulBytes: number;
  /** Aligned 00 00 code units in the inspected prefix. */
  zeroUnits: number;
}

/** At most this many bytes are inspected; binary data shows its NUL runs early. */
const SAMPLE = 65536;

export function nulEvidence(bytes: Uint8Array): NulEvidence {
  const n = Math.min(bytes.length, SAMPLE);
  let nulBytes = 0;
  let zeroUnits = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    nulBytes++;
    if ((i & 1) === 0 && i + 1 < n && bytes[i + 1] === 0) zeroUnits++;
  }
  return { nulBytes, zeroUnits };
}

/** More than one U+0000 per 200 code units: no text file looks like that. */
export function looksBinary(e: NulEvidence, length: number): boolean {
  return e.zeroUnits > 1 + Math.min(length, SAMPLE) / 400;
}
