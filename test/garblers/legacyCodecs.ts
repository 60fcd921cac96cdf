/**
 * Byte-level facts about the legacy code pages the garblers need, shared by several processes.
 */
import * as iconv from 'iconv-lite';

/**
 * Windows code pages (cp936, cp950) write their default character `?` where a byte sequence does
 * not map; iconv-lite writes U+FFFD there. The saved garbage of a Windows-era tool has `?`.
 */
export function windowsDefaultChar(decoded: string): string {
  return decoded.replace(/\uFFFD/g, '?');
}

export function encodeGbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

/** True when every character of `text` survives GBK (`還` = DF 80 does; `𠀀` does not). */
export function isGbkEncodable(text: string): boolean {
  return iconv.decode(iconv.encode(text, 'gbk'), 'gbk') === text;
}

export function isBig5Encodable(text: string): boolean {
  return iconv.decode(iconv.encode(text, 'big5'), 'big5') === text;
}

/**
 * cp1252 as browsers and ftfy's "sloppy-windows-1252" read it: the five bytes Windows leaves
 * undefined (0x81 0x8D 0x8F 0x90 0x9D) come out as the C1 controls U+0081… instead of being
 * dropped, so the mojibake still holds every byte. 14.9% of common characters have such a byte
 * in UTF-8 (`中` = E4 B8 AD does not, `国` = E5 9B BD has 0x9B: defined, `说` = E8 AF B4 no…).
 */
export function decodeSloppyCp1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    out += b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d
      ? String.fromCharCode(b)
      : iconv.decode(Buffer.from([b]), 'windows-1252');
  }
  return out;
}

/** ISO-8859-1: every byte is the code point of the same number; nothing is ever lost. */
export function decodeLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/** A GBK trail byte: 0x40–0x7E or 0x80–0xFE. */
export function isGbkTrail(b: number): boolean {
  return (b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfe);
}
