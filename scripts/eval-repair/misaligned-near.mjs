// The near-gate band of the misaligned-GBK silent search (nearWords.ts): every short run whose
// bigrams gain NEAR_GAIN but whose bound stays under MIN_GAIN (silentRuns.ts), weighed with the
// words and no gate, by how its surface ends (the trace the garbling leaves: a mark, an ASCII trail,
// a swallowed letter, or nothing), on the repair evaluation's misaligned-GBK cases (the tuning part
// unless told; a run counts as made by the garbling when it overlaps a stretch the garbling changed)
// and on clean text: the same part's documents as written and folded, and the precision corpus's
// tune split (`--ner DIR`: and the NER corpora's training text). A run of one character shown
// before its trace (two where both guessed ends are sure) with no bigram that reads as garbage
// (runScan.ts, `unsigned`) is counted apart,
// `(unsigned)`. Ends after an ASCII letter (a trail shown so) are searched from a lower floor than the
// others (nearWords.ts NEAR_FLOOR_TRACE; `--floor` tries another, through the probe's nearFloorTrace, as low as the search goes). For each trace it
// prints the gains (bigrams, channel price and words; and the bigrams' part alone), so that the
// band's bar per trace (nearWords.ts) can be set above every clean run, and per run whether the
// final check (chooseRuns.ts) would take it (`final`), whether the detector reports it (`taken`)
// or another run over it (`found`): a run the garbling made that is neither is one the band misses.
//
//   node scripts/eval-repair/misaligned-near.mjs [--split tuning] [--precision /work/data/precision] [--top 8] [--floor 4] [--ner /work/data/ner]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { arg, changedMask, cleanTexts, decodedMisalignedCases, nerTraining } from './markCases.mjs';

const split = arg('--split', 'tuning');
const precision = arg('--precision', '/work/data/precision');
const top = Number(arg('--top', '8'));
const floor = arg('--floor', '');
/** The NER corpora's training splits, more clean text of training splits (`--ner /work/data/ner`; none unless told). */
const ner = arg('--ner', '');

const core = await requireBundle(join('out', 'misaligned-near', 'core.cjs'), {
  exports: `
    export { findMisalignedGbk } from './src/core/garble/misalignedGbk';
    export { traceOf, NEAR_TRACES, asciiNear, NEAR_FLOOR_TRACE } from './src/core/garble/misaligned/nearWords';
    export { observeSearch } from './src/core/garble/misaligned/probes';
    export { weighRepair, CHANNEL_LOG_PRIOR, NEIGHBOURHOOD } from './src/core/decision';
    export { genreAgrees } from './src/core/garble/misaligned/genreCheck';
    export { getCharModel } from './src/core/model/charLanguageModel';
  `,
});
const traceFloor = floor !== '' ? Number(floor) : core.NEAR_FLOOR_TRACE;

const lm = core.getCharModel();
/** Every near-gate run weighed in `text`: span, trace, total. */
function nearRuns(text) {
  const out = [];
  const seen = (v, c, words) => {
    const { start, end } = c.run;
    // Whether the final check (chooseRuns.ts) would take it, overlaps aside.
    const weight = core.weighRepair({ before: v.slice(Math.max(0, start - core.NEIGHBOURHOOD), start), original: v.slice(start, end), reading: c.reading, after: v.slice(end, end + core.NEIGHBOURHOOD) }, core.CHANNEL_LOG_PRIOR + c.prior + Math.max(0, words) + (c.evidence ?? 0));
    const final = weight.accept && core.genreAgrees(v, start, end, c.reading, c.prior, lm);
    let trace = core.traceOf(v, start, end);
    if (trace !== 'silent' && core.asciiNear(v, start, end)) trace += ' (ASCII letters near)';
    if (c.unsigned) trace += ' (unsigned)';
    out.push({ start, end, trace, total: c.gain + words, bigrams: c.gain, final, context: v.slice(Math.max(0, start - 4), end + 4) });
  };
  const issues = core.observeSearch({ seen, nearFloorTrace: traceFloor }, () => core.findMisalignedGbk(text));
  // Whether the detector reported it in the end, or another run over it (`found`).
  for (const r of out) {
    r.taken = issues.some((i) => i.start === r.start && i.end === r.end);
    r.covered = issues.some((i) => i.start < r.end && r.start < i.end);
  }
  return out;
}

const docs = loadDocuments().filter((d) => d.split === split);
const made = [];
const cleanInGarbled = [];
for (const { g, o, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length) continue;
  const mask = changedMask(o, g);
  for (const r of nearRuns(g)) {
    let hit = false;
    for (let j = r.start; j < r.end && !hit; j++) hit = mask[j] === 1;
    (hit ? made : cleanInGarbled).push({ ...r, where });
  }
}
const clean = [];
for (const [text, where] of [...cleanTexts(docs, precision), ...(ner ? nerTraining(ner) : [])]) for (const r of nearRuns(text)) clean.push({ ...r, where });

console.log(`near-gate runs, ${split} part, by trace (gain = bigrams + channel price + words (bigrams + price)); floor for trace ends ${traceFloor}`);
for (const trace of core.NEAR_TRACES.flatMap((t) => (t === 'silent' ? [t] : [t, `${t} (ASCII letters near)`])).flatMap((t) => [t, `${t} (unsigned)`])) {
  const sides = [['made by the garbling', made], ['clean text', clean], ['clean text in the garbled cases', cleanInGarbled]].map(([t, l]) => [t, l.filter((r) => r.trace === trace).sort((a, b) => b.total - a.total)]);
  console.log(`\n== ${trace}`);
  for (const [title, list] of sides) {
    console.log(`  ${title}: ${list.length}`);
    for (const r of list.slice(0, top)) console.log(`    ${r.total.toFixed(2).padStart(7)} (${r.bigrams.toFixed(1).padStart(5)}) ${r.final ? 'final' : '     '} ${r.taken ? 'taken' : r.covered ? 'found' : '     '}  ${JSON.stringify(r.context)}  ${r.where}`);
  }
  console.log('  bar   made  clean  clean-in-garbled   (each: at the bar / at the bar and taken by the final check)');
  for (const bar of [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]) console.log(`  ${String(bar).padStart(3)}  ${sides.map(([, l]) => `${l.filter((r) => r.total >= bar).length}/${l.filter((r) => r.total >= bar && r.final).length}`.padStart(7)).join('  ')}`);
}
