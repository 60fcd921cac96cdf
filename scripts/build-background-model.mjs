// Builds data/backgroundModel.bin: the character model of text that is not Chinese, against which
// a mojibake repair is weighed (src/core/decision/). "How likely is this text as it stands" needs a
// model of what text other than Chinese looks like: German with ß and umlauts, Portuguese with
// ção, Czech, Turkish, Vietnamese, Cyrillic, Greek, Japanese kana with kanji, Korean, and the code
// and markup files are full of (roff, gettext catalogues, HTML, JavaScript, Markdown).
//
//   node scripts/build-background-model.mjs [--data /work/data/precision] [--out data/backgroundModel.bin]
//
// Trained only on the `tune` split of the negative corpus (scripts/build-precision-corpus.mjs and
// add-precision-repos.mjs; docs/precision.md): the `test` split is what eval:precision measures.
// Chinese files (zh-*) are left out: Chinese is the character model's side of the comparison.
// Each language contributes at most MAX_CHARS_PER_LANGUAGE characters (files in manifest order),
// so that German and Japanese man pages do not drown Icelandic or Korean.
//
// Folding (mirrored by src/core/decision/backgroundModel.ts): whitespace → space, ASCII and
// fullwidth digits → `0`, the no-break space → space; case and the ideographic space are kept. Counts are
// smoothed like the character model (Dirichlet prior μ on the unigram) and written in the same
// layout (src/core/model/charModelData.ts), with no Traditional→Simplified table.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('data', '/work/data/precision');
const OUT = arg('out', 'data/backgroundModel.bin');
const MAX_BYTES = 600_000;
const MAX_CHARS_PER_LANGUAGE = 1_500_000;
const MU = 2;
/** Characters seen fewer times than this are left to the floor. */
const MIN_COUNT = 3;

function fold(cp) {
  if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x2028 || cp === 0x2029) return 0x20;
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19)) return 0x30;
  return cp;
}

const manifest = [];
for (const name of ['manifest-debian.json', 'manifest-repos.json']) {
  const p = join(DATA, name);
  if (existsSync(p)) manifest.push(...JSON.parse(readFileSync(p, 'utf8')));
}
const files = manifest.filter((e) => e.split === 'tune' && !e.lang.startsWith('zh'));

const uni = new Map();
const bi = new Map();
const PAIR = 0x110000;
const perLang = new Map();
let used = 0;
for (const e of files) {
  const lang = e.lang.split('-')[0];
  const have = perLang.get(lang) ?? 0;
  if (have >= MAX_CHARS_PER_LANGUAGE) continue;
  const text = readFileSync(join(DATA, e.path), 'utf8');
  let prev = -1;
  let n = 0;
  for (const ch of text) {
    const cp = fold(ch.codePointAt(0));
    uni.set(cp, (uni.get(cp) ?? 0) + 1);
    if (prev >= 0) {
      const key = prev * PAIR + cp;
      bi.set(key, (bi.get(key) ?? 0) + 1);
    }
    prev = cp;
    n++;
  }
  perLang.set(lang, have + n);
  used++;
}
for (const [cp, c] of uni) if (c < MIN_COUNT) uni.delete(cp);

const vocab = [...uni.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([cp]) => cp);
const index = new Map(vocab.map((cp, i) => [cp, i]));
const total = [...uni.values()].reduce((s, c) => s + c, 0);
const uniP = vocab.map((cp) => (uni.get(cp) + 0.5) / (total + 0.5 * (vocab.length + 1)));
const floorP = 0.25 / (total + 0.5 * (vocab.length + 1));

const fixedBytes = 32 + vocab.length * (4 + 1 + 1 + 4) + 4 + 8;
const maxBigrams = Math.floor((MAX_BYTES - fixedBytes) / 3);
const pairs = [...bi.entries()]
  .filter(([key, c]) => c >= 2 && index.has(Math.floor(key / PAIR)) && index.has(key % PAIR))
  .sort((x, y) => y[1] - x[1] || x[0] - y[0])
  .slice(0, maxBigrams);
const kept = new Map();
const keptMass = new Float64Array(vocab.length);
for (const [key, c] of pairs) {
  const a = index.get(Math.floor(key / PAIR));
  const b = index.get(key % PAIR);
  if (!kept.has(a)) kept.set(a, []);
  kept.get(a).push([b, c]);
  keptMass[a] += c;
}

const quant = (lp) => Math.max(0, Math.min(255, Math.round(-lp * 10)));
const uniQ = new Uint8Array(vocab.length);
const backQ = new Uint8Array(vocab.length);
const rowStart = new Uint32Array(vocab.length + 1);
const bIdx = new Uint16Array(pairs.length);
const bQ = new Uint8Array(pairs.length);
let n = 0;
for (let a = 0; a < vocab.length; a++) {
  const ca = uni.get(vocab[a]);
  const m = Math.max(0, ca - keptMass[a]);
  uniQ[a] = quant(Math.log(uniP[a]));
  backQ[a] = quant(Math.log((MU + m) / (ca + MU)));
  rowStart[a] = n;
  for (const [b, c] of (kept.get(a) ?? []).sort((x, y) => x[0] - y[0])) {
    bIdx[n] = b;
    bQ[n] = quant(Math.log((c + (MU + m) * uniP[b]) / (ca + MU)));
    n++;
  }
}
rowStart[vocab.length] = n;
if (vocab.length > 0xffff) throw new Error('vocabulary does not fit 16-bit indices');

// The layout of scripts/build-char-model.mjs (see there), with no Traditional→Simplified pairs.
const pad4 = (x) => (x + 3) & ~3;
const size = pad4(32 + vocab.length * 4 + vocab.length * 2) + (vocab.length + 1) * 4 + pad4(n * 3);
const buf = Buffer.alloc(size);
let o = 0;
const u32 = (v) => { buf.writeUInt32LE(v, o); o += 4; };
u32(0x4d43485a); u32(1); u32(vocab.length); u32(n); u32(0);
buf.writeFloatLE(Math.log(floorP), o); o += 4;
u32(0); u32(0);
for (const cp of vocab) u32(cp);
buf.set(uniQ, o); o += vocab.length;
buf.set(backQ, o); o += vocab.length;
o = pad4(o);
for (const s of rowStart) u32(s);
buf.set(new Uint8Array(bIdx.buffer, 0, n * 2), o); o += n * 2;
buf.set(bQ.subarray(0, n), o); o += n;
o = pad4(o);
if (o !== size) throw new Error(`layout mismatch ${o} != ${size}`);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, buf);
console.log(`${OUT}: ${size} bytes from ${used} tune files (${[...perLang].map(([l, c]) => `${l} ${c}`).join(', ')}), ${vocab.length} characters, ${n} bigrams (of ${bi.size}), floor ln P = ${Math.log(floorP).toFixed(2)}`);
