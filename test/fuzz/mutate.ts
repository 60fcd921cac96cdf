/**
 * Mutations of an input, at the byte level (what a broken file looks like) and at the text level
 * (what a broken editor buffer looks like). The "dictionary" holds the byte and character
 * sequences the detectors key on, so that mutations land on their decision points instead of
 * wandering through random noise.
 */
import type { Random } from '../garblers';
import { gbkAsLatin1, mojibakeBig5, mojibakeGbk, mojibakeLatin1 } from '../garblers';

const DICTIONARY_BYTES: readonly number[][] = [
  [0xef, 0xbb, 0xbf], // UTF-8 BOM
  [0xff, 0xfe], // UTF-16LE BOM
  [0xfe, 0xff], // UTF-16BE BOM
  [0xef, 0xbf, 0xbd], // U+FFFD
  [0xed, 0xa0, 0x80], // a UTF-8-encoded surrogate, invalid
  [0xc0, 0x80], // overlong NUL
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xe9, 0x94, 0x9f, 0xe6, 0x96, 0xa4, 0xe6, 0x8b, 0xb7], // 锟斤拷
  [0x84, 0x31, 0x95, 0x33], // GB18030 BOM
  [0x81, 0x30, 0x81, 0x30], // GB18030 four-byte sequence
  [0xa1, 0xa3], // 。 in GBK
  [0xfe, 0x50], // a GBK user-defined pair
  [0x80],
  [0x00],
  [0x89, 0x50, 0x4e, 0x47], // PNG signature
  [0x25, 0x50, 0x44, 0x46], // %PDF
];

const DICTIONARY_TEXT: readonly string[] = [
  '?', '??', '(', ')', '(yīng)', '(fā)', '(zhōng)', '（', '）', '\uFFFD', '锟斤拷', '烫烫烫', '屯屯屯',
  'Ã', 'ä¸­', 'æ–‡', 'Ó', '聽', '\u00A0', '\u3000', '€', '\uD800', '\uDFFF', '\uDC00\uD800', '😀', '𠀀',
  '\u200B', '\u200D', '\uFEFF', '\r\n', '\n\n', '\t', '第一章', '一、', '（一）', '1.', '# ', '```',
  '中华人民共和国', '國務院', '有限公司', '委员会', '李白', '杜甫', 'https://', 'ǖ', 'ü', 'nǚ',
];

/** Single characters from the ranges that matter: CJK, Latin-1, PUA, combining marks, astral. */
function randomChar(r: Random): string {
  switch (r.int(0, 7)) {
    case 0: return String.fromCharCode(r.int(0x4e00, 0x9fff));
    case 1: return String.fromCharCode(r.int(0x80, 0xff));
    case 2: return String.fromCharCode(r.int(0x20, 0x7e));
    case 3: return String.fromCharCode(r.int(0xe000, 0xf8ff));
    case 4: return String.fromCharCode(r.int(0x300, 0x36f));
    case 5: return String.fromCodePoint(r.int(0x10000, 0x10ffff));
    case 6: return String.fromCharCode(r.int(0xd800, 0xdfff)); // a lone surrogate
    default: return String.fromCharCode(r.int(0xff01, 0xff5e));
  }
}

function span(r: Random, length: number): [number, number] {
  const start = r.int(0, length);
  return [start, Math.min(length, start + r.int(0, Math.min(64, length - start)))];
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

export function mutateBytes(input: Uint8Array, other: Uint8Array, r: Random): Uint8Array {
  const b = input;
  const [s, e] = span(r, b.length);
  switch (r.int(0, 8)) {
    case 0: {
      if (b.length === 0) return new Uint8Array([r.int(0, 255)]);
      const out = b.slice();
      out[r.int(0, b.length - 1)] ^= 1 << r.int(0, 7);
      return out;
    }
    case 1: return concat(b.subarray(0, s), new Uint8Array([r.int(0, 255)]), b.subarray(s));
    case 2: return concat(b.subarray(0, s), b.subarray(e));
    case 3: return concat(b.subarray(0, e), b.subarray(s, e), b.subarray(e));
    case 4: return concat(b.subarray(0, s), new Uint8Array(r.pick(DICTIONARY_BYTES)), b.subarray(s));
    case 5: {
      const [os, oe] = span(r, other.length);
      return concat(b.subarray(0, s), other.subarray(os, oe), b.subarray(e));
    }
    case 6: return b.subarray(r.int(0, b.length)); // lose the start: misaligned multi-byte reads
    case 7: {
      // A run of one repeated sequence: the shape that exposes quadratic scans.
      const unit = b.subarray(s, Math.min(e, s + 8));
      const times = r.int(2, 200);
      return concat(b.subarray(0, s), ...Array<Uint8Array>(times).fill(unit.length ? unit : new Uint8Array([0x3f])), b.subarray(s));
    }
    default: return b.subarray(0, r.int(0, b.length));
  }
}

const garblers: readonly ((t: string) => string)[] = [mojibakeGbk, mojibakeBig5, (t) => mojibakeLatin1(t), (t) => gbkAsLatin1(t)];

export function mutateText(text: string, other: string, r: Random): string {
  const [s, e] = span(r, text.length);
  switch (r.int(0, 6)) {
    case 0: return text.slice(0, s) + randomChar(r) + text.slice(s);
    case 1: return text.slice(0, s) + r.pick(DICTIONARY_TEXT) + text.slice(s);
    case 2: return text.slice(0, s) + r.pick(garblers)(text.slice(s, e)) + text.slice(e);
    case 3: return text.slice(0, s) + text.slice(s, e).repeat(r.int(2, 50)) + text.slice(e);
    case 4: {
      const [os, oe] = span(r, other.length);
      return text.slice(0, s) + other.slice(os, oe) + text.slice(e);
    }
    case 5: return text.slice(0, s) + text.slice(e);
    default: {
      // Nesting: (((…))) around a span.
      const depth = r.int(1, 200);
      return text.slice(0, s) + '('.repeat(depth) + text.slice(s, e) + ')'.repeat(depth) + text.slice(e);
    }
  }
}
