// Builds data/gbk-gaps.bin: which GBK byte pairs real decoders leave undecoded, so that a `?` or
// U+FFFD in GBK mojibake of UTF-8 can only stand for a byte that fails with the byte after it
// (src/core/garble/mojibake/lostBytes.ts).
//
//   node scripts/build-gbk-gaps.mjs
//
// A pair (lead, trail), lead and trail 0x80–0xFF or trail 0x40–0x7E, is a gap when Python's `gbk`
// codec (CPython's CJK codecs: no user-defined rows, several unassigned symbol cells), iconv-lite's
// `gbk` or the WHATWG `gbk` decoder (Node's TextDecoder) cannot decode it. Layout: 'ZHGG', version 1,
// then 256 × 256 bits, bit (lead × 256 + trail), least significant bit first. Same bytes on every
// run with the same Python and iconv-lite.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const iconv = createRequire(import.meta.url)('iconv-lite');
const python = `
import sys
out = bytearray(8192)
for lead in range(0x80, 0x100):
    for trail in range(0x40, 0x100):
        try:
            bytes([lead, trail]).decode('gbk')
            ok = len(bytes([lead, trail]).decode('gbk')) == 1
        except UnicodeDecodeError:
            ok = False
        if not ok:
            k = lead * 256 + trail
            out[k >> 3] |= 1 << (k & 7)
sys.stdout.buffer.write(bytes(out))
`;
const bits = new Uint8Array(execFileSync('python3', ['-c', python]));
if (bits.length !== 8192) throw new Error('python3 gave no table');
const whatwg = new TextDecoder('gbk');
for (let lead = 0x80; lead <= 0xff; lead++) {
  for (let trail = 0x40; trail <= 0xff; trail++) {
    const pair = Uint8Array.of(lead, trail);
    const a = whatwg.decode(pair);
    const b = iconv.decode(Buffer.from(pair), 'gbk');
    if ([...a].length !== 1 || a === '\ufffd' || [...b].length !== 1 || b === '\ufffd') {
      const k = lead * 256 + trail;
      bits[k >> 3] |= 1 << (k & 7);
    }
  }
}
const data = new Uint8Array(8 + bits.length);
data.set([0x5a, 0x48, 0x47, 0x47, 1, 0, 0, 0]);
data.set(bits, 8);
mkdirSync('data', { recursive: true });
writeFileSync('data/gbk-gaps.bin', data);
let gaps = 0;
for (const b of bits) for (let k = 0; k < 8; k++) gaps += (b >> k) & 1;
console.log(`data/gbk-gaps.bin: ${gaps} undecodable pairs, ${data.length} bytes`);
