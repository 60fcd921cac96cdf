// One character shown for two (the silent shape the misaligned-GBK search never reads: a run
// needs two characters shown before a silent end, runScan.ts bestRun): a lead byte lost before the
// first character and the trail of the second dropped, so that the first's trail and the second's
// lead show as one character between text read in step (`國揽長` for 國防部長: 防部 B7 C0 B2 BF,
// B7 lost, C0 B2 shows as 揽, BF dropped before 長). Every double-byte character between two
// Chinese characters (one of the three Han) is weighed as that shape, with no gate: ln Σ over every
// pair the bytes allow (the first any character whose trail is the shown lead, the second any
// whose lead is the shown trail and whose trail the decoder could not pair with the next byte) of
// P(bigrams) · P(words)^WORD_WEIGHT, against the character shown, plus the price of the second
// silent event (runScan.ts SILENT_END_LOG_PRIOR), as the unsigned runs are weighed
// (nearWords.ts). On the repair evaluation's misaligned-GBK cases (the tuning part unless told)
// a character counts as made by the garbling when the garbling changed it (aligned with the
// original), and as right when the best pair with its neighbours stands in the original; clean text
// is the same part's documents as written and folded, the precision corpus's tune split and
// (`--ner DIR`) the NER corpora's training text. Characters of the garbled cases already inside a
// run the detector reports are left out. Prints the best of each side and, per bar, how many pass.
//
//   node scripts/eval-repair/misaligned-two-for-one.mjs [--split tuning] [--precision /work/data/precision] [--ner /work/data/ner] [--top 12]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { arg, changedMask, cleanTexts, decodedMisalignedCases, nerTraining } from './markCases.mjs';

const split = arg('--split', 'tuning');
const precision = arg('--precision', '/work/data/precision');
const ner = arg('--ner', '');
const top = Number(arg('--top', '12'));

const core = await requireBundle(join('out', 'misaligned-two-for-one', 'core.cjs'), {
  exports: `
    export { findMisalignedGbk } from './src/core/garble/misalignedGbk';
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { isChinese } from './src/core/garble/misaligned/loneMarks';
    export { PairedAgain } from './src/core/garble/misaligned/pairedAgain';
    export { weighableOf, lineAround } from './src/core/garble/misaligned/silentGuesses';
    export { wordOpinion, WORD_WEIGHT } from './src/core/garble/misaligned/wordGuesses';
    export { SILENT_END_LOG_PRIOR } from './src/core/garble/misaligned/runScan';
    export { isHan } from './src/core/text/chars';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();
const paired = core.PairedAgain.of(table, lm);
const PRIOR = core.SILENT_END_LOG_PRIOR;
/** Bigram gains (price included) below this are not weighed with the words: no clean or garbled one comes near the bar from there. */
const WORDS_FLOOR = -4;
/** Pairs weighed with the words at each character, best by their bigrams. */
const PAIRS = 48;
/** Pairs further below the best pair's bound than this (nats) hold next to nothing of the sum. */
const WINDOW = 14;

const logSumExp = (xs) => {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  if (m === -Infinity) return m;
  let s = 0;
  for (const x of xs) s += Math.exp(x - m);
  return m + Math.log(s);
};

/** The shape weighed at `i` of `v`: { bigrams, total, best } or undefined where it cannot be. */
function weigh(v, i) {
  const cu = v.charCodeAt(i);
  if (cu < 0x80) return undefined;
  const code = table.codeOf(cu);
  if (code < 0x100) return undefined;
  const [s1, s2] = [code >> 8, code & 0xff];
  if (s2 < 0x81) return undefined;
  const [p, n] = [v.charCodeAt(i - 1), v.charCodeAt(i + 1)];
  if (!core.isChinese(p) || !core.isChinese(n) || !(core.isHan(p) || core.isHan(cu) || core.isHan(n))) return undefined;
  const prev = v[i - 1];
  const next = v[i + 1];
  const shown = lm.bigram(prev, v[i]) + lm.bigram(v[i], next);
  // Quick bound: the best any two characters could do beside these neighbours.
  if (lm.bestAfter(p) + lm.bestBefore(n) - shown + PRIOR < WORDS_FLOOR) return { bigrams: -Infinity };
  const nextCode = n < 0x80 ? -1 : table.codeOf(n);
  const xs = core.weighableOf(table.leadsOf(s1), lm).map(([, ch]) => [ch, lm.bigram(prev, ch)]).sort((a, b) => b[1] - a[1]);
  const ys = core.weighableOf(nextCode >= 0x100 ? paired.gapTrailsOf(s2, nextCode >> 8) : paired.highTrailsOf(s2), lm).map(([, ch]) => [ch, lm.bigram(ch, next)]).sort((a, b) => b[1] - a[1]);
  if (!xs.length || !ys.length) return undefined;
  const pairs = [];
  for (const [x, a] of xs) {
    if (a + ys[0][1] < xs[0][1] + ys[0][1] - WINDOW) break;
    for (const [y, b] of ys) {
      if (a + b < xs[0][1] + ys[0][1] - WINDOW) break;
      pairs.push([x + y, a + b + lm.bigram(x, y)]);
    }
  }
  const bigrams = logSumExp(pairs.map((q) => q[1])) - shown + PRIOR;
  if (bigrams < WORDS_FLOOR) return { bigrams };
  pairs.sort((a, b) => b[1] - a[1]);
  const word = core.wordOpinion(lm, ...core.lineAround(v, i, i + 1, 12));
  const shownWords = core.WORD_WEIGHT * word(v[i]);
  const weighed = pairs.slice(0, PAIRS).map(([r, s]) => [r, s + core.WORD_WEIGHT * word(r)]);
  const best = weighed.reduce((m, q) => (q[1] > m[1] ? q : m));
  const total = logSumExp(weighed.map((q) => q[1])) - shown - shownWords + PRIOR;
  return { bigrams, total, best: best[0] };
}

const docs = loadDocuments().filter((d) => d.split === split);
const made = [];
const cleanInGarbled = [];
let madeAll = 0;
for (const { g, o, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length) continue;
  const mask = changedMask(o, g);
  const issues = core.findMisalignedGbk(g);
  process.stderr.write('.');
  for (let i = 1; i + 1 < g.length; i++) {
    if (issues.some((r) => r.start <= i && i < r.end)) continue;
    const w = weigh(g, i);
    if (!w) continue;
    if (mask[i]) madeAll++;
    if (w.total === undefined) continue;
    const r = { ...w, where, context: g.slice(Math.max(0, i - 4), i + 5) };
    if (mask[i]) made.push({ ...r, right: o.includes(g[i - 1] + w.best + g[i + 1]) });
    else cleanInGarbled.push(r);
  }
}
const clean = [];
let cleanAll = 0;
// `--precision none`: the tuning documents (and NER text) alone, a quicker first look: more clean
// text only raises the clean side's best.
const cleanSide = precision === 'none' ? cleanTexts(docs, '/nonexistent') : cleanTexts(docs, precision);
for (const [text, where] of [...cleanSide, ...(ner ? nerTraining(ner) : [])]) {
  process.stderr.write('+');
  for (let i = 1; i + 1 < text.length; i++) {
    const w = weigh(text, i);
    if (!w) continue;
    cleanAll++;
    if (w.total !== undefined) clean.push({ ...w, where, context: text.slice(Math.max(0, i - 4), i + 5) });
  }
}

console.log(`one character shown for two, ${split} part: ln Σ over the pairs (bigrams + ${core.WORD_WEIGHT} words) − shown + ${PRIOR}; weighed with the words from ${WORDS_FLOOR} of bigrams`);
for (const [title, list, all] of [['changed by the garbling, no run over it', made, madeAll], [`clean text (tuning as written and folded${precision === 'none' ? '' : ', precision tune'}` + (ner ? ', NER training' : '') + ')', clean, cleanAll], ['unchanged text of the garbled cases', cleanInGarbled, undefined]]) {
  list.sort((a, b) => b.total - a.total);
  console.log(`\n== ${title}: ${all ?? '?'} characters, ${list.length} weighed with the words`);
  for (const r of list.slice(0, top)) console.log(`  ${r.total.toFixed(2).padStart(7)} (${r.bigrams.toFixed(1).padStart(5)}) ${r.best}${r.right === undefined ? '' : r.right ? ' right' : ' wrong'}  ${JSON.stringify(r.context)}  ${r.where}`);
}
console.log('\n  bar   made (right)   clean   unchanged-in-garbled');
for (const bar of [8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]) {
  const m = made.filter((r) => r.total >= bar);
  console.log(`  ${String(bar).padStart(3)}  ${String(m.length).padStart(5)} (${String(m.filter((r) => r.right).length).padStart(4)})  ${String(clean.filter((r) => r.total >= bar).length).padStart(6)}  ${String(cleanInGarbled.filter((r) => r.total >= bar).length).padStart(6)}`);
}
