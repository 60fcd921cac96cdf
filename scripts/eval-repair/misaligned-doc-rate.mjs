// The document's own rate of runs as the channel's prior (misaligned/documentRate.ts), measured:
// on the repair evaluation's misaligned-GBK cases (the tuning part unless told) and on clean text
// (the same part's documents as written and folded, the precision corpus's tune split, and with
// --ner the NER corpora's training text), the bonus each text gets from its first pass's confident
// runs, and every lone trail (loneTrails.ts) and lone `?` (loneMarks.ts) between Chinese weighed
// with no gate: those the garbling made (by aligning each case with its original) and the rest
// (clean characters of the same texts), with how far below its gate each stands. A lone character
// whose shortfall is at most a text's bonus passes in the second pass. Then, per setting of
// documentRate.ts's RATE_TUNING (base rate / most bonus; tried through the probe's rateTuning), the runs found in the garbled texts that
// cover a character the garbling changed and those that read only characters it left alone.
//
//   node scripts/eval-repair/misaligned-doc-rate.mjs [--split tuning] [--ner /work/data/ner] [--top 20] [--sweep]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { alignChars } from './alignChars.mjs';
import { changedMask, cleanTexts, decodedMisalignedCases, nerTraining } from './markCases.mjs';
import { partArgs } from './misalignedScripts.mjs';

const { split, precision, ner, top } = partArgs(20);
const sweep = process.argv.includes('--sweep');

const core = await requireBundle(join('out', 'misaligned-doc-rate', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { findMisalignedGbk } from './src/core/garble/misalignedGbk';
    export { weighLoneTrail } from './src/core/garble/misaligned/loneTrails';
    export { loneMark } from './src/core/garble/misaligned/loneMarks';
    export { observeSearch } from './src/core/garble/misaligned/probes';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();

// The gates as loneTrails.ts and loneMarks.ts set them (kept in step by hand).
const GATES = { lower: { bigrams: 8, floor: 6, words: 10 }, capital: { bigrams: 10, floor: Infinity, words: Infinity }, symbol: { bigrams: Infinity, floor: 8, words: 13 }, mark: { bigrams: 8, floor: Infinity, words: Infinity } };

/** How many nats a lone character lacks to pass its gates (0 or less: it passes with no bonus). */
function shortfall(kind, gain, withWords) {
  const g = GATES[kind];
  const byBigrams = g.bigrams - gain;
  const byWords = Math.max(g.floor - gain, g.words - withWords);
  return Math.min(byBigrams, byWords);
}

/** Every lone trail and lone `?` of `v` between Chinese, weighed with no gate. */
function lones(v) {
  const out = [];
  for (let i = 1; i + 1 < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x3f) {
      const m = core.loneMark(v, i, table, lm, -Infinity);
      if (m) out.push({ at: i, kind: 'mark', short: 8 - m.gain, context: v.slice(Math.max(0, i - 5), i + 6) });
    } else if ((c >= 0x41 && c <= 0x7e) || c === 0x20ac) {
      const w = core.weighLoneTrail(v, i, table, lm);
      if (w && w.shapeOk) out.push({ at: i, kind: w.kind, short: shortfall(w.kind, w.gain, w.withWords), context: v.slice(Math.max(0, i - 5), i + 6) });
    }
  }
  return out;
}

function bonusOf(v) {
  let seen;
  core.observeSearch({ rate: (confident, length, bonus) => (seen = { confident, length, bonus }) }, () => core.findMisalignedGbk(v));
  return seen ?? { confident: 0, length: v.length, bonus: 0 };
}

const docs = loadDocuments().filter((d) => d.split === split);
const made = [];
const other = [];
const rates = { doc: [], paragraph: [] };
const garbled = [];
for (const { g, o, c, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length) continue;
  garbled.push({ g, o, c, where });
  const b = bonusOf(g);
  rates[c.scope].push(b);
  const found = lones(g);
  const { x, y, ops } = alignChars(o, g);
  const madeHere = new Set();
  for (const [i, j] of ops) if (j >= 0 && (i < 0 || x[i] !== y[j])) madeHere.add(j);
  for (const m of found) (madeHere.has(m.at) ? made : other).push({ ...m, bonus: b.bonus, where });
}
const clean = [];
let cleanTexts_ = 0;
for (const [text, where] of [...cleanTexts(docs, precision), ...(ner ? nerTraining(ner) : [])]) {
  cleanTexts_++;
  const b = bonusOf(text);
  if (b.bonus > 0) for (const m of lones(text)) clean.push({ ...m, bonus: b.bonus, where: `${where} (${b.confident} confident runs, ${b.length} characters)` });
}

console.log(`the document's rate of runs as prior, ${split} part`);
for (const [scope, list] of Object.entries(rates)) {
  const withBonus = list.filter((b) => b.bonus > 0);
  const mean = withBonus.reduce((s, b) => s + b.bonus, 0) / Math.max(1, withBonus.length);
  console.log(`${scope}: ${withBonus.length} of ${list.length} texts get a bonus (mean ${mean.toFixed(2)} nats); confident runs per 1,000 characters, median ${median(list.map((b) => (1000 * b.confident) / b.length)).toFixed(2)}`);
}
console.log(`clean texts: ${cleanTexts_}, of which ${new Set(clean.map((m) => m.where)).size} get a bonus`);
const passes = (list) => list.filter((m) => m.short > 0 && m.short <= m.bonus);
for (const kind of ['lower', 'capital', 'symbol', 'mark']) {
  const mk = made.filter((m) => m.kind === kind);
  const ot = other.filter((m) => m.kind === kind);
  const cl = clean.filter((m) => m.kind === kind);
  console.log(`\n${kind}: made ${mk.length} (pass at no bonus ${mk.filter((m) => m.short <= 0).length}, pass at the text's bonus ${passes(mk).length}); clean characters of garbled texts ${ot.length} (${ot.filter((m) => m.short <= 0).length}, ${passes(ot).length}); clean texts with a bonus ${cl.length} (${cl.filter((m) => m.short <= 0).length}, ${passes(cl).length})`);
  for (const [title, list] of [['made', mk], ['clean in garbled texts', ot], ['clean texts', cl]]) {
    const near = list.filter((m) => m.short > 0 && m.bonus > 0).sort((a, b) => a.short - b.short).slice(0, top);
    if (near.length) console.log(`  ${title}, nearest their gate (shortfall / bonus):\n${near.map((m) => `    ${m.short.toFixed(2).padStart(6)} / ${m.bonus.toFixed(2)}  ${JSON.stringify(m.context)}  ${m.where}`).join('\n')}`);
  }
}

if (sweep) {
  console.log('\nruns found per setting (base rate / most bonus): on changed characters, on unchanged ones only (scope doc | paragraph)');
  for (const [baseRate, maxBonus] of [[1, 0], [1, 4], [0.5, 4], [0.25, 4], [0.25, 6], [0.1, 6]]) {
    const n = { doc: [0, 0], paragraph: [0, 0] };
    const clean = [];
    for (const { g, o, c, where } of garbled) {
      const mask = changedMask(o, g);
      for (const i of core.observeSearch({ rateTuning: { baseRate, maxBonus } }, () => core.findMisalignedGbk(g))) {
        let changed = false;
        for (let k = i.start; k < i.end && !changed; k++) changed = mask[k] === 1;
        n[c.scope][changed ? 0 : 1]++;
        if (!changed && maxBonus > 0) clean.push(`${JSON.stringify(g.slice(Math.max(0, i.start - 4), i.end + 4))} ${where}`);
      }
    }
    console.log(`  ${baseRate} / ${maxBonus}: ${n.doc.join(', ')} | ${n.paragraph.join(', ')}`);
    if (clean.length) console.log(`    on unchanged characters: ${clean.slice(0, top).join('; ')}`);
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
}
