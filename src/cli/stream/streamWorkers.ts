import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { LineBatch } from './lineBatches';
import { streamBatch, type BatchResult } from './streamBatch';
import type { StreamSettings } from './streamDocument';
import { countResult, emptyThreadStats, threadCpuMs, type ThreadStats } from './streamStats';

/**
 * Where the batches of a `--jsonl` run are worked on: in the main thread (`--jobs 1`), or in
 * worker threads, each a copy of the CLI bundle that loads the core once and then takes
 * batches until it is told to stop. The results come back in the order the batches were sent,
 * whatever order the workers finish them in (`OrderedRuns`).
 */

export interface BatchRunner {
  run(batch: LineBatch): Promise<BatchResult>;
  close(): Promise<void>;
  /** Per thread that did the work, when the runner was asked to measure (streamStats.ts). */
  stats(): ThreadStats[];
}

/** What a worker is started with. */
interface StreamWorkerData {
  zhlensStream: true;
  settings: StreamSettings;
  maxLineBytes: number;
  /** Whether to add the thread's busy and CPU time to each result. */
  measure: boolean;
  /** When the worker was asked for (ms since the epoch), for its start-up time. */
  askedAt: number;
}

/** The batches worked on in the main thread; measured, its CPU counts only that work. */
export function inlineRunner(settings: StreamSettings, maxLineBytes: number, measure = false): BatchRunner {
  const started = performance.now();
  const thread = emptyThreadStats();
  let cpuMs: number | undefined = 0;
  return {
    run(batch) {
      if (!measure) return Promise.resolve(streamBatch(batch, settings, maxLineBytes));
      const t = performance.now();
      const cpu = threadCpuMs();
      const result = streamBatch(batch, settings, maxLineBytes);
      const now = performance.now();
      const cpuAfter = threadCpuMs();
      cpuMs = cpu === undefined || cpuAfter === undefined || cpuMs === undefined ? undefined : cpuMs + cpuAfter - cpu;
      countResult(thread, result.lines, { busyMs: now - t, cpuMs }, started, now);
      return Promise.resolve(result);
    },
    close: () => Promise.resolve(),
    stats: () => [thread],
  };
}

/**
 * The main thread works on a batch only when every worker has at least this many waiting, so
 * that none runs dry while the main thread is busy (a batch takes about as long anywhere).
 */
const MAIN_TAKES_AT = 2;

/**
 * `jobs` threads: the main thread and `jobs - 1` worker threads running `script` (the CLI
 * bundle, which becomes a worker when `isStreamWorker()`). Each thread loads the core and warms
 * up its compiled code once, a few seconds of CPU (docs/corpus.md): the main thread, which only
 * reads and writes otherwise, saves one thread's worth of that and of memory by working too. A
 * batch goes to the worker with the fewest batches waiting, or to the main thread when every
 * worker has enough; a worker answers its batches in the order it got them.
 */
export function workerRunner(script: string, jobs: number, settings: StreamSettings, maxLineBytes: number, measure = false): BatchRunner {
  const main = inlineRunner(settings, maxLineBytes, measure);
  const data = { zhlensStream: true, settings, maxLineBytes, measure } as const;
  interface Waiting {
    resolve: (r: BatchResult) => void;
    reject: (e: Error) => void;
  }
  const workers = Array.from({ length: jobs - 1 }, () => {
    const asked = performance.now();
    const workerData: StreamWorkerData = { ...data, askedAt: performance.timeOrigin + asked };
    const worker = new Worker(script, { workerData });
    const stats = emptyThreadStats();
    const waiting: Waiting[] = [];
    let failure: Error | undefined;
    const fail = (err: Error) => {
      failure ??= err;
      for (const w of waiting.splice(0)) w.reject(failure);
    };
    worker.on('message', (r: BatchResult) => {
      if (measure) countResult(stats, r.lines, r.stats, asked, performance.now());
      waiting.shift()?.resolve(r);
    });
    worker.on('error', (err) => fail(new Error(`a worker thread failed: ${err.message}`)));
    worker.on('exit', (code) => fail(new Error(`a worker thread stopped (exit ${code})`)));
    return { worker, waiting, stats, failed: () => failure };
  });
  let closing = false;
  return {
    run(batch) {
      const w = workers.reduce((a, b) => (b.waiting.length < a.waiting.length ? b : a));
      if (w.waiting.length >= MAIN_TAKES_AT) return main.run(batch);
      const failure = w.failed();
      if (failure) return Promise.reject(failure);
      return new Promise<BatchResult>((resolve, reject) => {
        w.waiting.push({ resolve, reject });
        w.worker.postMessage(batch);
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      for (const w of workers) w.worker.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
    stats: () => [...main.stats(), ...workers.map((w) => w.stats)],
  };
}

/** True in a worker thread started by `workerRunner`. */
export function isStreamWorker(): boolean {
  return !isMainThread && (workerData as Partial<StreamWorkerData> | undefined)?.zhlensStream === true;
}

/** The body of a worker thread: batches in, results out, until the main thread ends it. */
export function runStreamWorker(): void {
  const { settings, maxLineBytes, measure, askedAt } = workerData as StreamWorkerData;
  // Measured in the worker: the main thread may be busy with a batch when the thread comes up.
  const startMs = performance.timeOrigin + performance.now() - askedAt;
  parentPort!.on('message', (batch: LineBatch) => {
    if (!measure) return parentPort!.postMessage(streamBatch(batch, settings, maxLineBytes));
    const t = performance.now();
    const result = streamBatch(batch, settings, maxLineBytes);
    result.stats = { busyMs: performance.now() - t, cpuMs: threadCpuMs(), startMs };
    parentPort!.postMessage(result);
  });
}

/**
 * Runs batches with at most `limit` of them between being sent and being written, and hands
 * the results to `emit` in the order the batches came. The limit is what bounds memory on an
 * endless stream: when it is reached, the reader waits for the oldest result to be written,
 * and the writer waits for standard output to drain.
 */
export class OrderedRuns {
  private readonly queue: Promise<BatchResult>[] = [];

  constructor(
    private readonly runner: BatchRunner,
    private readonly limit: number,
    private readonly emit: (result: BatchResult) => Promise<void>,
  ) {}

  async push(batch: LineBatch): Promise<void> {
    const p = this.runner.run(batch);
    // Handled when its turn comes; until then a failure must not count as unhandled.
    p.catch(() => undefined);
    this.queue.push(p);
    while (this.queue.length >= this.limit) await this.emit(await this.queue.shift()!);
  }

  async finish(): Promise<void> {
    while (this.queue.length) await this.emit(await this.queue.shift()!);
  }
}
