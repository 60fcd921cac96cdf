import type { DetectedEncoding } from '../types';
import { decodeEucTw } from '../codec/eucTw';

export interface Decoded {
  text: string;
  /** U+FFFD characters the decoder produced, a stand-in for the bytes it could not map. */
  replacements: number;
}

/**
 * Decodes with one of the detected encodings through the platform's WHATWG TextDecoder (native,
 * about three times faster than iconv-lite on GB18030: a 1 MB file must decode within the
 * budget), falling back to iconv-lite on runtimes built without the CJK converters. The two
 * agree on GBK/GB18030 except the 18 vertical punctuation forms (A6D9–A6DF, A6EC–A6F5), which
 * WHATWG maps to U+FE10–FE19 and iconv-lite to the private use area.
 *
 * Big5 always goes through iconv-lite: Node's native Big5 decoder silently drops some HKSCS
 * characters (FEB8 疎 comes out as nothing, not even U+FFFD), and a decoder that loses a character
 * without a mark must never touch a user's file. EUC-TW, which neither has, goes through the
 * core's own table (codec/eucTw.ts).
 */
export function decodeBytes(bytes: Uint8Array, encoding: DetectedEncoding): Decoded {
  const text = decoderFor(encoding)(bytes);
  let found = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) found++;
  const replacements = found === 0 ? 0 : Math.max(0, found - encodedReplacementChars(bytes, encoding));
  return { text, replacements };
}

/**
 * How each encoding writes U+FFFD itself. A file may hold the character as text (an earlier tool
 * replaced what it could not read, the replacement-char kind): those bytes are well formed, and a
 * valid UTF-8 file of nothing but U+FFFD has no undecodable byte. Big5 has no U+FFFD.
 */
const ENCODED_FFFD: Record<DetectedEncoding, { bytes: readonly number[]; step: number } | undefined> = {
  'utf-8': { bytes: [0xef, 0xbf, 0xbd], step: 1 },
  // A code unit starts at an even offset only.
  'utf-16le': { bytes: [0xfd, 0xff], step: 2 },
  'utf-16be': { bytes: [0xff, 0xfd], step: 2 },
  'gb18030': { bytes: [0x84, 0x31, 0xa4, 0x37], step: 1 },
  'big5': undefined,
  'euc-tw': undefined,
};

function encodedReplacementChars(bytes: Uint8Array, encoding: DetectedEncoding): number {
  const pattern = ENCODED_FFFD[encoding];
  if (!pattern) return 0;
  const [first, ...rest] = pattern.bytes;
  let count = 0;
  for (let i = 0; i + rest.length < bytes.length; i += pattern.step) {
    if (bytes[i] === first && rest.every((b, k) => bytes[i + 1 + k] === b)) count++;
  }
  return count;
}

type Decode = (bytes: Uint8Array) => string;
const decoders = new Map<DetectedEncoding, Decode>();

function decoderFor(encoding: DetectedEncoding): Decode {
  let decode = decoders.get(encoding);
  if (!decode) {
    if (encoding === 'euc-tw') decode = decodeEucTw;
    else decode = (encoding !== 'big5' && nativeDecoder(encoding)) || iconvDecoder(encoding);
    decoders.set(encoding, decode);
  }
  return decode;
}

function nativeDecoder(encoding: DetectedEncoding): Decode | undefined {
  try {
    const native = new TextDecoder(encoding, { ignoreBOM: true });
    return (bytes) => native.decode(bytes);
  } catch {
    // A runtime built without the CJK converters.
    return undefined;
  }
}

/**
 * iconv-lite is required here, at the first decode that needs it (Big5, or a runtime without the
 * CJK converters), not when the core loads: its code-page tables are over half of the core bundle,
 * and text analysis, the first thing a new file needs, never decodes bytes.
 */
function iconvDecoder(encoding: DetectedEncoding): Decode {
  const iconv = require('iconv-lite') as typeof import('iconv-lite');
  return (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}
