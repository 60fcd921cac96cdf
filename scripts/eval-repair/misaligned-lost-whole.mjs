// A character lost whole with nothing shown (`一生产素的` for 一生产要素的: 要 = D2 AA, the lead D2
// lost, AA met in lead position with 素's lead CB is a pair Python's `gbk` has no character for,
// and errors='ignore' drops it; the decoder is back in step at CB), weighed as the channel made it,
// with no gate: ln Σ over the characters whose trail makes such a gap with the next lead (the
// characters a lone `?` can stand for, loneMarks.ts lostBefore) of P(bigrams around it), against the two
// characters meeting as shown, with a lost byte's price (-6). Since Σ_X P(X|a) P(b|X) <= 1, the
// gain is at most -ln P(b|a) - 6: only junctions the character model finds unlikely can gain
// much. On the repair evaluation's misaligned-GBK cases (tuning part unless told: every lone
// deletion between two Chinese characters the garbling made, by aligning each case with its
// original) and on clean text (the same part's documents as written and folded, the precision
// corpus's tune split, and with --ner the NER corpora's training text: every junction of two
// Chinese characters). Prints each side's best and how many pass per bar.
//
//   node scripts/eval-repair/misaligned-lost-whole.mjs [--split tuning] [--ner /work/data/ner] [--top 15]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { alignChars } from './alignChars.mjs';
import { arg, cleanTexts, decodedMisalignedCases, nerTraining } from './markCases.mjs';

const split = arg('--split', 'tuning');
const precision = arg('--precision', '/work/data/precision');
const ner = arg('--ner', '');
const top = Number(arg('--top', '15'));
const LOST_BYTE_LOG_PRIOR = -6;
/** Junctions whose bound stays below this are not weighed (their gain is lower still). */
const FLOOR = 2;

const core = await requireBundle(join('out', 'misaligned-lost-whole', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { isChinese, lostBefore } from './src/core/garble/misaligned/loneMarks';
    export { logSumExp } from './src/core/model/logSumExp';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();

/** Per lead byte of the next character, the characters lost whole before it (lostBefore's). */
const byLead = new Map();

/** The gain of a character lost whole between `a` and `b` (undefined where none can be, or below FLOOR by the bound). */
function weigh(a, b) {
  const code = table.codeOf(b.charCodeAt(0));
  if (code < 0x100) return undefined;
  const shown = lm.bigram(a, b);
  if (-shown + LOST_BYTE_LOG_PRIOR < FLOOR) return { gain: -shown + LOST_BYTE_LOG_PRIOR, bound: true };
  let options = byLead.get(code >> 8);
  if (!options) byLead.set(code >> 8, (options = core.lostBefore(code >> 8, table, lm).map(([, ch]) => ch)));
  if (options.length === 0) return undefined;
  let best = '';
  let bestScore = -Infinity;
  const scores = options.map((ch) => {
    const s = lm.bigram(a, ch) + lm.bigram(ch, b);
    if (s > bestScore) [best, bestScore] = [ch, s];
    return s;
  });
  return { gain: core.logSumExp(scores) - shown + LOST_BYTE_LOG_PRIOR, best };
}

const chinese = (s) => s !== undefined && s.length === 1 && core.isChinese(s.charCodeAt(0));

// ---- the garbling's lone deletions ----
const made = [];
const docs = loadDocuments().filter((d) => d.split === split);
for (const { g, o, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length) continue;
  const { x, y, ops } = alignChars(o, g);
  for (let k = 1; k + 1 < ops.length; k++) {
    const [i, j] = ops[k];
    if (j !== -1) continue;
    const [pi, pj] = ops[k - 1];
    const [ni, nj] = ops[k + 1];
    // One character deleted between two kept unchanged.
    if (pj < 0 || nj < 0 || x[pi] !== y[pj] || x[ni] !== y[nj]) continue;
    if (!chinese(y[pj]) || !chinese(y[nj])) continue;
    const w = weigh(y[pj], y[nj]);
    if (!w) continue;
    made.push({ ...w, lost: x[i], context: g.slice(Math.max(0, pj - 4), nj + 5), where });
  }
}

// ---- clean junctions ----
const clean = [];
let junctions = 0;
const texts = [...cleanTexts(docs, precision), ...(ner ? nerTraining(ner) : [])];
for (const [text, where] of texts) {
  for (let i = 0; i + 1 < text.length; i++) {
    if (!core.isChinese(text.charCodeAt(i)) || !core.isChinese(text.charCodeAt(i + 1))) continue;
    junctions++;
    const w = weigh(text[i], text[i + 1]);
    if (w && !w.bound) clean.push({ ...w, context: text.slice(Math.max(0, i - 4), i + 6), where });
  }
}

const show = (title, list) => {
  list.sort((p, q) => q.gain - p.gain);
  console.log(`\n${title}: ${list.length}`);
  for (const m of list.slice(0, top)) console.log(`  ${m.gain.toFixed(2).padStart(7)}  ${m.lost ?? ''}${m.best ? ` best ${m.best}` : ''}  ${JSON.stringify(m.context)}  ${m.where}`);
};
console.log(`characters lost whole, ${split} part; clean junctions of two Chinese characters: ${junctions}`);
show('made by the garbling (lost character, best reading)', made);
show('clean junctions weighed (bound at least the floor)', clean);
console.log('\n bar  made  clean');
for (const bar of [2, 4, 6, 8, 10, 12, 14, 16]) console.log(`${String(bar).padStart(4)}  ${String(made.filter((m) => m.gain >= bar).length).padStart(4)}  ${String(clean.filter((m) => m.gain >= bar).length).padStart(5)}`);
