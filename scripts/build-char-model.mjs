// Builds the character language model shipped in src/core/model/charModel.bin.
//
//   node scripts/build-char-model.mjs
//
// Sources (exact versions and weights are listed in docs/data.md):
// - nodejieba@3.5.8 (npm): cppjieba's dict/jieba.dict.utf8 (word, frequency, POS) gives modern
//   vocabulary: each word's frequency counts for its characters and its in-word bigrams, and the
//   part of a character's count not followed inside the word is left as backoff mass (a word
//   boundary: what follows is the start of any word).
// - nodejieba@3.5.8: cppjieba's test/testdata/weicheng.utf8 (钱钟书《围城》): running prose with
//   cross-word bigrams and the punctuation of dialogue (。“ ，” ：“).
// - Debian debian-reference-zh-cn / debian-reference-zh-tw 2.100: the Debian Reference as plain
//   text, Simplified and Traditional technical prose with mixed ASCII.
// - chinese-poetry@2.0.1 (npm): a few classical prose and verse collections, lightly weighted.
// - opencc-js (the project's dependency): the Traditional→Simplified character table.
//
// Every text is folded exactly as the runtime folds it (see src/core/model/tokenFold.ts), counted
// with its source weight, then smoothed (Dirichlet prior on the unigram) and quantized.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenCC from 'opencc-js';

const OUT = 'src/core/model/charModel.bin';
const MAX_BYTES = 1_000_000;
/** Pseudo-count of the unigram prior in each bigram context. */
const MU = 2;
/** jieba's frequencies are rescaled so that its character tokens total this many times the running text's. */
const JIEBA_SHARE = 2;
const WEIGHTS = { weicheng: 1, debianCn: 0.5, debianTw: 0.5, classical: 0.2 };
const CLASSICAL_FILES = [
  'dist/lunyu/lunyu.json',
  'dist/sishuwujing/daxue.json',
  'dist/sishuwujing/zhongyong.json',
  'dist/sishuwujing/mengzi.json',
  'dist/mengxue/guwenguanzhi.json',
  'dist/mengxue/tangshisanbaishou.json',
  'dist/songci/宋词三百首.json',
];
const DEBIAN = {
  debianCn: '/usr/share/debian-reference/debian-reference.zh-cn.txt.gz',
  debianTw: '/usr/share/debian-reference/debian-reference.zh-tw.txt.gz',
};

// ---------- fetching ----------

const work = mkdtempSync(join(tmpdir(), 'zhlens-charmodel-'));
function npmPackFiles(spec, files) {
  const name = execFileSync('npm', ['pack', spec, '--pack-destination', work, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
  const dir = join(work, spec.replace(/[@/]/g, '_'));
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('tar', ['-xzf', join(work, name), '-C', dir, ...files.map((f) => `package/${f}`)]);
  return (f) => readFileSync(join(dir, 'package', f), 'utf8');
}

for (const path of Object.values(DEBIAN)) {
  if (!existsSync(path)) {
    console.error(`missing ${path}: apt-get install debian-reference-zh-cn debian-reference-zh-tw`);
    process.exit(1);
  }
}
const jieba = npmPackFiles('nodejieba@3.5.8', ['submodules/cppjieba/dict/jieba.dict.utf8', 'submodules/cppjieba/test/testdata/weicheng.utf8']);
const poetry = npmPackFiles('chinese-poetry@2.0.1', CLASSICAL_FILES);

// ---------- folding (mirror of src/core/model/tokenFold.ts) ----------

/** Traditional → Simplified, one character at a time; the first converter that changes it wins. */
function buildT2s() {
  const converters = ['t', 'tw', 'hk'].map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const table = new Map();
  const ranges = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2ebef]];
  for (const [lo, hi] of ranges) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      for (const conv of converters) {
        const out = conv(ch);
        if (out !== ch && [...out].length === 1) { table.set(cp, out.codePointAt(0)); break; }
      }
    }
  }
  // Chains (A→B, B→C) would make folding order-dependent; resolve them to the end point.
  for (const [t, s] of table) {
    let end = s;
    for (let i = 0; i < 4 && table.has(end); i++) end = table.get(end);
    table.set(t, end);
  }
  return table;
}
const t2s = buildT2s();

const SPACE = 0x20, LETTER = 0x61, DIGIT = 0x30;
function foldCodePoint(cp) {
  if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
  if (cp < 0x80) {
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return SPACE;
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return LETTER;
    if (cp >= 0x30 && cp <= 0x39) return DIGIT;
    return cp;
  }
  if (cp === 0x3000 || cp === 0xa0 || cp === 0x85 || cp === 0x2028 || cp === 0x2029) return SPACE;
  return t2s.get(cp) ?? cp;
}
function foldText(text) {
  const out = [];
  for (const ch of text) out.push(foldCodePoint(ch.codePointAt(0)));
  return out;
}

// ---------- counting ----------

const uni = new Map(); // token -> weighted count
const bi = new Map(); // a * 0x110000 + b -> weighted count
const PAIR = 0x110000;
function add(map, key, w) { map.set(key, (map.get(key) ?? 0) + w); }
function countTokens(tokens, w) {
  for (let i = 0; i < tokens.length; i++) {
    add(uni, tokens[i], w);
    if (i > 0) add(bi, tokens[i - 1] * PAIR + tokens[i], w);
  }
  return tokens.length;
}

const running = {
  weicheng: jieba('submodules/cppjieba/test/testdata/weicheng.utf8'),
  debianCn: gunzipSync(readFileSync(DEBIAN.debianCn)).toString('utf8'),
  debianTw: gunzipSync(readFileSync(DEBIAN.debianTw)).toString('utf8'),
  classical: CLASSICAL_FILES.map((f) => collectStrings(JSON.parse(poetry(f))).join('\n')).join('\n'),
};
function collectStrings(node, out = []) {
  if (typeof node === 'string') { if (/[\u4e00-\u9fff]/.test(node)) out.push(node); }
  else if (Array.isArray(node)) node.forEach((n) => collectStrings(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => collectStrings(n, out));
  return out;
}

let runningTokens = 0;
for (const [name, text] of Object.entries(running)) {
  const n = countTokens(foldText(text), WEIGHTS[name]);
  runningTokens += n * WEIGHTS[name];
  console.log(`${name}: ${n} tokens × ${WEIGHTS[name]}`);
}

const words = jieba('submodules/cppjieba/dict/jieba.dict.utf8').split('\n').map((l) => l.split(' ')).filter((p) => p.length >= 2 && +p[1] > 0);
const jiebaTokens = words.reduce((s, [w, f]) => s + [...w].length * +f, 0);
const jiebaScale = (JIEBA_SHARE * runningTokens) / jiebaTokens;
for (const [w, f] of words) {
  const tokens = foldText(w);
  const weight = +f * jiebaScale;
  for (let i = 0; i < tokens.length; i++) {
    add(uni, tokens[i], weight);
    if (i > 0) add(bi, tokens[i - 1] * PAIR + tokens[i], weight);
  }
}
console.log(`jieba: ${words.length} words, ${jiebaTokens} char tokens, scaled × ${jiebaScale.toExponential(3)}`);

// ---------- vocabulary and probabilities ----------

const vocab = [...uni.entries()].sort((x, y) => y[1] - x[1]).map(([cp]) => cp);
const index = new Map(vocab.map((cp, i) => [cp, i]));
const total = [...uni.values()].reduce((s, c) => s + c, 0);
// Unigram with half a pseudo-count for every character, so that a character seen once in a
// lightly weighted source is still above the floor given to characters never seen.
const uniP = vocab.map((cp) => (uni.get(cp) + 0.5) / (total + 0.5 * (vocab.length + 1)));
const floorP = 0.25 / (total + 0.5 * (vocab.length + 1));

// Bigram budget: whatever the 1 MB leaves after the fixed sections, 3 bytes per stored bigram.
const fixedBytes = 32 + vocab.length * (4 + 1 + 1 + 4) + 4 + 8 + t2s.size * 8 + 8;
const maxBigrams = Math.floor((MAX_BYTES - fixedBytes) / 3);
const pairs = [...bi.entries()].sort((x, y) => y[1] - x[1]).slice(0, maxBigrams);
const kept = new Map(); // a index -> [[b index, count]]
const keptMass = new Float64Array(vocab.length);
for (const [key, c] of pairs) {
  const a = index.get(Math.floor(key / PAIR));
  const b = index.get(key % PAIR);
  if (!kept.has(a)) kept.set(a, []);
  kept.get(a).push([b, c]);
  keptMass[a] += c;
}

// P(b|a) = (c(ab) + (μ + m(a)) P(b)) / (c(a) + μ), where m(a) is the part of a's count not
// followed by a stored bigram (word boundaries in jieba, pruned pairs): that mass backs off to P(b).
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
  const lambda = (MU + m) / (ca + MU);
  uniQ[a] = quant(Math.log(uniP[a]));
  backQ[a] = quant(Math.log(lambda));
  rowStart[a] = n;
  const row = (kept.get(a) ?? []).sort((x, y) => x[0] - y[0]);
  for (const [b, c] of row) {
    bIdx[n] = b;
    bQ[n] = quant(Math.log((c + (MU + m) * uniP[b]) / (ca + MU)));
    n++;
  }
}
rowStart[vocab.length] = n;
if (vocab.length > 0xffff) throw new Error('vocabulary does not fit 16-bit indices');

// ---------- writing ----------
// Layout (little-endian, every section 4-byte aligned), read by src/core/model/charModelData.ts:
//   u32 magic 'ZHCM', u32 version, u32 V, u32 NB, u32 NT, f32 ln(floor), u32 reserved ×2
//   u32[V] code points by frequency rank      u8[V] -ln P(c) ×10      u8[V] -ln λ(c) ×10 (pad 4)
//   u32[V+1] bigram row starts                u16[NB] b indices         u8[NB] -ln P(b|a) ×10 (pad 4)
//   u32[NT×2] Traditional→Simplified pairs, sorted by the Traditional code point
const pad4 = (x) => (x + 3) & ~3;
const t2sPairs = [...t2s.entries()].sort((x, y) => x[0] - y[0]);
const size = pad4(32 + vocab.length * 4 + vocab.length * 2) + (vocab.length + 1) * 4 + pad4(n * 3) + t2sPairs.length * 8;
const buf = Buffer.alloc(size);
let o = 0;
const u32 = (v) => { buf.writeUInt32LE(v, o); o += 4; };
u32(0x4d43485a); u32(1); u32(vocab.length); u32(n); u32(t2sPairs.length);
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
for (const [t, s] of t2sPairs) { u32(t); u32(s); }
if (o !== size) throw new Error(`layout mismatch ${o} != ${size}`);
writeFileSync(OUT, buf);
rmSync(work, { recursive: true, force: true });
console.log(`${OUT}: ${size} bytes, ${vocab.length} characters, ${n} bigrams (of ${bi.size}), ${t2sPairs.length} t2s pairs, floor ln P = ${Math.log(floorP).toFixed(2)}`);
