// How right a found run's lost end is when read where the document writes it (misaligned/endEchoes.ts),
// by context, on lines as written: every EVERY-th double-byte character of the repair evaluation's
// documents (tuning part unless told) is taken in turn as a run's lost first character (its lead
// lost: the options are the characters sharing its trail), its lost last one (its trail lost: the
// characters sharing its lead), and with the character after it as a run of one shown whose two
// ends were both lost (both option lists); the text around it as written is its context, the
// place itself never looked at. Printed per context (fewer side / both sides, each side up to
// END_REACH): echoes right / wrong, and what the bar (endEchoes.ts holds) writes.
//
//   node scripts/eval-repair/calibrate-end-echoes.mjs [--split tuning] [--every 5] [--show 3]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { arg } from './markCases.mjs';

const split = arg('--split', 'tuning');
const every = Number(arg('--every', '5'));
const show = Number(arg('--show', '3'));
const core = await requireBundle(join('out', 'calibrate-end-echoes', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { bestEndEcho, holds, END_REACH } from './src/core/garble/misaligned/endEchoes';
    export { weighableOf } from './src/core/garble/misaligned/silentGuesses';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();
const R = core.END_REACH;

const tally = {}; // task → key → { right, wrong, ex }
const add = (task, e, right, text) => {
  const k = `${Math.min(e.left, e.right)}/${e.left + e.right}`;
  const t = ((tally[task] ??= {})[k] ??= { right: 0, wrong: 0, ex: [] });
  t[right ? 'right' : 'wrong']++;
  if (!right && t.ex.length < show) t.ex.push(text);
};
const looked = {};
const docs = loadDocuments().filter((d) => d.split === split);
let seen = 0;
for (const doc of docs) {
  const t = doc.text;
  for (let i = 1; i + 2 < t.length; i++) {
    const code = table.codeOf(t.charCodeAt(i));
    if (code < 0x100 || t[i - 1] === '\n' || t[i + 1] === '\n') continue;
    if (seen++ % every !== 0) continue;
    const before = t.slice(Math.max(0, i - R), i);
    const firstOptions = table.leadsOf(code & 0xff);
    const lastOptions = table.trailsOf(code >> 8);
    const next = table.codeOf(t.charCodeAt(i + 1));
    const tasks = [
      ['first', [firstOptions], t.slice(i + 1, i + 1 + R), t[i]],
      ['last', [lastOptions], t.slice(i + 1, i + 1 + R), t[i]],
    ];
    if (next >= 0x100) tasks.push(['pair', [firstOptions, table.trailsOf(next >> 8)], t.slice(i + 2, i + 2 + R), t.slice(i, i + 2)]);
    for (const [task, slots, after, want] of tasks) {
      looked[task] = (looked[task] ?? 0) + 1;
      const e = core.bestEndEcho(t, i, slots.map((o) => core.weighableOf(o, lm)), before, after);
      if (!e) continue;
      const got = e.guesses.map((g) => g.ch).join('');
      add(task, e, got === want, `${before}[${got}≠${want}]${after} ${doc.source ?? ''}`.replace(/\n/g, '⏎'));
    }
  }
}
console.log(`run ends read by the document's echo, ${split} part, lines as written (every ${every}th double-byte character): right / wrong by context (fewer side / both sides)`);
for (const [task, rows] of Object.entries(tally)) {
  let [r, w] = [0, 0];
  console.log(`${task} (${looked[task]} looked at)`);
  for (const [k, t] of Object.entries(rows).sort()) {
    const [side, both] = k.split('/').map(Number);
    const kept = core.holds(side, both - side);
    if (kept) [r, w] = [r + t.right, w + t.wrong];
    console.log(`  ${k.padStart(5)}  ${t.right} / ${t.wrong}${kept ? '  (kept)' : ''}`);
    for (const ex of t.ex) console.log(`         ${ex}`);
  }
  console.log(`  kept: ${r} right, ${w} wrong (${((100 * r) / Math.max(1, r + w)).toFixed(2)} %)`);
}
