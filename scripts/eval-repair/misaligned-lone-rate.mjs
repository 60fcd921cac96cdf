// The lone trails (loneTrails.ts: an ASCII letter or symbol shown alone between Chinese characters,
// its lead byte lost) of the repair evaluation's misaligned-GBK cases that no finding of
// analyzeText covers, against those the garbling did not make (the case's own letters, clean),
// with the document's bonus (documentRate.ts) the second pass weighs them at: per kind, the
// bigrams' gain and the gain with the word model (weighLoneTrail), so that a bar at the
// document's rate can be read off both sides. Clean letters of a case with no bonus are left out
// (no bar at the rate reaches them).
//
//   node scripts/eval-repair/misaligned-lone-rate.mjs [--split tuning] [--list capital]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { arg, changedMask, decodedMisalignedCases } from './markCases.mjs';

const split = arg('--split', 'tuning');
const list = arg('--list', '');

const core = await requireBundle(join('out', 'misaligned-lone-rate', 'core.cjs'), {
  exports: `
    export { analyzeText } from './src/core/index';
    export { observeSearch } from './src/core/garble/misaligned/probes';
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { weighLoneTrail } from './src/core/garble/misaligned/loneTrails';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();

const rows = [];
for (const { g, o, where } of decodedMisalignedCases(loadDocuments().filter((d) => d.split === split))) {
  if (g === o || [...g].length !== g.length) continue;
  let bonus = 0;
  const issues = core.observeSearch({ rate: (_c, _l, b) => (bonus = Math.max(bonus, b)) }, () => core.analyzeText(g));
  const runs = issues.filter((i) => i.kind === 'misaligned-gbk');
  const mask = changedMask(o, g);
  for (let i = 1; i + 1 < g.length; i++) {
    const c = g.charCodeAt(i);
    if (c < 0x41 || c > 0x7e) continue;
    const w = core.weighLoneTrail(g, i, table, lm);
    if (!w || !w.shapeOk) continue;
    const made = mask[i];
    const found = runs.some((r) => r.start <= i && i < r.end);
    if (!made && bonus === 0) continue;
    rows.push({ ...w, made, found, bonus, context: g.slice(Math.max(0, i - 5), i + 6), where });
  }
}

const f = (x) => x.toFixed(2).padStart(6);
for (const kind of ['lower', 'capital', 'symbol']) {
  const k = rows.filter((r) => r.kind === kind);
  const made = k.filter((r) => r.made);
  console.log(`\n${kind}: made ${made.length} (found ${made.filter((r) => r.found).length}, bonus > 0 ${made.filter((r) => r.bonus > 0).length}); clean in a text with a bonus ${k.filter((r) => !r.made).length} (found ${k.filter((r) => !r.made && r.found).length})`);
  // A bar at the rate: the gain with the words plus the bonus reaches `bar` (the bigrams' floor too).
  console.log('  words + bonus ≥ bar, bigrams ≥ floor: bar / floor  made unfound passing  clean passing');
  for (const floor of [0, 4, 6])
    for (const bar of [9, 10, 11, 12, 13, 14])
      console.log(`  ${String(bar).padStart(3)} / ${floor}  ${String(made.filter((r) => !r.found && r.bonus > 0 && r.gain >= floor && r.withWords + r.bonus >= bar).length).padStart(4)}  ${String(k.filter((r) => !r.made && r.gain >= floor && r.withWords + r.bonus >= bar).length).padStart(4)}`);
  if (kind === list || list === 'all')
    for (const r of k.sort((a, b) => b.withWords + b.bonus - a.withWords - a.bonus))
      console.log(`  ${r.made ? 'made ' : 'clean'} ${r.found ? 'found' : '     '} ${f(r.gain)} ${f(r.withWords)} +${r.bonus.toFixed(2)}  ${JSON.stringify(r.context)}  ${r.where}`);
}
