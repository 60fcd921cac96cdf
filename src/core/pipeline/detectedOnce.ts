import type { ByteDetection } from '../types';
import { detectEncoding } from '../bytes/detectEncoding';
import type { WindowCache } from './textWindows';

/**
 * `detectEncoding(bytes)`, taken from the cache when it holds the same bytes: a keystroke in an
 * open document whose file is judged on its bytes reads the file again, unchanged until it is
 * saved, and detecting 1 MB costs more than the window the keystroke analyses again.
 */
export function detectedOnce(bytes: Uint8Array, cache: WindowCache | undefined): ByteDetection {
  const last = cache?.lastBytes;
  if (last && sameBytes(last.bytes, bytes)) return last.detection;
  const detection = detectEncoding(bytes);
  // A copy: the caller's array may be filled again.
  if (cache) cache.lastBytes = { bytes: bytes.slice(), detection };
  return detection;
}

/** Whether `a` and `b` hold the same bytes: four at a time where both are aligned for it. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = a.length >> 2;
    const x = new Int32Array(a.buffer, a.byteOffset, words);
    const y = new Int32Array(b.buffer, b.byteOffset, words);
    for (; i < words; i++) if (x[i] !== y[i]) return false;
    i = words << 2;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
