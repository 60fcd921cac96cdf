/**
 * `mojibake-gbk` (古文码): UTF-8 bytes were decoded as GBK and the result was saved.
 * `参数` = E5 8F 82 E6 95 B0 is re-paired as (E5 8F)(82 E6)(95 B0) = `鍙傛暟`. Three UTF-8 bytes per
 * character against two GBK bytes per pair: an odd byte is left over before ASCII or at the end,
 * and the Windows decoder writes `?` for it, which loses that byte.
 */
import * as iconv from 'iconv-lite';
import { windowsDefaultChar } from './legacyCodecs';

export function mojibakeGbk(text: string): string {
  return windowsDefaultChar(iconv.decode(Buffer.from(text, 'utf8'), 'gbk'));
}

/**
 * The lossy 锟斤拷: text that already holds U+FFFD (EF BF BD) is decoded as GBK, so each pair of
 * replacement characters reads (EF BF)(BD EF)(BF BD) = 锟斤拷. Nothing of the original is left.
 */
export function mojibakeGbkOfReplacement(textWithFffd: string): string {
  return mojibakeGbk(textWithFffd);
}

/** True when the mojibake holds every byte, i.e. re-encoding it as GBK gives the UTF-8 back. */
export function isLosslessGbkMojibake(text: string): boolean {
  // A `?` written for a lost byte encodes back as 0x3F, so the comparison fails exactly then.
  return iconv.encode(mojibakeGbk(text), 'gbk').equals(Buffer.from(text, 'utf8'));
}

/**
 * Web pages made the same mojibake and then lost the private-use characters: a GBK decoder turns
 * user-defined pairs (leads AA–AF, which UTF-8 continuation bytes often are) into U+E000–U+F8FF,
 * and a later step dropped them, two bytes at a time (第四阶段 → 绗洓闃舵 instead of 绗\ue1b0洓…).
 */
export function mojibakeGbkDroppedPua(text: string): string {
  return mojibakeGbk(text).replace(/[\ue000-\uf8ff]/gu, '');
}
