import type { DetectedEncoding } from '../types';

export interface ByteOrderMark {
  encoding: DetectedEncoding;
  length: number;
}

/**
 * Byte-order marks, longest first. FF FE can never start GBK, Big5 or UTF-8 text (0xFF is not a
 * lead byte in any of them), so a mark is taken at its word. GB18030 has its own mark, 84 31 95 33
 * (U+FEFF in its four-byte form), which a few Windows tools write.
 */
export function readByteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0x84 && b === 0x31 && c === 0x95 && d === 0x33) return { encoding: 'gb18030', length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}
