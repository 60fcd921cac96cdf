// Why misaligned-GBK paragraph cases are missed, by class, and whether the document's clean text
// gives the evidence they lack. On the repair evaluation's one-paragraph cases (tuning part unless
// told), each case the detector misses is classed by
//  - shape: the garbling's one changed stretch, aligned with the original: a character lost whole
//    (the text is the original less one character), a lone trace with nothing shown before it
//    (`?`, U+FFFD, a lower-case letter, a capital, a sign), one character shown before a trace,
//    one or two characters shown with a silent end (one read for two), three or more shown;
//  - judge: the last check of the silent search its run reached (the probe's `drop`, probes.ts,
//    as misaligned-missed.mjs reads it); a run found and then lost is followed further: turned down
//    by chooseRuns (`overlap`, `weighRepair` with its margin, `genreCheck`: the probe's `refuse`),
//    or kept there and lost later (the detector's mojibake checks or the document-level decision);
//  - genre (classical: 全唐诗, 宋词, 孟子; literary: 幽梦影; modern) and whether it is folded.
// Then the evidence a document baseline gives: each transition's bigram ln P (character model),
// the document's rate B (mean over its transitions), and a window's deficit k·B − Σ ln P over its
// k transitions. For a missed case: the stretch's window (its characters and the transition out)
// against the worst window of the same length elsewhere in the same text (not overlapping it):
// the margin by which the garbled place stands out of its own document. For clean text (the same
// part's documents as written and folded): the worst window's margin over the next worst, the
// same lengths. And the nats the garbling cost its paragraph (ln P original − ln P as shown).
//
//   node scripts/eval-repair/misaligned-para-classes.mjs [--split tuning] [--list]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { arg, changedMask, decodedMisalignedCases, withDrops } from './markCases.mjs';
import { changedStretches, traceKind } from './misalignedScripts.mjs';
import { foldFullwidth } from './garble.mjs';

const split = arg('--split', 'tuning');
const list = process.argv.includes('--list');

const core = await requireBundle(join('out', 'misaligned-para-classes', 'core.cjs'), {
  exports: `
    export { analyzeText } from './src/core/index';
    export { observeSearch } from './src/core/garble/misaligned/probes';
    export { getCharModel } from './src/core/model/charLanguageModel';
  `,
});
const lm = core.getCharModel();

const genreOf = (doc) => (doc.genre === 'classical' || doc.genre === 'literary' ? doc.genre : 'modern');

/** Whether `g` is `o` with one character taken out. */
function lostWhole(o, g) {
  if (o.length !== g.length + 1) return false;
  let i = 0;
  while (i < g.length && o[i] === g[i]) i++;
  return o.slice(i + 1) === g.slice(i);
}

function shapeOf(o, g, shown, trace) {
  if (lostWhole(o, g)) return 'lost whole';
  if (trace === 'silent' || trace === 'ascii<0x40') return shown >= 3 ? '3+ shown, silent' : '1-2 shown, silent';
  if (shown === 0) return `lone ${trace}`;
  if (shown === 1) return `1 shown + ${trace}`;
  return `${shown >= 3 ? '3+' : shown} shown + ${trace}`;
}

/** Per offset i ≥ 1 of `t`: ln P(t[i] | t[i-1]) (0 at a line break on either side: not a transition). */
function transitions(t) {
  const lp = new Float64Array(t.length);
  for (let i = 1; i < t.length; i++) lp[i] = t[i] === '\n' || t[i - 1] === '\n' ? NaN : lm.bigram(t[i - 1], t[i]);
  return lp;
}
function rate(lp) {
  let s = 0;
  let n = 0;
  for (let i = 1; i < lp.length; i++) if (!Number.isNaN(lp[i])) (s += lp[i]), n++;
  return n ? s / n : 0;
}
/** Deficit of the window of transitions [i, i + k): k·B − Σ ln P (NaN if it crosses a line). */
function deficit(lp, B, i, k) {
  let s = 0;
  for (let j = i; j < i + k; j++) {
    if (j < 1 || j >= lp.length || Number.isNaN(lp[j])) return NaN;
    s += lp[j];
  }
  return k * B - s;
}
/** The worst window of k transitions of `lp` not overlapping [skipA, skipB), and where. */
function worst(lp, B, k, skipA = -1, skipB = -1) {
  let best = -Infinity;
  let at = -1;
  for (let i = 1; i + k <= lp.length; i++) {
    if (i < skipB && skipA < i + k) continue;
    const d = deficit(lp, B, i, k);
    if (d > best) [best, at] = [d, i];
  }
  return { d: best, at };
}

const docs = loadDocuments().filter((d) => d.split === split);
const rows = [];
let cases = 0;
for (const { g, o, c, where } of decodedMisalignedCases(docs)) {
  if (c.scope !== 'paragraph' || g === o) continue;
  cases++;
  if ([...g].length !== g.length) continue;
  const refused = [];
  const probe = { refuse: (start, end, judge, margin) => refused.push({ start, end, judge, margin }) };
  const { result: issues, lastCheck } = withDrops((p, run) => core.observeSearch({ ...p, ...probe }, run), core.analyzeText, g);
  if (issues.some((i) => i.kind === 'misaligned-gbk')) continue;
  const stretches = [];
  for (const [a, b] of changedStretches(changedMask(o, g))) {
    const trace = traceKind(g[b - 1]);
    const silent = trace === 'silent' || trace === 'ascii<0x40';
    const shown = silent ? b - a : b - a - 1;
    const { check, gain } = lastCheck(silent ? b : b - 1, a);
    stretches.push({ a, b, shown, trace, check, gain });
  }
  const s = stretches[0];
  // A run chooseRuns turned down over the stretch (a lone run too, which the silent search's
  // probe does not follow) is told by the check that turned it down.
  let judge = s.check;
  const r = refused.find((x) => x.start < s.b && s.a < x.end);
  if (r) judge = `final: ${r.judge}${r.margin === undefined ? '' : ` ${r.margin.toFixed(1)}`}`;
  else if (judge === 'final') judge = 'final: after chooseRuns';
  // The paragraph's cost and the stretch's standing in its own text.
  const lineStart = g.lastIndexOf('\n', s.a) + 1;
  const lineEndG = g.indexOf('\n', s.b) < 0 ? g.length : g.indexOf('\n', s.b);
  const oLineStart = o.lastIndexOf('\n', s.a) + 1;
  const oLineEnd = o.indexOf('\n', oLineStart) < 0 ? o.length : o.indexOf('\n', oLineStart);
  const cost = lm.score(o.slice(oLineStart, oLineEnd)) - lm.score(g.slice(lineStart, lineEndG));
  const lp = transitions(g);
  const B = rate(lp);
  const k = Math.min(6, s.b - s.a + 1);
  const own = deficit(lp, B, s.a, k);
  const other = worst(lp, B, k, s.a, s.a + k);
  rows.push({
    where,
    shape: shapeOf(o, g, s.shown, s.trace),
    judge,
    genre: genreOf(c.doc),
    folded: c.fold ? 'folded' : 'as written',
    cost,
    k,
    stand: own - other.d,
    B,
    text: `${JSON.stringify(g.slice(Math.max(0, s.a - 2), s.b + 2))}<${JSON.stringify(o.slice(Math.max(0, s.a - 2), s.b + 3))}>`,
  });
}

const count = (key) => {
  const m = new Map();
  for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + 1);
  return [...m].sort((x, y) => y[1] - x[1]);
};
console.log(`misaligned-GBK one-paragraph cases, ${split} part: ${rows.length} of ${cases} not detected`);
for (const key of ['shape', 'judge', 'genre', 'folded']) {
  console.log(`\nby ${key}:`);
  for (const [v, n] of count(key)) console.log(`${String(n).padStart(4)}  ${v}`);
}
console.log('\nshape × genre:');
const sg = new Map();
for (const r of rows) sg.set(`${r.shape} | ${r.genre}`, (sg.get(`${r.shape} | ${r.genre}`) ?? 0) + 1);
for (const [v, n] of [...sg].sort()) console.log(`${String(n).padStart(4)}  ${v}`);

// The clean side: each document's worst window over its next worst, per window length.
const cleanStand = new Map();
for (const d of docs) {
  for (const t of new Set([d.text, foldFullwidth(d.text)])) {
    const lp = transitions(t);
    const B = rate(lp);
    for (let k = 2; k <= 6; k++) {
      const w1 = worst(lp, B, k);
      if (w1.at < 0) continue;
      const w2 = worst(lp, B, k, w1.at, w1.at + k);
      if (w2.at < 0) continue;
      let l = cleanStand.get(k);
      if (!l) cleanStand.set(k, (l = []));
      l.push({ m: w1.d - w2.d, where: d.id, text: t.slice(Math.max(0, w1.at - 2), w1.at + k + 1) });
    }
  }
}
const q = (l, p) => l[Math.min(l.length - 1, Math.floor(p * l.length))];
console.log('\nstanding out of its own text (nats of deficit over the worst window elsewhere, same length k):');
console.log('| k | missed cases: n, median, best | clean texts: n, median, 99th pct, max (where) | missed above clean max |');
console.log('| ---: | --- | --- | ---: |');
for (let k = 2; k <= 6; k++) {
  const mine = rows.filter((r) => r.k === k).map((r) => r.stand).sort((a, b) => a - b);
  const clean = (cleanStand.get(k) ?? []).sort((a, b) => a.m - b.m);
  const max = clean[clean.length - 1];
  console.log(`| ${k} | ${mine.length}, ${mine.length ? q(mine, 0.5).toFixed(1) : '-'}, ${mine.length ? mine[mine.length - 1].toFixed(1) : '-'} | ${clean.length}, ${q(clean, 0.5).m.toFixed(1)}, ${q(clean, 0.99).m.toFixed(1)}, ${max.m.toFixed(1)} (${max.where} ${JSON.stringify(max.text)}) | ${mine.filter((x) => x > max.m).length} |`);
}
const costs = rows.map((r) => r.cost).sort((a, b) => a - b);
console.log(`\nnats the garbling cost its paragraph (ln P original − ln P shown): median ${q(costs, 0.5).toFixed(1)}, quartiles ${q(costs, 0.25).toFixed(1)} / ${q(costs, 0.75).toFixed(1)}, below 0: ${costs.filter((x) => x < 0).length}`);
if (list) {
  console.log('\ncases:');
  for (const r of rows.sort((x, y) => x.shape.localeCompare(y.shape) || x.judge.localeCompare(y.judge))) {
    console.log(`  ${r.shape.padEnd(18)} ${r.judge.padEnd(22)} ${r.genre.padEnd(9)} cost ${r.cost.toFixed(1).padStart(5)} stand ${r.stand.toFixed(1).padStart(5)} (k ${r.k}, B ${r.B.toFixed(1)})  ${r.text}  ${r.where}`);
  }
}
