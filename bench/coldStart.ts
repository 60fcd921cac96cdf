/**
 * The first verdict in a fresh process, as a new user meets it: `node` starts, loads the shipped
 * core bundle (dist/core.js, which the extension requires at its first call into the core and the
 * CLI bundles the same way) and runs `analyzeText` on the Yizhuang article once. The anchor is a
 * bare `node` start measured in the same minutes: pairs of runs, one of each, alternate, and the
 * figure is the median of the CPU time (user + system, the process's own `process.cpuUsage()`,
 * start-up included) above the bare start. The heap figure is what the core keeps after its first
 * analysis: heap in use after a full GC, above the bare process's.
 *
 * Where it goes: the child also records its main thread's CPU time (what the editor's verdict
 * waits for, while the process figure adds V8's background threads: the optimizing compiler, the
 * GC's helpers) and the CPU time of each step (the main thread's where measured): loading the
 * core, then each step `AnalyzeOptions.onStep` names (the pre-scan, each detector, what is written
 * on purpose). The main thread's clock is `process.threadCpuUsage` (Node 23.9 and later), else on
 * Linux the thread's own run time in /proc/thread-self/schedstat (nanoseconds; what the scheduler
 * charged the thread, the same time user + system counts), else none.
 *
 * A later session: the editor loads the core through a V8 code cache it made in an earlier session
 * (src/extension/coreCodeCache.ts, bundled for the bench as `cacheLoader`). When the loader is
 * given, one run makes the cache in a fresh folder, and a third child alternates with the two above:
 * the core loaded through that cache, then the same analysis.
 *
 * The command line: given dist/cli.js, two more children alternate with the others, `zhlens detect`
 * on the article without a code cache (`ZHLENS_CODE_CACHE=off`) and through the cache one run made
 * in a fresh folder (src/cli/mainCodeCache.ts), each timed by a preloaded probe at the process's
 * exit; the figures are above bare node, as the others.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ColdFigures {
  runs: number;
  /** Median CPU ms of a bare `node` start (the anchor). */
  bareCpuMs: number;
  /** Median CPU ms of a start that loads the core and analyses the article once. */
  coldCpuMs: number;
  /** Median of (cold − bare) over the pairs: what loading the core and the first verdict cost. */
  extraCpuMs: number;
  /** Median of the same in wall time, spawn to exit. */
  extraWallMs: number;
  /** Heap in use after the first analysis and a full GC, above a bare process's, MB. */
  coreHeapMb: number;
  /** Findings of the first analysis (the same on every run). */
  findings: number;
  /** Median of (cold − bare) of the main thread's CPU ms, when the runtime measures it. */
  extraThreadMs?: number;
  /** Median of the process's CPU ms less its main thread's (V8's background threads: the optimizing compiler, the GC's helpers), cold run less bare, when the main thread is measured. */
  extraBackgroundMs?: number;
  /** Median CPU ms of each step of the cold run (the main thread's when extraThreadMs is measured, else the process's): `load` (requiring the core), then the analysis's steps in order. */
  steps: Array<[string, number]>;
  /**
   * Optimized compilations V8 made during one more cold run, by tier (`--trace-opt`: TurboFan,
   * Maglev on Node 22 and later; an OSR compile counted as one): most of the background threads' time.
   */
  optimized: Record<string, number>;
  /** The same through the editor's code cache (a later session), when measured: median extra process CPU, main thread, the load step. */
  cached?: { extraCpuMs: number; extraThreadMs?: number; loadMs: number };
  /** `zhlens detect` on the article, when measured: median extra process CPU and main thread without a code cache and through the command line's. */
  cli?: { plain: ExtraCpu; cached: ExtraCpu };
  /** The runtime measured (`node --version`). */
  node: string;
  /** Instructions of one bare start and one cold run under valgrind, when asked for (`--cold-instructions`) and valgrind ran. */
  instructions?: ColdInstructions;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The child's main-thread clock, CPU ms, or undefined where neither the runtime nor the system
 * tells it (see above). Reading /proc costs about 0.07 ms, a few times a run.
 */
const threadClock =
  "const threadNow = process.threadCpuUsage ? () => { const c = process.threadCpuUsage(); return (c.user + c.system) / 1000; } : (() => { const fs = require('node:fs'); const read = () => Number(fs.readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6; try { return Number.isFinite(read()) ? read : undefined; } catch { return undefined; } })();";
/** The child's script: the CPU times first (before the GC the heap figure needs), then the heap. */
const report =
  'const u = process.cpuUsage(), th = threadNow?.(); gc(); console.log(JSON.stringify({ cpuMs: (u.user + u.system) / 1000, threadMs: th, heap: process.memoryUsage().heapUsed, findings, steps }));';
const BARE = `${threadClock} const findings = 0, steps = []; ${report}`;
/** Each step's CPU ms since the one before, in the order they end: the main thread's where measured, else the process's. */
const stepClock = `${threadClock} const steps = []; const cpuNow = threadNow ?? (() => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; }); let last = cpuNow(); const step = (name) => { const now = cpuNow(); steps.push([name, now - last]); last = now; };`;
/** `load`: an expression giving the core's exports (a plain require, or through the code cache). */
const cold = (coreFile: string, sampleFile: string, load = `require(${JSON.stringify(coreFile)})`) =>
  `${stepClock} const core = ${load}; step('load'); const text = require('node:fs').readFileSync(${JSON.stringify(sampleFile)}, 'utf8'); last = cpuNow(); const findings = core.analyzeText(text, { onStep: step }).length; ${report}`;

export interface ExtraCpu {
  extraCpuMs: number;
  extraThreadMs?: number;
}

interface ChildFigures {
  cpuMs: number;
  threadMs?: number;
  heap: number;
  findings: number;
  wallMs: number;
  steps: Array<[string, number]>;
}

function runChild(script: string, node: string): ChildFigures {
  const t0 = performance.now();
  const run = spawnSync(node, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (run.status !== 0) throw new Error(`cold start failed: ${run.stderr.trim().split('\n').at(-1)}`);
  return { ...JSON.parse(run.stdout.trim()), wallMs };
}

/** The probe preloaded into a run of the command line: its CPU times at exit, as `report` gives them, appended to a file. */
const cliProbe = (out: string) =>
  `${threadClock} process.on('exit', () => { const u = process.cpuUsage(), th = threadNow?.(); require('node:fs').appendFileSync(${JSON.stringify(out)}, JSON.stringify({ cpuMs: (u.user + u.system) / 1000, threadMs: th }) + '\\n'); });`;

/** One run of `zhlens detect FILE` with the code cache folder `cache` (`off`: none), timed by `probe`, which appends to `out`. */
function runCli(node: string, cliFile: string, sampleFile: string, cache: string, probe: string, out: string): ChildFigures {
  const run = spawnSync(node, ['--require', probe, cliFile, 'detect', sampleFile], { encoding: 'utf8', env: { ...process.env, ZHLENS_CODE_CACHE: cache } });
  if (run.status !== 0) throw new Error(`zhlens detect failed: ${run.stderr.trim().split('\n').at(-1)}`);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  return { ...JSON.parse(lines[lines.length - 1]), heap: 0, findings: 0, wallMs: 0, steps: [] };
}

/** Median extra CPU (process, main thread) of `runs` over the bare starts of the same rounds. */
function extraOver(runs: ChildFigures[], bare: ChildFigures[]): ExtraCpu {
  const threads = runs.every((r, i) => r.threadMs !== undefined && bare[i].threadMs !== undefined);
  return {
    extraCpuMs: median(runs.map((r, i) => r.cpuMs - bare[i].cpuMs)),
    extraThreadMs: threads ? median(runs.map((r, i) => r.threadMs! - bare[i].threadMs!)) : undefined,
  };
}

/** Each step's median CPU ms over the runs, in the first run's order. */
function medianSteps(runs: ChildFigures[]): Array<[string, number]> {
  return runs[0].steps.map(([name]) => [name, median(runs.map((r) => r.steps.filter(([n]) => n === name).reduce((sum, [, ms]) => sum + ms, 0)))]);
}

/** Optimized compilations by tier in `--trace-opt` output: `[completed compiling … (target TURBOFAN) …]`. */
export function countOptimized(trace: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of trace.matchAll(/^\[completed compiling .*\(target ([A-Z_]+)\)/gm)) {
    const tier = m[1].startsWith('TURBOFAN') ? 'TurboFan' : m[1] === 'MAGLEV' ? 'Maglev' : m[1];
    counts[tier] = (counts[tier] ?? 0) + 1;
  }
  return counts;
}

/** The core through the code cache of `dir`, written right after the analysis (`writeAfterMs` 0; a pending timer keeps the process until then). */
const throughCache = (cacheLoader: string, coreFile: string, dir: string) =>
  `(() => { const cache = require(${JSON.stringify(cacheLoader)}); cache.useCoreCodeCache(${JSON.stringify(dir)}); setTimeout(() => {}, 100); return cache.requireCore(${JSON.stringify(coreFile)}, 0); })()`;

/**
 * `node`: the runtime to measure (default: the one running the bench; the editor's may be newer).
 * `cacheLoader`: coreCodeCache.ts bundled, to measure a later session as well.
 * `cliFile`: dist/cli.js, to measure the command line as well.
 */
export function coldFirstVerdict(coreFile: string, sampleFile: string, runs = 7, node = process.execPath, cacheLoader?: string, cliFile?: string): ColdFigures {
  const bare: ChildFigures[] = [];
  const cores: ChildFigures[] = [];
  const cached: ChildFigures[] = [];
  const cliPlain: ChildFigures[] = [];
  const cliCached: ChildFigures[] = [];
  const cacheDir = cacheLoader || cliFile ? mkdtempSync(join(tmpdir(), 'zhlens-code-cache-')) : undefined;
  try {
    if (cacheLoader && cacheDir) runChild(cold(coreFile, sampleFile, throughCache(cacheLoader, coreFile, cacheDir)), node);
    const probe = cacheDir && join(cacheDir, 'probe.js');
    const probeOut = cacheDir && join(cacheDir, 'probe.jsonl');
    const cliCache = cacheDir && join(cacheDir, 'cli');
    if (cliFile && probe && probeOut && cliCache) {
      writeFileSync(probe, cliProbe(probeOut));
      runCli(node, cliFile, sampleFile, cliCache, probe, probeOut);
    }
    for (let i = 0; i < runs; i++) {
      bare.push(runChild(BARE, node));
      cores.push(runChild(cold(coreFile, sampleFile), node));
      if (cacheLoader && cacheDir) cached.push(runChild(cold(coreFile, sampleFile, throughCache(cacheLoader, coreFile, cacheDir)), node));
      if (cliFile && probe && probeOut && cliCache) {
        cliPlain.push(runCli(node, cliFile, sampleFile, 'off', probe, probeOut));
        cliCached.push(runCli(node, cliFile, sampleFile, cliCache, probe, probeOut));
      }
    }
  } finally {
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  }
  const traced = spawnSync(node, ['--expose-gc', '--trace-opt', '-e', cold(coreFile, sampleFile)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const threads = cores.every((c, i) => c.threadMs !== undefined && bare[i].threadMs !== undefined);
  return {
    runs,
    bareCpuMs: median(bare.map((b) => b.cpuMs)),
    coldCpuMs: median(cores.map((c) => c.cpuMs)),
    extraCpuMs: median(cores.map((c, i) => c.cpuMs - bare[i].cpuMs)),
    extraWallMs: median(cores.map((c, i) => c.wallMs - bare[i].wallMs)),
    coreHeapMb: median(cores.map((c, i) => (c.heap - bare[i].heap) / (1024 * 1024))),
    findings: cores[0].findings,
    extraThreadMs: threads ? median(cores.map((c, i) => c.threadMs! - bare[i].threadMs!)) : undefined,
    extraBackgroundMs: threads ? median(cores.map((c, i) => c.cpuMs - c.threadMs! - (bare[i].cpuMs - bare[i].threadMs!))) : undefined,
    steps: medianSteps(cores),
    optimized: traced.status === 0 ? countOptimized(traced.stdout) : {},
    cached:
      cached.length === runs
        ? {
            extraCpuMs: median(cached.map((c, i) => c.cpuMs - bare[i].cpuMs)),
            extraThreadMs: threads && cached.every((c) => c.threadMs !== undefined) ? median(cached.map((c, i) => c.threadMs! - bare[i].threadMs!)) : undefined,
            loadMs: median(cached.map((c) => c.steps.find(([name]) => name === 'load')?.[1] ?? 0)),
          }
        : undefined,
    cli: cliPlain.length === runs ? { plain: extraOver(cliPlain, bare), cached: extraOver(cliCached, bare) } : undefined,
    node: spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim(),
  };
}

/** Instructions counted by valgrind in one run, millions: the main thread's and the other threads' together. */
export interface Instructions {
  mainM: number;
  backgroundM: number;
}

/** Instructions of a cold run above a bare start (countColdInstructions), millions. */
export interface ColdInstructions {
  bare: Instructions;
  cold: Instructions;
}

/** One run of `script` under callgrind (one output file per thread; the first is the main thread's), or undefined when valgrind fails. */
function countInstructions(script: string, node: string): Instructions | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'zhlens-callgrind-'));
  try {
    const run = spawnSync('valgrind', ['--tool=callgrind', '--separate-threads=yes', '--smc-check=all', `--callgrind-out-file=${join(dir, 'cg.%p')}`, node, '--expose-gc', '-e', script], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (run.status !== 0) return undefined;
    // cg.PID-01 is the main thread, cg.PID-02… the others (V8's compiler and GC helpers, libuv's pool).
    const perThread = readdirSync(dir)
      .filter((f) => /-\d+$/.test(f))
      .sort()
      .map((f) => Number(/^summary: (\d+)$/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? Number.NaN) / 1e6);
    if (perThread.length === 0 || perThread.some(Number.isNaN)) return undefined;
    return { mainM: perThread[0], backgroundM: perThread.slice(1).reduce((a, b) => a + b, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The cold first verdict counted in instructions (valgrind's callgrind, one bare start and one cold
 * run): a figure no other load on the machine moves, for changes smaller than the CPU times'
 * noise. What it leaves uncertain is when V8 finishes an optimized compile (valgrind runs one
 * thread at a time), which moves work between the interpreter and the compiler: runs of the same
 * code differ by a few percent. About a minute and a half a run; undefined without valgrind.
 */
export function countColdInstructions(coreFile: string, sampleFile: string, node = process.execPath): ColdInstructions | undefined {
  if (spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status !== 0) return undefined;
  const bare = countInstructions(BARE, node);
  const counted = bare && countInstructions(cold(coreFile, sampleFile), node);
  return bare && counted ? { bare, cold: counted } : undefined;
}
