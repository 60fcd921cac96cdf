import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { detectEncoding, type ByteDetection, type DetectedEncoding } from '../core';
import { readByteOrderMark } from '../core/bytes/byteOrderMark';
import { decodeBytes } from '../core/bytes/decodeBytes';

/**
 * A file too large to hold whole, read as pieces of decoded text. Decoding a 50 MB file into one
 * string and repairing it costs 8–12 times its size in memory; read this way it costs a few
 * pieces. The encoding is chosen from the head and a stretch from the middle, as the whole-file
 * detection chooses it from windows of the file; the pieces are then cut where every decoder is
 * at a character boundary, so that each decodes on its own exactly as it would inside the whole.
 */

/** The head read for detection: far beyond the 64 KB the detector weighs, so that a long ASCII preamble is passed. */
const SAMPLE_HEAD = 1 << 20;
const SAMPLE_MIDDLE = 64 * 1024;
/** A piece with no line end is cut anyway once it reaches this many times the piece size. */
const LONG_LINE_FACTOR = 4;

export interface PieceDetection {
  /** The encoding, BOM and confidence decided on the sample; `text` and `undecodable` are the sample's. */
  detection: ByteDetection;
  bomLength: number;
}

/** The encoding of a large file, from its head and the middle (cut where a GBK, Big5 or UTF-16 reader is between characters). */
export function detectFromSample(fd: number, size: number): PieceDetection {
  const head = readAt(fd, 0, Math.min(size, SAMPLE_HEAD));
  const parts = [head.subarray(0, sampleEnd(head, head.length))];
  if (size > SAMPLE_HEAD + SAMPLE_MIDDLE) {
    const middle = readAt(fd, (size >> 1) & ~1, SAMPLE_MIDDLE);
    const start = characterStart(middle);
    parts.push(middle.subarray(start, sampleEnd(middle, middle.length)));
  }
  const detection = detectEncoding(Buffer.concat(parts));
  const bom = detection.binary ? undefined : readByteOrderMark(head);
  return { detection, bomLength: bom && bom.encoding === detection.encoding ? bom.length : 0 };
}

export interface TextPiece {
  text: string;
  /** U+FFFD the decoder wrote for bytes it could not map. */
  undecodable: number;
}

export interface PieceReader {
  pieces: Iterable<TextPiece>;
  /** The SHA-256 of every byte read; complete once `pieces` is exhausted. */
  sha256(): string;
}

/**
 * The file's text as pieces of about `pieceBytes` bytes each, cut after a line end, or in a
 * line longer than `LONG_LINE_FACTOR` pieces after the last byte that cannot be inside a
 * character. The BOM is skipped.
 */
export function readPieces(fd: number, encoding: DetectedEncoding, bomLength: number, pieceBytes: number): PieceReader {
  const hash = createHash('sha256');
  function* pieces(): Generator<TextPiece> {
    let carry: Buffer = Buffer.alloc(0);
    let position = 0;
    for (;;) {
      const fresh = readAt(fd, position, pieceBytes);
      position += fresh.length;
      hash.update(fresh);
      let bytes: Buffer = carry.length ? Buffer.concat([carry, fresh]) : fresh;
      if (position === fresh.length && bomLength) bytes = bytes.subarray(bomLength);
      if (fresh.length === 0) {
        if (bytes.length) yield decodePiece(bytes, encoding);
        return;
      }
      let cut = lineEnd(bytes, encoding);
      if (cut === 0 && bytes.length >= LONG_LINE_FACTOR * pieceBytes) {
        // Bytes that are no text in this encoding may offer no boundary at all: cut them anyway.
        cut = characterEnd(bytes, bytes.length, encoding) || bytes.length;
      }
      if (cut === 0) {
        carry = bytes;
        continue;
      }
      yield decodePiece(bytes.subarray(0, cut), encoding);
      carry = Buffer.from(bytes.subarray(cut));
    }
  }
  return { pieces: pieces(), sha256: () => hash.copy().digest('hex') };
}

function decodePiece(bytes: Uint8Array, encoding: DetectedEncoding): TextPiece {
  const { text, replacements } = decodeBytes(bytes, encoding);
  return { text, undecodable: replacements };
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const n = fs.readSync(fd, buffer, filled, length - filled, position + filled);
    if (n === 0) break;
    filled += n;
  }
  return buffer.subarray(0, filled);
}

/** Just after the last line feed of `bytes`, or 0. In UTF-16 a line feed is a whole code unit. */
function lineEnd(bytes: Uint8Array, encoding: DetectedEncoding): number {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const [lf, other] = encoding === 'utf-16le' ? [0, 1] : [1, 0];
    for (let i = (bytes.length & ~1) - 2; i >= 0; i -= 2) if (bytes[i + lf] === 0x0a && bytes[i + other] === 0) return i + 2;
    return 0;
  }
  // 0x0A is no trail byte in GBK, GB18030 or Big5 (their trails start at 0x30 or 0x40), nor inside UTF-8.
  return bytes.lastIndexOf(0x0a) + 1;
}

/**
 * The last place ≤ `limit` that no character spans, `bytes` starting at a character boundary; 0
 * when there is none.
 */
function characterEnd(bytes: Uint8Array, limit: number, encoding: DetectedEncoding): number {
  switch (encoding) {
    case 'utf-16le':
    case 'utf-16be': {
      // Not between the two halves of a surrogate pair.
      for (let end = limit & ~1; end > 0; end -= 2) {
        const high = encoding === 'utf-16le' ? bytes[end - 1] : bytes[end - 2];
        if (high < 0xd8 || high > 0xdb) return end;
      }
      return 0;
    }
    case 'utf-8': {
      // Before the last byte that starts a sequence, which may be cut short by `limit`.
      let end = limit - 1;
      while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
      return Math.max(0, end);
    }
    case 'euc-tw': {
      // 0x8E opens a four-byte character (a plane, then a pair); A1–FE pairs; anything else stands alone.
      let end = 0;
      for (let p = 0; p <= limit; ) {
        end = p;
        const lead = bytes[p];
        if (lead === 0x8e) p += 4;
        else if (lead >= 0xa1 && lead <= 0xfe && bytes[p + 1] >= 0xa1 && bytes[p + 1] <= 0xfe) p += 2;
        else p += 1;
      }
      return end;
    }
    default: {
      // GBK, GB18030 and Big5 cannot be read backwards (a trail byte can look like a lead), so
      // walk forward: a byte above 0x80 leads a pair, or in GB18030 a four-byte sequence when a
      // digit follows.
      // 0x80 and 0xFF stand alone, and so does a lead before a byte that cannot trail it.
      let end = 0;
      for (let p = 0; p <= limit; ) {
        end = p;
        const lead = bytes[p];
        const next = bytes[p + 1];
        if (lead < 0x81 || lead === 0xff || next < 0x30 || (next < 0x40 && encoding !== 'gb18030')) p += 1;
        else if (next <= 0x39) p += 4;
        else p += 2;
      }
      return end;
    }
  }
}

/** Just before `limit`, after a byte below 0x30 at an even offset: a character boundary in every candidate encoding. */
function sampleEnd(bytes: Uint8Array, limit: number): number {
  for (let end = limit & ~1; end > 0; end -= 2) if (bytes[end - 1] < 0x30) return end;
  return limit;
}

/** The first even offset just after a byte below 0x30: the start of a character in every candidate encoding. */
function characterStart(bytes: Uint8Array): number {
  for (let p = 2; p < bytes.length; p += 2) if (bytes[p - 1] < 0x30) return p;
  return 0;
}
