/**
 * Medians of repeated runs, in wall time and in CPU time of this process. The machine is shared
 * with other builds and test runs: wall time rises when another job takes the cores, CPU time
 * (process.cpuUsage, user + system) much less so, which is why both are kept and the targets are
 * judged on CPU time. All operations measured are synchronous and single-threaded.
 */
import { performance } from 'node:perf_hooks';

export interface Timing {
  runs: number;
  /** Median wall-clock milliseconds of one run. */
  wallMs: number;
  /** Median CPU milliseconds (user + system) of one run. */
  cpuMs: number;
}

export interface TimingOptions {
  /** Keep repeating until this much CPU time has gone into the measured runs… */
  budgetMs?: number;
  /** …but at least this many runs… */
  minRuns?: number;
  /** …and never more than this many. */
  maxRuns?: number;
  /** A first run longer than this is the only one (a median of such runs costs minutes). */
  singleRunMs?: number;
  /**
   * Runs not counted before the measured ones (1); the last of them tells whether a run is slow.
   * A keystroke's first run analyses the whole document: its second is a keystroke.
   */
  warmRuns?: number;
}

/** CPU time of this process so far (user + system), in ms. */
export const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Times `run`, after one run that warms the JIT and the lazily loaded tables and is not counted,
 * unless it is so slow (over `singleRunMs`) that it is the one measurement.
 */
export function time(run: () => unknown, { budgetMs = 1500, minRuns = 5, maxRuns = 50, singleRunMs = 10_000, warmRuns = 1 }: TimingOptions = {}): Timing {
  let warmWall = 0;
  let warmCpu = 0;
  for (let k = 0; k < warmRuns; k++) {
    warmWall = performance.now();
    const warm = cpuNow();
    run();
    warmCpu = cpuNow() - warm;
  }
  if (warmCpu > singleRunMs) return { runs: 1, wallMs: performance.now() - warmWall, cpuMs: warmCpu };
  // A run that takes seconds (10 MB) is repeated only the minimum; three is the least that has a median.
  const slow = warmCpu > budgetMs / 3;
  const walls: number[] = [];
  const cpus: number[] = [];
  let spent = 0;
  while (walls.length < maxRuns && (walls.length < (slow ? 3 : minRuns) || spent < budgetMs)) {
    const w0 = performance.now();
    const c0 = cpuNow();
    run();
    const cpu = cpuNow() - c0;
    walls.push(performance.now() - w0);
    cpus.push(cpu);
    spent += cpu;
    if (slow && walls.length >= 3) break;
  }
  return { runs: walls.length, wallMs: median(walls), cpuMs: median(cpus) };
}
