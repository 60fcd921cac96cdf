/**
 * `npm run bench`, the Node part: times every operation on every workload, measures each one's
 * memory peak in a child process, runs the anchors on the same inputs, and prints one table and
 * the targets. Started by scripts/bench.mjs, which adds the editor figures (--editor FILE).
 *
 *   node out/bench/run.js [--sizes 20k,1m,10m] [--no-memory] [--ops OP,OP] [--editor editor.json]
 *     [--no-stream | --stream-only] [--stream-docs 4000] [--stream-repeats 3] [--stream-jobs N] [--stream-corpus FILE]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KB, MB, realText, sizeLabel } from './corpus';
import { keystrokeSplit, OPERATIONS, type Input, type OperationName } from './operations';
import { time, type Timing } from './timing';
import { BYTE_KINDS, TEXT_KINDS, byteWorkload, latin1FileWorkload, textWorkload } from './workloads';
import { printReport, type EditorFigures, type Row } from './report';
import { coldFirstVerdict, countColdInstructions, type ColdFigures } from './coldStart';
import { printStreamFigures, streamFigures } from './stream';
import { analysisSteps, printSteps, type StepFigures } from './steps';

const ROOT = resolve(__dirname, '../..');
const WORK = join(ROOT, 'out/bench/workloads');

function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizeOf = (s: string) => Number.parseFloat(s) * (/m$/i.test(s) ? MB : KB);
  return {
    sizes: (value('--sizes') ?? '20k,200k,1m,10m').split(',').map(sizeOf),
    memory: !argv.includes('--no-memory'),
    /** A case whose one run would take longer than this (CPU seconds, projected linearly from the size below) is skipped. */
    maxSeconds: Number(value('--max-seconds') ?? 30),
    editor: value('--editor'),
    cold: !argv.includes('--no-cold'),
    /** The cold first verdict alone (its rows and target), no workloads. */
    coldOnly: argv.includes('--cold-only'),
    /** The runtime of the cold first verdict (default: this one); e.g. the editor's newer Node. */
    coldNode: value('--cold-node'),
    coldRuns: Number(value('--cold-runs') ?? 7),
    /** The cold first verdict also counted in instructions under valgrind (bench/coldStart.ts, countColdInstructions). */
    coldInstructions: argv.includes('--cold-instructions'),
    /** Only these operations (and their anchors), e.g. `--ops analyzeText,keystroke`; all by default. */
    ops: value('--ops')?.split(','),
    /** After each analyzeText row, where its time went, step by step (bench/steps.ts). */
    steps: argv.includes('--steps'),
    /** Only these workloads, e.g. `--workloads "latin1 file,clean"`; all by default. */
    workloads: value('--workloads')?.split(','),
    stream: !argv.includes('--no-stream'),
    streamOnly: argv.includes('--stream-only'),
    streamDocs: Number(value('--stream-docs') ?? 4000),
    streamRepeats: Number(value('--stream-repeats') ?? 3),
    /** A JSON Lines corpus of new text for the stream row (scripts/make-stream-corpus.mjs); the test corpus by default. */
    streamCorpus: value('--stream-corpus'),
    /** N of `--jobs N` (default: the cores). */
    streamJobs: value('--stream-jobs') === undefined ? undefined : Number(value('--stream-jobs')),
  };
}

/** One measured case: an operation (or ftfy) on one workload, whose input is also written to `file`. */
interface Case {
  op: OperationName | 'ftfy';
  workload: string;
  file: string;
  input: Input;
}

function saveInput(name: string, input: Input): string {
  const file = join(WORK, name);
  writeFileSync(file, input);
  return file;
}

function casesForSize(base: string, size: number): Case[] {
  const label = sizeLabel(size).replace(' ', '');
  const cases: Case[] = [];
  for (const kind of BYTE_KINDS) {
    const bytes = byteWorkload(base, kind, size);
    const file = saveInput(`${kind}-${label}.bin`, bytes);
    const workload = `${kind} bytes`;
    cases.push({ op: 'detectEncoding', workload, file, input: bytes });
    cases.push({ op: 'jschardet', workload, file, input: bytes });
    cases.push({ op: `iconv ${kind}`, workload, file, input: bytes });
    if (kind !== 'utf-8') cases.push({ op: 'repairFile', workload, file, input: bytes });
  }
  for (const kind of TEXT_KINDS) {
    const text = textWorkload(base, kind, size);
    const file = saveInput(`${kind}-${label}.txt`, text);
    cases.push({ op: 'analyzeText', workload: kind, file, input: text });
    cases.push({ op: 'repairText', workload: kind, file, input: text });
    if (kind === 'clean') {
      cases.push({ op: 'keystroke', workload: kind, file, input: text });
      cases.push({ op: 'annotateText', workload: kind, file, input: text });
      cases.push({ op: 'outlineText', workload: kind, file, input: text });
      cases.push({ op: 'placeNotes', workload: kind, file, input: text });
    }
    if (kind === 'pinyin-annotation' || kind === 'mixed-script') cases.push({ op: 'repairEdits', workload: kind, file, input: text });
  }
  const latin1 = latin1FileWorkload(base, size);
  const file = saveInput(`latin1-file-${label}.txt`, latin1);
  cases.push({ op: 'repairText', workload: 'latin1 file', file, input: latin1 });
  cases.push({ op: 'ftfy', workload: 'latin1 file', file, input: latin1 });
  return cases;
}

/** The real garbled article as found, at its own size. */
function yizhuangCases(): Case[] {
  const file = join(ROOT, 'samples/yizhuang-article/garbled.txt');
  const bytes = new Uint8Array(readFileSync(file));
  const text = readFileSync(file, 'utf8');
  const workload = 'Yizhuang article';
  return [
    { op: 'detectEncoding', workload, file, input: bytes },
    { op: 'jschardet', workload, file, input: bytes },
    ...(['analyzeText', 'repairText', 'repairEdits', 'annotateText', 'outlineText', 'placeNotes'] as const).map((op) => ({ op, workload, file, input: text })),
  ];
}

interface FtfyResult {
  timing: Timing;
  peakKb: number;
  version: string;
}

/** ftfy in its own Python process (bench/time_ftfy.py), or the reason it could not run. */
function timeFtfy(file: string): FtfyResult | string {
  const run = spawnSync('python3', [join(ROOT, 'bench/time_ftfy.py'), file], { encoding: 'utf8' });
  if (run.error) return `python3 not found (${run.error.message})`;
  try {
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '');
    if (r.missing) return `ftfy is not installed (${r.missing}): \`pip install ftfy\`, or \`apt-get install python3-ftfy\` where Debian has it`;
    return { timing: { runs: r.runs, wallMs: r.wallMs, cpuMs: r.cpuMs }, peakKb: r.maxRssKb, version: r.version };
  } catch {
    return `ftfy failed: ${run.stderr.trim().split('\n').at(-1)}`;
  }
}

function probeMemory(op: OperationName, file: string): { baselineKb: number; peakKb: number } | undefined {
  const run = spawnSync(process.execPath, ['--expose-gc', join(__dirname, 'memoryProbe.js'), op, file], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(`memory probe ${op} ${file} failed: ${run.stderr.trim().split('\n').at(-1)}\n`);
    return undefined;
  }
  return JSON.parse(run.stdout);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(WORK, { recursive: true });
  if (args.streamOnly) return printStreamFigures(await streamFigures(ROOT, join(WORK, 'stream'), { documents: args.streamDocs, repeats: args.streamRepeats, jobs: args.streamJobs, corpusFile: args.streamCorpus }));
  const base = realText(ROOT);
  const rows: Row[] = [];
  const notes: string[] = [];
  const steps: StepFigures[] = [];
  const measure = (c: Case, size: number) => {
    if (args.ops && !args.ops.includes(c.op) && !(OPERATIONS[c.op as OperationName]?.anchor || c.op === 'ftfy')) return;
    if (args.workloads && !args.workloads.includes(c.workload) && !OPERATIONS[c.op as OperationName]?.anchor) return;
    const bytes = typeof c.input === 'string' ? Buffer.byteLength(c.input, 'utf8') : c.input.byteLength;
    const smaller = rows.filter((r) => r.op === c.op && r.workload === c.workload && r.size > 0 && r.size < size).at(-1);
    const projectedMs = smaller ? (smaller.timing.cpuMs * bytes) / smaller.bytes : 0;
    if (projectedMs > args.maxSeconds * 1000) {
      notes.push(`${c.op} on ${c.workload} ${sizeLabel(size)} skipped: one run would take about ${Math.round(projectedMs / 1000)} s of CPU (${Math.round(smaller!.timing.cpuMs)} ms at ${sizeLabel(smaller!.size)}, linearly; --max-seconds ${args.maxSeconds})`);
      return;
    }
    process.stderr.write(`  ${c.op} · ${c.workload} · ${sizeLabel(size)} …`);
    const row: Row = { op: c.op, anchor: c.op === 'ftfy' || OPERATIONS[c.op].anchor, workload: c.workload, size, bytes, file: c.file, timing: { runs: 0, wallMs: 0, cpuMs: 0 } };
    if (c.op === 'ftfy') {
      const ftfy = timeFtfy(c.file);
      if (typeof ftfy === 'string') {
        process.stderr.write(' skipped\n');
        notes.push(`ftfy on ${c.workload} ${sizeLabel(size)} skipped: ${ftfy}`);
        return;
      }
      row.timing = ftfy.timing;
      row.memory = { baselineKb: 0, peakKb: ftfy.peakKb };
      row.note = `ftfy ${ftfy.version} fix_encoding`;
    } else {
      const run = OPERATIONS[c.op].run;
      const input = c.input;
      const warmRuns = c.op === 'keystroke' ? 2 : 1;
      row.timing = time(() => run(input), { singleRunMs: Math.min(10_000, args.maxSeconds * 1000), warmRuns });
      const split = c.op === 'keystroke' && row.timing.runs > 1 ? keystrokeSplit(input as string, warmRuns) : undefined;
      if (split) row.note = `windows analysed: ${split.windows}, ${split.analysisMs.toFixed(1)} ms; the rest ${split.restMs.toFixed(1)} ms (medians)`;
      if (args.steps && c.op === 'analyzeText') steps.push(analysisSteps(input as string, c.workload, size ? sizeLabel(size) : '', Math.min(row.timing.runs, 5)));
    }
    process.stderr.write(` ${row.timing.cpuMs.toFixed(1)} ms\n`);
    rows.push(row);
  };

  let cold: ColdFigures | undefined;
  const coreFile = join(ROOT, 'dist/core.js');
  if (args.cold && existsSync(coreFile)) {
    process.stderr.write('cold first verdict: bare node against node + dist/core.js + analyzeText …');
    const cacheLoader = join(ROOT, 'out/bench/coreCodeCache.js');
    const cliFile = join(ROOT, 'dist/cli.js');
    cold = coldFirstVerdict(coreFile, join(ROOT, 'samples/yizhuang-article/garbled.txt'), args.coldRuns, args.coldNode, existsSync(cacheLoader) ? cacheLoader : undefined, existsSync(cliFile) ? cliFile : undefined);
    process.stderr.write(` +${cold.extraCpuMs.toFixed(0)} ms\n`);
    if (args.coldInstructions) {
      process.stderr.write('cold first verdict in instructions (valgrind) …\n');
      cold.instructions = countColdInstructions(coreFile, join(ROOT, 'samples/yizhuang-article/garbled.txt'), args.coldNode);
      if (!cold.instructions) notes.push('cold first verdict in instructions skipped: valgrind not found or failed');
    }
  } else if (args.cold) notes.push('cold first verdict skipped: no dist/core.js (npm run build)');
  if (args.coldOnly) return printReport([], notes, undefined, cold);
  process.stderr.write(`real text: ${sizeLabel(Buffer.byteLength(base))} (Yizhuang article, test/corpus, samples)\n`);
  for (const c of yizhuangCases()) measure(c, 0);
  for (const size of args.sizes) {
    process.stderr.write(`workloads of ${sizeLabel(size)}\n`);
    for (const c of casesForSize(base, size)) measure(c, size);
  }
  if (args.memory) {
    process.stderr.write(`memory peaks (one child process per row)\n`);
    for (const row of rows) {
      if (row.op === 'ftfy') continue; // time_ftfy.py reports its own peak
      const m = probeMemory(row.op as OperationName, row.file);
      if (m) row.memory = m;
    }
  }
  const editor: EditorFigures | undefined = args.editor && existsSync(args.editor) ? JSON.parse(readFileSync(args.editor, 'utf8')) : undefined;
  printReport(rows, notes, editor, cold);
  printSteps(steps);
  if (args.stream) {
    process.stderr.write('streaming mode (one zhlens process per run)\n');
    printStreamFigures(await streamFigures(ROOT, join(WORK, 'stream'), { documents: args.streamDocs, repeats: args.streamRepeats, jobs: args.streamJobs, corpusFile: args.streamCorpus }));
  }
}

void main();
