/**
 * Trains the second stage over the tagger's spans (scripts/orgs/spanChoice.ts) for
 * news: a logistic model of whether a candidate span is a name, over the candidates the tagger
 * gives on the news training splits (MSRA and CLUENER) read by models that were not trained on
 * them (cross-fitted: `node scripts/train-org-tagger.mjs --cv msra,cluener:2 --cv-out DIR`, each
 * fold model trained without its fold, with the names its fold may read beside it). Writes
 * orgSpans.json (beside the fold models unless --out), which `npm run eval:orgs -- --model FILE`
 * reads from beside FILE; none ships (docs/annotate-data.md: A second stage over spans).
 *
 *   node scripts/train-org-spans.mjs --folds DIR [--cv-blocks] [--holdout 0.1] [--reach 200] [--max-length 20]
 *     [--epochs 12] [--l2 1e-5] [--min-count 3] [--threshold T] [--drop first=,last=] [--corpora msra] [--out FILE]
 *
 * With --holdout, the last part of each training split is left out, as train.ts leaves it (the
 * fold models must have been trained with the same --holdout); it is scored by `npm run eval:orgs
 * -- --split holdout --model FILE` with the JSON beside the held-out model.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPORA, readSplit } from './corpora';
import { rng } from './seededRandom';
import { foldToSimplified } from '../../src/core/annotate/scriptFold';
import { useTrainedNames } from '../../src/core/annotate/tagger/features';
import { useTaggerModel } from '../../src/core/annotate/tagger/orgTagger';
import { chooseSpans, spanCandidatesOf, type Candidate, useSpanModel } from './spanChoice';
import { CharTrie } from '../../src/core/annotate/trie';

const args = process.argv.slice(2);
const option = (flag: string, fallback: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const foldsDir = option('--folds', '');
if (!foldsDir) throw new Error('--folds DIR: the fold models of train-org-tagger --cv msra,cluener:K --cv-out DIR');
const holdout = Number(option('--holdout', '0'));
const reach = Number(option('--reach', '200'));
const maxLength = Number(option('--max-length', '20'));
const epochs = Number(option('--epochs', '12'));
const l2 = Number(option('--l2', '1e-5'));
const minCount = Number(option('--min-count', '3'));
const out = option('--out', join(foldsDir, 'orgSpans.json'));
/** --limit N: the first N sentences of each fold of each corpus only (a quick look). */
const limit = Number(option('--limit', '0')) || Infinity;
/** --threshold T: choose spans whose score is above T instead of the threshold of the best cross-validated MSRA F1. */
const fixedShift = args.includes('--threshold') ? Number(option('--threshold', '0')) : undefined;
/** --drop first=,last=: leave out the features starting so. */
const dropped = option('--drop', '').split(',').filter(Boolean);
/** --cv-blocks: the fold models were trained with train-org-tagger --cv-blocks (folds of sentences in a row). */
const cvBlocks = args.includes('--cv-blocks');
/** --corpora msra: train on those news corpora's candidates only. */
const onlyCorpora = args.includes('--corpora') ? option('--corpora', '').split(',') : undefined;
const FOLDS_OF_TEN = 10;

const started = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

interface Piece { corpus: string; fold: number; candidates: Candidate[]; labels: Uint8Array; gold: number }
const examples: Piece[] = [];
const folds = readdirFolds(foldsDir);
useSpanModel(null);
for (let k = 0; k < folds.length; k++) {
  useTaggerModel(readFileSync(join(folds[k], 'orgTagger.bin')));
  useTrainedNames(new CharTrie(readFileSync(join(folds[k], 'orgTaggerNames.txt'), 'utf8').split('\n').filter(Boolean), true));
  for (const corpus of CORPORA.filter((c) => c.kind === 'news' && (!onlyCorpora || onlyCorpora.includes(c.name)))) {
    const sentences = readSplit(corpus, 'train');
    if (!sentences) throw new Error(`${corpus.name}: training split missing`);
    const cut = Math.round(sentences.length * (1 - holdout));
    let count = 0;
    for (let i = 0; i < cut; i++) {
      const fold = cvBlocks ? Math.min(folds.length - 1, Math.floor((i * folds.length) / cut)) : (i % FOLDS_OF_TEN) % folds.length;
      if (fold !== k) continue;
      if (count >= limit) break;
      const s = sentences[i];
      const gold = new Set(s.entities.filter((e) => e.label === 'ORG').map((e) => `${e.start}:${e.end}`));
      const candidates = spanCandidatesOf(foldToSimplified(s.text), 'news', reach, maxLength);
      examples.push({ corpus: corpus.name, fold: k, candidates, labels: Uint8Array.from(candidates, (c) => (gold.has(`${c.a}:${c.b}`) ? 1 : 0)), gold: gold.size });
      count++;
    }
    log(`fold ${k + 1}: ${corpus.name} ${count} sentences`);
  }
}

function readdirFolds(dir: string): string[] {
  const out: string[] = [];
  for (let k = 1; ; k++) {
    const d = join(dir, `fold${k}`);
    try {
      readFileSync(join(d, 'orgTagger.bin'), { flag: 'r' });
    } catch {
      break;
    }
    out.push(d);
  }
  if (!out.length) throw new Error(`${dir}: no fold1/orgTagger.bin`);
  return out;
}

// Features seen at least minCount times.
const counts = new Map<string, number>();
let candidateCount = 0, positives = 0, goldTotal = 0;
for (const ex of examples) {
  goldTotal += ex.gold;
  for (let j = 0; j < ex.candidates.length; j++) {
    candidateCount++;
    positives += ex.labels[j];
    for (const f of ex.candidates[j].features) if (!dropped.some((d) => f.startsWith(d))) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
}
const names = ['bias', ...[...counts].filter(([, c]) => c >= minCount).map(([f]) => f).sort()];
const index = new Map(names.map((f, k) => [f, k]));
log(`${candidateCount} candidates, ${positives} of them names (${((100 * positives) / goldTotal).toFixed(1)} % of ${goldTotal} gold names reachable), ${names.length} features`);
const featureRows = examples.map((ex) => ex.candidates.map((c) => Int32Array.from([0, ...c.features.map((f) => index.get(f) ?? -1).filter((x) => x >= 0)])));

/** Logistic regression by AdaGrad (seeded shuffles) over the candidates of `part`. */
function trainLogistic(part: number[]): Float64Array {
  const rows: Array<[Int32Array, number]> = [];
  for (const e of part) featureRows[e].forEach((features, j) => rows.push([features, examples[e].labels[j]]));
  const w = new Float64Array(names.length);
  const g2 = new Float64Array(names.length).fill(1e-8);
  const random = rng(23);
  const order = rows.map((_, k) => k);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const [features, label] = rows[k];
      let z = 0;
      for (const f of features) z += w[f];
      const g = 1 / (1 + Math.exp(-z)) - label;
      for (const f of features) {
        const grad = g + l2 * w[f];
        g2[f] += grad * grad;
        w[f] -= (0.1 * grad) / Math.sqrt(g2[f]);
      }
    }
  }
  return w;
}

type Tally = { tp: number; found: number; gold: number };
const f1Of = (t: Tally) => {
  const p = t.found ? t.tp / t.found : 0, r = t.gold ? t.tp / t.gold : 0;
  return p + r ? (200 * p * r) / (p + r) : 0;
};
const show = (t: Tally) => `P ${(100 * t.tp / Math.max(1, t.found)).toFixed(1)} R ${(100 * t.tp / Math.max(1, t.gold)).toFixed(1)} F1 ${f1Of(t).toFixed(1)}`;
/** By corpus: the best reading's spans, and the chosen ones with the weights w less `shift`. */
function score(part: number[], w: Float64Array | undefined, shift: number): Map<string, Tally> {
  const by = new Map<string, Tally>();
  for (const e of part) {
    const ex = examples[e];
    const t = by.get(ex.corpus) ?? by.set(ex.corpus, { tp: 0, found: 0, gold: 0 }).get(ex.corpus)!;
    t.gold += ex.gold;
    ex.candidates.forEach((c, j) => {
      let z = -shift;
      if (w) for (const f of featureRows[e][j]) z += w[f];
      c.score = w ? z : c.best ? 1 : -1;
    });
    const n = Math.max(0, ...ex.candidates.map((c) => c.b));
    const chosen = new Set(chooseSpans(ex.candidates, n));
    ex.candidates.forEach((c, j) => {
      if (!chosen.has(c)) return;
      t.found++;
      t.tp += ex.labels[j];
    });
  }
  return by;
}

// The stage's own cross-validation: weights trained on one fold's candidates, scored on the other's.
const SHIFTS = [-1.5, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5];
const byFold = Array.from({ length: folds.length }, (_, k) => examples.map((ex, e) => (ex.fold === k ? e : -1)).filter((e) => e >= 0));
const cvTotals = new Map<number, Map<string, Tally>>();
const tagger = new Map<string, Tally>();
for (let k = 0; k < folds.length; k++) {
  const w = trainLogistic(byFold.filter((_, j) => j !== k).flat());
  const add = (into: Map<string, Tally>, from: Map<string, Tally>) => {
    for (const [c, t] of from) {
      const o = into.get(c) ?? into.set(c, { tp: 0, found: 0, gold: 0 }).get(c)!;
      o.tp += t.tp; o.found += t.found; o.gold += t.gold;
    }
  };
  add(tagger, score(byFold[k], undefined, 0));
  for (const shift of SHIFTS) add(cvTotals.get(shift) ?? cvTotals.set(shift, new Map()).get(shift)!, score(byFold[k], w, shift));
}
for (const [corpus, t] of tagger) log(`cross-validated, the tagger's best reading: ${corpus} ${show(t)}`);
let chosenShift = 0, chosenF1 = -1;
for (const [shift, by] of cvTotals) {
  const all: Tally = { tp: 0, found: 0, gold: 0 };
  for (const t of by.values()) { all.tp += t.tp; all.found += t.found; all.gold += t.gold; }
  log(`cross-validated, second stage, threshold ${shift}: ${[...by].map(([c, t]) => `${c} ${show(t)}`).join(', ')}; both ${f1Of(all).toFixed(2)}`);
  const news = by.get('msra')!;
  if (f1Of(news) > chosenF1) { chosenF1 = f1Of(news); chosenShift = shift; }
}
const shift = fixedShift ?? chosenShift;
log(`threshold ${shift}${fixedShift === undefined ? ' (best cross-validated MSRA F1)' : ''}`);

const w = trainLogistic(examples.map((_, e) => e));
w[0] -= shift;
for (const [corpus, t] of score(examples.map((_, e) => e), w, 0)) log(`trained on all, its own training data: ${corpus} ${show(t)}`);
const weights = new Map<string, number>();
names.forEach((f, k) => {
  if (Math.abs(w[k]) >= 0.005) weights.set(f, Math.round(w[k] * 1000) / 1000);
});
// One weight a line, sorted, so that a model trained anew reads as a diff.
const lines = [...weights].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([f, v]) => `${JSON.stringify(f)}: ${v}`);
const description = 'Second stage over the organization tagger\'s spans for news (scripts/orgs/spanChoice.ts), trained by scripts/orgs/spans.ts on cross-fitted readings of the MSRA and CLUENER training splits (docs/annotate-data.md).';
writeFileSync(out, `{"description": ${JSON.stringify(description)},\n"reach": ${reach},\n"maxLength": ${maxLength},\n"weights": {\n${lines.join(',\n')}\n}}\n`);
log(`wrote ${out}: ${weights.size} weights`);
