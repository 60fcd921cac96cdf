/**
 * `wrong-encoding`: the file's bytes are a legacy or UTF-16 encoding, and an editor that assumes
 * UTF-8 shows them as 乱码. The bytes themselves are fine; this produces them.
 */
import * as iconv from 'iconv-lite';

export type FileEncoding = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';

const BOMS: Record<FileEncoding, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'gb18030': [0x84, 0x31, 0x95, 0x33], // GB18030's own encoding of U+FEFF; rare in the wild
  'big5': [],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
};

/** The bytes a tool writes when it saves `text` in `enc`, with the byte-order mark if asked. */
export function wrongEncoding(text: string, enc: FileEncoding, options: { bom?: boolean } = {}): Uint8Array {
  const body = iconv.encode(text, enc === 'utf-8' ? 'utf8' : enc);
  const bom = options.bom ? BOMS[enc] : [];
  return new Uint8Array([...bom, ...body]);
}

/** True when `text` survives `enc` unchanged (Big5 has no Simplified-only characters such as 们). */
export function isEncodable(text: string, enc: FileEncoding): boolean {
  if (enc === 'utf-8' || enc === 'utf-16le' || enc === 'utf-16be') return true;
  return iconv.decode(iconv.encode(text, enc), enc) === text;
}
