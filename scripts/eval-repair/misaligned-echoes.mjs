// Traces read by the document's own text (misaligned/echoedTraces.ts), alone or with the characters
// shown before them (`+N`), with no bar: every echo found, by what it reads and its context
// (characters matched in a row left + right of the echoed characters), on both sides of the question. Garbled side: the repair evaluation's misaligned-GBK cases
// (tuning part unless told), the echoes at a trace the garbling made, right (the original's
// character) or wrong, and at a place it did not change; clean side: the same part's documents
// as written and folded, and the precision corpus's tune split.
//
//   node scripts/eval-repair/misaligned-echoes.mjs [--split tuning] [--precision DIR] [--show 3] [--right]
// (`--show N`: up to N examples of each context, wrong, unchanged and clean ones; `--right` the right ones too)
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { alignChars } from './alignChars.mjs';
import { arg, cleanTexts, decodedMisalignedCases } from './markCases.mjs';
import { partArgs } from './misalignedScripts.mjs';

const { split, precision } = partArgs(20);
const show = Number(arg('--show', '99'));
const core = await requireBundle(join('out', 'misaligned-echoes', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { echoedTraces } from './src/core/garble/misaligned/echoedTraces';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();
const echoes = (v) => {
  const out = [];
  core.echoedTraces(v, table, lm, (e) => out.push(e), Infinity, Infinity);
  return out;
};
// Keyed by what is read (`lone`, or `+N`: the trace with N characters shown before it) and context.
const key = (e) => `${e.i === e.start ? 'lone' : `+${e.i - e.start}`} ${Math.min(e.left, e.right)}/${e.left + e.right}`;
const tally = {};
const add = (side, e, text) => {
  const t = (tally[key(e)] ??= { right: 0, wrong: 0, unchanged: 0, clean: 0, ex: [] });
  t[side]++;
  if ((side !== 'right' || process.argv.includes('--right')) && t.ex.length < show) t.ex.push(`${side}: ${text}`);
};
const docs = loadDocuments().filter((d) => d.split === split);
for (const { g, o, c, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length) continue;
  const list = echoes(g);
  if (!list.length) continue;
  const { x, y, ops } = alignChars(o, g);
  const orig = new Map();
  for (const [i, j] of ops) if (j >= 0) orig.set(j, i >= 0 ? x[i] : undefined);
  for (const e of list) {
    // The original's characters aligned with the span read (undefined where it has none).
    let was = '';
    for (let j = e.start; j <= e.i; j++) was += orig.get(j) ?? '\u0000';
    const side = was === g.slice(e.start, e.i + 1) ? 'unchanged' : was === e.ch ? 'right' : 'wrong';
    add(side, e, `${JSON.stringify(g.slice(Math.max(0, e.start - 4), e.i + 5))} → ${e.ch} (original ${JSON.stringify(was)}) ${c.scope} ${where}`);
  }
}
for (const [text, where] of cleanTexts(docs, precision)) for (const e of echoes(text)) add('clean', e, `${JSON.stringify(text.slice(Math.max(0, e.start - 4), e.i + 5))} → ${e.ch} ${where}`);
console.log(`echoed traces, ${split} part, by what is read (lone trace, or +N shown before it) and context (fewer side / both sides): right / wrong / at a place the garbling did not change / clean text`);
for (const [k, t] of Object.entries(tally).sort()) {
  console.log(`${k.padStart(5)}  ${t.right} / ${t.wrong} / ${t.unchanged} / ${t.clean}`);
  for (const ex of t.ex) console.log(`         ${ex}`);
}
