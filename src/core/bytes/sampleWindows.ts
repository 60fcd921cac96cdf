/** A byte range of the input that candidate decodings are scored on. */
export interface ByteWindow {
  start: number;
  end: number;
}

const HEAD = 3000;
const MIDDLE = 2000;

/**
 * Where to read a file to judge its encoding: the head, and on longer files a stretch from the
 * middle too (a file may open with an ASCII header). Every candidate is scored on the same bytes,
 * so their scores are log-likelihoods of one byte string and can be compared directly.
 *
 * The middle window starts just after a byte below 0x40: no GBK or Big5 trail byte is that low
 * (trail bytes are 0x40–0xFE) and in UTF-8 it is ASCII, so the window never starts inside a
 * character. It also starts at an even offset, to keep UTF-16 code units aligned.
 */
export function sampleWindows(length: number, bytes: Uint8Array): ByteWindow[] {
  const windows: ByteWindow[] = [{ start: 0, end: Math.min(length, HEAD) }];
  if (length <= 4 * HEAD) return windows;
  const from = (length >> 1) & ~1;
  for (let p = from + 2; p < from + MIDDLE; p += 2) {
    if (bytes[p - 1] < 0x40) {
      windows.push({ start: p, end: Math.min(length, p + MIDDLE) });
      break;
    }
  }
  return windows;
}
