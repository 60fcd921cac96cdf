// Whether the document's own rate under the character model separates the lone `?` a lost byte
// left from the `?` clean text writes: every `?` between Chinese characters weighed as loneMarks.ts
// weighs it, with no gate (its bigram gain, the lost byte's price included), beside its text's rate
// B (ln P per character of the whole text, lm.perChar) and the rate of the text with the mark's
// line left out (the document's other paragraphs: the baseline a one-paragraph garbling leaves).
// A bar on gain + λ · (B − B0) (B0 = −6, a modern text's rate; λ = 0 is the gate as it is) is set
// just above the best clean mark, and the marks the garbling made are counted above it. Garbled
// side: the marks made in the repair evaluation's misaligned-GBK cases (tuning part unless told),
// by scope; clean side: the same part's documents (as written and folded) and the precision
// corpus's tune split. `--others` keeps only marks in texts that write no other `?` beside Chinese.
//
//   node scripts/eval-repair/misaligned-q-rate.mjs [--split tuning] [--precision DIR] [--others]
import { loadDocuments } from './corpus.mjs';
import { cleanTexts, markCore } from './markCases.mjs';
import { madeAndClean, weighedMarks } from './loneQuestionMarks.mjs';
import { partArgs } from './misalignedScripts.mjs';

const { split, precision } = partArgs(20);
const onlyAlone = process.argv.includes('--others');
const marking = await markCore('misaligned-q-rate');
const { lm } = marking;

/** The rate of `v` with the line holding offset i left out (the other paragraphs), and of all of it. */
function rates(v, i) {
  const a = v.lastIndexOf('\n', i) + 1;
  const e = v.indexOf('\n', i);
  const b = e < 0 ? v.length : e + 1;
  const rest = v.slice(0, a) + v.slice(b);
  return { all: lm.perChar(v), rest: /[\u4e00-\u9fff]/.test(rest) ? lm.perChar(rest) : lm.perChar(v) };
}

const docs = loadDocuments().filter((d) => d.split === split);
const { made, clean } = madeAndClean(docs, (v) => weighedMarks(v, marking, 4, rates), cleanTexts(docs, precision));

const keep = (m) => !onlyAlone || m.others === 0;
const B0 = -6;
console.log(`lone \`?\` between Chinese, ${split} part${onlyAlone ? ', texts writing no other `?`' : ''}: made in one paragraph ${made.paragraph.filter(keep).length}, whole documents ${made.doc.filter(keep).length}; clean ${clean.filter(keep).length}`);
console.log('| rate | λ | bar (best clean + 0.1) | best clean | paragraph marks above | document marks above |');
console.log('| --- | ---: | ---: | --- | ---: | ---: |');
for (const which of ['all', 'rest']) {
  for (const lambda of [-1, -0.5, 0, 0.5, 1, 2, 4]) {
    const score = (m) => m.gain + lambda * (m[which] - B0);
    const cl = clean.filter(keep).sort((a, b) => score(b) - score(a));
    const bar = cl.length ? score(cl[0]) + 0.1 : -Infinity;
    const above = (l) => l.filter(keep).filter((m) => score(m) >= bar).length;
    console.log(`| ${which} | ${lambda} | ${bar.toFixed(1)} | ${cl.length ? `${JSON.stringify(cl[0].context)} ${cl[0].where} (gain ${cl[0].gain.toFixed(1)}, B ${cl[0][which].toFixed(2)})` : '-'} | ${above(made.paragraph)} | ${above(made.doc)} |`);
  }
}
console.log('\nparagraph marks (gain, B all / rest):');
for (const m of made.paragraph.filter(keep).sort((a, b) => b.gain - a.gain)) console.log(`  ${m.gain.toFixed(1).padStart(6)} ${m.all.toFixed(2)} / ${m.rest.toFixed(2)}  ${JSON.stringify(m.context)}  ${m.where}`);
console.log('\nclean marks, best by gain:');
for (const m of clean.filter(keep).sort((a, b) => b.gain - a.gain).slice(0, 12)) console.log(`  ${m.gain.toFixed(1).padStart(6)} ${m.all.toFixed(2)} / ${m.rest.toFixed(2)}  ${JSON.stringify(m.context)}  ${m.where}`);
