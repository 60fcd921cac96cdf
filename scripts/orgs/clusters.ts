/**
 * Builds the character classes the organization tagger reads (data/annotate/charClusters.u16):
 * characters that are used alike fall in one class, so that what the tagger learns of a
 * character of a name (乐 of 万家乐, 台 of 茅台) also reaches the characters used like it,
 * which the labelled corpora may hold once or never.
 *
 *   node scripts/build-char-clusters.mjs   (fetches the jieba dictionary, then runs this file)
 *
 * How a character is used is read from public text without any label:
 * - the jieba dictionary (nodejieba@3.5.8, MIT; path in --jieba): each word with its frequency
 *   gives, for each of its characters, the character before and after it inside the word and
 *   the word's part of speech with the character's place in it (nt at the end, ns at the start…);
 * - the running text of the NER corpora's training splits, labels not read, and only the first
 *   nine tenths of each (the last tenth is what `--holdout 0.1` scores, so it stays unseen):
 *   the character before and after.
 * Each character's counts of those contexts are weighed by positive pointwise mutual
 * information, and the characters are grouped by spherical k-means (seeded, deterministic) into
 * FINE classes; the FINE centroids are grouped again into COARSE classes.
 *
 * Output: pairs of 16-bit little-endian values (character code unit, fine | coarse << 8),
 * sorted by character; a character not listed has no class (the tagger reads class 0).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CORPORA, readSplit } from './corpora';
import { rng } from './seededRandom';
import { foldToSimplified } from '../../src/core/annotate/scriptFold';
import { modelCode } from '../../src/core/annotate/tagger/features';

const args = process.argv.slice(2);
const option = (flag: string, fallback: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const jiebaPath = option('--jieba', '');
const out = option('--out', 'data/annotate/charClusters.u16');
/** Classes: 255 fine ones (1…255), 31 coarse ones (1…31); 0 is "no class". */
const FINE = 255;
const COARSE = 31;
/** A character needs this much weight of context to get a class. */
const MIN_WEIGHT = 4;
const MAX_CHARS = 9000;
/** Contexts: the neighbour characters among the most frequent CONTEXT_CHARS, and part of speech × place. */
const CONTEXT_CHARS = 3000;
const HELD_OUT = 0.1;
const log = (s: string) => console.error(s);

/** Context counts per character: character code → (context key → weight). */
const counts = new Map<number, Map<number, number>>();
const BOUNDARY = 0x02;
function count(c: number, key: number, w: number): void {
  let m = counts.get(c);
  if (!m) counts.set(c, (m = new Map()));
  m.set(key, (m.get(key) ?? 0) + w);
}
// Keys: 0x10000 · side + neighbour code (side 1 left, 2 right), or 0x30000 + tag · 4 + place.
const LEFT = 0x10000, RIGHT = 0x20000, TAG = 0x30000;

/** Neighbours of each character of `codes`, weight w each. */
function countText(codes: number[], w: number): void {
  for (let i = 0; i < codes.length; i++) {
    count(codes[i], LEFT + (i > 0 ? codes[i - 1] : BOUNDARY), w);
    count(codes[i], RIGHT + (i + 1 < codes.length ? codes[i + 1] : BOUNDARY), w);
  }
}
const codesOf = (s: string) => Array.from(foldToSimplified(s), (ch) => modelCode(ch.charCodeAt(0)));

// The running text of the training splits (first nine tenths), weight 1 per character.
let running = 0;
for (const corpus of CORPORA) {
  const sentences = readSplit(corpus, 'train');
  if (!sentences) throw new Error(`${corpus.name}: training split missing (ZHLENS_NER_DATA)`);
  const cut = Math.round(sentences.length * (1 - HELD_OUT));
  for (const s of sentences.slice(0, cut)) {
    countText(codesOf(s.text), 1);
    running += s.text.length;
  }
}
log(`running text: ${running} characters`);

// The dictionary: a word's weight is its share of the dictionary's frequencies, scaled so that the
// dictionary weighs as much as the running text.
const tags = new Map<string, number>();
const entries = readFileSync(jiebaPath, 'utf8').split('\n').map((line) => line.split(' ')).filter((f) => f.length === 3 && /^[\u3400-\u9fff]+$/u.test(f[0]));
const totalFrequency = entries.reduce((sum, [word, freq]) => sum + Number(freq) * word.length, 0);
for (const [word, freq, tag] of entries) {
  const w = (Number(freq) * running) / totalFrequency;
  const codes = codesOf(word);
  countText(codes, w);
  if (!tags.has(tag)) tags.set(tag, tags.size);
  const t = tags.get(tag)!;
  codes.forEach((c, i) => count(c, TAG + t * 4 + (codes.length === 1 ? 3 : i === 0 ? 0 : i === codes.length - 1 ? 2 : 1), w));
}
log(`jieba: ${entries.length} words, ${tags.size} tags`);

// The characters to class, and the neighbours that count as contexts.
const weightOf = (m: Map<number, number>) => {
  let s = 0;
  for (const [key, w] of m) if (key < RIGHT) s += w;
  return s;
};
const chars = [...counts].map(([c, m]) => [c, weightOf(m)] as const).filter(([c, w]) => w >= MIN_WEIGHT && c > 0x20)
  .sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CHARS).map(([c]) => c);
const contextChars = new Set(chars.slice(0, CONTEXT_CHARS));
contextChars.add(BOUNDARY);
const keep = (key: number) => key >= TAG || contextChars.has(key & 0xffff);

// PPMI vectors (context probabilities smoothed with exponent 0.75), normalized.
const contextTotal = new Map<number, number>();
let total = 0;
for (const c of chars) {
  for (const [key, w] of counts.get(c)!) {
    if (!keep(key)) continue;
    contextTotal.set(key, (contextTotal.get(key) ?? 0) + w);
    total += w;
  }
}
let smoothTotal = 0;
for (const w of contextTotal.values()) smoothTotal += w ** 0.75;
const dims = new Map<number, number>();
[...contextTotal.keys()].sort((a, b) => a - b).forEach((key) => dims.set(key, dims.size));
const D = dims.size;
interface Sparse { index: Int32Array; value: Float64Array }
const vectors: Sparse[] = chars.map((c) => {
  const m = counts.get(c)!;
  let own = 0;
  for (const [key, w] of m) if (keep(key)) own += w;
  const entriesOf: Array<[number, number]> = [];
  for (const [key, w] of m) {
    if (!keep(key)) continue;
    const pmi = Math.log((w / total) / ((own / total) * ((contextTotal.get(key)! ** 0.75) / smoothTotal)));
    if (pmi > 0) entriesOf.push([dims.get(key)!, pmi]);
  }
  entriesOf.sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entriesOf.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return { index: Int32Array.from(entriesOf, (e) => e[0]), value: Float64Array.from(entriesOf, (e) => e[1] / norm) };
});
log(`${chars.length} characters, ${D} contexts`);

/**
 * Spherical k-means of `points` (dense rows of `dim`, or sparse) into k classes, with weights;
 * the first centroids are the k heaviest points spread by k-means++ on the heaviest 4k.
 */
function kmeans(k: number, n: number, dim: number, dot: (p: number, centroid: Float64Array) => number, addTo: (p: number, centroid: Float64Array, w: number) => void, weight: (p: number) => number, iterations: number): Int32Array {
  const random = rng(17);
  const centroids = Array.from({ length: k }, () => new Float64Array(dim));
  // k-means++ seeding over the points, by squared cosine distance.
  const chosen: number[] = [0];
  addTo(0, centroids[0], 1);
  const best = new Float64Array(n).fill(Infinity);
  for (let j = 1; j < k; j++) {
    let sum = 0;
    for (let p = 0; p < n; p++) {
      const d = Math.max(0, 1 - dot(p, centroids[j - 1]));
      if (d < best[p]) best[p] = d;
      sum += best[p] * weight(p);
    }
    let r = random() * sum;
    let p = 0;
    for (; p < n - 1; p++) {
      r -= best[p] * weight(p);
      if (r <= 0) break;
    }
    chosen.push(p);
    addTo(p, centroids[j], 1);
  }
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let p = 0; p < n; p++) {
      let bestJ = 0, bestDot = -Infinity;
      for (let j = 0; j < k; j++) {
        const d = dot(p, centroids[j]);
        if (d > bestDot) {
          bestDot = d;
          bestJ = j;
        }
      }
      if (assign[p] !== bestJ) moved++;
      assign[p] = bestJ;
    }
    for (const centroid of centroids) centroid.fill(0);
    for (let p = 0; p < n; p++) addTo(p, centroids[assign[p]], weight(p));
    for (const centroid of centroids) {
      const norm = Math.sqrt(centroid.reduce((s, v) => s + v * v, 0)) || 1;
      for (let x = 0; x < dim; x++) centroid[x] /= norm;
    }
    log(`k-means ${k}: iteration ${it + 1}, ${moved} moved`);
    if (moved === 0) break;
  }
  return assign;
}

const charWeight = chars.map((c) => Math.log(1 + weightOf(counts.get(c)!)));
const fine = kmeans(FINE, chars.length, D,
  (p, centroid) => {
    const { index, value } = vectors[p];
    let s = 0;
    for (let x = 0; x < index.length; x++) s += value[x] * centroid[index[x]];
    return s;
  },
  (p, centroid, w) => {
    const { index, value } = vectors[p];
    for (let x = 0; x < index.length; x++) centroid[index[x]] += w * value[x];
  },
  (p) => charWeight[p], 20);
// Coarse classes: the fine classes' mean vectors, grouped again.
const means = Array.from({ length: FINE }, () => new Float64Array(D));
const classWeight = new Float64Array(FINE);
chars.forEach((_, p) => {
  const { index, value } = vectors[p];
  for (let x = 0; x < index.length; x++) means[fine[p]][index[x]] += charWeight[p] * value[x];
  classWeight[fine[p]] += charWeight[p];
});
for (const mean of means) {
  const norm = Math.sqrt(mean.reduce((s, v) => s + v * v, 0)) || 1;
  for (let x = 0; x < D; x++) mean[x] /= norm;
}
const coarse = kmeans(COARSE, FINE, D,
  (j, centroid) => {
    let s = 0;
    for (let x = 0; x < D; x++) s += means[j][x] * centroid[x];
    return s;
  },
  (j, centroid, w) => {
    for (let x = 0; x < D; x++) centroid[x] += w * means[j][x];
  },
  (j) => classWeight[j] || 1e-9, 30);

const order = chars.map((c, p) => [c, p] as const).sort((a, b) => a[0] - b[0]);
const table = new Uint16Array(order.length * 2);
order.forEach(([c, p], r) => {
  table[r * 2] = c;
  table[r * 2 + 1] = (fine[p] + 1) | ((coarse[fine[p]] + 1) << 8);
});
writeFileSync(out, new Uint8Array(table.buffer));
const members = (j: number) => chars.filter((_, p) => fine[p] === j).slice(0, 12).map((c) => String.fromCharCode(c)).join('');
for (const j of [0, 1, 2, 3, 4, 5, 6, 7]) log(`class ${j + 1}: ${members(j)}`);
log(`${out}: ${order.length} characters, ${table.byteLength} bytes`);
