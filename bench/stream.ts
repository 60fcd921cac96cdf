/**
 * The streaming mode's figures (`zhlens repair --jsonl`): documents and MB per second with one
 * thread and with N (`--jobs`), and what the machine's load hides from that ratio:
 *
 * - the CPU time per document, split between the threads (each run writes where its threads
 *   spent their time: ZHLENS_STREAM_STATS, src/cli/stream/streamStats.ts; the process's total
 *   CPU and peak memory come from a preloaded probe). The V8 helper threads (compilers, garbage
 *   collector) are the total less the main thread and the workers;
 * - the steady state: CPU per document from the difference between the corpus and four times
 *   it, which takes out what a run pays once (starting the workers, loading the core, warming
 *   up the compiled code, in every thread). The corpus has a few hundred distinct texts, read
 *   again and again, and the lost-byte lattices remember the stretches they read (per thread):
 *   this steady state is that of texts a thread has seen, and "paid once" holds each thread's
 *   first reading of every text (docs/performance.md, the streaming mode's warm-up);
 * - each worker's start-up: from asking for the thread to its running, and to its first result;
 * - the anchor that says what N could give on this machine at this moment: the same corpus cut
 *   in N parts run by N separate `--jobs 1` processes at once.
 *
 * From those it prints the throughput ratio to expect on N free cores. The corpus is
 * test/unit/streamCorpus.ts's (real text, garbled by real decoders, in records shaped as a
 * crawl's), or with `--stream-corpus FILE` a corpus of new text (scripts/make-stream-corpus.mjs), whose
 * bigger run is twice the documents, all new, rather than the corpus four times. Run alone with
 * `npm run bench -- --only stream`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StreamStats } from '../src/cli/stream/streamStats';
import { corpusText, sampleCorpus, type CorpusDoc } from '../test/unit/streamCorpus';
import { MB } from './corpus';

export interface Usage {
  wallMs: number;
  cpuMs: number;
  peakKb: number;
  /** Absent for the anchor (several processes). The threads' CPU on the batches (the main thread's share included). */
  workCpuMs?: number;
  /** The main thread's CPU beside its batches: reading, cutting lines, messages, order, writing. */
  coordCpuMs?: number;
  /** The slowest worker's start-up. */
  startMs?: number;
  firstResultMs?: number;
}

export interface StreamRun extends Usage {
  label: string;
  jobs: number;
  processes: number;
}

export interface StreamFigures {
  documents: number;
  /** Distinct texts among them: the corpus comes round again (sampleCorpus), and a thread reads a text it has seen for less. */
  distinct: number;
  bytes: number;
  jobs: number;
  runs: StreamRun[];
  /** --jobs 1 and --jobs N on four times the corpus (medians of as many runs as on the corpus). */
  bigger: { documents: number; bytes: number; one: Usage; many: Usage };
  load: { before: number; after: number };
}

/** Written next to the bench bundle: records the process's rusage when the main thread exits. */
const PROBE = `const { isMainThread } = require('node:worker_threads');
if (isMainThread && process.env.ZHLENS_BENCH_USAGE) {
  process.on('exit', () => require('node:fs').writeFileSync(process.env.ZHLENS_BENCH_USAGE, JSON.stringify(process.resourceUsage())));
}
`;

function runCli(root: string, work: string, input: string, jobs: number, tag: string): Promise<Usage> {
  const usageFile = join(work, `usage-${tag}.json`);
  const statsFile = join(work, `stats-${tag}.json`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', join(work, 'probe.js'), join(root, 'dist/cli.js'), 'repair', '--jsonl', '--jobs', String(jobs), input], {
      env: { ...process.env, ZHLENS_BENCH_USAGE: usageFile, ZHLENS_STREAM_STATS: statsFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`zhlens --jsonl --jobs ${jobs} exited ${code}`));
      const u = JSON.parse(readFileSync(usageFile, 'utf8'));
      const s = JSON.parse(readFileSync(statsFile, 'utf8')) as StreamStats;
      // threads[0] is the main thread: its cpuMs counts only its batches.
      const measured = s.threads.every((t) => t.cpuMs !== undefined) && s.mainCpuMs !== undefined;
      const workers = s.threads.filter((t) => t.startMs !== undefined);
      resolve({
        wallMs: performance.now() - started,
        cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
        peakKb: u.maxRSS,
        workCpuMs: measured ? s.threads.reduce((sum, t) => sum + t.cpuMs!, 0) : undefined,
        coordCpuMs: measured ? s.mainCpuMs! - s.threads[0].cpuMs! : undefined,
        startMs: workers.length ? Math.max(...workers.map((t) => t.startMs!)) : undefined,
        firstResultMs: Math.max(...workers.map((t) => t.firstResultMs ?? 0), s.threads[0].firstResultMs ?? 0),
      });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const medianOf = (us: Usage[], key: keyof Usage) => {
  const xs = us.map((u) => u[key]).filter((x): x is number => typeof x === 'number');
  return xs.length ? median(xs) : undefined;
};

/**
 * The records of `file` (one JSON record a line), the first `count`: a corpus from outside the
 * repository in which no text comes round again (scripts/make-stream-corpus.mjs).
 */
function corpusFileDocs(file: string, count: number): CorpusDoc[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  if (lines.length < count) throw new Error(`${file}: ${lines.length} records, the stream row needs ${count} (--stream-docs × ${BIGGER_WITH_FILE})`);
  return lines.slice(0, count).map((line) => ({ kind: 'clean', line }));
}

/** With --stream-corpus, the bigger run reads twice the documents, all of them new. */
const BIGGER_WITH_FILE = 2;

export async function streamFigures(
  root: string,
  work: string,
  options: { documents: number; repeats: number; jobs?: number; corpusFile?: string },
): Promise<StreamFigures> {
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'probe.js'), PROBE);
  if (!existsSync(join(root, 'dist/cli.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const n = options.jobs ?? cpus().length;
  const fromFile = options.corpusFile ? corpusFileDocs(options.corpusFile, options.documents * BIGGER_WITH_FILE) : undefined;
  const docs = fromFile ? fromFile.slice(0, options.documents) : sampleCorpus(options.documents, root);
  const whole = join(work, 'stream.jsonl');
  const text = corpusText(docs);
  writeFileSync(whole, text);
  const parts = Array.from({ length: n }, (_, i) => {
    const file = join(work, `stream-part${i}.jsonl`);
    // Contiguous parts, as a pipeline cuts a corpus: each has the corpus's mix of kinds (clean documents cost less).
    writeFileSync(file, corpusText(docs.slice(Math.round((i * docs.length) / n), Math.round(((i + 1) * docs.length) / n))));
    return file;
  });
  const loadBefore = loadavg()[0];

  const configs: { label: string; jobs: number; processes: number; run: (tag: string) => Promise<Usage> }[] = [
    { label: '--jobs 1', jobs: 1, processes: 1, run: (tag) => runCli(root, work, whole, 1, tag) },
    { label: `--jobs ${n}`, jobs: n, processes: 1, run: (tag) => runCli(root, work, whole, n, tag) },
    {
      label: `(${n} processes of --jobs 1, 1/${n} each)`,
      jobs: 1,
      processes: n,
      run: async (tag) => {
        const started = performance.now();
        const all = await Promise.all(parts.map((p, i) => runCli(root, work, p, 1, `${tag}-${i}`)));
        return { wallMs: performance.now() - started, cpuMs: all.reduce((s, u) => s + u.cpuMs, 0), peakKb: all.reduce((s, u) => s + u.peakKb, 0) };
      },
    },
  ];
  const samples = configs.map(() => [] as Usage[]);
  // Interleaved, so that a change in the machine's load falls on every configuration alike.
  for (let r = 0; r < options.repeats; r++) {
    for (const [i, c] of configs.entries()) {
      process.stderr.write(`  stream ${c.label} run ${r + 1}/${options.repeats} …`);
      const u = await c.run(`${i}-${r}`);
      process.stderr.write(` ${(u.wallMs / 1000).toFixed(1)} s\n`);
      samples[i].push(u);
    }
  }
  const runs: StreamRun[] = configs.map((c, i) => ({
    label: c.label,
    jobs: c.jobs,
    processes: c.processes,
    wallMs: medianOf(samples[i], 'wallMs')!,
    cpuMs: medianOf(samples[i], 'cpuMs')!,
    peakKb: Math.max(...samples[i].map((u) => u.peakKb)),
    workCpuMs: medianOf(samples[i], 'workCpuMs'),
    coordCpuMs: medianOf(samples[i], 'coordCpuMs'),
    startMs: medianOf(samples[i], 'startMs'),
    firstResultMs: medianOf(samples[i], 'firstResultMs'),
  }));

  // Four times the corpus: the steady state (what a run pays once drops out) and bounded memory.
  // From a corpus file, twice as many documents, the second half new ones.
  const bigFile = join(work, 'stream-x4.jsonl');
  const bigText = fromFile ? corpusText(fromFile) : text.repeat(4);
  writeFileSync(bigFile, bigText);
  const bigDocuments = fromFile ? fromFile.length : docs.length * 4;
  const bigRuns: [Usage[], Usage[]] = [[], []];
  for (let r = 0; r < options.repeats; r++) {
    process.stderr.write(`  stream --jobs 1 and --jobs ${n} on ${bigDocuments} documents, run ${r + 1}/${options.repeats} …\n`);
    bigRuns[0].push(await runCli(root, work, bigFile, 1, `x4-1-${r}`));
    bigRuns[1].push(await runCli(root, work, bigFile, n, `x4-${n}-${r}`));
  }
  const [one, many] = bigRuns.map((us) => ({
    wallMs: medianOf(us, 'wallMs')!,
    cpuMs: medianOf(us, 'cpuMs')!,
    peakKb: Math.max(...us.map((u) => u.peakKb)),
    workCpuMs: medianOf(us, 'workCpuMs'),
    coordCpuMs: medianOf(us, 'coordCpuMs'),
  }));
  const bytes = Buffer.byteLength(text);
  const distinct = new Set(docs.map((d) => (JSON.parse(d.line) as { text: string }).text)).size;
  return { documents: docs.length, distinct, bytes, jobs: n, runs, bigger: { documents: bigDocuments, bytes: Buffer.byteLength(bigText), one, many }, load: { before: loadBefore, after: loadavg()[0] } };
}

/** CPU per document in the steady state, from a run on the corpus and one on four times it. */
function perDocument(small: number | undefined, big: number | undefined, extraDocs: number): number | undefined {
  return small === undefined || big === undefined ? undefined : (big - small) / extraDocs;
}

export function printStreamFigures(f: StreamFigures): void {
  const fmt = (x: number | undefined, d = 1) => (x === undefined ? '?' : x.toFixed(d));
  const [base, threads, processes] = f.runs;
  const n = f.jobs;
  const lines = [
    '',
    `Streaming mode: zhlens repair --jsonl on ${f.documents} documents (${fmt(f.bytes / MB, 2)} MB, ${f.distinct} distinct texts), median of repeated runs, load average ${fmt(f.load.before)} → ${fmt(f.load.after)} on ${cpus().length} cores`,
    '  run                                   wall s  docs/s    MB/s  CPU s  CPU ms/doc  read/write  peak MB  speedup (wall)',
  ];
  for (const r of f.runs) {
    const wall = r.wallMs / 1000;
    const main = r.processes > 1 || r.coordCpuMs === undefined ? '' : `${fmt((100 * r.coordCpuMs) / r.cpuMs, 1)}% of CPU`;
    lines.push(
      `  ${r.label.padEnd(37)} ${fmt(wall).padStart(6)} ${fmt(f.documents / wall, 0).padStart(7)} ${fmt(f.bytes / MB / wall, 3).padStart(7)} ${fmt(r.cpuMs / 1000).padStart(6)} ${fmt(r.cpuMs / f.documents, 2).padStart(11)} ${main.padStart(12)} ${fmt(r.peakKb / 1024, 0).padStart(8)}  ${fmt(base.wallMs / r.wallMs, 2)}×`,
    );
  }
  const extra = f.bigger.documents - f.documents;
  const { one, many } = f.bigger;
  const c1 = perDocument(base.cpuMs, one.cpuMs, extra);
  const cN = perDocument(threads.cpuMs, many.cpuMs, extra);
  const split = (small: Usage, big: Usage, total: number | undefined) => {
    const work = perDocument(small.workCpuMs, big.workCpuMs, extra);
    const coord = perDocument(small.coordCpuMs, big.coordCpuMs, extra);
    const helpers = total !== undefined && work !== undefined && coord !== undefined ? total - work - coord : undefined;
    return { text: `batches ${fmt(work, 2)}, main thread's reading and writing ${fmt(coord, 3)}, V8 helper threads ${fmt(helpers, 2)}`, coord };
  };
  const s1 = split(base, one, c1);
  const sN = split(threads, many, cN);
  const mainShare = sN.coord !== undefined && cN ? sN.coord / cN : undefined;
  const fixed = (cpu: number, c: number | undefined) => (c === undefined ? undefined : (cpu - c * f.documents) / 1000);
  const perThread = (x: number | undefined, threadCount: number) => (x === undefined ? undefined : x / threadCount);
  lines.push(
    `  measured ratio ${threads.label} / --jobs 1: ${fmt(base.wallMs / threads.wallMs, 2)}× in documents/s; ${n} separate processes reached ${fmt(base.wallMs / processes.wallMs, 2)}× in the same run (what ${n} cores gave at that load)`,
    `  worker start-up (${threads.label}): thread running after ${fmt(threads.startMs, 0)} ms, first result after ${fmt(threads.firstResultMs, 0)} ms (--jobs 1: ${fmt(base.firstResultMs, 0)} ms); the main thread takes batches too`,
    `  CPU per document, steady state (from ${f.documents} and ${f.bigger.documents} documents): --jobs 1 ${fmt(c1, 2)} ms (${s1.text}); ${threads.label} ${fmt(cN, 2)} ms (${sN.text})`,
    `  paid once per run (CPU s beyond the steady state): --jobs 1 ${fmt(fixed(base.cpuMs, c1))}, ${threads.label} ${fmt(fixed(threads.cpuMs, cN))}, ${fmt(perThread(fixed(threads.cpuMs, cN), n))} per thread: loading the core and warming up its compiled code${f.distinct < f.documents ? `, and each thread's first reading of the corpus's ${f.distinct} texts (it reads a text again for less)` : ''}`,
  );
  if (c1 !== undefined && cN !== undefined) {
    // Above N only by the noise of a shared machine: shown as N.
    const expected = Math.min(n, (n * c1) / cN);
    lines.push(
      `  expected on ${n} free cores, long stream: ${fmt(expected, 2)}× (${n} × ${fmt(c1, 2)} / ${fmt(cN, 2)} ms per document${expected < (n * c1) / cN ? `, ${fmt((n * c1) / cN, 2)} before the cap at ${n}` : ''})` +
        (mainShare !== undefined ? `; the main thread's reading and writing is ${fmt(100 * mainShare, 1)}% of the CPU, no bottleneck below ${fmt(1 / mainShare, 0)} threads` : ''),
      `  expected on ${n} free cores, this corpus: ${fmt(Math.min(n, (n * base.cpuMs) / threads.cpuMs), 2)}× (${n} × CPU at --jobs 1 / CPU at ${threads.label})`,
    );
  }
  lines.push(
    `  peak memory: ${fmt(threads.peakKb / 1024, 0)} MB at ${threads.label} on ${f.documents} documents, ${fmt(many.peakKb / 1024, 0)} MB on ${f.bigger.documents}; --jobs 1: ${fmt(base.peakKb / 1024, 0)} MB and ${fmt(one.peakKb / 1024, 0)} MB`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}
