// Builds data/gbk-gaps.bin, data/gb18030-gaps.bin and data/big5-gaps.bin: which byte pairs of a double-byte code page
// real decoders leave undecoded, so that a `?` or U+FFFD in GBK or Big5 mojibake of UTF-8 can only
// stand for a byte that fails with the byte after it (src/core/garble/mojibake/lostBytes.ts).
//
//   node scripts/build-gbk-gaps.mjs
//
// A pair (lead, trail), lead and trail 0x80–0xFF or trail 0x40–0x7E, is a gap when one of the
// page's real decoders cannot decode it into one character: for GBK, Python's `gbk` codec
// (CPython's CJK codecs: no user-defined rows, several unassigned symbol cells), iconv-lite's `gbk`
// and the WHATWG `gbk` decoder (Node's TextDecoder); for GB18030 (the decoders that print GBK's
// user-defined pairs as private-use characters), Python's `gb18030` and the WHATWG `gbk` and
// `gb18030` decoders; for Big5, Python's `big5` and `cp950`,
// iconv-lite's `big5` (with the HKSCS additions) and `cp950`, and the WHATWG `big5` decoder (Node's
// drops some pairs without a mark: those count as gaps too). Layout: 'ZHGG', version 1, then
// 256 × 256 bits, bit (lead × 256 + trail), least significant bit first. Same bytes on every run
// with the same Python, Node and iconv-lite.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const iconv = createRequire(import.meta.url)('iconv-lite');

const PAGES = [
  { file: 'data/gbk-gaps.bin', python: ['gbk'], iconv: ['gbk'], whatwg: ['gbk'] },
  { file: 'data/big5-gaps.bin', python: ['big5', 'cp950'], iconv: ['big5', 'cp950'], whatwg: ['big5'] },
  // The decoders that print GBK's user-defined pairs as private-use characters instead of failing.
  { file: 'data/gb18030-gaps.bin', python: ['gb18030'], iconv: [], whatwg: ['gbk', 'gb18030'] },
];

const pythonGaps = (codecs) => `
import sys
out = bytearray(8192)
for lead in range(0x80, 0x100):
    for trail in range(0x40, 0x100):
        ok = True
        for codec in ${JSON.stringify(codecs)}:
            try:
                ok = ok and len(bytes([lead, trail]).decode(codec)) == 1
            except UnicodeDecodeError:
                ok = False
        if not ok:
            k = lead * 256 + trail
            out[k >> 3] |= 1 << (k & 7)
sys.stdout.buffer.write(bytes(out))
`;

for (const page of PAGES) {
  const bits = new Uint8Array(execFileSync('python3', ['-c', pythonGaps(page.python)]));
  if (bits.length !== 8192) throw new Error('python3 gave no table');
  const decoders = [
    ...page.whatwg.map((name) => { const d = new TextDecoder(name); return (pair) => d.decode(pair); }),
    ...page.iconv.map((name) => (pair) => iconv.decode(Buffer.from(pair), name)),
  ];
  for (let lead = 0x80; lead <= 0xff; lead++) {
    for (let trail = 0x40; trail <= 0xff; trail++) {
      const pair = Uint8Array.of(lead, trail);
      if (decoders.some((decode) => { const s = decode(pair); return [...s].length !== 1 || s === '\ufffd'; })) {
        const k = lead * 256 + trail;
        bits[k >> 3] |= 1 << (k & 7);
      }
    }
  }
  const data = new Uint8Array(8 + bits.length);
  data.set([0x5a, 0x48, 0x47, 0x47, 1, 0, 0, 0]);
  data.set(bits, 8);
  mkdirSync('data', { recursive: true });
  writeFileSync(page.file, data);
  let gaps = 0;
  for (const b of bits) for (let k = 0; k < 8; k++) gaps += (b >> k) & 1;
  console.log(`${page.file}: ${gaps} undecodable pairs, ${data.length} bytes`);
}
