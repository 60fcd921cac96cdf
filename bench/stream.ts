/**
 * The streaming mode's figures (`zhlens repair --jsonl`): documents and MB per second with one
 * thread and with N (`--jobs`), peak memory, and the anchor that says what N could give on this
 * machine at this moment: the same corpus cut in N halves run by N separate `--jobs 1` processes
 * at once. On a machine shared with other jobs the cores are not all ours, and the threads'
 * speedup is read against that anchor, measured in the same run, not against N.
 *
 * The corpus is test/unit/streamCorpus.ts's (real text, garbled by real decoders, in records
 * shaped as a crawl's). Each run is a fresh `node dist/cli.js` process whose own resource usage
 * (CPU of all its threads, peak resident set) is written at exit by a preloaded probe.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { corpusText, sampleCorpus } from '../test/unit/streamCorpus';
import { MB } from './corpus';

export interface StreamRun {
  label: string;
  jobs: number;
  processes: number;
  wallMs: number;
  cpuMs: number;
  peakKb: number;
}

export interface StreamFigures {
  documents: number;
  bytes: number;
  runs: StreamRun[];
  bigger?: { documents: number; bytes: number; peakKb: number };
}

/** Written next to the bench bundle: records the process's rusage when the main thread exits. */
const PROBE = `const { isMainThread } = require('node:worker_threads');
if (isMainThread && process.env.ZHLENS_BENCH_USAGE) {
  process.on('exit', () => require('node:fs').writeFileSync(process.env.ZHLENS_BENCH_USAGE, JSON.stringify(process.resourceUsage())));
}
`;

interface Usage {
  wallMs: number;
  cpuMs: number;
  peakKb: number;
}

function runCli(root: string, work: string, input: string, jobs: number, tag: string): Promise<Usage> {
  const usageFile = join(work, `usage-${tag}.json`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', join(work, 'probe.js'), join(root, 'dist/cli.js'), 'repair', '--jsonl', '--jobs', String(jobs), input], {
      env: { ...process.env, ZHLENS_BENCH_USAGE: usageFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`zhlens --jsonl --jobs ${jobs} exited ${code}`));
      const u = JSON.parse(readFileSync(usageFile, 'utf8'));
      resolve({ wallMs: performance.now() - started, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, peakKb: u.maxRSS });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function streamFigures(root: string, work: string, options: { documents: number; repeats: number; jobs?: number }): Promise<StreamFigures> {
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'probe.js'), PROBE);
  if (!existsSync(join(root, 'dist/cli.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const n = options.jobs ?? cpus().length;
  const docs = sampleCorpus(options.documents, root);
  const whole = join(work, 'stream.jsonl');
  writeFileSync(whole, corpusText(docs));
  const parts = Array.from({ length: n }, (_, i) => {
    const file = join(work, `stream-part${i}.jsonl`);
    writeFileSync(file, corpusText(docs.filter((_, d) => d % n === i)));
    return file;
  });

  const configs: { label: string; jobs: number; processes: number; run: (tag: string) => Promise<Usage> }[] = [
    { label: '--jobs 1', jobs: 1, processes: 1, run: (tag) => runCli(root, work, whole, 1, tag) },
    { label: `--jobs ${n}`, jobs: n, processes: 1, run: (tag) => runCli(root, work, whole, n, tag) },
    {
      label: `(${n} processes of --jobs 1 on 1/${n} each)`,
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
  const runs = configs.map((c, i) => ({
    label: c.label,
    jobs: c.jobs,
    processes: c.processes,
    wallMs: median(samples[i].map((u) => u.wallMs)),
    cpuMs: median(samples[i].map((u) => u.cpuMs)),
    peakKb: Math.max(...samples[i].map((u) => u.peakKb)),
  }));

  // Bounded memory: four times the corpus, the same peak (one --jobs 1 run).
  const bigFile = join(work, 'stream-x4.jsonl');
  const text = readFileSync(whole, 'utf8');
  writeFileSync(bigFile, text.repeat(4));
  process.stderr.write(`  stream --jobs ${n} on 4× the corpus (memory) …\n`);
  const big = await runCli(root, work, bigFile, n, 'x4');
  return { documents: docs.length, bytes: Buffer.byteLength(text), runs, bigger: { documents: docs.length * 4, bytes: Buffer.byteLength(text) * 4, peakKb: big.peakKb } };
}

export function printStreamFigures(f: StreamFigures): void {
  const fmt = (x: number, d = 1) => x.toFixed(d);
  const base = f.runs[0];
  const lines = [
    '',
    `Streaming mode: zhlens repair --jsonl on ${f.documents} documents (${fmt(f.bytes / MB, 2)} MB), median of repeated runs`,
    '  run                                      wall s   docs/s   MB/s  CPU s  peak MB  speedup (wall)',
  ];
  for (const r of f.runs) {
    const wall = r.wallMs / 1000;
    lines.push(
      `  ${r.label.padEnd(40)} ${fmt(wall).padStart(6)} ${fmt(f.documents / wall, 0).padStart(8)} ${fmt(f.bytes / MB / wall, 3).padStart(6)} ${fmt(r.cpuMs / 1000).padStart(6)} ${fmt(r.peakKb / 1024, 0).padStart(8)}  ${fmt(base.wallMs / r.wallMs, 2)}×`,
    );
  }
  const threads = f.runs[1];
  const processes = f.runs[2];
  lines.push(
    `  threads' speedup against what ${processes.processes} separate processes reached in the same run: ${fmt(base.wallMs / threads.wallMs / (base.wallMs / processes.wallMs), 2)}`,
    `  CPU per document: ${fmt(base.cpuMs / f.documents, 2)} ms at --jobs 1, ${fmt(threads.cpuMs / f.documents, 2)} ms at ${threads.label} (each thread loads the core and warms up its own code)`,
  );
  if (f.bigger) lines.push(`  peak memory on 4× the corpus (${f.bigger.documents} documents, ${threads.label}): ${fmt(f.bigger.peakKb / 1024, 0)} MB, against ${fmt(threads.peakKb / 1024, 0)} MB on 1×`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
