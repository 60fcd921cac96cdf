// The misaligned-GBK cases the detector never finds, one a line, each with the stretches the
// garbling changed (by aligning the case with its original) and, for each, what it shows (its
// characters and the trace after them) and the last check of the silent search (the probe's
// `drop`, probes.ts, as misaligned-short.mjs reads it) that its run reached; then the cases grouped by the
// cause of their most promising stretch (the one whose run reached the latest check). Tuning part
// unless told; paragraph scope unless told.
//
//   node scripts/eval-repair/misaligned-missed.mjs [--split tuning] [--scope paragraph] [--list]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { arg, changedMask, decodedMisalignedCases, DROP_CHECKS, withDrops } from './markCases.mjs';
import { changedStretches, traceKind } from './misalignedScripts.mjs';

const split = arg('--split', 'tuning');
const scope = arg('--scope', 'paragraph');
const list = process.argv.includes('--list');

const core = await requireBundle(join('out', 'misaligned-missed', 'core.cjs'), {
  exports: `
    export { analyzeText } from './src/core/index';
    export { observeSearch } from './src/core/garble/misaligned/probes';
  `,
});

const rank = (check) => DROP_CHECKS.indexOf(check);

const docs = loadDocuments().filter((d) => d.split === split);
const groups = new Map();
let cases = 0;
let missed = 0;
for (const { g, o, c, where } of decodedMisalignedCases(docs)) {
  if (c.scope !== scope || g === o) continue;
  cases++;
  if ([...g].length !== g.length) continue;
  const { result: issues, lastCheck } = withDrops(core.observeSearch, core.analyzeText, g);
  if (issues.some((i) => i.kind === 'misaligned-gbk')) continue;
  missed++;
  const mask = changedMask(o, g);
  const stretches = [];
  for (const [a, b] of changedStretches(mask)) {
    const trace = traceKind(g[b - 1]);
    const silent = trace === 'silent' || trace === 'ascii<0x40';
    const shown = silent ? b - a : b - a - 1;
    const at = silent ? b : b - 1;
    const { check, gain } = lastCheck(at, a);
    stretches.push({ a, b, shown, trace, check, gain, text: g.slice(a, b), orig: o.slice(Math.max(0, a - 2), b + 2) });
  }
  // The most promising stretch: the longest shown among those reaching the latest check.
  stretches.sort((x, y) => rank(y.check) - rank(x.check) || y.shown - x.shown);
  const best = stretches[0];
  const cause = best ? `${best.check} / ${best.shown >= 3 ? '3+' : best.shown} shown / ${best.trace}` : 'no stretch';
  let l = groups.get(cause);
  if (!l) groups.set(cause, (l = []));
  l.push(`${where}: ${stretches.map((s) => `${JSON.stringify(g.slice(Math.max(0, s.a - 2), s.b + 1))}<${JSON.stringify(s.orig)}> ${s.check}${s.gain === undefined ? '' : ` ${s.gain.toFixed(1)}`}`).join('; ')}`);
}
console.log(`misaligned-GBK ${scope} cases, ${split} part: ${missed} of ${cases} not detected, by their most promising stretch (check / characters shown / trace)`);
for (const [cause, l] of [...groups].sort((x, y) => y[1].length - x[1].length)) {
  console.log(`${String(l.length).padStart(4)}  ${cause}`);
  if (list) for (const e of l) console.log(`        ${e}`);
}
