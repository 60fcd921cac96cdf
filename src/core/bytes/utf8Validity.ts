/** What a strict UTF-8 reading of a byte string finds. */
export interface Utf8Validity {
  /** Bytes ≥ 0x80 in the input. */
  nonAscii: number;
  /** Well-formed multi-byte sequences (each is one non-ASCII character). */
  sequences: number;
  /** Bytes that are not part of a well-formed sequence (each becomes U+FFFD). */
  invalidBytes: number;
}

/**
 * Strict UTF-8 scan (the WHATWG/Unicode definition: no overlongs, no surrogates, nothing past
 * U+10FFFF). Text in GBK or Big5 rarely survives it: their lead bytes 0xA1–0xFE need 1–3
 * continuation bytes 0x80–0xBF after them, and a Chinese trail byte is anything from 0x40 up, so
 * the chance that n double-byte characters all happen to form valid UTF-8 falls off like 0.2ⁿ.
 */
export function scanUtf8(bytes: Uint8Array): Utf8Validity {
  let nonAscii = 0;
  let sequences = 0;
  let invalidBytes = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Fast path for E1–EC, EE, EF: the three-byte leads of every common Chinese character
    // (一 U+4E00 is E4 B8 80), whose continuation bytes have no extra range limits.
    if (b >= 0xe1 && b !== 0xed && i + 2 < n && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80 && b <= 0xef) {
      sequences++;
      nonAscii += 3;
      i += 3;
      continue;
    }
    const need = sequenceLength(b);
    if (need === 0) {
      nonAscii++;
      invalidBytes++;
      i++;
      continue;
    }
    // Second-byte limits that rule out overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    let ok = i + need < n && bytes[i + 1] >= lo && bytes[i + 1] <= hi;
    for (let j = 2; ok && j <= need; j++) ok = (bytes[i + j] & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      nonAscii += need + 1;
      i += need + 1;
    } else {
      // A broken sequence: only its lead byte is counted; what follows is rescanned.
      nonAscii++;
      invalidBytes++;
      i++;
    }
  }
  return { nonAscii, sequences, invalidBytes };
}

/** Continuation bytes a lead byte announces; 0 for bytes that cannot start a sequence. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}
