import type { GarbleIssue } from '../types';
import { big5Codec } from '../codec/legacyCodecs';
import { findUtf8Mojibake, type MojibakeSpec } from './utf8Mojibake';
import type { TextDetector } from '../pipeline/garbleDetector';
import { NON_ASCII } from '../pipeline/textScan';

/**
 * UTF-8 text decoded as Big5 (cp950) and saved. Big5 has no trail bytes in 0x80–0xA0, where a third
 * of UTF-8 continuation bytes fall, so many pairs are unmapped and print as `?`: each such `?` hides
 * two bytes, and long runs of them cannot be recovered.
 */
let spec: MojibakeSpec | undefined;

export function big5MojibakeSpec(): MojibakeSpec {
  spec ??= {
    kind: 'mojibake-big5',
    codec: big5Codec(),
    minChinese: 2,
    holeBytes: 2,
    inSegment: (code) => code > 0xff,
  };
  return spec;
}

/** `stops`: mojibakeStops for this spec, when the caller has scanned the text for several. */
export function findMojibakeBig5(text: string, stops?: readonly number[]): GarbleIssue[] {
  return findUtf8Mojibake(text, big5MojibakeSpec(), stops);
}

export const mojibakeBig5Detector: TextDetector = {
  level: 'text',
  kind: 'mojibake-big5',
  looksFor: 'UTF-8 read as Big5 (cp950): 銝剜?? → 中文',
  plan: 'encode big5 → decode utf-8',
  noun: ['Big5 mojibake span', 'Big5 mojibake spans'],
  needs: NON_ASCII,
  mojibakeSpec: big5MojibakeSpec,
  find: ({ text, scan }) => findMojibakeBig5(text, scan.mojibakeStops(big5MojibakeSpec())),
};
