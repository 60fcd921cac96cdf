// What the misaligned-GBK stretches no run ever finds look like, by class: on the repair
// evaluation's misaligned-GBK cases (tuning part unless told), every stretch the garbling changed
// (by aligning each case with its original, as misaligned-edits.mjs places its `never found`
// edits) that no misaligned-GBK finding of analyzeText overlaps, counted (stretches, and the
// characters they show: about the edits they leave) by
//  - length: characters shown before the trace (0: lost whole; a silent end counts them all);
//  - trace: what ends it (traceKind: `?`, U+FFFD, an ASCII letter or sign, nothing);
//  - marks: a `?` or U+FFFD anywhere in the stretch; Latin: an ASCII letter anywhere in it;
//  - genre: classical (全唐诗, 宋词, 孟子) or literary (幽梦影) sources apart from the rest;
//  - decoder: the garbling's decoder (Python's `ignore` drops a byte that makes no pair, silently);
//  - shape: length and trace together;
//  - check: the last check of the silent search its run reached (the probe's `drop`, probes.ts,
//    as misaligned-short.mjs reads it), with the gain told there (bigram nats) in bins; in a
//    text searched again at the document's rate (silentRuns.ts) the second pass's checks count.
// `--by K` prints one table per scope with rows by K (length, trace, marks, latin, genre, check,
// gain, decoder, shape; `length` unless told) and columns by check; `--show CHECK` prints stretches of a column.
//
//   node scripts/eval-repair/misaligned-unfound.mjs [--split tuning] [--by length] [--show gain] [--limit 20]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { arg, changedMask, decodedMisalignedCases, DROP_CHECKS, withDrops } from './markCases.mjs';
import { changedStretches, traceKind } from './misalignedScripts.mjs';

const split = arg('--split', 'tuning');
const by = arg('--by', 'length');
const show = arg('--show', '');
let limit = Number(arg('--limit', '20'));

const core = await requireBundle(join('out', 'misaligned-unfound', 'core.cjs'), {
  exports: `
    export { analyzeText } from './src/core/index';
    export { observeSearch } from './src/core/garble/misaligned/probes';
  `,
});

/** Length and trace together: `0 silent` (a character lost whole), `2 ?`… */
const keys0 = (shown, trace) => `${lengthBin(shown)} ${trace}`;
const lengthBin = (n) => (n >= 5 ? '5+' : n >= 3 ? '3-4' : String(n));
const gainBin = (g) => (g === undefined ? 'n/a' : g < 0 ? '<0' : g < 4 ? '0-4' : g < 8 ? '4-8' : g < 14 ? '8-14' : '14+');

const docs = loadDocuments().filter((d) => d.split === split);
/** scope -> row -> check -> [stretches, characters]. */
const table = {};
const totals = {};
const examples = [];
for (const { g, o, c, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length) continue;
  const { result: issues, lastCheck } = withDrops(core.observeSearch, core.analyzeText, g);
  const runs = issues.filter((i) => i.kind === 'misaligned-gbk');
  const mask = changedMask(o, g);
  for (const [a, b] of changedStretches(mask)) {
    if (runs.some((i) => i.start < b && a < i.end)) continue;
    const trace = traceKind(g[b - 1]);
    const silent = trace === 'silent' || trace === 'ascii<0x40';
    const shown = silent ? b - a : b - a - 1;
    const { check, gain, elsewhere } = lastCheck(silent ? b : b - 1, a);
    const text = g.slice(a, b);
    const keys = {
      length: lengthBin(shown),
      trace,
      marks: /[?\ufffd]/.test(text) ? 'mark' : 'none',
      latin: /[A-Za-z]/.test(text) ? 'latin' : 'none',
      genre: c.doc.genre === 'classical' || c.doc.genre === 'literary' ? c.doc.genre : 'modern',
      check,
      gain: gainBin(gain),
      decoder: c.process.name,
      shape: `${keys0(shown, trace)}`,
    };
    const row = ((table[c.scope] ??= {})[keys[by]] ??= {});
    const cell = (row[check] ??= [0, 0]);
    cell[0]++;
    cell[1] += b - a;
    const t = (totals[c.scope] ??= [0, 0]);
    t[0]++;
    t[1] += b - a;
    if (check === show && limit-- > 0) {
      examples.push(`  ${c.scope.padEnd(9)} ${keys.length.padEnd(3)} ${trace.padEnd(10)} ${gain === undefined ? '     ' : gain.toFixed(1).padStart(5)}${elsewhere ? '*' : ' '} ${JSON.stringify(g.slice(Math.max(0, a - 4), b + 4))} (original ${JSON.stringify(o.slice(Math.max(0, a - 4), b + 4))})  ${where}`);
    }
  }
}

const columns = DROP_CHECKS.filter((k) => Object.values(table).some((s) => Object.values(s).some((r) => r[k])));
console.log(`misaligned-GBK stretches no run overlaps, ${split} part, rows by ${by}, columns by the last check their run reached; cells: stretches/characters`);
for (const [scope, rows] of Object.entries(table)) {
  console.log(`\n${scope}: ${totals[scope][0]} stretches, ${totals[scope][1]} characters`);
  console.log(`| ${by} | ${columns.join(' | ')} | all |\n| --- |${columns.map(() => ' ---: |').join('')} ---: |`);
  const sum = {};
  for (const [key, row] of Object.entries(rows).sort()) {
    let all = [0, 0];
    for (const k of columns) {
      const v = row[k] ?? [0, 0];
      sum[k] = [(sum[k]?.[0] ?? 0) + v[0], (sum[k]?.[1] ?? 0) + v[1]];
      all = [all[0] + v[0], all[1] + v[1]];
    }
    console.log(`| ${key} | ${columns.map((k) => (row[k] ? row[k].join('/') : '0')).join(' | ')} | ${all.join('/')} |`);
  }
  console.log(`| all | ${columns.map((k) => sum[k].join('/')).join(' | ')} | ${totals[scope].join('/')} |`);
}
if (show) console.log(`\n${show}: (gain where the check tells it; * another start's run)\n${examples.join('\n')}`);
