// Calibration data for a window pre-filter in front of the misaligned-GBK silent-run search
// (silentRuns.ts): on the repair evaluation's tuning part, every run the search finds (both
// scopes) and, on clean tuning text (the documents, folded, and the precision corpus's tune split),
// every end read past the gate; and per text the shown bigrams at or below the bad-bigram bar, the
// rare characters and the marks. Prints, for a grid of window tests, the runs a test would lose
// and the share of clean text it would still search.
//
//   node scripts/perf/silent-window-calibrate.mjs [--split tuning] [--precision /work/data/precision]
//     [--clean-units 3000000] [--bench clean.txt] [--kinds bad12,rare10+mark] [--tests 1x1,2x8] [--margins 16,32] [--windows]
// (a test KxW: K signs or more within W offsets; a window reaches a margin M further either side)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from '../eval-repair/corpus.mjs';
import { arg, cleanTexts, decodedMisalignedCases } from '../eval-repair/markCases.mjs';

const split = arg('--split', 'tuning');
const precision = arg('--precision', '/work/data/precision');
/** Clean units read at most from the precision corpus (every n-th file, in order, up to this). */
const cleanBudget = Number(arg('--clean-units', '3000000'));
const core = await requireBundle(join('out', 'silent-window', 'core.cjs'), {
  exports: `
    export { findMisalignedGbk } from './src/core/garble/misalignedGbk';
    export { observeSearch } from './src/core/garble/misaligned/probes';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { bigramOfUnits } from './src/core/model/quantizedTables';
  `,
});
// The search at every offset, as without the windows (`--windows`: with them, as in use).
const whole = !process.argv.includes('--windows');
const flat = core.getCharModel().flatBigrams();

/** Per offset i: 1 when the shown bigram ending at i is at or below `bar` (BadBigrams' condition). */
function badFlags(v, bar) {
  const f = new Uint8Array(v.length + 1);
  for (let i = 1; i < v.length; i++) {
    const a = v.charCodeAt(i - 1), b = v.charCodeAt(i);
    if ((a >= 0x80 || b >= 0x80) && a > 0x20 && b > 0x20 && !(a >= 0xd800 && a <= 0xdfff) && !(b >= 0xd800 && b <= 0xdfff) && core.bigramOfUnits(flat, a, b) <= bar) f[i] = 1;
  }
  return f;
}
function markFlags(v) {
  const f = new Uint8Array(v.length + 1);
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x3f || c === 0xfffd || ((c >= 0x40 && c <= 0x7e) && i > 0 && v.charCodeAt(i - 1) >= 0x80)) f[i] = 1;
  }
  return f;
}

function record(v) {
  const found = [];
  const passed = new Set();
  const drop = (at, first, check) => {
    passed.add(at);
    if (check === 'found') found.push([first, at]);
  };
  core.observeSearch({ drop, whole }, () => core.findMisalignedGbk(v));
  return { v, found, passed: [...passed], bad12: badFlags(v, -12), bad10: badFlags(v, -10), mark: markFlags(v) };
}

const docs = loadDocuments().filter((d) => d.split === split);
const garbled = [];
for (const { g, c } of decodedMisalignedCases(docs)) garbled.push({ ...record(g), scope: c.scope });
const clean = [];
{
  const all = cleanTexts(docs, precision);
  const ownDocs = all.filter(([, w]) => w.startsWith('tuning'));
  const others = all.filter(([, w]) => !w.startsWith('tuning'));
  const total = others.reduce((s, [t]) => s + t.length, 0);
  const step = Math.max(1, Math.ceil(total / cleanBudget));
  for (const [text, where] of [...ownDocs, ...others.filter((_, i) => i % step === 0)]) clean.push({ ...record(text), where });
  // The bench's clean workload written out, when given (--bench /tmp/qb/clean.1m.txt).
  const bench = arg('--bench', '');
  if (bench) clean.push({ ...record(readFileSync(bench, 'utf8')), where: 'bench' });
}
console.log(`garbled texts ${garbled.length}, runs found ${garbled.reduce((s, t) => s + t.found.length, 0)}; clean texts ${clean.length}, ${clean.reduce((s, t) => s + t.v.length, 0)} units, runs found ${clean.reduce((s, t) => s + t.found.length, 0)}, ends past the gate ${clean.reduce((s, t) => s + t.passed.length, 0)}`);

/** Merged regions [lo, hi) where a window of w offsets holds k flags or more, widened by m each side. */
function regions(flags, n, k, w, m) {
  const out = [];
  let count = 0;
  for (let i = 0; i <= n; i++) {
    count += flags[i];
    if (i - w >= 0) count -= flags[i - w];
    if (count >= k) {
      const lo = Math.max(0, i - w + 1 - m), hi = Math.min(n + 1, i + 1 + m);
      if (out.length && out[out.length - 1][1] >= lo) out[out.length - 1][1] = Math.max(out[out.length - 1][1], hi);
      else out.push([lo, hi]);
    }
  }
  return out;
}
const within = (rs, lo, hi) => rs.some(([a, b]) => a <= lo && hi <= b);
const inside = (rs, p) => rs.some(([a, b]) => a <= p && p < b);
/** Per offset: 1 for a character the model holds at or below `bar` nats as a unigram, or does not hold (no lookup of a pair). */
function rareFlags(v, bar) {
  const f = new Uint8Array(v.length + 1);
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x80 || (c >= 0xd800 && c <= 0xdfff)) continue;
    const x = flat.index[c];
    if (x < 0 || -flat.unigramQ[x] / 10 <= bar) f[i] = 1;
  }
  return f;
}
const combine = (t, kind) => {
  const rare = /^rare(\d+)/.exec(kind);
  if (rare) {
    const f = rareFlags(t.v, -Number(rare[1]));
    if (kind.endsWith('+mark')) for (let i = 0; i < f.length; i++) f[i] |= t.mark[i];
    return f;
  }
  if (kind === 'bad12') return t.bad12;
  if (kind === 'bad10') return t.bad10;
  const f = new Uint8Array(t.v.length + 1);
  const src = kind === 'bad12+mark' ? t.bad12 : t.bad10;
  for (let i = 0; i < f.length; i++) f[i] = src[i] | t.mark[i];
  return f;
};

// Per run: the least margin that covers it, per test (k, w); runs' margin distribution.
const rows = [];
for (const kind of (arg('--kinds', 'bad12,bad12+mark,bad10+mark')).split(',')) {
  for (const [k, w] of arg('--tests', '1x1,2x8,2x16,3x16,3x32').split(',').map((x) => x.split('x').map(Number))) {
    for (const m of arg('--margins', '16,32,64').split(',').map(Number)) {
      let lost = 0, lostDoc = 0, lostPar = 0;
      for (const t of garbled) {
        const rs = regions(combine(t, kind), t.v.length, k, w, m);
        for (const [first, at] of t.found) if (!within(rs, Math.max(0, first - 1), Math.min(at + 3, t.v.length + 1))) { lost++; t.scope === 'doc' ? lostDoc++ : lostPar++; }
      }
      const share = {};
      let cov = 0, n = 0, pass = 0, passIn = 0, cleanFound = 0, cleanKept = 0;
      for (const t of clean) {
        const rs = regions(combine(t, kind), t.v.length, k, w, m);
        let c = 0;
        for (const [a, b] of rs) c += b - a;
        cov += c;
        n += t.v.length;
        const group = t.where === 'bench' ? 'bench' : t.where.startsWith('tuning') ? 'docs' : 'precision';
        share[group] ??= [0, 0];
        share[group][0] += c;
        share[group][1] += t.v.length;
        pass += t.passed.length;
        for (const at of t.passed) if (inside(rs, at)) passIn++;
        cleanFound += t.found.length;
        for (const [first, at] of t.found) if (within(rs, Math.max(0, first - 1), Math.min(at + 3, t.v.length + 1))) cleanKept++;
      }
      rows.push({ kind, k, w, m, lost, lostDoc, lostPar, cleanShare: cov / n, groups: Object.entries(share).map(([g, [c, u]]) => `${g} ${(100 * c / u).toFixed(1)} %`).join(', '), passShare: passIn / pass, cleanFound, cleanKept });
    }
  }
}
for (const r of rows) console.log(`${r.kind.padEnd(11)} k=${r.k} w=${String(r.w).padStart(2)} m=${String(r.m).padStart(2)}  runs lost ${String(r.lost).padStart(4)} (doc ${r.lostDoc}, paragraph ${r.lostPar})  clean searched ${(100 * r.cleanShare).toFixed(1)} % (${r.groups})  clean gate ends kept ${(100 * r.passShare).toFixed(1)} %  clean runs kept ${r.cleanKept}/${r.cleanFound}`);

// The runs found: characters shown and bad bigrams (at or below −12) among them, as a distribution.
const hist = new Map();
for (const t of garbled) for (const [first, at] of t.found) {
  let bad = 0;
  for (let i = first; i <= Math.min(at + 1, t.v.length - 1); i++) bad += t.bad12[i];
  const key = `${Math.min(at - first, 9)} shown, ${Math.min(bad, 5)} bad`;
  hist.set(key, (hist.get(key) ?? 0) + 1);
}
console.log([...hist].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join('\n'));
