/**
 * `mojibake-latin1` (符号码 and 拼音码): the bytes of Chinese text were decoded one byte per
 * character.
 * - UTF-8 read as cp1252: `中文` = E4 B8 AD E6 96 87 → `ä¸­æ–‡`.
 * - UTF-8 read as Latin-1: the same, but 0x80–0x9F become C1 controls (U+0080–U+009F).
 * - GBK read as Latin-1 (拼音码): `由月要好好学习` = D3C9 D4C2 D2AA … → `ÓÉÔÂÒªºÃºÃÑ§Ï°`.
 * Both decoders keep every byte, so all three are recoverable.
 */
import * as iconv from 'iconv-lite';
import { decodeLatin1, decodeSloppyCp1252 } from './legacyCodecs';

export type SingleByteDecoder = 'cp1252-sloppy' | 'latin1';

export function mojibakeLatin1(text: string, decoder: SingleByteDecoder = 'cp1252-sloppy'): string {
  const bytes = Buffer.from(text, 'utf8');
  return decoder === 'latin1' ? decodeLatin1(bytes) : decodeSloppyCp1252(bytes);
}

/** GBK bytes read as Latin-1 (or sloppy cp1252): the "pinyin-looking" 拼音码. */
export function gbkAsLatin1(text: string, decoder: SingleByteDecoder = 'latin1'): string {
  const bytes = iconv.encode(text, 'gbk');
  return decoder === 'latin1' ? decodeLatin1(bytes) : decodeSloppyCp1252(bytes);
}
