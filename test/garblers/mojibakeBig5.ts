/**
 * `mojibake-big5`: UTF-8 bytes decoded as Big5 (cp950) and saved. Big5 trail bytes are 0x40–0x7E
 * and 0xA1–0xFE, so a UTF-8 continuation byte 0x80–0xA0 in trail position makes an invalid pair
 * and the decoder writes `?`: most Big5 mojibake is partly lossy.
 */
import * as iconv from 'iconv-lite';
import { windowsDefaultChar } from './legacyCodecs';

export function mojibakeBig5(text: string): string {
  return windowsDefaultChar(iconv.decode(Buffer.from(text, 'utf8'), 'big5'));
}

/** True when the Big5 mojibake still holds every byte. */
export function isLosslessBig5Mojibake(text: string): boolean {
  const garbled = mojibakeBig5(text);
  return iconv.encode(garbled, 'big5').equals(Buffer.from(text, 'utf8'));
}
