// Builds the tables the core reads instead of building them from a library at its first call
// (docs/data.md):
//   data/codec/gbk.u32, data/codec/big5.u32 — every double-byte pair (lead 0x81–0xFE × trail
//     0x40–0xFE, 126 × 191 entries, lead-major) as iconv-lite decodes it: the code point of the one
//     character it gives, or 0 where it gives none (unmapped, not a trail byte of the page, U+FFFD,
//     ASCII, or more than one code point). 32-bit little-endian: Big5 (HKSCS) has supplementary
//     characters. Read by src/core/codec/gbkTable.ts.
//   data/pinyinReadings.txt — every reading pinyin-pro gives a single character, tone-marked, for
//     every code point it knows: one line per character, `中 zhōng zhòng`. Read by
//     src/core/text/pinyinReadings.ts.
//   data/opencc/*.txt — the OpenCC dictionaries of opencc-js that zhlens uses, as opencc-js ships
//     them (`from to|from to|…`), so that the bundles do not carry 1.2 MB of them as string
//     literals: the character tables of src/core/script/scriptOfChar.ts and the phrase tables of
//     the conversions (src/core/script/convertScript.ts).
//   data/opencc/cp950.txt — the characters of STCharacters' Simplified side that Windows cp950
//     encodes (they round-trip through iconv-lite's cp950), one line, for scriptOfChar.ts.
//   data/opencc/scripts.u8 — the script of every BMP character from those (0 neutral, 1
//     Traditional-only, 2 Simplified-only), 65,536 bytes, for scriptOfChar.ts.
//   data/opencc/charVariants.u32 — every character of the two character tables' keys, sorted by
//     code point, as pairs of 32-bit little-endian values: the code point, then its Simplified
//     form (itself when it has none) with flags in the top byte (1 a key of TSCharacters, 2 a key
//     of STCharacters, 4 in cp950.txt), for scriptOfChar.ts: no dictionary parsed at the first
//     pinyin annotation, and the script of a supplementary character.
//
//   node scripts/build-lookup-tables.mjs
// Rerun after updating iconv-lite, pinyin-pro or opencc-js; the unit tests compare the tables with them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');
const { pinyin } = require('pinyin-pro');

const LEADS = [0x81, 0xfe];
const TRAILS = [0x40, 0xfe];
const PAGES = {
  gbk: (b) => b >= 0x40 && b <= 0xfe && b !== 0x7f,
  big5: (b) => (b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe),
};

/** One pair at a time in one decoder call: each pair followed by a newline, so an unmapped pair cannot swallow its neighbour. */
function pageTable(encoding, isTrail) {
  const width = TRAILS[1] - TRAILS[0] + 1;
  const out = new Uint32Array((LEADS[1] - LEADS[0] + 1) * width);
  const pairs = [];
  for (let lead = LEADS[0]; lead <= LEADS[1]; lead++) for (let trail = TRAILS[0]; trail <= TRAILS[1]; trail++) if (isTrail(trail)) pairs.push([lead, trail]);
  const buf = Buffer.alloc(pairs.length * 3);
  pairs.forEach(([l, t], i) => buf.set([l, t, 0x0a], i * 3));
  const decoded = iconv.decode(buf, encoding).split('\n');
  pairs.forEach(([l, t], i) => {
    const ch = decoded[i];
    if (!ch || [...ch].length !== 1 || ch === '\ufffd') return;
    const cp = ch.codePointAt(0);
    if (cp < 0x80) return;
    out[(l - LEADS[0]) * width + (t - TRAILS[0])] = cp;
  });
  return out;
}

mkdirSync('data/codec', { recursive: true });
for (const [name, isTrail] of Object.entries(PAGES)) {
  const table = pageTable(name, isTrail);
  const bytes = Buffer.alloc(table.length * 4);
  table.forEach((cp, i) => bytes.writeUInt32LE(cp, i * 4));
  writeFileSync(`data/codec/${name}.u32`, bytes);
  console.log(`data/codec/${name}.u32: ${table.filter((x) => x).length} pairs`);
}

const lines = [];
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const ch = String.fromCodePoint(cp);
  const all = pinyin(ch, { multiple: true, type: 'array' });
  // pinyin-pro echoes a character it has no reading for; that is no reading.
  if (all.length === 0 || (all.length === 1 && all[0] === ch)) continue;
  if (all.some((r) => /[\s\n]/.test(r) || r === '')) throw new Error(`unexpected reading of U+${cp.toString(16)}: ${JSON.stringify(all)}`);
  lines.push(`${ch} ${all.join(' ')}`);
}
writeFileSync('data/pinyinReadings.txt', lines.join('\n') + '\n');
console.log(`data/pinyinReadings.txt: ${lines.length} characters`);

/** data/opencc/charVariants.u32 from the two character tables and cp950's characters (the layout above). */
export function charVariants(t2s, s2t, inCp950) {
  const cps = [...new Set([...t2s.keys(), ...s2t.keys()].map((ch) => ch.codePointAt(0)))].sort((a, b) => a - b);
  const out = Buffer.alloc(cps.length * 8);
  cps.forEach((cp, i) => {
    const ch = String.fromCodePoint(cp);
    const flags = (t2s.has(ch) ? 1 : 0) | (s2t.has(ch) ? 2 : 0) | (inCp950.has(ch) ? 4 : 0);
    out.writeUInt32LE(cp, 8 * i);
    out.writeUInt32LE(((t2s.get(ch) ?? ch).codePointAt(0) | (flags << 24)) >>> 0, 8 * i + 4);
  });
  return out;
}

export const OPENCC_DICTIONARIES = [
  'CJK_Compatibility_Ideographs',
  'STPhrases',
  'STPhrases_GeneratedFromRegionalPhrases',
  'STCharacters',
  'TSPhrases',
  'TSCharacters',
  'TWVariantsPhrases',
  'TWVariants',
  'TWVariantsRevPhrases',
  'TWVariantsRev',
];
mkdirSync('data/opencc', { recursive: true });
for (const name of OPENCC_DICTIONARIES) {
  const dict = require(`opencc-js/dict/${name}`).default;
  if (typeof dict !== 'string' || dict.includes('\n')) throw new Error(`opencc-js/dict/${name}: not a one-line dictionary`);
  writeFileSync(`data/opencc/${name}.txt`, dict + '\n');
}
// cp950, not iconv-lite's `big5`: the latter adds HKSCS, which encodes many Simplified forms.
const simplified = [...new Set(require('opencc-js/dict/STCharacters').default.split('|').map((e) => e.split(' ')).filter((p) => p.length >= 2 && p[0] !== p[1]).map((p) => p[0]))];
const roundTrip = iconv.decode(iconv.encode(simplified.join('\n'), 'cp950'), 'cp950').split('\n');
writeFileSync('data/opencc/cp950.txt', simplified.filter((ch, i) => roundTrip[i] === ch).join('') + '\n');
// The script each BMP character commits a text to, one byte per code point (0 neutral, 1
// Traditional-only, 2 Simplified-only), worked out from the two character tables and cp950.txt as
// src/core/script/scriptOfChar.ts describes, so that no dictionary is parsed for the first text.
const pairs = (name) => new Map(require(`opencc-js/dict/${name}`).default.split('|').map((e) => e.split(' ')).filter((p) => p.length >= 2 && p[0] !== p[1]).map((p) => [p[0], p[1]]));
const s2t = pairs('STCharacters');
const t2s = pairs('TSCharacters');
const inCp950 = new Set(simplified.filter((ch, i) => roundTrip[i] === ch));
const scripts = new Uint8Array(0x10000);
for (const ch of t2s.keys()) if (!s2t.has(ch) && ch.length === 1) scripts[ch.charCodeAt(0)] = 1;
for (const ch of s2t.keys()) if (!inCp950.has(ch) && ch.length === 1) scripts[ch.charCodeAt(0)] = 2;
writeFileSync('data/opencc/scripts.u8', scripts);
writeFileSync('data/opencc/charVariants.u32', charVariants(t2s, s2t, inCp950));
console.log(`data/opencc: ${OPENCC_DICTIONARIES.length} dictionaries, cp950.txt, scripts.u8 and charVariants.u32`);
