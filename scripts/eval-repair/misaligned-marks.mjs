// How a lone `?` between Chinese characters weighs as a character lost there (loneMarks.ts) against
// the mark as written, with no gate: on the repair evaluation's misaligned-GBK cases (the tuning
// part unless told; the marks the garbling made, told by aligning each case with its original), and
// on clean text: the same part's documents as written and with their fullwidth forms folded to ASCII
// (as 30 % of the misaligned cases are), and the precision corpus's tune split (its files garbled
// in their source left out). For each side it prints the gains, so that the gate (loneMarks.ts,
// MIN_GAIN) can be set above every clean mark.
//
//   node scripts/eval-repair/misaligned-marks.mjs [--split tuning] [--precision /work/data/precision] [--top 12]
import { requireBundle } from '../nodeBundle.mjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocuments } from './corpus.mjs';
import { alignChars } from './alignChars.mjs';
import { foldFullwidth, misalignedCase, PythonBatch, rng } from './garble.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const split = arg('--split', 'tuning');
const precision = arg('--precision', '/work/data/precision');
const top = Number(arg('--top', '12'));

const core = await requireBundle(join('out', 'misaligned-marks', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { loneMark } from './src/core/garble/misaligned/loneMarks';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();

/** Every `?` of `v` that loneMarks weighs, with its gain. */
function marks(v) {
  const out = [];
  for (let i = v.indexOf('?', 1); i >= 0; i = v.indexOf('?', i + 1)) {
    const c = core.loneMark(v, i, table, lm, -Infinity);
    if (c) out.push({ at: i, gain: c.gain, context: v.slice(Math.max(0, i - 6), i + 7) });
  }
  return out;
}

// ---- the misaligned cases, made as scripts/eval-repair.mjs makes them ----
const docs = loadDocuments().filter((d) => d.split === split);
const cases = [];
const python = new PythonBatch();
for (const doc of docs) {
  const r = (kind) => rng(`${doc.id}\u0000${kind}`);
  for (const scope of ['doc', 'paragraph']) {
    const kind = `misaligned-gbk ${scope}`;
    const m = misalignedCase(doc, scope, r(kind), python);
    if (m) cases.push({ scope, doc, ...m });
  }
}
const decoded = python.run();

const lost = [];
const folded = [];
for (const c of cases) {
  let g = c.garbled.replace(/\u0000(\d+)\u0000/g, (_, k) => decoded[c.pending[Number(k)]]);
  let o = c.doc.text;
  if (c.fold) [g, o] = [foldFullwidth(g), foldFullwidth(o)];
  if (g === o) continue;
  const found = marks(g);
  if (found.length === 0) continue;
  // A mark the garbling made: aligned with no `?` of the original. Code units here are code
  // points (marks() works on code units, the alignment on code points): fine for BMP text.
  const { x, y, ops } = alignChars(o, g);
  const made = new Set();
  for (const [i, j] of ops) if (j >= 0 && y[j] === '?' && (i < 0 || x[i] !== '?')) made.add(j);
  const astral = [...g].length !== g.length;
  for (const m of found) {
    if (astral) continue;
    (made.has(m.at) ? lost : folded).push({ ...m, where: `${c.scope} ${c.doc.id}${c.fold ? ' folded' : ''}` });
  }
}

// ---- clean text ----
const clean = [];
for (const doc of docs) {
  for (const m of marks(doc.text)) clean.push({ ...m, where: `tuning ${doc.id}` });
  const f = foldFullwidth(doc.text);
  if (f !== doc.text) for (const m of marks(f)) clean.push({ ...m, where: `tuning ${doc.id} folded` });
}
const manifest = [];
for (const name of ['manifest-debian.json', 'manifest-repos.json', 'manifest-texts.json', 'manifest-extra.json']) {
  const p = join(precision, name);
  if (existsSync(p)) manifest.push(...JSON.parse(readFileSync(p, 'utf8')));
}
const garbledInSource = new Set(JSON.parse(readFileSync(new URL('../precision-garbled-in-source.json', import.meta.url), 'utf8')).files.map((f) => f.path));
for (const e of manifest.filter((e) => e.split === 'tune' && !garbledInSource.has(e.path))) {
  for (const m of marks(readFileSync(join(precision, e.path), 'utf8'))) clean.push({ ...m, where: `precision ${e.path}` });
}

const show = (title, list) => {
  list.sort((a, b) => b.gain - a.gain);
  console.log(`\n${title}: ${list.length}`);
  for (const m of list.slice(0, top)) console.log(`  ${m.gain.toFixed(2).padStart(7)}  ${JSON.stringify(m.context)}  ${m.where}`);
};
const above = (list, g) => list.filter((m) => m.gain >= g).length;
console.log(`lone marks, ${split} part`);
show('marks the garbling made', lost);
show('marks in clean text (documents, folded documents, precision tune split)', clean);
show('clean marks in the garbled cases (text the garbling did not reach)', folded);
console.log('\ngate  made  clean  clean-in-garbled');
for (const g of [4, 5, 6, 7, 8, 9, 10]) console.log(`${String(g).padStart(4)}  ${String(above(lost, g)).padStart(4)}  ${String(above(clean, g)).padStart(5)}  ${String(above(folded, g)).padStart(5)}`);
