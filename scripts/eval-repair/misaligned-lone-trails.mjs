// How a lone ASCII letter or symbol between Chinese characters weighs as a misaligned GBK trail
// (loneTrails.ts: a character lost its lead byte and its trail 0x41–0x7E shows as ASCII) against
// the character as written, with no gate: on the repair evaluation's misaligned-GBK cases (the
// tuning part unless told; the characters the garbling made, by aligning each case with its
// original) and on clean text (the same part's documents as written and folded, and the precision
// corpus's tune split, and the NER corpora's training text). For each kind (lower-case, capital, symbol) it prints the bigrams' gain and
// the gain with the word model, and how many of each side pass a pair of gates, so that the gates
// (loneTrails.ts, LOWER / CAPITAL / SYMBOL) are set above the clean letters.
//
//   node scripts/eval-repair/misaligned-lone-trails.mjs [--split tuning] [--precision /work/data/precision] [--top 15]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { alignChars } from './alignChars.mjs';
import { arg, cleanTexts, decodedMisalignedCases, nerTraining } from './markCases.mjs';

const split = arg('--split', 'tuning');
const precision = arg('--precision', '/work/data/precision');
const top = Number(arg('--top', '15'));
/** The NER corpora's training splits, more clean text of training splits (none for `--ner ''`). */
const ner = arg('--ner', '/work/data/ner');

const core = await requireBundle(join('out', 'misaligned-lone-trails', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { weighLoneTrail } from './src/core/garble/misaligned/loneTrails';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();

/** Every lone trail-shaped character of `v` between Chinese characters, weighed. */
function trails(v) {
  const out = [];
  for (let i = 1; i + 1 < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x41 || c > 0x7e) continue;
    const w = core.weighLoneTrail(v, i, table, lm);
    if (w) out.push({ at: i, ...w, context: v.slice(Math.max(0, i - 6), i + 7) });
  }
  return out;
}

const docs = loadDocuments().filter((d) => d.split === split);
const made = [];
for (const { g, o, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length) continue;
  const found = trails(g);
  if (found.length === 0) continue;
  // Made by the garbling: aligned with no character of the original, or with another one.
  const { x, y, ops } = alignChars(o, g);
  const madeHere = new Set();
  for (const [i, j] of ops) if (j >= 0 && (i < 0 || x[i] !== y[j])) madeHere.add(j);
  for (const m of found) if (madeHere.has(m.at)) made.push({ ...m, where });
}
const clean = [];
for (const [text, where] of [...cleanTexts(docs, precision), ...(ner ? nerTraining(ner) : [])]) for (const m of trails(text)) clean.push({ ...m, where });

const key = (m) => Math.max(m.gain, m.withWords);
const show = (title, list) => {
  list.sort((a, b) => key(b) - key(a));
  console.log(`\n${title}: ${list.length} (shape rules pass ${list.filter((m) => m.shapeOk).length})`);
  console.log('  bigrams  words  shape');
  for (const m of list.slice(0, top)) console.log(`  ${m.gain.toFixed(2).padStart(7)}  ${m.withWords.toFixed(2).padStart(5)}  ${m.shapeOk ? 'ok' : '--'}  ${JSON.stringify(m.context)}  ${m.where}`);
};
console.log(`lone trails, ${split} part`);
for (const kind of ['lower', 'capital', 'symbol']) {
  const mk = made.filter((m) => m.kind === kind);
  const cl = clean.filter((m) => m.kind === kind);
  show(`${kind}: made by the garbling`, mk);
  show(`${kind}: in clean text`, cl);
  // As loneTrails gates: the bigrams' gain reaches `floor`, then either `bigrams` or, with the words, `words`.
  console.log(`\n ${kind}: gate (floor / bigrams / words)  made  clean   (shape rules applied)`);
  const pass = (list, f, b, w) => list.filter((m) => m.shapeOk && m.gain >= f && (m.gain >= b || m.withWords >= w)).length;
  for (const f of [0, 2, 4, 6, 8]) {
    for (const [b, w] of [[8, 10], [10, 10], [10, 11], [10, 12], [10, 13], [10, Infinity], [Infinity, 11]]) {
      if (f > b) continue;
      console.log(`  ${String(f).padStart(3)} / ${String(b).padStart(8)} / ${String(w).padEnd(8)}  ${String(pass(mk, f, b, w)).padStart(4)}  ${String(pass(cl, f, b, w)).padStart(5)}`);
    }
  }
  const byWords = cl.filter((m) => m.shapeOk).sort((a, b) => b.withWords - a.withWords).slice(0, 5);
  console.log(`  clean, shape rules passed, most gain with the words: ${byWords.map((m) => `${m.withWords.toFixed(2)} ${JSON.stringify(m.context)}`).join('; ')}`);
}
