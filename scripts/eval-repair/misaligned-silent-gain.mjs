// Silent losses weighed by the character model, with no bar: at every place between two Chinese
// characters of a text that shows the channel (documentRate.ts's bonus > 0), the best reading of a
// character lost whole (k = 0: Y between X and Z, its trail making no pair with Z's lead, the byte
// a decoder with `ignore` drops) and of one character shown for two (k = 1: c = (trail of W1, lead
// of W2), W2's trail making no pair with the next lead), by its bigram gain over the text as shown
// (ln P of the reading's bigrams less the shown ones'; no price for the lost bytes). Counted by
// gain, at places the garbling changed and read right, read wrong, and places it left alone, on
// the repair evaluation's misaligned-GBK cases (tuning part unless told), whole documents.
//
//   node scripts/eval-repair/misaligned-silent-gain.mjs [--split tuning] [--scope doc]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { alignChars } from './alignChars.mjs';
import { arg, decodedMisalignedCases } from './markCases.mjs';

const split = arg('--split', 'tuning');
const scope = arg('--scope', 'doc');
const core = await requireBundle(join('out', 'misaligned-silent-gain', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { ordinary } from './src/core/garble/misaligned/silentGuesses';
    export { isHan } from './src/core/text/chars';
    export { analyzeText } from './src/core/index';
    export { observeSearch } from './src/core/garble/misaligned/probes';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();
const chinese = (c) => core.isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
const ok = (ch) => chinese(ch.codePointAt(0)) && core.ordinary(ch, lm);
// Characters by trail byte, and by lead byte, that the model knows.
const byTrail = new Map();
const byLead = new Map();
for (let lead = 0x81; lead <= 0xfe; lead++) for (const [trail, ch] of table.trailsOf(lead)) {
  if (!ok(ch)) continue;
  (byTrail.get(trail) ?? byTrail.set(trail, []).get(trail)).push(ch);
  (byLead.get(lead) ?? byLead.set(lead, []).get(lead)).push([trail, ch]);
}
const noPair = (trail, next) => {
  const code = table.codeOf(next.codePointAt(0));
  return code >= 0x100 && table.decodePair(trail, code >> 8) === undefined;
};
/** Best k = 0 reading between v[p-1] and v[p]. */
function lostWhole(v, p) {
  const X = v[p - 1], Z = v[p];
  const base = lm.bigram(X, Z);
  let best = -Infinity, ch = '';
  for (const [trail, list] of byTrail) {
    if (!noPair(trail, Z)) continue;
    for (const y of list) {
      const g = lm.bigram(X, y) + lm.bigram(y, Z) - base;
      if (g > best) [best, ch] = [g, y];
    }
  }
  return { gain: best, ch };
}
/** Best k = 1 reading of v[p-1] (between v[p-2] and v[p]). */
function shownForTwo(v, p) {
  const X = v[p - 2], c = v[p - 1], Z = v[p];
  const code = table.codeOf(c.codePointAt(0));
  if (code < 0x100) return undefined;
  const [h, l] = [code >> 8, code & 0xff];
  const base = lm.bigram(X, c) + lm.bigram(c, Z);
  let best = -Infinity, ch = '';
  const w2s = (byLead.get(l) ?? []).filter(([t]) => noPair(t, Z)).map(([, w]) => w);
  if (!w2s.length) return undefined;
  for (const w1 of byTrail.get(h) ?? []) {
    const a = lm.bigram(X, w1);
    for (const w2 of w2s) {
      const g = a + lm.bigram(w1, w2) + lm.bigram(w2, Z) - base;
      if (g > best) [best, ch] = [g, w1 + w2];
    }
  }
  return { gain: best, ch };
}
const bins = [0, 4, 8, 12, 16, 20, 25, 30];
const bin = (g) => { let b = '<0'; for (const x of bins) if (g >= x) b = `≥${x}`; return b; };
const tally = {};
const add = (k, side, g) => { const t = ((tally[k] ??= {})[bin(g)] ??= { right: 0, wrong: 0, unchanged: 0 }); t[side]++; };
const docs = loadDocuments().filter((d) => d.split === split);
for (const { g, o, c } of decodedMisalignedCases(docs)) {
  if (c.scope !== scope || g === o || [...g].length !== g.length) continue;
  let bonus = 0;
  core.observeSearch({ rate: (_n, _len, b) => (bonus = Math.max(bonus, b)) }, () => core.analyzeText(g));
  if (bonus === 0) continue;
  const { x, y, ops } = alignChars(o, g);
  const oOf = new Map();
  for (const [i, j] of ops) if (j >= 0 && i >= 0 && x[i] === y[j]) oOf.set(j, i);
  const was = (s, p) => { const ia = oOf.get(s - 1), ib = oOf.get(p); return ia === undefined || ib === undefined ? '\u0000' : o.slice(ia + 1, ib); };
  for (let p = 2; p < g.length; p++) {
    if (!chinese(g.charCodeAt(p)) || !chinese(g.charCodeAt(p - 1))) continue;
    const r0 = lostWhole(g, p);
    if (r0.ch) { const w = was(p, p); add('k0', w === '' ? 'unchanged' : w === r0.ch ? 'right' : 'wrong', r0.gain); }
    if (chinese(g.charCodeAt(p - 2)) && core.isHan(g.charCodeAt(p - 1))) {
      const r1 = shownForTwo(g, p);
      if (r1) { const w = was(p - 1, p); add('k1', w === g[p - 1] ? 'unchanged' : w === r1.ch ? 'right' : 'wrong', r1.gain); }
    }
  }
}
console.log(`silent losses at the document's rate, ${split} part, ${scope} scope: best reading's bigram gain, right / wrong / unchanged place`);
for (const [k, rows] of Object.entries(tally)) {
  console.log(k);
  for (const b of ['<0', ...bins.map((x) => `≥${x}`)]) if (rows[b]) console.log(`  ${b.padStart(4)}  ${rows[b].right} / ${rows[b].wrong} / ${rows[b].unchanged}`);
}
