import type { GarbleIssue } from '../types';
import { cp1252Codec, gbkCodec, big5Codec } from '../codec/legacyCodecs';
import { findUtf8Mojibake, type MojibakeSpec } from './utf8Mojibake';

/**
 * 符号码: UTF-8 text decoded as Latin-1 or Windows-1252 and saved: `中文` → `ä¸­æ–‡`. Also 拼音码,
 * GBK bytes decoded as Latin-1: `由月要好好学习` → `ÓÉÔÂÒªºÃºÃÑ§Ï°`. Every byte became one character,
 * so the code page run backwards gives every byte back.
 */
let spec: MojibakeSpec | undefined;

export function latin1MojibakeSpec(): MojibakeSpec {
  if (spec) return spec;
  const gbk = gbkCodec();
  const big5 = big5Codec();
  spec = {
    kind: 'mojibake-latin1',
    codec: cp1252Codec(),
    holeBytes: 1,
    asciiInside: true,
    droppedBytes: true,
    allowRare: true,
    inSegment: (code) => code >= 0x80,
    alternates: [
      { name: 'gbk', decode: (b) => gbk.decode!(b) },
      { name: 'big5', decode: (b) => big5.decode!(b) },
    ],
  };
  return spec;
}

/** `stops`: mojibakeStops for this spec, when the caller has scanned the text for several. */
export function findMojibakeLatin1(text: string, stops?: readonly number[]): GarbleIssue[] {
  return findUtf8Mojibake(text, latin1MojibakeSpec(), stops);
}
