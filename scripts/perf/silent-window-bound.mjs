// Whether a per-character table could close the silent-run search's doubted windows
// (misaligned/doubtWindows.ts) before their per-offset scan: on a clean text, the windows the
// search opens, the ends in them that RunGate.anyEndReaches lets through (the exact gate, as
// silentRuns.ts findInStretch calls it), and for each window the most any of its ends could gain
// under a bound that looks up no pair read again. The bound is RunGate's, with
//   - P[j] (the bigram of the pairs read again at j and j + 1, both holding the bytes of the
//     character at j + 1) at most Q(c) = min(the best bigram out of any pair c's lead can end,
//     the best bigram into any pair c's trail can start): a table of lead and trail bytes;
//   - the first and last guessed characters' bounds at most the best over the pairs their
//     shown trail can make (a table of trail bytes);
//   - the shown bigrams S[i] exact (one look-up per offset, as now), the end's kind at its best.
// A window closes when no end in it reaches the lowest gate (the ASCII-letter trace's, 4 nats) or
// the silent ends' (8). Prints the counts and, per character of the text, how often P[j] − S[j+1]
// under the bound is still positive (the running bound grows there).
//
//   node scripts/perf/silent-window-bound.mjs [file ...]   (default: the bench's clean 1 MB)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';

const core = await requireBundle(join('out', 'silent-window-bound', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { bigramOfUnits } from './src/core/model/quantizedTables';
    export { RunScan } from './src/core/garble/misaligned/runScan';
    export { doubtedWindows } from './src/core/garble/misaligned/doubtWindows';
    export { stretches } from './src/core/garble/misaligned/scanArrays';
    export { PairedAgain } from './src/core/garble/misaligned/pairedAgain';
    export { NEAR_FLOOR_TRACE } from './src/core/garble/misaligned/nearWords';
  `,
});
const NEAR_GAIN = 8; // silentRuns.ts
const SILENT_END_LOG_PRIOR = -8; // runScan.ts
const files = process.argv.slice(2);
if (files.length === 0) files.push('/tmp/qb/clean.1m.txt');

const table = core.gbkTable();
const lm = core.getCharModel();
const flat = lm.flatBigrams();
const paired = core.PairedAgain.of(table, lm);
const after = (cu) => flat.after[flat.index[cu] + 1];
const before = (cu) => flat.before[flat.index[cu] + 1];

// Per lead byte: the best bigram out of any pair it ends (t, lead); per trail byte: the best
// bigram into and out of any pair it starts (trail, l).
const leadOut = new Float64Array(256).fill(-Infinity);
const trailIn = new Float64Array(256).fill(-Infinity);
const trailOut = new Float64Array(256).fill(-Infinity);
for (let t = 0x40; t <= 0xfe; t++) {
  for (let l = 0x81; l <= 0xfe; l++) {
    const r = paired.codeOf(t, l);
    if (r < 0) continue;
    leadOut[l] = Math.max(leadOut[l], after(r));
    trailIn[t] = Math.max(trailIn[t], before(r));
    trailOut[t] = Math.max(trailOut[t], after(r));
  }
}

for (const file of files) {
  const v = readFileSync(file, 'utf8');
  let windows = 0, windowUnits = 0, ends = 0, passed = 0, windowsPassed = 0;
  const qs = [], ss = [], ps = [];
  let quietUnits = 0, closed4 = 0, closed8 = 0, steps = 0, positive = 0;
  const code = (i) => {
    const cu = i >= 0 && i < v.length ? v.charCodeAt(i) : 0x0a;
    const c = cu >= 0x80 ? table.codeOf(cu) : -1;
    return c >= 0x100 ? c : -1;
  };
  const shown = (i) => core.bigramOfUnits(flat, i > 0 ? v.charCodeAt(i - 1) : 0x0a, i < v.length ? v.charCodeAt(i) : 0x0a);
  for (const [from, to] of core.stretches(v)) {
    const scan = new core.RunScan(v, table, lm, from, to);
    const w = core.doubtedWindows(v, from, to, flat);
    for (let k = 0; k < w.length; k += 2) {
      windows++;
      windowUnits += w[k + 1] - w[k];
      // The exact gate over the window's ends, as findInStretch runs it (no skipped lines here).
      let segLo = w[k];
      let any = false;
      // The bound: the same running maximum with the tables in place of the pairs read again.
      let ub = -Infinity, ubAt = -1, most = -Infinity;
      for (let at = w[k] + 1; at <= w[k + 1] && at <= to; at++) {
        if (scan.code(at - 1) < 0) continue;
        if (!(at >= 2 && scan.code(at - 2) >= 0 && scan.repairedCode(at - 2) >= 0)) segLo = at - 1;
        if (v.charCodeAt(at - 1) < 0x80) continue;
        ends++;
        scan.gate.advance(at, segLo);
        if (scan.gate.anyEndReaches(at, NEAR_GAIN, core.NEAR_FLOOR_TRACE, SILENT_END_LOG_PRIOR, scan.code(at - 1) & 0xff, scan.code(at) >= 0, scan.trailBounds)) {
          passed++;
          any = true;
        }
        const first = at - 2;
        const cf = code(first);
        if (first < w[k] || cf < 0) ub = -Infinity;
        else {
          const fresh = after(first > 0 ? v.charCodeAt(first - 1) : 0x0a) + trailIn[cf & 0xff] - shown(first);
          let carried = -Infinity;
          if (ubAt === at - 1 && first - 1 >= w[k] && code(first - 1) >= 0) {
            const q = Math.min(leadOut[cf >> 8], trailIn[cf & 0xff]);
            carried = ub + q - shown(first);
            steps++;
            qs.push(q);
            ss.push(shown(first));
            if (scan.repairedCode(first - 1) >= 0 && scan.repairedCode(first) >= 0) ps.push(scan.gate.readAt(first - 1));
            if (q - shown(first) > 0) positive++;
          }
          ub = Math.max(fresh, carried);
        }
        ubAt = at;
        const c2 = code(at - 2);
        const many = ub > -Infinity && c2 >= 0 ? ub + trailOut[c2 & 0xff] : -Infinity;
        const one = after(at >= 2 ? v.charCodeAt(at - 2) : 0x0a);
        const cu = at < v.length ? v.charCodeAt(at) : 0x0a;
        const cu1 = at + 1 < v.length ? v.charCodeAt(at + 1) : 0x0a;
        const tail = Math.max(before(cu), before(cu1) - shown(at + 1));
        most = Math.max(most, Math.max(many, one) - shown(at - 1) - shown(at) + tail);
      }
      if (any) windowsPassed++;
      else quietUnits += w[k + 1] - w[k];
      if (most < 4 - 2e-6) closed4++;
      if (most < NEAR_GAIN - 2e-6) closed8++;
      if (most < 4 - 2e-6 && any) throw new Error(`not a bound: window ${w[k]}–${w[k + 1]}`);
    }
  }
  const pct = (a, b) => ((100 * a) / b).toFixed(1) + ' %';
  console.log(file);
  console.log(`  units ${v.length}; doubted windows ${windows}, ${windowUnits} units (${pct(windowUnits, v.length)})`);
  console.log(`  ends scanned in them ${ends}; past the exact gate ${passed} (${pct(passed, ends)}); windows with an end past it ${windowsPassed} (${pct(windowsPassed, windows)}); the others hold ${quietUnits} units (${pct(quietUnits, v.length)} of the text: what any exact window test could skip at most)`);
  console.log(`  closed by the table bound: below 4 nats ${closed4} (${pct(closed4, windows)}), below 8 nats ${closed8} (${pct(closed8, windows)})`);
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1].toFixed(2);
  console.log(`  medians over those steps: Q(c) ${median(qs)}, the shown bigram S ${median(ss)}, the pairs read again P (where both are ordinary) ${median(ps)} nats`);
  console.log(`  steps of the bound's running sum ${steps}; with Q(c) − S above 0 (the bound grows) ${positive} (${pct(positive, steps)})`);
}
