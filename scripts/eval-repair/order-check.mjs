// Whether a document's repair depends on the document alone: the eval:repair cases of one split
// (as scripts/eval-repair.mjs builds them) repaired in their order and in reverse order, each
// order in its own fresh process, and the cases whose repaired text differs listed. A listed case
// is then repaired alone in a fresh process, to say which order read it as a fresh process does.
//   node scripts/eval-repair/order-check.mjs [--split tuning|test] [--kind prefix] [--limit docs]
//     [--alone N: every N-th case also read alone in a fresh process] [--doc id: that document's cases]
//     [--json file: each case's repair in order]
// Exit code 1 when some case differs.
import { fork } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireBundle } from '../nodeBundle.mjs';
import { buildCases } from './cases.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const bundle = join('out', 'eval-repair', 'order-core.cjs');

// A worker: repairs the cases of a file in the order given and writes what each became.
if (process.argv[2] === '--worker') {
  const [, , , casesFile, orderSpec, outFile] = process.argv;
  const core = createRequire(import.meta.url)(resolve(bundle));
  const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
  const order = JSON.parse(orderSpec);
  const out = {};
  for (const i of order) {
    const c = cases[i];
    out[i] = c.bytes ? core.analyzeFile(Uint8Array.from(c.bytes)).detection.text : core.repairText(c.garbled).text;
  }
  writeFileSync(outFile, JSON.stringify(out));
  process.exit(0);
}

const split = arg('--split', 'tuning');
const kindFilter = arg('--kind', '');
const limit = Number(arg('--limit', '0'));

// The cases scripts/eval-repair.mjs reads, as JSON the workers read back.
const usable = buildCases(split, kindFilter, limit).cases.map((c) => ({
  kind: c.kind, variant: c.variant, doc: c.doc.id, original: c.original, garbled: c.garbled, bytes: c.bytes ? [...c.bytes] : undefined,
}));

// Bundle once here; the workers load it.
await requireBundle(bundle, 'src/core/index.ts');
const work = mkdtempSync(join(tmpdir(), 'order-check-'));
const casesFile = join(work, 'cases.json');
writeFileSync(casesFile, JSON.stringify(usable));
const self = fileURLToPath(import.meta.url);
const run = (order, name) =>
  new Promise((resolve, reject) => {
    const outFile = join(work, `${name}.json`);
    const child = fork(self, ['--worker', casesFile, JSON.stringify(order), outFile], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(readFileSync(outFile, 'utf8'))) : reject(new Error(`${name}: exit ${code}`))));
  });

const forward = usable.map((_, i) => i);
// One order at a time: the machine is shared.
const inOrder = await run(forward, 'forward');
const reversed = await run([...forward].reverse(), 'reverse');
const differ = forward.filter((i) => inOrder[i] !== reversed[i]);
const reversedDiffer = differ.length;
// A sample read alone, each in a fresh process: every `--alone`-th case (or those of `--doc`).
const every = Number(arg('--alone', '0'));
const onlyDoc = arg('--doc', '');
const sample = forward.filter((i) => (onlyDoc ? usable[i].doc === onlyDoc : every > 0 && i % every === 0) && !differ.includes(i));
for (const i of sample) if ((await run([i], `alone-${i}`))[i] !== inOrder[i]) differ.push(i);
if (sample.length) console.log(`${sample.length} cases also read alone, each in a fresh process`);
console.log(`order check, ${split} part${kindFilter ? `, kinds ${kindFilter}*` : ''}: ${usable.length} cases, ${reversedDiffer} repaired differently in reverse order, ${differ.length - reversedDiffer} differently alone`);
for (const i of differ) {
  const c = usable[i];
  const alone = (await run([i], `alone-${i}`))[i];
  const dist = (a) => [...a].filter((ch, k) => ch !== [...c.original][k]).length;
  const which = alone === inOrder[i] ? 'as in order' : alone === reversed[i] ? 'as in reverse' : 'as neither';
  console.log(`- ${c.kind} | ${c.variant} | ${c.doc}: alone reads ${which}; ` +
    `chars differing from the original (by position): in order ${dist(inOrder[i])}, reverse ${dist(reversed[i])}, alone ${dist(alone)}`);
}
const outJson = arg('--json', '');
if (outJson) writeFileSync(outJson, JSON.stringify(usable.map((c, i) => ({ kind: c.kind, variant: c.variant, doc: c.doc, garbled: c.garbled, repaired: inOrder[i] }))));
rmSync(work, { recursive: true, force: true });
process.exitCode = differ.length ? 1 : 0;
