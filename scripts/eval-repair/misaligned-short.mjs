// Which check of the misaligned-GBK silent search (silentRuns.ts) turns down the short stretches
// the garbling made and the detector never finds: on the repair evaluation's misaligned-GBK cases
// (the tuning part unless told), every stretch the garbling changed (by aligning each case with its
// original) of `--shown` characters (2 unless told: one character shown and the trace after it,
// `旅?`, `到y`) that no run found by findMisalignedGbk overlaps, put in one column by the last check
// its run reached, as the search's probe tells it (`drop`, probes.ts), in this order:
//  - entry: RunGate.anyEndReaches turned the end down, or the search never looked at it (the
//    character before is not a GBK pair);
//  - bound: the end's best start could not gain the floor (mostGain, the band's floor or NEAR_GAIN);
//  - no garbage: no bigram in reach reads as garbage; last character: the ASCII trail makes no
//    ordinary character with the last one shown, or its trail cannot stand before a mark;
//  - context: the start's neighbour is not text read in step; garbage: no bigram from the start
//    to the end reads as garbage; Han: no Han character in or beside the run, or a lead below
//    0x40 (bestRun); hopeless: the start's bound;
//  - no guess: no lost byte reads as a character there; gain: the reading gains too little by its
//    bigrams (the band's floor, or 2 nats a character);
//  - mark alone: the mark read as one lost character explains the text as well (markAlone);
//  - words: the near-gate band's bar with the words (nearWords.ts keptWithWords);
//  - final: the run was found but not kept (chooseRuns: weighRepair, genreCheck, an overlap).
// A check reached by a run that starts elsewhere than the stretch is marked `*` (another start won).
// Rows are by the trace after the shown characters. `--show CHECK` prints the stretches of a column.
//
//   node scripts/eval-repair/misaligned-short.mjs [--split tuning] [--shown 2] [--show gain] [--limit 20]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { arg, changedMask, decodedMisalignedCases, DROP_CHECKS, withDrops } from './markCases.mjs';
import { changedStretches, traceKind } from './misalignedScripts.mjs';

const split = arg('--split', 'tuning');
const shown = Number(arg('--shown', '2'));
const show = arg('--show', '');
let limit = Number(arg('--limit', '20'));

const core = await requireBundle(join('out', 'misaligned-short', 'core.cjs'), {
  exports: `
    export { findMisalignedGbk } from './src/core/garble/misalignedGbk';
    export { observeSearch } from './src/core/garble/misaligned/probes';
  `,
});


const docs = loadDocuments().filter((d) => d.split === split);
/** scope -> trace -> check -> count; and the stretches per check. */
const table = {};
const examples = [];
for (const { g, o, c, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length) continue;
  const { result: issues, lastCheck } = withDrops(core.observeSearch, core.findMisalignedGbk, g);
  const mask = changedMask(o, g);
  for (const [a, b] of changedStretches(mask)) {
    if (b - a !== shown) continue;
    if (issues.some((i) => i.start < b && a < i.end)) continue;
    // The shown characters end before the trace (b − 1), or at b for a silent end.
    const trace = traceKind(g[b - 1]);
    const silent = trace === 'silent';
    const { check, gain, elsewhere } = lastCheck(silent ? b : b - 1, a);
    const key = `${check}${elsewhere ? '*' : ''}`;
    const row = ((table[c.scope] ??= {})[trace] ??= {});
    row[key] = (row[key] ?? 0) + 1;
    if (check === show && limit-- > 0) examples.push(`  ${trace.padEnd(18)} ${gain === undefined ? '     ' : gain.toFixed(1).padStart(5)}${elsewhere ? '*' : ' '} ${JSON.stringify(g.slice(Math.max(0, a - 4), b + 4))} (original ${JSON.stringify(o.slice(Math.max(0, a - 4), b + 4))})  ${where}`);
  }
}

const columns = DROP_CHECKS.flatMap((k) => [k, `${k}*`]).filter((k) => Object.values(table).some((s) => Object.values(s).some((r) => r[k])));
console.log(`misaligned-GBK stretches of ${shown} characters shown that no run overlaps, ${split} part, by the last check their run reached (* another start's run)`);
for (const [scope, rows] of Object.entries(table)) {
  console.log(`\n${scope}\n| trace | ${columns.join(' | ')} | all |\n| --- |${columns.map(() => ' ---: |').join('')} ---: |`);
  const sum = {};
  for (const [trace, row] of Object.entries(rows).sort()) {
    for (const k of columns) sum[k] = (sum[k] ?? 0) + (row[k] ?? 0);
    console.log(`| ${trace} | ${columns.map((k) => row[k] ?? 0).join(' | ')} | ${Object.values(row).reduce((s, e) => s + e, 0)} |`);
  }
  console.log(`| all | ${columns.map((k) => sum[k]).join(' | ')} | ${Object.values(sum).reduce((s, e) => s + e, 0)} |`);
}
if (show) console.log(`\n${show}: (gain where the check tells it)\n${examples.join('\n')}`);
