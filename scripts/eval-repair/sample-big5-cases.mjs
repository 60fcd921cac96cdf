// Adds to test/cases/mojibake-big5.json (in place of the rows it added before) a sample of the repair evaluation's Big5 mojibake
// (UTF-8 read as Big5/CP950 by real decoders, lost bytes as U+FFFD or `?`), one sentence from each
// of a few documents of the evaluation's TUNING part (never its test part), two per decoder.
// `fixed` is the original sentence: what a full repair gives. A second sample (two more sentences
// per decoder, from other documents) expects what the trust rule allows: each character that lost
// two or three of its bytes to the decoder (big5Decoders.mjs) as U+FFFD, every other character
// restored. Cases the repair does not give exactly are kept as known failures
// (ZHLENS_UPDATE_KNOWN_FAILURES=1 npm run test:unit).
//
//   node scripts/eval-repair/sample-big5-cases.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { loadDocuments } from './corpus.mjs';
import { MOJIBAKE_PROCESSES, PythonBatch } from './garble.mjs';
import { lostPerChar } from './big5Decoders.mjs';

const PER_PROCESS = 2;
const TABLE = 'test/cases/mojibake-big5.json';
const SOURCE = 'repair-eval tuning part: ';
const docs = loadDocuments().filter((d) => d.split === 'tuning' && d.script === 'traditional');
const python = new PythonBatch();
const cases = [];
for (const trust of [false, true]) {
let k = trust ? 3 : 0;
for (const process of MOJIBAKE_PROCESSES.big5) {
  for (let n = 0; n < PER_PROCESS; k++) {
    const doc = docs[(k * 7) % docs.length];
    // The first sentence of 12–40 characters, ending with 。
    const sentence = doc.text.split(/(?<=。)/).map((s) => s.trim()).find((s) => [...s].length >= 12 && [...s].length <= 40);
    if (!sentence) continue;
    n++;
    const bytes = new TextEncoder().encode(sentence);
    const c = { expect: 'pass', label: `UTF-8 read as Big5 by ${process.name}, lost bytes marked (${doc.id})`, input: '', fixed: sentence, kinds: ['mojibake-big5'], source: `${SOURCE}${doc.id} (docs/repair-eval.md)` };
    if (trust) {
      const lost = lostPerChar(sentence, process.name);
      c.fixed = [...sentence].map((ch, i) => (lost[i] >= 2 ? '\ufffd' : ch)).join('');
      c.label = `UTF-8 read as Big5 by ${process.name}: characters with one byte lost restored, those with two or three kept as U+FFFD (${doc.id})`;
    }
    if (process.decode) c.input = process.decode(bytes);
    else c.pending = python.add(bytes, ...process.python);
    cases.push(c);
  }
}
}
const decoded = python.run();
for (const c of cases) {
  if (c.pending !== undefined) c.input = decoded[c.pending];
  delete c.pending;
}
const kept = JSON.parse(readFileSync(TABLE, 'utf8')).filter((c) => !c.source.startsWith(SOURCE));
writeFileSync(TABLE, JSON.stringify([...kept, ...cases], null, 2) + '\n');
console.log(`${TABLE}: ${kept.length} cases kept, ${cases.length} added`);
