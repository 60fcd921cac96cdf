/**
 * The first verdict in a fresh process, as a new user meets it: `node` starts, loads the shipped
 * core bundle (dist/core.js, which the extension requires at its first call into the core and the
 * CLI bundles the same way) and runs `analyzeText` on the Yizhuang article once. The anchor is a
 * bare `node` start measured in the same minutes: pairs of runs, one of each, alternate, and the
 * figure is the median of the CPU time (user + system, the process's own `process.cpuUsage()`,
 * start-up included) above the bare start. The heap figure is what the core keeps after its first
 * analysis: heap in use after a full GC, above the bare process's.
 */
import { spawnSync } from 'node:child_process';
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
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The child's script: the CPU time first (before the GC the heap figure needs), then the heap. */
const report = 'const u = process.cpuUsage(); gc(); console.log(JSON.stringify({ cpuMs: (u.user + u.system) / 1000, heap: process.memoryUsage().heapUsed, findings }));';
const BARE = `const findings = 0; ${report}`;
const cold = (coreFile: string, sampleFile: string) =>
  `const core = require(${JSON.stringify(coreFile)}); const findings = core.analyzeText(require('node:fs').readFileSync(${JSON.stringify(sampleFile)}, 'utf8')).length; ${report}`;

function runChild(script: string): { cpuMs: number; heap: number; findings: number; wallMs: number } {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (run.status !== 0) throw new Error(`cold start failed: ${run.stderr.trim().split('\n').at(-1)}`);
  return { ...JSON.parse(run.stdout.trim()), wallMs };
}

export function coldFirstVerdict(coreFile: string, sampleFile: string, runs = 7): ColdFigures {
  const bare: ReturnType<typeof runChild>[] = [];
  const cores: ReturnType<typeof runChild>[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(runChild(BARE));
    cores.push(runChild(cold(coreFile, sampleFile)));
  }
  return {
    runs,
    bareCpuMs: median(bare.map((b) => b.cpuMs)),
    coldCpuMs: median(cores.map((c) => c.cpuMs)),
    extraCpuMs: median(cores.map((c, i) => c.cpuMs - bare[i].cpuMs)),
    extraWallMs: median(cores.map((c, i) => c.wallMs - bare[i].wallMs)),
    coreHeapMb: median(cores.map((c, i) => (c.heap - bare[i].heap) / (1024 * 1024))),
    findings: cores[0].findings,
  };
}
