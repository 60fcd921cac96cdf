// The quantised character bigram model both model builders write (build-char-model.mjs for
// Chinese, build-background-model.mjs for other languages), and its file layout, read by
// src/core/model/charModelData.ts. Little-endian, every section 4-byte aligned:
//   u32 magic 'ZHCM', u32 version, u32 V, u32 NB, u32 NT, f32 ln(floor), u32 reserved ×2
//   u32[V] code points by frequency rank      u8[V] -ln P(c) ×10      u8[V] -ln λ(c) ×10 (pad 4)
//   u32[V+1] bigram row starts                u16[NB] b indices         u8[NB] -ln P(b|a) ×10 (pad 4)
//   u32[NT×2] Traditional→Simplified pairs, sorted by the Traditional code point

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import OpenCC from 'opencc-js';

/** Bigram keys are `a * PAIR + b` over code points. */
export const PAIR = 0x110000;

const quant = (lp) => Math.max(0, Math.min(255, Math.round(-lp * 10)));
const pad4 = (x) => (x + 3) & ~3;

/**
 * The model from weighted counts: `uni` code point → count, `bi` a·PAIR+b → count. The bigrams
 * that `keepPair(key, count)` accepts are kept, most frequent first, as many as fit `maxBytes`
 * beside the fixed sections (`extraBytes` for sections the caller adds, 3 bytes a bigram).
 * P(b|a) = (c(ab) + (μ + m(a)) P(b)) / (c(a) + μ), where m(a) is the part of a's count not
 * followed by a stored bigram (word boundaries, pruned pairs): that mass backs off to P(b).
 */
export function quantisedModel({ uni, bi, mu, maxBytes, extraBytes = 0, keepPair = () => true }) {
  // Sort by count, then by code point, so that equal counts cannot reorder between runs.
  const vocab = [...uni.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([cp]) => cp);
  if (vocab.length > 0xffff) throw new Error('vocabulary does not fit 16-bit indices');
  const index = new Map(vocab.map((cp, i) => [cp, i]));
  const total = [...uni.values()].reduce((s, c) => s + c, 0);
  // Unigram with half a pseudo-count for every character, so that a character seen once in a
  // lightly weighted source is still above the floor given to characters never seen.
  const uniP = vocab.map((cp) => (uni.get(cp) + 0.5) / (total + 0.5 * (vocab.length + 1)));
  const floorP = 0.25 / (total + 0.5 * (vocab.length + 1));

  const fixedBytes = 32 + vocab.length * (4 + 1 + 1 + 4) + 4 + 8 + extraBytes;
  const maxBigrams = Math.floor((maxBytes - fixedBytes) / 3);
  const pairs = [...bi.entries()]
    .filter(([key, c]) => keepPair(key, c, index))
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, maxBigrams);
  const kept = new Map(); // a index -> [[b index, count]]
  const keptMass = new Float64Array(vocab.length);
  for (const [key, c] of pairs) {
    const a = index.get(Math.floor(key / PAIR));
    const b = index.get(key % PAIR);
    if (!kept.has(a)) kept.set(a, []);
    kept.get(a).push([b, c]);
    keptMass[a] += c;
  }

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
    backQ[a] = quant(Math.log((mu + m) / (ca + mu)));
    rowStart[a] = n;
    for (const [b, c] of (kept.get(a) ?? []).sort((x, y) => x[0] - y[0])) {
      bIdx[n] = b;
      bQ[n] = quant(Math.log((c + (mu + m) * uniP[b]) / (ca + mu)));
      n++;
    }
  }
  rowStart[vocab.length] = n;
  return { vocab, floorP, uniQ, backQ, rowStart, bIdx, bQ, bigrams: n };
}

/**
 * quantisedModel keeping only the pairs seen twice between characters the vocabulary keeps, written
 * to `out` with no Traditional→Simplified pairs (the layout of the models other than the character
 * model); returns the model and its bytes.
 */
export function writeBigramModel(out, { uni, bi, mu, maxBytes }) {
  const model = quantisedModel({
    uni,
    bi,
    mu,
    maxBytes,
    keepPair: (key, c, index) => c >= 2 && index.has(Math.floor(key / PAIR)) && index.has(key % PAIR),
  });
  const buf = charModelBytes(model);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buf);
  return { model, buf };
}

/** The model file's bytes, with `t2sPairs` ([Traditional, Simplified] code points) appended. */
export function charModelBytes(model, t2sPairs = []) {
  const { vocab, floorP, uniQ, backQ, rowStart, bIdx, bQ, bigrams: n } = model;
  const pairs = [...t2sPairs].sort((x, y) => x[0] - y[0]);
  const size = pad4(32 + vocab.length * 4 + vocab.length * 2) + (vocab.length + 1) * 4 + pad4(n * 3) + pairs.length * 8;
  const buf = Buffer.alloc(size);
  let o = 0;
  const u32 = (v) => { buf.writeUInt32LE(v, o); o += 4; };
  u32(0x4d43485a); u32(1); u32(vocab.length); u32(n); u32(pairs.length);
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
  for (const [t, s] of pairs) { u32(t); u32(s); }
  if (o !== size) throw new Error(`layout mismatch ${o} != ${size}`);
  return buf;
}

/** The Han ranges the character model folds (CJK Unified, Extension A, Compatibility, Extensions B–F). */
export const HAN_RANGES = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2ebef]];

/**
 * Traditional → Simplified over `ranges`, one character at a time (the mirror of
 * src/core/model/tokenFold.ts): the first OpenCC converter that changes it wins, and chains
 * (A→B, B→C) are resolved to their end so that folding does not depend on order.
 */
export function buildT2s(ranges = HAN_RANGES) {
  const converters = ['t', 'tw', 'hk'].map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const table = new Map();
  for (const [lo, hi] of ranges) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      for (const conv of converters) {
        const out = conv(ch);
        if (out !== ch && [...out].length === 1) { table.set(cp, out.codePointAt(0)); break; }
      }
    }
  }
  for (const [t, s] of table) {
    let end = s;
    for (let i = 0; i < 4 && table.has(end); i++) end = table.get(end);
    table.set(t, end);
  }
  return table;
}
