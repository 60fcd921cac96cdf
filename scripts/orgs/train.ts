/**
 * Trains the organization tagger (src/core/annotate/tagger/) on the training splits of the public
 * NER corpora (corpora.ts): an averaged structured perceptron over the features of
 * tagger/features.ts, decoded with Viterbi under B/I/E/S constraints. Writes data/annotate/orgTagger.bin.
 *
 *   node scripts/train-org-tagger.mjs [--holdout 0.1] [--epochs 8] [--min-count 2]
 *     [--max-features 100000[,60000…]] [--weights msra=3,resume=2,weibo=8,cluener=3] [--out data/annotate/orgTagger.bin]
 *     [--no-kinds] [--seeds N [--bootstrap]] [--cv weibo:5] [--margin 100 [--margin-to 200]] [--name-margin 150] [--save-epochs 8,10] [--average-from 4,6]
 *     [--cv-out DIR] [--cv-blocks] [--name-folds block] [--order 2]
 *     [--report-templates] [--drop u3,u4,d1,d12]
 *
 * Each sentence also fires its kind of text's copies of the dense and hashed features
 * (features.ts TEXT_KINDS: news for MSRA and CLUENER, résumés, social media for Weibo), so that
 * what each kind's corpora label differently is learnt by kind and the shared weights keep the rest;
 * --no-kinds trains without them.
 *
 * Only training splits are read. --holdout keeps the last part of every training split out of
 * training and scores it after each epoch: that is how the number of epochs, the corpus weights
 * (how many times each corpus's sentences are seen per epoch) and the size were chosen
 * (docs/annotate-data.md); the defaults are those choices, and the shipped model is trained with
 * them on the whole training splits. Runs are deterministic (seeded shuffles): the same corpora
 * give the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPORA, readSplit, type Sentence } from './corpora';
import { rng } from './seededRandom';
import { foldToSimplified } from '../../src/core/annotate/scriptFold';
import {
  B, BIGRAM_OFFSETS, bigramHash, DENSE_FEATURES, HASHED_FEATURES, domainHash, E, FEATURES_PER_CHAR, FIRST_KIND_FEATURE, I, modelCode, O, TEXT_KINDS, PAD, PAD_END, PAD_START, Piece, S, TAG_COUNT, UNIGRAM_OFFSETS, unigramHash,
  useTrainedNames, WORD_POSITIONS, WORD_ROLES, wordFeatureHash,
} from '../../src/core/annotate/tagger/features';
import { extractFeatures } from '../../src/core/annotate/tagger/featureList';
import { CharTrie } from '../../src/core/annotate/trie';
import { spansOf, viterbi } from '../../src/core/annotate/tagger/viterbi';
import { withNameBonus } from '../../src/core/annotate/tagger/nameBonus';
import { decodeTaggerModel, encodeTaggerModel, type FloatSection } from '../../src/core/annotate/tagger/taggerModel';

const args = process.argv.slice(2);
const option = (flag: string, fallback: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const holdout = Number(option('--holdout', '0'));
const epochs = Number(option('--epochs', '8'));
const seeds = Number(option('--seeds', '1'));
const minCount = Number(option('--min-count', '2'));
const featureBudgets = option('--max-features', '100000').split(',').map(Number);
const out = option('--out', 'data/annotate/orgTagger.bin');
const namesOut = option('--names-out', out.replace(/[^/]*$/, 'orgTaggerNames.txt'));
/** --no-kinds: no copies of the features per kind of text (features.ts TEXT_KINDS). */
const kindCopies = !args.includes('--no-kinds');
/** The kind of text of each corpus (features.ts TEXT_KINDS). */
const KIND_OF = Object.fromEntries(CORPORA.map((c) => [c.name, TEXT_KINDS.indexOf(c.kind)]));
const KINDS = TEXT_KINDS.length;
/**
 * --margin M: loss-augmented decoding in training (a large-margin perceptron): each tag other than
 * the gold one scores M more while the training sentence is decoded, so that a sentence is learnt
 * until its gold reading wins by M per wrong tag, not merely wins. 100 chosen on the held-out
 * tenth (0, 30, 100, 300; docs/annotate-data.md); 0 is the plain perceptron.
 */
const margin = Number(option('--margin', '100'));
/**
 * --name-margin M: the margin at characters whose gold tag is part of a name (B, I, E, S), where
 * --margin stays the margin at characters outside names (O): above --margin, a sentence is learnt
 * until a missed name loses by more than a name found where there is none (a cost-sensitive
 * margin, toward recall). Unset: --margin everywhere.
 */
const nameMargin = Number(option('--name-margin', String(margin)));
/**
 * --margin-to M2: a schedule of the margin: it moves in a straight line from --margin at the first
 * epoch to M2 at the last (--name-margin in the same ratio), so that early epochs learn fast with a
 * small margin and late ones push the gold reading further ahead (or the reverse). Unset: constant.
 */
const marginTo = Number(option('--margin-to', String(margin)));
const marginAt = (epoch: number) => (epochs > 1 ? margin + ((marginTo - margin) * (epoch - 1)) / (epochs - 1) : margin);
/**
 * --bootstrap: with --seeds N, each seed's perceptron is trained on a bootstrap sample of the
 * training order (as many draws with replacement as the order holds, seeded), so that the seeds
 * differ in their sentences as well as their shuffles (bagging); their mean is the model, one
 * linear model of the same size and cost as one perceptron (summed scores are the scores of summed weights).
 */
const bootstrap = args.includes('--bootstrap');
/** --save-epochs 8,10: also write the averaged model after those epochs (FILE.epochN.bin), one seed only. */
const saveEpochs = option('--save-epochs', '').split(',').filter(Boolean).map(Number);
/**
 * --average-from 4,6: also write the perceptron averaged over the updates from the start of those
 * epochs on only (tail averaging: the early epochs' weights left out of the mean), FILE.avgK.bin
 * beside the model averaged over every update (and FILE.epochN.avgK.bin with --save-epochs), one
 * seed only, so that one held-out run measures several averaging settings.
 */
const averageFrom = option('--average-from', '').split(',').filter(Boolean).map(Number).filter((k) => k > 1);
/**
 * The templates of a character's features by slot (featureList.ts extractFeatures' order): u0…
 * the unigrams of UNIGRAM_OFFSETS, b0…b3 the bigrams of BIGRAM_OFFSETS, w0…w2 the word roles,
 * d0… the dense templates of DENSE_SIZES, h0…h3 the hashed ones.
 */
const TEMPLATE_NAMES = [
  ...UNIGRAM_OFFSETS.map((_, u) => `u${u}`), ...BIGRAM_OFFSETS.map((_, b) => `b${b}`), ...Array.from({ length: WORD_ROLES }, (_, r) => `w${r}`),
  ...Array.from({ length: DENSE_FEATURES }, (_, d) => `d${d}`), ...Array.from({ length: HASHED_FEATURES }, (_, h) => `h${h}`),
];
/** --report-templates: after training, each template's features and their total absolute weight (averaged, float), the strongest first. */
const reportTemplates = args.includes('--report-templates');
/** --drop d3,h2: train without those templates (and their copies per kind), to measure what each is worth on the held-out tenth. */
const dropped = new Set(option('--drop', '').split(',').filter(Boolean).map((name) => {
  const slot = TEMPLATE_NAMES.indexOf(name);
  if (slot < 0) throw new Error(`--drop: no template ${name} (${TEMPLATE_NAMES.join(' ')})`);
  return slot;
}));
/**
 * --name-folds block: the folds of the trained-name features (a sentence reads the names of the
 * other folds only) are tenths of each training split in a row, so that a sentence does not read
 * the names of its own article's neighbours, as a test article's sentences never do; unset, a
 * sentence's fold is its index mod 10.
 */
const blockNameFolds = option('--name-folds', 'index') === 'block';
/**
 * --order 2: second-order label features: a score per tag trigram (the tag with the two before
 * it), decoded in training and in the held-out scoring by a Viterbi over pairs of tags. The model
 * file holds first-order transitions only; this measures the trigrams on the held-out tenth.
 */
const order2 = option('--order', '1') === '2';
const weights = Object.fromEntries(option('--weights', 'msra=3,resume=2,weibo=8,cluener=3').split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));

const T = TAG_COUNT;
/** Features of a character: those of features.ts, then the copies of its kind of text of the dense and hashed ones. */
const KIND_COPIES = kindCopies ? FEATURES_PER_CHAR - FIRST_KIND_FEATURE : 0;
const F = FEATURES_PER_CHAR + KIND_COPIES;
/** The hash of each kind's copy of a feature: [the shared feature's hash, the kind]. */
const kindFeature = new Map<number, [number, number]>();
/** The template slot of each feature's hash (TEMPLATE_NAMES; a kind's copy: F plus the shared slot), for --report-templates. */
const templateOf = new Map<number, number>();

interface Example { corpus: string; n: number; features: Int32Array; gold: Uint8Array; orgs: Set<string>; fold: number; text: string }
/**
 * --cv CORPUS:K: K-fold cross-validation on one corpus's training split, or on several at once
 * (--cv msra,cluener:2; the other corpora's training splits are always trained on): K models, each scored on the sentences of its fold
 * (sentence index mod 10, mod K), which also read no names of their own fold; prints the
 * corpus's cross-validated F1 and its most common errors. Writes no model.
 */
const [cvCorpus, cvFoldsText] = option('--cv', ':0').split(':');
const cvFolds = Number(cvFoldsText);
/** --cv msra,cluener:2: the folds of several corpora's training splits at once (each fold model is trained without its fold of each). */
const cvCorpora = new Set(cvCorpus.split(',').filter(Boolean));
/**
 * --cv-blocks: the folds of --cv are runs of sentences in a row (the first 1/K of the training
 * sentences, the next …), so that a fold holds whole articles and its model has not read the other
 * sentences of an article it is scored on, as held-out text; the names a fold's sentences read
 * are then those of the other folds' text. Unset, a fold is sentence index mod 10, mod K.
 */
const cvBlocks = args.includes('--cv-blocks');
if (cvFolds && blockNameFolds) throw new Error('--name-folds block: not with --cv, whose folds are sentence index mod 10');
/**
 * --cv-out DIR: with --cv, also write each fold's model as shipped (DIR/foldK/orgTagger.bin) and
 * the names its fold's sentences read (orgTaggerNames.txt beside it), so that `npm run eval:orgs
 * -- --split cv --model DIR` scores zhlens (the model joined with the rules) over every fold.
 */
const cvOut = option('--cv-out', '');

function goldTags(s: Sentence): Uint8Array {
  const tags = new Uint8Array(s.text.length);
  const taken = new Uint8Array(s.text.length);
  // Longer spans first where a corpus nests or overlaps them.
  for (const e of [...s.entities].filter((x) => x.label === 'ORG').sort((a, b) => b.end - b.start - (a.end - a.start))) {
    let free = true;
    for (let p = e.start; p < e.end; p++) if (taken[p]) free = false;
    if (!free || e.end <= e.start) continue;
    taken.fill(1, e.start, e.end);
    if (e.end - e.start === 1) tags[e.start] = S;
    else {
      tags[e.start] = B;
      for (let p = e.start + 1; p < e.end - 1; p++) tags[p] = I;
      tags[e.end - 1] = E;
    }
  }
  return tags;
}

const started = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

// 1. Sentences of every training split, features hashed, counts of each feature.
const trainSet: Array<{ corpus: string; sentence: Sentence; hashes: Uint32Array; fold?: number }> = [];
const tuneSet: Array<{ corpus: string; sentence: Sentence; hashes: Uint32Array; fold?: number }> = [];
const counts = new Map<number, number>();
/** Character pairs of the training text (model codes), to find the bigram features' pairs again. */
const pairs = new Set<number>();
/** Word hashes of the training text's segmentation, to find the word features' words again. */
const words = new Set<number>([PAD_START, PAD_END]);
const piece = new Piece();
// The organization names of the training text, each with the folds (sentence index mod FOLDS)
// it occurs in: a sentence's features read the names of the other folds only, as a test
// sentence's read names found elsewhere (features.ts useTrainedNames).
const FOLDS = 10;
const read: Array<{ corpus: string; sentence: Sentence; folded: string; training: boolean; fold: number; nameFold: number }> = [];
const nameFolds = new Map<string, number>();
/** With --cv-blocks, the folds of --cv each name occurs in. */
const cvNameFolds = new Map<string, number>();
for (const corpus of CORPORA) {
  const sentences = readSplit(corpus, 'train');
  if (!sentences) throw new Error(`${corpus.name}: training split missing (ZHLENS_NER_DATA)`);
  const cut = Math.round(sentences.length * (1 - holdout));
  sentences.forEach((sentence, i) => {
    const folded = foldToSimplified(sentence.text);
    const training = i < cut;
    const nameFold = blockNameFolds ? Math.min(FOLDS - 1, Math.floor((i * FOLDS) / Math.max(1, cut))) : i % FOLDS;
    const fold = cvBlocks ? Math.min(cvFolds - 1, Math.floor((i * cvFolds) / Math.max(1, cut))) : i % FOLDS;
    read.push({ corpus: corpus.name, sentence, folded, training, fold, nameFold });
    if (!training) return;
    for (const e of sentence.entities) {
      const name = folded.slice(e.start, e.end);
      if (e.label === 'ORG' && name.length >= 2 && name.length <= 30) {
        nameFolds.set(name, (nameFolds.get(name) ?? 0) | (1 << nameFold));
        // A corpus outside --cv is trained on by every fold model: its names count for every fold.
        if (cvBlocks) cvNameFolds.set(name, (cvNameFolds.get(name) ?? 0) | (1 << (cvCorpora.has(corpus.name) ? fold : cvFolds)));
      }
    }
  });
  log(`${corpus.name}: ${cut} training sentences, ${sentences.length - cut} held out`);
}
const namesOutsideFold = Array.from({ length: FOLDS }, (_, fold) => new CharTrie([...nameFolds].filter(([, folds]) => folds & ~(1 << fold)).map(([name]) => name), true));
const cvNames = Array.from({ length: cvFolds }, (_, k) => {
  if (cvBlocks) return [...cvNameFolds].filter(([, folds]) => folds & ~(1 << k)).map(([name]) => name).sort();
  let mask = 0;
  for (let fold = k; fold < FOLDS; fold += cvFolds) mask |= 1 << fold;
  return [...nameFolds].filter(([, folds]) => folds & ~mask).map(([name]) => name).sort();
});
const namesOutsideCv = cvNames.map((names) => new CharTrie(names, true));
const trainedNames = [...nameFolds.keys()].sort();
log(`${trainedNames.length} organization names in the training text`);
{
  // How often a gold name (2 to 30 characters) is in the list its sentence reads: in training, the
  // other folds' names; held out, every training name.
  const seen = new Map<string, [number, number]>();
  for (const { corpus, sentence, folded, training, nameFold } of read) {
    const key = `${corpus} ${training ? 'training' : 'held out'}`;
    const t = seen.get(key) ?? seen.set(key, [0, 0]).get(key)!;
    for (const e of sentence.entities) {
      const name = folded.slice(e.start, e.end);
      if (e.label !== 'ORG' || name.length < 2 || name.length > 30) continue;
      t[1]++;
      const folds = nameFolds.get(name) ?? 0;
      if (training ? folds & ~(1 << nameFold) : folds) t[0]++;
    }
  }
  for (const [key, [inList, all]] of seen) log(`names in the list read: ${key} ${inList} of ${all} (${((100 * inList) / Math.max(1, all)).toFixed(1)} %)`);
}
const allNames = new CharTrie(trainedNames, true);
if (cvFolds === 0) writeFileSync(namesOut, trainedNames.join('\n') + '\n');
for (const { corpus, sentence, folded, training, fold, nameFold } of read) {
  useTrainedNames(!training ? allNames : cvCorpora.has(corpus) ? namesOutsideCv[fold % cvFolds] : namesOutsideFold[nameFold]);
  const shared = new Uint32Array(folded.length * FEATURES_PER_CHAR);
  extractFeatures(folded, shared);
  if (dropped.size) for (let i = 0; i < folded.length; i++) for (const slot of dropped) shared[i * FEATURES_PER_CHAR + slot] = 0;
  const hashes = new Uint32Array(folded.length * F);
  const kind = KIND_OF[corpus];
  for (let i = 0; i < folded.length; i++) {
    hashes.set(shared.subarray(i * FEATURES_PER_CHAR, (i + 1) * FEATURES_PER_CHAR), i * F);
    for (let k = 0; k < KIND_COPIES; k++) {
      const base = shared[i * FEATURES_PER_CHAR + FIRST_KIND_FEATURE + k];
      if (!base) continue;
      const h = domainHash(kind, base);
      hashes[i * F + FEATURES_PER_CHAR + k] = h;
      if (training && !kindFeature.has(h)) kindFeature.set(h, [base, kind]);
    }
  }
  if (training) {
    trainSet.push({ corpus, sentence, hashes, fold });
    for (const h of hashes) if (h) counts.set(h, (counts.get(h) ?? 0) + 1);
    if (reportTemplates) {
      for (let i = 0; i < folded.length; i++) {
        for (let k = 0; k < F; k++) {
          const h = hashes[i * F + k];
          if (h && !templateOf.has(h)) templateOf.set(h, k < FEATURES_PER_CHAR ? k : FEATURES_PER_CHAR + FIRST_KIND_FEATURE + k - FEATURES_PER_CHAR);
        }
      }
    }
    const codes = [...Array(PAD).fill(PAD_START), ...Array.from(folded, (ch) => modelCode(ch.charCodeAt(0))), ...Array(PAD).fill(PAD_END)];
    for (let k = 0; k + 1 < codes.length; k++) pairs.add(((codes[k] << 16) | codes[k + 1]) >>> 0);
    piece.read(folded);
    for (let p = 0; p < folded.length; p++) words.add(piece.wordOf[p]);
  } else {
    tuneSet.push({ corpus, sentence, hashes });
  }
}
read.length = 0;

const rowOf = new Map<number, number>();
const keys: number[] = [];
for (const [h, c] of counts) {
  if (c >= minCount) {
    rowOf.set(h, keys.length);
    keys.push(h);
  }
}
counts.clear();
log(`${rowOf.size} features seen at least ${minCount} times`);

const toExample = ({ corpus, sentence, hashes, fold }: (typeof trainSet)[number]): Example => {
  const features = new Int32Array(hashes.length);
  for (let k = 0; k < hashes.length; k++) features[k] = hashes[k] ? (rowOf.get(hashes[k]) ?? -1) : -1;
  const orgs = new Set(sentence.entities.filter((e) => e.label === 'ORG').map((e) => `${e.start}:${e.end}`));
  return { corpus, n: sentence.text.length, features, gold: goldTags(sentence), orgs, fold: fold ?? -1, text: sentence.text };
};
const train = trainSet.map(toExample);
const tune = tuneSet.map(toExample);
trainSet.length = 0;
tuneSet.length = 0;

// 2. Averaged perceptron: w, and u = Σ c·Δ so that the average is w − u / c.
const rows = keys.length;
const w = new Float32Array(rows * T);
const u = new Float64Array(rows * T);
const trans = new Float64Array((T + 1) * T);
const transU = new Float64Array((T + 1) * T);
/** --order 2: a score per tag trigram, (z · (T + 1) + a) · T + b for b after a after z (T: before the start). */
const TRIGRAMS = (T + 1) * (T + 1) * T;
const trans2 = new Float64Array(order2 ? TRIGRAMS : 0);
const trans2U = new Float64Array(order2 ? TRIGRAMS : 0);
let c = 1;
/** For --average-from: c·w − u (the sum of the weights over the updates so far) and c, at the start of each epoch listed. */
const tails = new Map<number, { sum: Float64Array; transSum: Float64Array; c: number }>();

function emissions(ex: Example, weightsOf: Float32Array, scratch: Float32Array): void {
  scratch.fill(0, 0, ex.n * T);
  for (let i = 0; i < ex.n; i++) {
    const o = i * T;
    for (let k = 0; k < F; k++) {
      const r = ex.features[i * F + k];
      if (r < 0) continue;
      const base = r * T;
      for (let t = 0; t < T; t++) scratch[o + t] += weightsOf[base + t];
    }
  }
}

const maxLength = Math.max(...train.map((e) => e.n), ...tune.map((e) => e.n));
const scratch = new Float32Array(maxLength * T);
const predicted = new Uint8Array(maxLength);
const transF = new Float32Array((T + 1) * T);
const trans2F = new Float32Array(order2 ? TRIGRAMS : 0);
interface Weights { w: Float32Array; trans: Float32Array; trans2?: Float32Array }

/** Whether tag b may follow a (a = T: at the start), as viterbi.ts allows. */
const follows = (a: number, b: number) => (a === B || a === I ? b === I || b === E : b === O || b === B || b === S);
let back2 = new Uint8Array(0);
let delta = new Float64Array((T + 1) * T);
let next = new Float64Array((T + 1) * T);
/** viterbi.ts's best path with the tag trigrams' scores too: states are pairs of tags (a, b). */
function viterbi2(emission: Float32Array, n: number, transition: Float32Array, trigrams: Float32Array, out: Uint8Array): number {
  if (n === 0) return 0;
  const P = (T + 1) * T;
  if (back2.length < n * P) back2 = new Uint8Array(n * P * 2);
  delta.fill(-Infinity);
  for (let b = 0; b < T; b++) if (follows(T, b)) delta[T * T + b] = emission[b] + transition[T * T + b] + trigrams[(T * (T + 1) + T) * T + b];
  for (let i = 1; i < n; i++) {
    next.fill(-Infinity);
    for (let a = 0; a < T; a++) {
      for (let b = 0; b < T; b++) {
        if (!follows(a, b)) continue;
        let best = -Infinity, arg = 0;
        for (let z = 0; z <= T; z++) {
          const d = delta[z * T + a];
          if (d === -Infinity) continue;
          const v = d + trigrams[(z * (T + 1) + a) * T + b];
          if (v > best) { best = v; arg = z; }
        }
        if (best === -Infinity) continue;
        next[a * T + b] = best + transition[a * T + b] + emission[i * T + b];
        back2[i * P + a * T + b] = arg;
      }
    }
    [delta, next] = [next, delta];
  }
  let best = -Infinity, ba: number = T, bb: number = O;
  for (let a = 0; a <= T; a++) {
    for (const b of [O, E, S]) {
      if (delta[a * T + b] > best) { best = delta[a * T + b]; ba = a; bb = b; }
    }
  }
  out[n - 1] = bb;
  if (n > 1) out[n - 2] = ba;
  let a = ba, b = bb;
  for (let i = n - 1; i >= 2; i--) {
    const z = back2[i * P + a * T + b];
    out[i - 2] = z;
    b = a;
    a = z;
  }
  return best;
}
const decode = (emission: Float32Array, n: number, model: Weights, out: Uint8Array) =>
  model.trans2 ? viterbi2(emission, n, model.trans, model.trans2, out) : viterbi(emission, n, model.trans, out);

function updateDiff(ex: Example): void {
  // Only positions where gold and prediction differ (or whose transition differs) change weights.
  for (let i = 0; i < ex.n; i++) {
    const g = ex.gold[i];
    const p = predicted[i];
    const gFrom = i === 0 ? T : ex.gold[i - 1];
    const pFrom = i === 0 ? T : predicted[i - 1];
    if (g !== p) {
      for (let k = 0; k < F; k++) {
        const r = ex.features[i * F + k];
        if (r < 0) continue;
        w[r * T + g] += 1;
        u[r * T + g] += c;
        w[r * T + p] -= 1;
        u[r * T + p] -= c;
      }
    }
    if (g !== p || gFrom !== pFrom) {
      trans[gFrom * T + g] += 1;
      transU[gFrom * T + g] += c;
      trans[pFrom * T + p] -= 1;
      transU[pFrom * T + p] -= c;
    }
    if (order2) {
      const gz = i < 2 ? T : ex.gold[i - 2];
      const pz = i < 2 ? T : predicted[i - 2];
      if (g !== p || gFrom !== pFrom || gz !== pz) {
        const gk = (gz * (T + 1) + gFrom) * T + g;
        const pk = (pz * (T + 1) + pFrom) * T + p;
        trans2[gk] += 1;
        trans2U[gk] += c;
        trans2[pk] -= 1;
        trans2U[pk] -= c;
      }
    }
  }
}

/** The weights averaged over the updates since the start of epoch `from` (--average-from). */
function averagedFrom(from: number): { w: Float32Array; trans: Float32Array } {
  const tail = tails.get(from)!;
  const steps = c - tail.c;
  const aw = new Float32Array(rows * T);
  for (let k = 0; k < aw.length; k++) aw[k] = (c * w[k] - u[k] - tail.sum[k]) / steps;
  const at = new Float32Array((T + 1) * T);
  for (let k = 0; k < at.length; k++) at[k] = (c * trans[k] - transU[k] - tail.transSum[k]) / steps;
  return { w: aw, trans: at };
}

function averaged(): Weights {
  const aw = new Float32Array(rows * T);
  for (let k = 0; k < aw.length; k++) aw[k] = w[k] - u[k] / c;
  const at = new Float32Array((T + 1) * T);
  for (let k = 0; k < at.length; k++) at[k] = trans[k] - transU[k] / c;
  if (!order2) return { w: aw, trans: at };
  const at2 = new Float32Array(TRIGRAMS);
  for (let k = 0; k < at2.length; k++) at2[k] = trans2[k] - trans2U[k] / c;
  return { w: aw, trans: at, trans2: at2 };
}

function score(set: Example[], model: Weights): Map<string, { tp: number; found: number; gold: number }> {
  const by = new Map<string, { tp: number; found: number; gold: number }>();
  for (const ex of set) {
    emissions(ex, model.w, scratch);
    decode(scratch, ex.n, model, predicted);
    const t = by.get(ex.corpus) ?? by.set(ex.corpus, { tp: 0, found: 0, gold: 0 }).get(ex.corpus)!;
    t.gold += ex.orgs.size;
    for (const [a, b] of spansOf(predicted, ex.n)) {
      t.found++;
      if (ex.orgs.has(`${a}:${b}`)) t.tp++;
    }
  }
  return by;
}

const f1 = (t: { tp: number; found: number; gold: number }) => {
  const p = t.found ? t.tp / t.found : 0;
  const r = t.gold ? t.tp / t.gold : 0;
  return `P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${(p + r ? (200 * p * r) / (p + r) : 0).toFixed(1)} (${t.gold})`;
};

/**
 * One averaged perceptron trained on `order` (indices into train, repeated by corpus weight) with
 * the shuffles of `seed`; `afterEpoch` hears of each epoch's wrong sentences.
 */
function perceptron(order: number[], seed: number, afterEpoch?: (epoch: number, errors: number) => void): Weights {
  const random = rng(seed);
  w.fill(0);
  u.fill(0);
  trans.fill(0);
  transU.fill(0);
  trans2.fill(0);
  trans2U.fill(0);
  c = 1;
  tails.clear();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    if (averageFrom.includes(epoch)) {
      const sum = new Float64Array(rows * T);
      for (let k = 0; k < sum.length; k++) sum[k] = c * w[k] - u[k];
      const transSum = new Float64Array((T + 1) * T);
      for (let k = 0; k < transSum.length; k++) transSum[k] = c * trans[k] - transU[k];
      tails.set(epoch, { sum, transSum, c });
    }
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    const marginNow = marginAt(epoch);
    const nameMarginNow = margin ? (nameMargin * marginNow) / margin : nameMargin;
    for (const idx of order) {
      const ex = train[idx];
      emissions(ex, w, scratch);
      if (marginNow || nameMarginNow) {
        for (let i = 0; i < ex.n; i++) {
          const m = ex.gold[i] === O ? marginNow : nameMarginNow;
          for (let t = 0; t < T; t++) if (t !== ex.gold[i]) scratch[i * T + t] += m;
        }
      }
      for (let k = 0; k < transF.length; k++) transF[k] = trans[k];
      if (order2) {
        for (let k = 0; k < trans2F.length; k++) trans2F[k] = trans2[k];
        viterbi2(scratch, ex.n, transF, trans2F, predicted);
      } else viterbi(scratch, ex.n, transF, predicted);
      let wrong = false;
      for (let i = 0; i < ex.n; i++) if (predicted[i] !== ex.gold[i]) wrong = true;
      if (wrong) {
        errors++;
        updateDiff(ex);
      }
      c++;
    }
    afterEpoch?.(epoch, errors);
  }
  return averaged();
}

/** --cv-bonus 15,30,60: with --cv, also score each fold with those bonuses per name (nameBonus.ts, in units of the 8-bit weights). */
const cvBonuses = option('--cv-bonus', '').split(',').filter(Boolean).map(Number);
if (cvFolds > 0) {
  const total = { tp: 0, found: 0, gold: 0 };
  const bonusTotals = new Map<number, { tp: number; found: number; gold: number }>();
  const errors = new Map<string, number>();
  for (let k = 0; k < cvFolds; k++) {
    const inFold = (ex: Example) => cvCorpora.has(ex.corpus) && ex.fold % cvFolds === k;
    const order: number[] = [];
    train.forEach((ex, i) => {
      if (!inFold(ex)) for (let r = 0; r < (weights[ex.corpus] ?? 1); r++) order.push(i);
    });
    const model = perceptron(order, 17);
    if (cvOut) {
      mkdirSync(join(cvOut, `fold${k + 1}`), { recursive: true });
      writeModel(model, join(cvOut, `fold${k + 1}`, 'orgTagger.bin'));
      writeFileSync(join(cvOut, `fold${k + 1}`, 'orgTaggerNames.txt'), cvNames[k].join('\n') + '\n');
    }
    const held = train.filter(inFold);
    const by = score(held, model);
    const t = { tp: 0, found: 0, gold: 0 };
    for (const name of cvCorpora) {
      const o = by.get(name);
      if (o) { t.tp += o.tp; t.found += o.found; t.gold += o.gold; }
    }
    log(`cv fold ${k + 1} of ${cvFolds}: ${cvCorpus} ${f1(t)}`);
    total.tp += t.tp;
    total.found += t.found;
    total.gold += t.gold;
    // The transitions are in the units of the averaged weights; the tagger's bonus is in those of the 8-bit ones (taggerModel.ts scale).
    let top = 0;
    for (const v of model.w) top = Math.max(top, Math.abs(v));
    const scale = top / 127;
    for (const bonus of cvBonuses) {
      const withBonus = { w: model.w, trans: withNameBonus(model.trans.slice(), bonus * scale) };
      const tb = { tp: 0, found: 0, gold: 0 };
      for (const [name, o] of score(held, withBonus)) if (cvCorpora.has(name)) { tb.tp += o.tp; tb.found += o.found; tb.gold += o.gold; }
      const sum = bonusTotals.get(bonus) ?? bonusTotals.set(bonus, { tp: 0, found: 0, gold: 0 }).get(bonus)!;
      sum.tp += tb.tp;
      sum.found += tb.found;
      sum.gold += tb.gold;
    }
    for (const ex of held) {
      emissions(ex, model.w, scratch);
      viterbi(scratch, ex.n, model.trans, predicted);
      const found = new Set(spansOf(predicted, ex.n).map(([a, b]) => `${a}:${b}`));
      for (const span of found) if (!ex.orgs.has(span)) errors.set(`found ${ex.text.slice(...span.split(':').map(Number))}`, (errors.get(`found ${ex.text.slice(...span.split(':').map(Number))}`) ?? 0) + 1);
      for (const span of ex.orgs) if (!found.has(span)) errors.set(`missed ${ex.text.slice(...span.split(':').map(Number))}`, (errors.get(`missed ${ex.text.slice(...span.split(':').map(Number))}`) ?? 0) + 1);
    }
  }
  log(`cross-validated ${cvCorpus}: ${f1(total)}`);
  for (const [bonus, t] of bonusTotals) log(`cross-validated ${cvCorpus}, bonus per name ${bonus}: ${f1(t)}`);
  console.log([...errors].sort((a, b) => b[1] - a[1]).map(([e, n]) => `${e}${n > 1 ? ` ×${n}` : ''}`).join(' | '));
  process.exit(0);
}

const order: number[] = [];
train.forEach((ex, i) => {
  for (let k = 0; k < (weights[ex.corpus] ?? 1); k++) order.push(i);
});
/** The averaged perceptrons of every seed, summed; their mean is the model (--seeds). */
const sum: Weights = { w: new Float32Array(rows * T), trans: new Float32Array((T + 1) * T), ...(order2 ? { trans2: new Float32Array(TRIGRAMS) } : {}) };
for (let run = 0; run < seeds; run++) {
  let runOrder = order;
  if (bootstrap) {
    const draw = rng(1000 + run);
    runOrder = Array.from(order, () => order[Math.floor(draw() * order.length)]);
  }
  const one = perceptron(runOrder, 17 + run, (epoch, errors) => {
    log(`${seeds > 1 ? `seed ${run + 1}, ` : ''}epoch ${epoch}: ${errors} of ${runOrder.length} sentences wrong (margin ${marginAt(epoch).toFixed(0)})`);
    if (tune.length && (epoch === epochs || seeds === 1)) {
      const by = score(tune, averaged());
      for (const [corpus, t] of by) log(`  held out ${corpus.padEnd(8)} ${f1(t)}`);
    }
    if (seeds === 1 && saveEpochs.includes(epoch) && epoch !== epochs) writeModel(averaged(), out.replace(/(\.bin)?$/, `.epoch${epoch}.bin`));
    if (seeds > 1) return;
    for (const from of averageFrom) {
      if (from > epoch || (epoch !== epochs && !saveEpochs.includes(epoch))) continue;
      const tail = averagedFrom(from);
      if (tune.length) for (const [corpus, t] of score(tune, tail)) log(`  averaged from epoch ${from}, held out ${corpus.padEnd(8)} ${f1(t)}`);
      writeModel(tail, out.replace(/(\.bin)?$/, `${epoch === epochs ? '' : `.epoch${epoch}`}.avg${from}.bin`));
    }
  });
  for (let k = 0; k < one.w.length; k++) sum.w[k] += one.w[k] / seeds;
  for (let k = 0; k < one.trans.length; k++) sum.trans[k] += one.trans[k] / seeds;
  if (one.trans2 && sum.trans2) for (let k = 0; k < one.trans2.length; k++) sum.trans2[k] += one.trans2[k] / seeds;
  if (tune.length && seeds > 1) {
    const by = score(tune, sum);
    for (const [corpus, t] of by) log(`  held out, mean of ${run + 1} seeds ${corpus.padEnd(8)} ${f1(t)}`);
  }
}

// 3. Keep the features that weigh most, group the unigrams by character and the bigrams by
// pair (the tagger reads each once), quantize, write.
function writeModel(model: Weights, out: string): void {
  const strength = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let m = 0;
    for (let t = 0; t < T; t++) m = Math.max(m, Math.abs(model.w[r * T + t]));
    strength[r] = m;
  }
  for (const maxFeatures of featureBudgets) {
    const target = featureBudgets.length > 1 ? out.replace(/(\.bin)?$/, `.${maxFeatures}.bin`) : out;
    const kept = [...strength.keys()].filter((r) => strength[r] > 0).sort((a, b) => strength[b] - strength[a]).slice(0, maxFeatures);
    log(`${kept.length} of ${rows} features kept (weakest kept: ${strength[kept[kept.length - 1]]?.toFixed(3)})`);

    const unigramOf = new Map<number, [number, number]>();
    for (let code = 0; code < 0x10000; code++) UNIGRAM_OFFSETS.forEach((_, u) => unigramOf.set(unigramHash(u, code), [u, code]));
    const bigramOf = new Map<number, [number, number]>();
    for (const pair of pairs) BIGRAM_OFFSETS.forEach((_, b) => bigramOf.set(bigramHash(b, pair >>> 16, pair & 0xffff), [b, pair]));
    const wordOf = new Map<number, [number, number]>();
    for (const word of words) for (let role = 0; role < WORD_ROLES; role++) for (let position = 0; position < WORD_POSITIONS; position++) wordOf.set(wordFeatureHash(role, word, position), [role * WORD_POSITIONS + position, word]);
    const WORD_WIDTH = WORD_ROLES * WORD_POSITIONS;
    const wordRows = new Map<number, Float32Array>();
    const hashedRows: number[] = [];
    const kindRows: Array<Array<[number, Float32Array]>> = Array.from({ length: KINDS }, () => []);
    const unigramRows = new Map<number, Float32Array>();
    const bigramRows = new Map<number, Float32Array>();
    for (const r of kept) {
      const weightsOfRow = model.w.subarray(r * T, r * T + T);
      const uni = unigramOf.get(keys[r]);
      const bi = bigramOf.get(keys[r]);
      const word = wordOf.get(keys[r]);
      const copy = kindFeature.get(keys[r]);
      if (copy) {
        kindRows[copy[1]].push([copy[0], model.w.slice(r * T, r * T + T)]);
      } else if (word) {
        const block = wordRows.get(word[1]) ?? wordRows.set(word[1], new Float32Array(WORD_WIDTH * T)).get(word[1])!;
        block.set(weightsOfRow, word[0] * T);
      } else if (uni) {
        const block = unigramRows.get(uni[1]) ?? unigramRows.set(uni[1], new Float32Array(UNIGRAM_OFFSETS.length * T)).get(uni[1])!;
        block.set(weightsOfRow, uni[0] * T);
      } else if (bi) {
        const block = bigramRows.get(bi[1]) ?? bigramRows.set(bi[1], new Float32Array(BIGRAM_OFFSETS.length * T)).get(bi[1])!;
        block.set(weightsOfRow, bi[0] * T);
      } else {
        hashedRows.push(r);
      }
    }
    function section(entries: Array<[number, Float32Array]>, width: number): FloatSection {
      entries.sort((a, b) => a[0] - b[0]);
      const weightsOut = new Float32Array(entries.length * width * T);
      entries.forEach(([, w], k) => weightsOut.set(w, k * width * T));
      return { keys: Uint32Array.from(entries, ([key]) => key), weights: weightsOut, width };
    }
    const bytes = encodeTaggerModel(T, model.trans, [
      section(hashedRows.map((r) => [keys[r], model.w.slice(r * T, r * T + T)]), 1),
      section([...unigramRows], UNIGRAM_OFFSETS.length),
      section([...bigramRows], BIGRAM_OFFSETS.length),
      section([...wordRows], WORD_WIDTH),
    ], kindCopies ? kindRows.map((entries) => section(entries, 1)) : []);
    log(`${hashedRows.length} hashed features, ${unigramRows.size} characters, ${bigramRows.size} character pairs, ${wordRows.size} words, ${kindRows.map((k) => k.length).join('/')} copies per kind`);
    if (tune.length) {
      // Score the held-out part again with the model as shipped (fewer features, 8-bit weights),
      // read back from the bytes through the features' hashes.
      const shipped = decodeTaggerModel(bytes);
      const w2 = new Float32Array(rows * T);
      const index = new Map<number, number>();
      keys.forEach((h, r) => index.set(h, r));
      const put = (hash: number, from: Int8Array, at: number) => {
        const r = index.get(hash);
        if (r !== undefined) for (let t = 0; t < T; t++) w2[r * T + t] = from[at + t] * shipped.scale;
      };
      shipped.hashed.keys.forEach((h, k) => put(h, shipped.hashed.weights, k * T));
      shipped.unigrams.keys.forEach((code, k) => UNIGRAM_OFFSETS.forEach((_, u) => put(unigramHash(u, code), shipped.unigrams.weights, (k * UNIGRAM_OFFSETS.length + u) * T)));
      shipped.bigrams.keys.forEach((pair, k) => BIGRAM_OFFSETS.forEach((_, b) => put(bigramHash(b, pair >>> 16, pair & 0xffff), shipped.bigrams.weights, (k * BIGRAM_OFFSETS.length + b) * T)));
      shipped.kinds.forEach((section, kind) => section.keys.forEach((h, k) => put(domainHash(kind, h), section.weights, k * T)));
      shipped.words.keys.forEach((word, k) => {
        for (let role = 0; role < WORD_ROLES; role++) {
          for (let position = 0; position < WORD_POSITIONS; position++) {
            put(wordFeatureHash(role, word, position), shipped.words.weights, (k * WORD_WIDTH + role * WORD_POSITIONS + position) * T);
          }
        }
      });
      // The tag trigrams (--order 2) are not in the file: they are scored as trained, in float.
      const by = score(tune, { w: w2, trans: shipped.transition, trans2: model.trans2 });
      for (const [corpus, t] of by) log(`  as shipped, held out ${corpus.padEnd(8)} ${f1(t)}`);
    }
    writeFileSync(target, bytes);
    log(`wrote ${target}: ${bytes.length} bytes`);
  }
}
if (reportTemplates) {
  const total = new Float64Array(2 * FEATURES_PER_CHAR), count = new Int32Array(2 * FEATURES_PER_CHAR);
  keys.forEach((h, r) => {
    const slot = templateOf.get(h);
    if (slot === undefined) return;
    count[slot]++;
    for (let t = 0; t < T; t++) total[slot] += Math.abs(sum.w[r * T + t]);
  });
  const all = total.reduce((a, b) => a + b, 0);
  const lines = [...total.keys()].filter((s) => count[s]).sort((a, b) => total[b] - total[a]);
  for (const s of lines) log(`template ${(s < FEATURES_PER_CHAR ? TEMPLATE_NAMES[s] : `${TEMPLATE_NAMES[s - FEATURES_PER_CHAR]} per kind`).padEnd(14)} ${String(count[s]).padStart(8)} features, ${(100 * total[s] / all).toFixed(2).padStart(6)} % of the absolute weight`);
}
writeModel(sum, out);
const cpu = process.cpuUsage();
log(`done: ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s of CPU`);
