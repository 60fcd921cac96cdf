// How right the guesses for a misaligned GBK run's lost bytes are, by margin: on the repair
// evaluation's documents (tuning part only, unless told), every few Chinese characters is taken in
// turn as a run's first character (its lead lost: the characters sharing its trail compete) and as
// its last (its trail lost: the characters sharing its lead compete), with the text around it as
// it is — what a run's neighbours are once the run is read. For each way of scoring (the two
// bigrams alone, with the word model at several weights) it prints, per margin, the share of
// guesses written and the share of those that are right. The margins in silentRuns.ts come from
// here (docs/repair-eval.md); with one weight, a row `both` sums the two.
//
//   node scripts/calibrate-run-guesses.mjs [--split tuning] [--every 5] [--weights 0,0.5,0.75] [--by-source] [--by-fit] [--raw] [--pair-bonus 6] [--line-ends] [--dump out.json]
//     [--classical off|select|only] [--classical-lead nats] [--classical-word w] [--plain-fit]
//
// --raw prints the margins as the models give them, without the line's fit (fitScale); --dump writes
// every guess (task, weight, margin, fit, right, source, …, whether the classical model read it) to
// sweep the constants with. --classical select weighs a guess with the classical model
// (classicalModel.ts) where it reads the line better, as lineModel does but without its gate at a
// fit of −5 by the character model (the fit then its own;
// --plain-fit measures the line's fit with lineFit, every bigram counted, instead of cleanFit, which
// rereadEnds uses;
// --classical-word sets the word model's weight there), --classical only everywhere.
import { requireBundle } from './nodeBundle.mjs';
import { join } from 'node:path';
import { loadDocuments } from './eval-repair/corpus.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const split = arg('--split', 'tuning');
const every = Number(arg('--every', '5'));
const weights = arg('--weights', '0,0.5,1,1.5,2').split(',').map(Number);
const MARGINS = [1, 1.5, 2, 2.5, 3, 4, 6];
const bySource = process.argv.includes('--by-source');
const byFit = process.argv.includes('--by-fit');
const discount = !process.argv.includes('--raw');
const dump = arg('--dump', '');
/** Only the characters last on their line (a guess before the line break), instead of none of them. */
const lineEnds = process.argv.includes('--line-ends');
/** Weight of the two bigrams beside the word model (1 in silentGuesses.ts). */
const alpha = Number(arg('--bigram-weight', '1'));
const dumped = [];
/** ln-probability for an option that makes, with a neighbour, a pair the document writes elsewhere (documentPairs.ts). */
const cacheBonus = Number(arg('--pair-bonus', '6'));
/** The classical model (classicalModel.ts): `off`, `select` (where the line reads better by it, by --classical-lead nats a character) or `only`. */
const classical = arg('--classical', 'off');
const classicalLead = Number(arg('--classical-lead', '0'));
/** The word model's weight where the classical model reads the line (its words are modern). */
const classicalWord = Number(arg('--classical-word', '-1'));

const core = await requireBundle(join('out', 'calibrate', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { guessPrior } from './src/core/garble/mojibake/guessPrior';
    export { documentPairs, withDocumentPairs } from './src/core/garble/misaligned/documentPairs';
    export { weighableOf } from './src/core/garble/misaligned/silentGuesses';
    export { wordOpinion, fitScale, lineFit, cleanFit } from './src/core/garble/misaligned/wordGuesses';
    export { classicalModel } from './src/core/model/classicalModel';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();
const fitOf = process.argv.includes('--plain-fit') ? core.lineFit : core.cleanFit;
const cm = classical === 'off' ? undefined : core.classicalModel(lm);
const HAN_OR_PUNCT = /[\u3000-\u303f\u3400-\u9fff\uff01-\uff5e]/;
const CONTEXT = 120;

const stats = new Map(); // `${task} ${weight}` -> { n, top, [margin]: { written, right } }
const record = (key, margin, right) => {
  let s = stats.get(key);
  if (!s) stats.set(key, (s = { n: 0, top: 0, at: MARGINS.map(() => ({ written: 0, right: 0 })) }));
  s.n++;
  if (right) s.top++;
  MARGINS.forEach((m, k) => {
    if (margin >= m) {
      s.at[k].written++;
      if (right) s.at[k].right++;
    }
  });
};

let seen = 0;
for (const doc of loadDocuments().filter((d) => d.split === split)) {
  const text = doc.text;
  for (let i = 1; i + 1 < text.length; i++) {
    const ch = text[i];
    if (!HAN_OR_PUNCT.test(ch) || text[i - 1] === '\n' || (text[i + 1] === '\n') !== lineEnds) continue;
    const code = table.codeOf(ch.codePointAt(0));
    if (code < 0x100 || seen++ % every !== 0) continue;
    let a = i;
    while (a > 0 && i - a < CONTEXT && text[a - 1] !== '\n') a--;
    let z = i + 1;
    while (z < text.length && z - i < CONTEXT && text[z] !== '\n') z++;
    // The document's own pairs, this character's excluded, as a run's are (documentPairs.ts).
    let fit = fitOf(lm, text.slice(a, i), '', text.slice(i + 1, z));
    let model = lm;
    if (cm) {
      const fitC = fitOf(cm, text.slice(a, i), '', text.slice(i + 1, z));
      if (classical === 'only' || fitC > fit + classicalLead) (model = cm), (fit = fitC);
    }
    const prior = core.withDocumentPairs(core.guessPrior(model, text.slice(a, z)), core.documentPairs(text, i, i + 1), cacheBonus);
    const [before, after] = [text[i - 1], text[i + 1]];
    const fitBucket = fit >= -4.5 ? 'a ≥-4.5' : fit >= -5 ? 'b ≥-5' : fit >= -5.5 ? 'c ≥-5.5' : fit >= -6 ? 'd ≥-6' : fit >= -6.5 ? 'e ≥-6.5' : 'f <-6.5';
    const word = core.wordOpinion(lm, text.slice(a, i), text.slice(i + 1, z));
    for (const [task, options] of [['first', table.leadsOf(code & 0xff)], ['last', table.trailsOf(code >> 8).filter(([t]) => t >= 0x81)]]) {
      const list = core.weighableOf(options, lm);
      if (!list.some(([, c]) => c === ch) || list.length < 2) continue;
      const bigrams = list.map(([, c]) => prior.bigram(before, c) + prior.bigram(c, after));
      const words = weights.some((w) => w > 0) ? list.map(([, c]) => word(c)) : [];
      for (const w0 of weights) {
        const w = model === lm || classicalWord < 0 ? w0 : classicalWord;
        let best = -1, bestS = -Infinity, second = -Infinity;
        list.forEach(([, c], k) => {
          const s = alpha * bigrams[k] + (w > 0 ? w * words[k] : 0);
          if (s > bestS) { second = bestS; bestS = s; best = k; } else if (s > second) second = s;
        });
        if (dump) {
          // Beside the margin: the top option's share of the options' probability, and each
          // model's own margin for the chosen option (to weigh agreement between them).
          let mass = 0;
          list.forEach((_, k) => (mass += Math.exp(alpha * bigrams[k] + (w > 0 ? w * words[k] : 0) - bestS)));
          const own = (xs) => (xs.length ? xs[best] - Math.max(...xs.filter((_, k) => k !== best)) : 0);
          dumped.push([task, w, +(bestS - second).toFixed(3), +fit.toFixed(3), list[best][1] === ch ? 1 : 0, doc.source, +(1 / mass).toFixed(4), +own(bigrams).toFixed(3), +own(words).toFixed(3), list.length, lm.rank(list[best][1]), /[\u3400-\u9fff]/.test(list[best][1]) ? 0 : 1, /[\u3400-\u9fff]/.test(ch) ? 0 : 1, model === lm ? 0 : 1, after === '\n' ? 1 : 0]);
        }
        // As rereadEnds does: a first character read as punctuation keeps its margin unscaled, and
        // so does a last one before the line break.
        const unscaled = !discount || ((task === 'first' || after === '\n') && !/[\u3400-\u9fff]/.test(list[best][1]));
        record(`${task} w=${w0}${bySource ? ` ${doc.source}` : ''}${byFit ? ` fit ${fitBucket}` : ''}`, (bestS - second) * (unscaled ? 1 : core.fitScale(fit)), list[best][1] === ch);
      }
    }
  }
}

if (dump) (await import('node:fs')).writeFileSync(dump, JSON.stringify(dumped));
console.log(`guesses for lost bytes, ${split} part, every ${every}th double-byte character`);
console.log(`| scoring | guesses | top right | ${MARGINS.map((m) => `≥${m}: written / right`).join(' | ')} |`);
console.log(`| --- | ---: | ---: | ${MARGINS.map(() => '---:').join(' | ')} |`);
const all = { n: 0, top: 0, at: MARGINS.map(() => ({ written: 0, right: 0 })) };
for (const s of stats.values()) {
  all.n += s.n;
  all.top += s.top;
  s.at.forEach((a, k) => ((all.at[k].written += a.written), (all.at[k].right += a.right)));
}
if (weights.length === 1 && !bySource && !byFit) stats.set(`both w=${weights[0]}`, all);
for (const [key, s] of [...stats.entries()].sort()) {
  const pct = (x, n) => (n ? ((100 * x) / n).toFixed(1) : '-');
  console.log(`| ${key} | ${s.n} | ${pct(s.top, s.n)}% | ${s.at.map((a) => `${pct(a.written, s.n)}% / ${pct(a.right, a.written)}%`).join(' | ')} |`);
}
