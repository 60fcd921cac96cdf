/**
 * One fuzzing worker: mutates inputs from its corpus, runs them through detection, repair,
 * annotation and outline, and keeps an input when it reaches code (V8 block coverage of the core)
 * that no earlier input reached. Every input is published in shared memory before it runs, so
 * that the parent, which owns the per-input timeout, can save the input that hung and restart us.
 *
 * Reports to the parent: `stats` every few seconds, `crash` (minimized), `slow` (super-linear).
 */
import * as inspector from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { annotateText, detectEncoding, outlineText, repairText } from '../../src/core';
import { seededRandom } from '../garblers';
import { mutateBytes, mutateText } from './mutate';
import { loadSeeds } from './seeds';

export interface WorkerConfig {
  root: string;
  seed: number;
  /** Int32 [inputs run, input length, input mode] followed by the input's bytes. */
  shared: SharedArrayBuffer;
  maxInputBytes: number;
  /**
   * Fast mode: inputs of at most this many characters (bytes for byte inputs), and no 64 KB
   * scaling inputs. Short inputs keep each run in the tens of microseconds on clean text.
   */
  maxChars?: number;
  /**
   * Take coverage after every Nth input instead of after each. A batch that reached new code is
   * run again input by input to find which inputs to keep, so sampling loses no corpus entry.
   * 0 turns block coverage off (it makes the core run about ten times slower): the inputs are
   * then mutations of the seeds alone, one to four deep.
   */
  coverageEvery?: number;
}

const config = workerData as WorkerConfig;
const header = new Int32Array(config.shared, 0, 3);
const current = new Uint8Array(config.shared, 12);
const random = seededRandom(config.seed);
const port = parentPort!;

type Mode = 0 | 1; // 0: the input is a file's bytes; 1: the input is UTF-16 text (lone surrogates allowed)

interface Input {
  mode: Mode;
  bytes: Uint8Array;
}

const textOf = (input: Input) => (input.mode === 1 ? Buffer.from(input.bytes).toString('utf16le') : '');
const fromText = (text: string): Input => ({ mode: 1, bytes: new Uint8Array(Buffer.from(text, 'utf16le')) });

/** Every entry point a user's file passes through; throws what the core throws. */
function runTargets(input: Input): number {
  let text: string;
  if (input.mode === 0) {
    const d = detectEncoding(input.bytes);
    if (d.binary) return 0;
    text = d.text;
  } else {
    text = textOf(input);
  }
  const r = repairText(text);
  for (const i of [...r.applied, ...r.flagged]) {
    if (!(i.start >= 0 && i.start <= i.end && i.end <= text.length)) {
      throw new Error(`issue ${i.kind} [${i.start}, ${i.end}) outside the text of length ${text.length}`);
    }
  }
  annotateText(text);
  outlineText(text);
  return text.length;
}

// Coverage: V8's precise block coverage, reset on every take, so each take is what one input ran.
const session = new inspector.Session();
session.connect();
function post<T>(method: string, params?: object): T {
  let result: T | undefined;
  session.post(method, params, (err, r) => {
    if (err) throw err;
    result = r as T;
  });
  return result as T;
}
const coverageEvery = config.coverageEvery ?? 1;
if (coverageEvery > 0) {
  post('Profiler.enable');
  post('Profiler.startPreciseCoverage', { callCount: false, detailed: true });
}

interface Coverage {
  result: { url: string; functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[] }[];
}
const seen = new Set<number>();
let ownUrl: string | undefined;
/** The coverage keys reached since the last take that no kept input reached; not yet recorded. */
function unseenFeatures(): Set<number> {
  const unseen = new Set<number>();
  for (const script of post<Coverage>('Profiler.takePreciseCoverage').result) {
    if (ownUrl === undefined && script.url.endsWith('fuzzWorker.js')) ownUrl = script.url;
    if (script.url !== ownUrl) continue;
    for (const f of script.functions) {
      for (const range of f.ranges) {
        const key = range.startOffset * 4_194_304 + range.endOffset * 2 + (range.count > 0 ? 1 : 0);
        if (!seen.has(key)) unseen.add(key);
      }
    }
  }
  return unseen;
}
function newFeatures(): number {
  const unseen = unseenFeatures();
  for (const key of unseen) seen.add(key);
  return unseen.size;
}

function publish(input: Input): void {
  const n = Math.min(input.bytes.length, config.maxInputBytes);
  current.set(input.bytes.subarray(0, n));
  header[1] = n;
  header[2] = input.mode;
  Atomics.add(header, 0, 1);
}

const describe = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));
function throws(input: Input): string | undefined {
  try {
    runTargets(input);
    return undefined;
  } catch (err) {
    return describe(err);
  }
}

/** Shortest input (by halving, then by single units) that still fails with the same message. */
function minimize(input: Input, message: string): Input {
  const unit = input.mode === 1 ? 2 : 1;
  let best = input;
  for (let chunk = Math.floor(best.bytes.length / 2 / unit) * unit; chunk >= unit; chunk = Math.floor(chunk / 2 / unit) * unit) {
    for (let at = 0; at + chunk <= best.bytes.length; ) {
      const trial: Input = { mode: best.mode, bytes: new Uint8Array(Buffer.concat([best.bytes.subarray(0, at), best.bytes.subarray(at + chunk)])) };
      if (throws(trial) === message) best = trial;
      else at += chunk;
    }
  }
  return best;
}

const maxChars = config.maxChars;
// In fast mode a seed is cut to a window of the input size at a random place, so that every part
// of the samples can still be reached.
const seeds = loadSeeds(config.root).map((s): Input => {
  if (maxChars === undefined || s.bytes.length <= maxChars) return { mode: 0, bytes: s.bytes };
  const at = random.int(0, s.bytes.length - maxChars);
  return { mode: 0, bytes: s.bytes.subarray(at, at + maxChars) };
});
const corpus: Input[] = [...seeds];
const MAX_CORPUS = 20_000;
/** Most inputs stay small, for throughput; one in fifty may grow to 64 KB, for scaling. */
const runBytes = () => (maxChars !== undefined ? maxChars * 2 : random.next() < 0.02 ? 64 * 1024 : 1024);

function nextInput(): Input {
  const parent = random.next() < 0.8 && corpus.length > seeds.length ? corpus[random.int(seeds.length, corpus.length - 1)] : random.pick(corpus);
  const other = random.pick(corpus);
  const asText = random.next() < 0.4;
  const limit = runBytes();
  let input: Input = asText && parent.mode === 0 ? fromText(Buffer.from(parent.bytes).toString('utf8')) : parent;
  for (let k = random.int(1, 4); k > 0; k--) {
    if (input.mode === 1) input = fromText(mutateText(textOf(input), Buffer.from(other.bytes).toString('utf8'), random).slice(0, limit / 2));
    else input = { mode: 0, bytes: mutateBytes(input.bytes, other.bytes, random).subarray(0, maxChars ?? limit) };
  }
  return input;
}

// Time per character, over inputs long enough for the clock to mean something.
const TIMED_LENGTH = Math.min(256, (maxChars ?? 512) / 2);
const perChar: number[] = [];
const reported = new Set<string>();
/** The scaling check runs the input 7 times over; once a minute is enough to sample slow paths. */
let lastGrowthCheck = -Infinity;

/** Times the targets on the input repeated 1, 2 and 4 times; quadratic work shows as ×16 for ×4. */
function growth(input: Input): { ratio: number; ms: number[] } {
  const ms: number[] = [];
  for (const times of [1, 2, 4]) {
    const bytes = new Uint8Array(Buffer.concat(Array<Uint8Array>(times).fill(input.bytes)));
    const t0 = performance.now();
    runTargets({ mode: input.mode, bytes });
    ms.push(performance.now() - t0);
  }
  return { ratio: ms[2] / Math.max(ms[0], 0.5), ms };
}

// Warm-up before the first published input: the character model, the OpenCC tables and the
// pinyin dictionary load on first use, which would otherwise count against the first input's time.
for (const seed of seeds.slice(0, 20)) runTargets(seed);
if (coverageEvery > 0) newFeatures();

/** Inputs run since the last coverage take. */
const batch: Input[] = [];

/** Keeps the inputs of the batch that reached new code. */
function keepNewInputs(): void {
  if (batch.length === 1) {
    if (newFeatures() > 0 && corpus.length < MAX_CORPUS) corpus.push(batch[0]);
    return;
  }
  if (unseenFeatures().size === 0) return;
  for (const input of batch) {
    try {
      runTargets(input);
    } catch {
      // Reported when it first ran.
    }
    if (newFeatures() > 0 && corpus.length < MAX_CORPUS) corpus.push(input);
  }
}

let executed = 0;
let lastReport = performance.now();
for (;;) {
  const input = nextInput();
  publish(input);
  const t0 = performance.now();
  let length = 0;
  let failure: string | undefined;
  try {
    length = runTargets(input);
  } catch (err) {
    failure = describe(err);
  }
  const ms = performance.now() - t0;
  executed++;
  if (failure !== undefined) {
    if (!reported.has(failure)) {
      reported.add(failure);
      const small = minimize(input, failure);
      let stack = '';
      try {
        runTargets(small);
      } catch (err) {
        stack = err instanceof Error ? (err.stack ?? '') : '';
      }
      port.postMessage({ type: 'crash', message: failure, stack, mode: small.mode, bytes: Buffer.from(small.bytes).toString('base64') });
    }
  } else if (length >= TIMED_LENGTH) {
    perChar.push(ms / length);
    if (perChar.length > 4000) perChar.splice(0, 2000);
    const median = [...perChar].sort((a, b) => a - b)[perChar.length >> 1];
    if (perChar.length > 200 && ms > 100 && ms / length > 20 * median && t0 - lastGrowthCheck > 60_000) {
      lastGrowthCheck = t0;
      const g = growth(input);
      // Linear work gives a ratio near 4; allow noise and warm-up before calling it super-linear.
      port.postMessage({ type: 'slow', superLinear: g.ratio > 10, ms: g.ms, usPerChar: (1000 * ms) / length, medianUsPerChar: 1000 * median, length, mode: input.mode, bytes: Buffer.from(input.bytes).toString('base64') });
    }
  }
  if (coverageEvery > 0) {
    batch.push(input);
    if (batch.length >= coverageEvery) {
      keepNewInputs();
      batch.length = 0;
    }
  }
  const now = performance.now();
  if (now - lastReport > 5000) {
    const sorted = [...perChar].sort((a, b) => a - b);
    port.postMessage({ type: 'stats', executed, corpus: corpus.length, features: seen.size, medianUsPerChar: 1000 * (sorted[sorted.length >> 1] ?? 0) });
    lastReport = now;
  }
}
