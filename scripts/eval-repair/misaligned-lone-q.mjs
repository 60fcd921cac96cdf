// A lone `?` between Chinese characters (loneMarks.ts) on both sides, with no gate, by what the
// text around it says: its gain over the mark as written (bigrams, the lost byte's price
// included), and how many other `?` beside a Chinese character the whole text writes (a text that
// writes `?` elsewhere explains this one as written: questions, or a placeholder for a character
// its source could not show). Garbled side: the marks the garbling made in the repair
// evaluation's misaligned-GBK cases (tuning part unless told; whole documents with one paragraph
// garbled, or every paragraph); clean side: the same part's documents (as written and folded), the
// precision corpus's tune split, and with --ner the NER corpora's training text, each line a text.
//
//   node scripts/eval-repair/misaligned-lone-q.mjs [--split tuning] [--ner /work/data/ner] [--top 20]
import { loadDocuments } from './corpus.mjs';
import { cleanTexts, markCore, nerTraining } from './markCases.mjs';
import { madeAndClean, weighedMarks } from './loneQuestionMarks.mjs';
import { partArgs } from './misalignedScripts.mjs';

const { split, precision, ner, top } = partArgs(20);
const marking = await markCore('misaligned-lone-q');
const { core, table, lm } = marking;

/**
 * The share of the neighbours' likelihood the gap's characters hold (as for a lone U+FFFD):
 * against a character lost there by any process that printed `?` for it.
 */
function share(v, i) {
  const w = v.slice(0, i) + '\ufffd' + v.slice(i + 1);
  const f = core.loneMark(w, i, table, lm, -Infinity, -Infinity);
  return { share: f ? f.gain - core.FFFD_BASE_GAIN : -Infinity };
}

const docs = loadDocuments().filter((d) => d.split === split);
const texts = [...cleanTexts(docs, precision)];
if (ner) for (const [text, where] of nerTraining(ner)) text.split('\n').forEach((l, k) => l && texts.push([l, `${where} ${k}`]));
const { made, clean } = madeAndClean(docs, (v) => weighedMarks(v, marking, 6, share), texts);

const show = (title, list) => {
  list.sort((a, b) => b.gain - a.gain);
  console.log(`\n${title}: ${list.length}`);
  for (const m of list.slice(0, top)) console.log(`  ${m.gain.toFixed(2).padStart(7)} ${m.share.toFixed(2).padStart(6)} ${String(m.others).padStart(4)}  ${JSON.stringify(m.context)}  ${m.where}`);
};
show('made, one paragraph (gain, other `?` the text writes)', made.paragraph);
show('made, whole documents', made.doc);
show('clean, no other `?` in the text', clean.filter((m) => m.others === 0));
show('clean, others in the text', clean.filter((m) => m.others > 0));
const n = (l, g, f = () => true) => l.filter((m) => m.gain >= g && f(m)).length;
for (const s of [-4, -3, -2.5, -2, -1.5, -1]) {
  const f = (m) => m.others === 0 && m.share >= s;
  console.log(`\nshare >= ${s}, no other \`?\`: gate  para  doc  clean`);
  for (const g of [3, 4, 5, 6, 7]) console.log(`  ${String(g).padStart(4)}  ${String(n(made.paragraph, g, f)).padStart(4)}  ${String(n(made.doc, g, f)).padStart(4)}  ${String(n(clean, g, f)).padStart(5)}`);
}
console.log('\ngate  para(0 others)  para(all)  doc(0 others)  clean(0 others)  clean(all)');
const none = (m) => m.others === 0;
for (const g of [2, 3, 4, 5, 6, 7, 8]) console.log(`${String(g).padStart(4)}  ${String(n(made.paragraph, g, none)).padStart(13)}  ${String(n(made.paragraph, g)).padStart(9)}  ${String(n(made.doc, g, none)).padStart(13)}  ${String(n(clean, g, none)).padStart(15)}  ${String(n(clean, g)).padStart(10)}`);
