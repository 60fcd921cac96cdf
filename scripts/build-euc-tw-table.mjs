// Builds data/euc-tw.bin, the EUC-TW decoding table of the core (src/core/codec/eucTw.ts), from
// the GNU C library's iconv, which has the EUC-TW converter iconv-lite and the WHATWG decoders lack.
//
//   node scripts/build-euc-tw-table.mjs
//
// Every BMP character from U+0080 on is converted, one per line, with `iconv -c -f UTF-8 -t EUC-TW`:
// a character EUC-TW cannot hold leaves an empty line, so the lines stay aligned with the input.
// Kept: the BMP characters of CNS 11643 planes 1–4 (A1A1–FEFE, and 8EA1–8EA4 A1A1–FEFE): plane 1
// and 2 hold Big5's characters, 3 and 4 the variants real text uses beside them (綫, 爲, 峯, 啓).
// Left out: planes 5–7 and 15 and the Extension B characters of planes 3 and 4, nearly all of
// them rare ideographs outside the BMP (they decode as U+FFFD, counted as undecodable, never
// guessed). docs/data.md says more.
//
// Layout (little-endian): 'ZHET', version 1, the number of planes, then for each plane from 1 the
// 94 × 94 code points of rows A1–FE × columns A1–FE as uint16 (0: unmapped). Same bytes on every
// run with the same glibc.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const cps = [];
for (let cp = 0x80; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) cps.push(cp);
const input = Buffer.from(cps.map((cp) => String.fromCodePoint(cp) + '\n').join(''), 'utf8');
const out = execFileSync('iconv', ['-c', '-f', 'UTF-8', '-t', 'EUC-TW'], { input, maxBuffer: 1 << 26 });

const SIZE = 94 * 94;
const PLANES = 4;
const planes = Array.from({ length: PLANES }, () => new Uint16Array(SIZE));
let line = 0;
let start = 0;
let kept = 0;
for (let i = 0; i <= out.length; i++) {
  if (i < out.length && out[i] !== 0x0a) continue;
  const b = out.subarray(start, i);
  const cp = cps[line++];
  start = i + 1;
  let plane;
  let row;
  let col;
  if (b.length === 2) [plane, row, col] = [0, b[0], b[1]];
  else if (b.length === 4 && b[0] === 0x8e && b[1] >= 0xa2 && b[1] < 0xa1 + PLANES) [plane, row, col] = [b[1] - 0xa1, b[2], b[3]];
  else continue;
  const k = (row - 0xa1) * 94 + (col - 0xa1);
  // The first character glibc writes with a code keeps it (the reverse mapping is then the one
  // glibc decodes to: checked below).
  if (planes[plane][k] === 0) {
    planes[plane][k] = cp;
    kept++;
  }
}
if (line !== cps.length + 1 && line !== cps.length) throw new Error(`iconv output out of step: ${line} lines for ${cps.length} characters`);

// Every kept code must decode back to its character through glibc.
const codes = [];
for (let p = 0; p < PLANES; p++) {
  for (let k = 0; k < SIZE; k++) {
    if (!planes[p][k]) continue;
    const pair = [0xa1 + Math.floor(k / 94), 0xa1 + (k % 94)];
    codes.push(...(p === 0 ? pair : [0x8e, 0xa1 + p, ...pair]), 0x0a);
  }
}
const back = execFileSync('iconv', ['-f', 'EUC-TW', '-t', 'UTF-8'], { input: Buffer.from(codes), maxBuffer: 1 << 26 }).toString('utf8').split('\n');
let n = 0;
for (let p = 0; p < PLANES; p++) {
  for (let k = 0; k < SIZE; k++) {
    if (!planes[p][k]) continue;
    if (back[n++] !== String.fromCharCode(planes[p][k])) throw new Error(`plane ${p + 1} code ${k} does not round-trip`);
  }
}

const data = Buffer.alloc(12 + PLANES * SIZE * 2);
data.write('ZHET', 0, 'latin1');
data.writeUInt32LE(1, 4);
data.writeUInt32LE(PLANES, 8);
for (let p = 0; p < PLANES; p++) for (let k = 0; k < SIZE; k++) data.writeUInt16LE(planes[p][k], 12 + (p * SIZE + k) * 2);
mkdirSync('data', { recursive: true });
writeFileSync('data/euc-tw.bin', data);
console.log(`data/euc-tw.bin: ${kept} characters (planes 1–${PLANES}), ${data.length} bytes`);
