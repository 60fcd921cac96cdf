// How a lone `?` between Chinese characters weighs as a character lost there (loneMarks.ts) against
// the mark as written, with no gate: on the repair evaluation's misaligned-GBK cases (the tuning
// part unless told; the marks the garbling made, told by aligning each case with its original), and
// on clean text: the same part's documents as written and with their fullwidth forms folded to ASCII
// (as 30 % of the misaligned cases are), and the precision corpus's tune split (its files garbled
// in their source left out). For each side it prints the gains, so that the gate (loneMarks.ts,
// MIN_GAIN) can be set above every clean mark.
//
//   node scripts/eval-repair/misaligned-marks.mjs [--split tuning] [--precision /work/data/precision] [--top 12]
import { loadDocuments } from './corpus.mjs';
import { cleanTexts, decodedMisalignedCases, markCore, marksMade } from './markCases.mjs';
import { partArgs } from './misalignedScripts.mjs';

const { split, precision, top } = partArgs(12);

const { core, table, lm } = await markCore('misaligned-marks');

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

const lost = [];
const folded = [];
for (const { g, o, where } of decodedMisalignedCases(docs)) {
  if (g === o) continue;
  const found = marks(g);
  if (found.length === 0) continue;
  // A mark the garbling made: aligned with no `?` of the original.
  const made = marksMade(o, g, '?');
  if (!made) continue;
  for (const m of found) (made.has(m.at) ? lost : folded).push({ ...m, where });
}

// ---- clean text ----
const clean = [];
for (const [text, where] of cleanTexts(docs, precision)) for (const m of marks(text)) clean.push({ ...m, where });

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
