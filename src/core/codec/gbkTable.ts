import * as iconv from 'iconv-lite';

/**
 * The GBK (code page 936) double-byte table, both directions, as the misaligned-GBK and
 * GBK-mojibake repairs need it: which byte pairs decode to which character, and back.
 *
 * Lead bytes are 0x81–0xFE, trail bytes 0x40–0x7E and 0x80–0xFE. A single 0x80 decodes to € in
 * cp936 (and in the WHATWG gbk decoder), which is how a lone trail byte 0x80 surfaces as `€`.
 */
export interface DbcsTable {
  /** Character of the pair (lead, trail), or undefined when the pair is unmapped. */
  decodePair(lead: number, trail: number): string | undefined;
  /** Bytes of a character: 1 for ASCII, 2 for a mapped double-byte character; undefined otherwise. */
  bytesOf(ch: string): readonly number[] | undefined;
  /** The same for a BMP code point, allocation-free: lead << 8 | trail, the byte for ASCII, -1 when unmapped. */
  codeOf(cp: number): number;
  /** All mapped trails of a lead byte, with their characters. */
  trailsOf(lead: number): ReadonlyArray<readonly [number, string]>;
  /** All mapped lead bytes for a trail byte, with their characters. */
  leadsOf(trail: number): ReadonlyArray<readonly [number, string]>;
  isLead(b: number): boolean;
  isTrail(b: number): boolean;
}

export function isGbkTrail(b: number): boolean {
  return b >= 0x40 && b <= 0xfe && b !== 0x7f;
}

/**
 * Builds a double-byte table by decoding every (lead, trail) pair once, each pair followed by a
 * newline so that an unmapped pair cannot swallow its neighbour: iconv-lite emits U+FFFD for the
 * bad lead and then reads the trail again, which the newline keeps apart.
 */
export function buildDbcsTable(
  encoding: string,
  leadRange: readonly [number, number],
  isTrail: (b: number) => boolean,
): DbcsTable {
  const pairs: Array<[number, number]> = [];
  for (let lead = leadRange[0]; lead <= leadRange[1]; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (isTrail(trail)) pairs.push([lead, trail]);
  }
  const buf = Buffer.alloc(pairs.length * 3);
  pairs.forEach(([l, t], i) => {
    buf[i * 3] = l;
    buf[i * 3 + 1] = t;
    buf[i * 3 + 2] = 0x0a;
  });
  const decoded = iconv.decode(buf, encoding).split('\n');
  const forward = new Map<number, string>();
  const backward = new Map<string, number[]>();
  const codes = new Int32Array(0x10000).fill(-1);
  for (let b = 0; b < 0x80; b++) codes[b] = b;
  const byLead = new Map<number, Array<[number, string]>>();
  const byTrail = new Map<number, Array<[number, string]>>();
  pairs.forEach(([l, t], i) => {
    const ch = decoded[i];
    // A mapped pair gives exactly one character (one code point), never U+FFFD or PUA.
    if (!ch || [...ch].length !== 1 || ch === '\ufffd') return;
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) return;
    // User-defined areas decode to the Private Use Area: such a character can only have come from
    // its bytes (so mojibake repair maps it back), but it is never a repair's answer.
    if (!backward.has(ch)) {
      backward.set(ch, [l, t]);
      if (cp < 0x10000) codes[cp] = (l << 8) | t;
    }
    if (cp >= 0xe000 && cp <= 0xf8ff) return;
    forward.set(l * 256 + t, ch);
    if (!byLead.has(l)) byLead.set(l, []);
    byLead.get(l)!.push([t, ch]);
    if (!byTrail.has(t)) byTrail.set(t, []);
    byTrail.get(t)!.push([l, ch]);
  });
  const ascii = (ch: string) => {
    const cp = ch.charCodeAt(0);
    return ch.length === 1 && cp < 0x80 ? [cp] : undefined;
  };
  return {
    decodePair: (l, t) => forward.get(l * 256 + t),
    bytesOf: (ch) => ascii(ch) ?? backward.get(ch),
    codeOf: (cp) => {
      if (cp < 0x10000) return codes[cp];
      // Supplementary characters (HKSCS in Big5) are few: the map has them.
      const b = backward.get(String.fromCodePoint(cp));
      return b ? (b[0] << 8) | b[1] : -1;
    },
    trailsOf: (l) => byLead.get(l) ?? [],
    leadsOf: (t) => byTrail.get(t) ?? [],
    isLead: (b) => b >= leadRange[0] && b <= leadRange[1],
    isTrail,
  };
}

let gbk: DbcsTable | undefined;

/** The GBK table, built on first use (about 24,000 pairs, one iconv-lite call). */
export function gbkTable(): DbcsTable {
  gbk ??= buildDbcsTable('gbk', [0x81, 0xfe], isGbkTrail);
  return gbk;
}
