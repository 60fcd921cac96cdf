// `npm run fuzz`: the fuzz campaign over detection, repair, annotation and outline (hours; not
// part of `npm test`). Coverage-guided by V8's block coverage inside each worker (see
// test/fuzz/fuzzWorker.ts); this parent owns the per-input timeout: a worker whose current input
// runs longer than --timeout is stopped, the input is saved as a hang, and a fresh worker starts.
//
// Crashes (minimized), hangs, super-linear inputs and inputs far slower per character than the median go to test/cases/fuzz-regressions.json with
// expect "fail"; test/unit/propertyRegressions.test.ts runs them. Counts go to
// test-results/fuzz/summary.json.
//
//   npm run fuzz -- [--minutes 120] [--workers 2] [--timeout 10000] [--seed 1]
//                   [--fast] [--max-chars 256] [--coverage-every 1] [--summary FILE]
//
// --fast is the volume mode: inputs of at most --max-chars characters (default 256 with --fast)
// and no block coverage (--coverage-every 0): mutations of the seeds, one to four deep. V8's
// block coverage slows the core about tenfold whether it is read after every input or every Nth
// (--coverage-every N), and a corpus grown by any feedback fills with the garbage-like inputs
// that run a hundred times slower than the seeds; volume comes from leaving both out.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

const ROOT = resolve(import.meta.dirname, '..');
const TABLE = join(ROOT, 'test/cases/fuzz-regressions.json');
const MAX_INPUT_BYTES = 1 << 20;

const { values: opts } = parseArgs({
  options: {
    minutes: { type: 'string', default: '120' },
    workers: { type: 'string', default: String(availableParallelism()) },
    timeout: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(Date.now() % 100000) },
    fast: { type: 'boolean', default: false },
    'max-chars': { type: 'string' },
    'coverage-every': { type: 'string' },
    summary: { type: 'string', default: join(ROOT, 'test-results/fuzz/summary.json') },
  },
});
const SUMMARY = resolve(opts.summary);
const maxChars = opts['max-chars'] !== undefined ? Number(opts['max-chars']) : opts.fast ? 256 : undefined;
const coverageEvery = Number(opts['coverage-every'] ?? (opts.fast ? 0 : 1));
const fuzzMode = { maxChars: maxChars ?? 'up to 1 KB, 2% 64 KB', coverageEvery };
const deadline = Date.now() + Number(opts.minutes) * 60_000;
const timeoutMs = Number(opts.timeout);

await esbuild.build({
  entryPoints: [join(ROOT, 'test/fuzz/fuzzWorker.ts')],
  outdir: join(ROOT, 'out/fuzz'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});

function readTable() {
  return JSON.parse(readFileSync(TABLE, 'utf8'));
}

/** Slow inputs are common once the mutations find garbage; a few per run show the pattern. */
const SAVED_PER_RUN = { hang: 4, 'super-linear': 4, slow: 3 };
const savedThisRun = { crash: 0, hang: 0, 'super-linear': 0, slow: 0 };

/** Adds a case unless one with the same failure is already there; returns true when added. */
function saveCase(failure, detail, mode, base64) {
  const table = readTable();
  const key = `${failure}: ${detail}`;
  if (table.cases.some((c) => `${c.failure}: ${c.detail}` === key)) return false;
  if (savedThisRun[failure] >= (SAVED_PER_RUN[failure] ?? Infinity)) return false;
  savedThisRun[failure]++;
  const bytes = Buffer.from(base64, 'base64');
  const text = mode === 1 ? bytes.toString('utf16le') : undefined;
  const label = `fuzz ${failure}: ${detail.split('\n')[0].slice(0, 100)}`;
  const source = `npm run fuzz (seed ${opts.seed}), ${new Date().toISOString().slice(0, 10)}`;
  // A fuzz input carries no known repair: the case holds the pipeline to running, so `fixed` is
  // the input itself and `kinds` is left empty.
  const c = mode === 1
    ? { label, input: text, fixed: text, kinds: [], expect: 'fail', source, failure, detail }
    : { label, input: { base64 }, expect: 'fail', source, failure, detail };
  table.cases.push(c);
  writeFileSync(TABLE, `${JSON.stringify(table, null, 2)}\n`);
  return true;
}

const totals = { executed: 0, crashes: 0, hangs: 0, superLinear: 0, slow: 0, restarts: 0 };
const live = new Map(); // id → { worker, header, shared, lastCount, lastChange, stats }
let nextId = 0;

function startWorker() {
  const id = nextId++;
  const shared = new SharedArrayBuffer(12 + MAX_INPUT_BYTES);
  const header = new Int32Array(shared, 0, 3);
  const seed = Number(opts.seed) * 1000 + id;
  const worker = new Worker(join(ROOT, 'out/fuzz/fuzzWorker.js'), { workerData: { root: ROOT, seed, shared, maxInputBytes: MAX_INPUT_BYTES, maxChars, coverageEvery }, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
  const slot = { worker, header, shared, lastCount: 0, lastChange: Date.now(), stats: { executed: 0 }, stopping: false };
  live.set(id, slot);
  worker.on('message', (m) => {
    if (m.type === 'stats') slot.stats = m;
    else if (m.type === 'crash') {
      if (saveCase('crash', m.message, m.mode, m.bytes)) totals.crashes++;
      console.log(`CRASH ${m.message}\n${m.stack}`);
    } else if (m.type === 'slow') {
      // Far above the median time per character; super-linear when ×4 the input costs > ×10 the time.
      const failure = m.superLinear ? 'super-linear' : 'slow';
      const detail = `${m.length} chars at ${m.usPerChar.toFixed(0)} µs/char (median ${m.medianUsPerChar.toFixed(1)}); ×1/×2/×4 input: ${m.ms.map((x) => x.toFixed(0)).join('/')} ms`;
      if (m.superLinear) totals.superLinear++;
      else totals.slow++;
      saveCase(failure, detail, m.mode, m.bytes);
      console.log(`${failure.toUpperCase()} ${detail}`);
    }
  });
  worker.on('error', (err) => {
    const { mode, base64 } = currentInput(slot);
    if (saveCase('crash', `worker died: ${err.message}`, mode, base64)) totals.crashes++;
    console.log(`WORKER DIED ${err.stack}`);
  });
  worker.on('exit', () => {
    totals.executed += slot.stats.executed;
    live.delete(id);
    if (Date.now() < deadline) {
      totals.restarts++;
      startWorker();
    }
  });
}

function currentInput(slot) {
  const n = slot.header[1];
  const bytes = Buffer.from(new Uint8Array(slot.shared, 12, n));
  return { mode: slot.header[2], base64: bytes.toString('base64') };
}

const workers = Math.max(1, Number(opts.workers));
for (let i = 0; i < workers; i++) startWorker();
const started = Date.now();
let lastLine = 0;

const timer = setInterval(() => {
  const now = Date.now();
  for (const slot of live.values()) {
    const count = Atomics.load(slot.header, 0);
    // A worker spends its first seconds loading the seeds: the clock starts with its first input.
    if (count === 0) continue;
    if (count !== slot.lastCount) {
      slot.lastCount = count;
      slot.lastChange = now;
    } else if (!slot.stopping && now - slot.lastChange > timeoutMs) {
      slot.stopping = true;
      const { mode, base64 } = currentInput(slot);
      const size = Buffer.from(base64, 'base64').length;
      totals.hangs++;
      saveCase('hang', `no result after ${timeoutMs} ms on a ${size}-byte input`, mode, base64);
      console.log(`HANG ${size} bytes`);
      slot.stats.executed = count;
      slot.worker.terminate();
    }
  }
  const running = [...live.values()].reduce((n, s) => n + s.stats.executed, 0);
  if (now - lastLine > 30_000) {
    lastLine = now;
    const stats = [...live.values()].map((s) => s.stats);
    const executed = totals.executed + running;
    const minutes = (now - started) / 60_000;
    console.log(
      `${minutes.toFixed(1)} min: ${executed} inputs (${(executed / minutes / 60).toFixed(0)}/s), ` +
        `corpus ${stats.map((s) => s.corpus ?? 0).join('+')}, features ${stats.map((s) => s.features ?? 0).join('+')}, ` +
        `median ${stats.map((s) => (s.medianUsPerChar ?? 0).toFixed(1)).join('/')} µs/char, ` +
        `crashes ${totals.crashes}, hangs ${totals.hangs}, super-linear ${totals.superLinear}, slow ${totals.slow}, restarts ${totals.restarts}`,
    );
    mkdirSync(dirname(SUMMARY), { recursive: true });
    writeFileSync(SUMMARY, `${JSON.stringify({ seed: opts.seed, mode: fuzzMode, minutes, ...totals, executed, workers: stats }, null, 2)}\n`);
  }
  if (now >= deadline) {
    clearInterval(timer);
    for (const slot of live.values()) slot.worker.terminate();
    lastLine = 0;
  }
}, 250);

process.on('exit', () => {
  const minutes = (Date.now() - started) / 60_000;
  const line = `fuzz: ${totals.executed} inputs in ${minutes.toFixed(1)} min; crashes ${totals.crashes}, hangs ${totals.hangs}, super-linear ${totals.superLinear}, slow ${totals.slow}`;
  console.log(line);
  mkdirSync(dirname(SUMMARY), { recursive: true });
  writeFileSync(SUMMARY, `${JSON.stringify({ seed: opts.seed, mode: fuzzMode, minutes, ...totals }, null, 2)}\n`);
});
