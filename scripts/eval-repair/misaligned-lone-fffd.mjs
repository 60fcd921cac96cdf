// How a lone U+FFFD between Chinese characters weighs as a misaligned GBK trace (loneMarks.ts): the
// ln share of its neighbours' likelihood that the characters its lost lead can leave a U+FFFD for
// hold, against every character. With no gate, on the repair evaluation's misaligned-GBK cases (the
// tuning part unless told; the U+FFFD the garbling made, by aligning each case with its original),
// on the same part's documents with one character in every STRIDE between two Chinese characters
// lost by another process (a UTF-8 sequence cut short: U+FFFD, any character), on the mojibake cases'
// lone U+FFFD, and on the precision corpus's tune split (its files garbled in their source left
// out). For each side it prints the shares, so that the gate (loneMarks.ts, FFFD_MIN_SHARE) can be
// set where the other losses are rarely taken.
//
//   node scripts/eval-repair/misaligned-lone-fffd.mjs [--split tuning] [--precision /work/data/precision] [--top 12]
import { loadDocuments } from './corpus.mjs';
import { mojibakeScope, MOJIBAKE_PROCESSES, PythonBatch, rng } from './garble.mjs';
import { arg, garbledOf, markCore, marksMade, misalignedCases, precisionTune } from './markCases.mjs';

const split = arg('--split', 'tuning');
const precision = arg('--precision', '/work/data/precision');
const top = Number(arg('--top', '12'));
/** One character in this many between two Chinese characters is lost by another process. */
const STRIDE = 7;

const { core, table, lm } = await markCore('misaligned-lone-fffd');

/** Every U+FFFD of `v` that loneMarks weighs, with its share. */
function marks(v) {
  const out = [];
  for (let i = v.indexOf('\ufffd', 1); i >= 0; i = v.indexOf('\ufffd', i + 1)) {
    const c = core.loneMark(v, i, table, lm, -Infinity, -Infinity);
    if (c) out.push({ at: i, share: c.gain - core.FFFD_BASE_GAIN, context: v.slice(Math.max(0, i - 6), i + 7), run: c.run });
  }
  return out;
}

// ---- the garbled cases, made as scripts/eval-repair.mjs makes them ----
const docs = loadDocuments().filter((d) => d.split === split);
const python = new PythonBatch();
const cases = misalignedCases(docs, python);
for (const doc of docs) {
  for (const page of ['gbk', 'big5', 'cp1252']) {
    const kind = `mojibake ${page}`;
    const rr = rng(`${doc.id}\u0000${kind}`);
    const process = rr.pick(MOJIBAKE_PROCESSES[page]);
    const scope = rr.next() < 0.5 ? 'doc' : 'paragraph';
    const { garbled, pending } = mojibakeScope(doc.text, scope, rr, process, python);
    if (garbled !== undefined) cases.push({ kind, doc, garbled, pending });
  }
}
const decoded = python.run();

const made = [];
const mojibake = [];
for (const c of cases) {
  const [g, o] = garbledOf(c, decoded);
  if (g === o) continue;
  const found = marks(g);
  if (found.length === 0) continue;
  if (c.kind.startsWith('mojibake')) {
    for (const m of found) mojibake.push({ ...m, where: `${c.kind} ${c.doc.id}` });
    continue;
  }
  const madeHere = marksMade(o, g, '\ufffd');
  if (!madeHere) continue;
  for (const m of found) if (madeHere.has(m.at)) made.push({ ...m, where: `${c.kind} ${c.doc.id}${c.fold ? ' folded' : ''}` });
}

// ---- other losses: one character in STRIDE between Chinese characters lost as U+FFFD ----
const other = [];
for (const doc of docs) {
  const t = doc.text;
  let n = 0;
  for (let i = 1; i + 1 < t.length; i++) {
    if (!core.isChinese(t.charCodeAt(i - 1)) || !core.isChinese(t.charCodeAt(i)) || !core.isChinese(t.charCodeAt(i + 1))) continue;
    if (n++ % STRIDE !== 0) continue;
    const v = t.slice(Math.max(0, i - 40), i) + '\ufffd' + t.slice(i + 1, i + 41);
    const at = Math.min(i, 40);
    const c = core.loneMark(v, at, table, lm, -Infinity, -Infinity);
    if (c) other.push({ at, share: c.gain - core.FFFD_BASE_GAIN, context: `${v.slice(Math.max(0, at - 6), at + 7)} (${t[i]})`, where: doc.id, run: c.run, truth: t[i] });
  }
}

// ---- the precision corpus's tune split ----
const clean = [];
for (const [path, text] of precisionTune(precision)) for (const m of marks(text)) clean.push({ ...m, where: `precision ${path}` });

const show = (title, list) => {
  list.sort((a, b) => b.share - a.share);
  console.log(`\n${title}: ${list.length}`);
  for (const m of list.slice(0, top)) console.log(`  ${m.share.toFixed(2).padStart(7)}  ${JSON.stringify(m.context)}  ${m.where}`);
};
const above = (list, g) => list.filter((m) => m.share >= g).length;
console.log(`lone U+FFFD, ${split} part`);
show("U+FFFD the misaligned garbling made", made);
show('characters lost by another process (documents)', other);
show('U+FFFD in the mojibake cases', mojibake);
show('U+FFFD in the precision tune split', clean);
console.log('\n gate  made  other  mojibake  precision');
for (const g of [-3, -2, -1.5, -1, -0.75, -0.5, -0.3, -0.2, -0.1, -0.05]) console.log(`${String(g).padStart(5)}  ${String(above(made, g)).padStart(4)}  ${String(above(other, g)).padStart(5)}  ${String(above(mojibake, g)).padStart(8)}  ${String(above(clean, g)).padStart(9)}`);

// What the repair would write for the other losses it takes: the lost character, another, or U+FFFD.
console.log('\n gate  other: written right / wrong / left U+FFFD');
for (const g of [-3, -2, -1.5, -1, -0.5]) {
  let right = 0;
  let wrong = 0;
  let kept = 0;
  for (const m of other.filter((m) => m.share >= g)) {
    const out = m.run.out;
    if (out === '\ufffd') kept++;
    else if (out === m.truth) right++;
    else wrong++;
  }
  console.log(`${String(g).padStart(5)}  ${right} / ${wrong} / ${kept}`);
}
