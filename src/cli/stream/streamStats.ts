import * as fs from 'node:fs';

/**
 * Where the threads of a `--jsonl` run spent their time: how long each worker took to start,
 * how busy it was, its own CPU time, and the main thread's (reading, ordering, writing). Written
 * as JSON at the end of the run to the file that `ZHLENS_STREAM_STATS` names, for the bench and
 * for choosing `--jobs`; nothing is measured when it is not set.
 */

export const STATS_VARIABLE = 'ZHLENS_STREAM_STATS';

export interface ThreadStats {
  /** From asking for the worker to its thread running (absent for the main thread). */
  startMs?: number;
  /** From asking for the worker (or from the start of the run) to its first result. */
  firstResultMs?: number;
  batches: number;
  /** Lines that were not blank. */
  lines: number;
  /** Wall time inside the batches' work. */
  busyMs: number;
  /** The thread's CPU time (Linux only). */
  cpuMs?: number;
}

export interface StreamStats {
  jobs: number;
  wallMs: number;
  /** The main thread's CPU time (Linux only): its batches, and reading, ordering, writing. */
  mainCpuMs?: number;
  /** The main thread first (its cpuMs counts only its batches), then the workers. */
  threads: ThreadStats[];
}

/** What a worker adds to each result when stats are asked for. */
export interface ResultStats {
  busyMs: number;
  cpuMs?: number;
  /** A worker's start-up, measured in the worker. */
  startMs?: number;
}

export function statsFile(): string | undefined {
  return process.env[STATS_VARIABLE] || undefined;
}

/**
 * The calling thread's CPU time in ms, from /proc/thread-self/stat (user + system, in clock
 * ticks of 10 ms); undefined where there is no such file.
 */
export function threadCpuMs(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export function emptyThreadStats(): ThreadStats {
  return { batches: 0, lines: 0, busyMs: 0 };
}

/** Counts one result into its thread's stats; `since`: when the thread was asked for. */
export function countResult(t: ThreadStats, lines: number, stats: ResultStats | undefined, since: number, now: number): void {
  t.firstResultMs ??= now - since;
  t.batches++;
  t.lines += lines;
  if (stats) {
    t.startMs ??= stats.startMs;
    t.busyMs += stats.busyMs;
    if (stats.cpuMs !== undefined) t.cpuMs = stats.cpuMs;
  }
}

export function writeStats(file: string, stats: StreamStats): void {
  const round = (x: number | undefined) => (x === undefined ? undefined : Math.round(x));
  const threads = stats.threads.map((t) => ({ ...t, startMs: round(t.startMs), firstResultMs: round(t.firstResultMs), busyMs: round(t.busyMs) }));
  fs.writeFileSync(file, `${JSON.stringify({ ...stats, wallMs: round(stats.wallMs), threads })}\n`);
}
