import * as fs from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import type { GarbleKind, ScriptTarget } from '../../core';
import { writeFileAtomic } from '../../files/replaceFile';
import { maxSizeOption } from '../command';
import { describeFsError, UsageError } from '../errors';
import type { OptionSpecs, ParsedArgs } from '../parseArgs';
import type { Terminal } from '../terminal';
import { addDocument, emptyReport } from './corpusReport';
import { lineBatches } from './lineBatches';
import { statsFile, threadCpuMs, writeStats } from './streamStats';
import type { StreamCommand, StreamSettings } from './streamDocument';
import { inlineRunner, OrderedRuns, workerRunner, type BatchRunner } from './streamWorkers';

/**
 * `zhlens detect --jsonl` and `zhlens repair --jsonl`: JSON Lines in (standard input, or files
 * read one after another), one line out per line in, in order, as a step of a pipeline that
 * cleans a crawl. See streamDocument.ts for what a record becomes, corpusReport.ts for
 * `--report`, streamWorkers.ts for `--jobs`.
 */

export const JSONL_OPTIONS: OptionSpecs = {
  jsonl: { type: 'boolean' },
  'text-field': { type: 'string' },
  'id-field': { type: 'string' },
  'source-field': { type: 'string' },
  report: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
};

export const DETECT_JSONL_OPTIONS: OptionSpecs = { ...JSONL_OPTIONS, 'no-text': { type: 'boolean' } };

export function jsonlOptionsHelp(command: StreamCommand): string {
  const what =
    command === 'repair'
      ? `each record with its text repaired and a "zhlens" member:
                   {"changed","garbled","issues":[{"field","kind","start","end",
                   "confidence","text","replacement","plan","lossy"}]}`
      : `each record with a "zhlens" member: {"garbled","issues":[…]}
                   (issues as for repair: the text, the replacement, the plan)`;
  return `Streaming (JSON Lines, for corpus pipelines):
  --jsonl          read records {"id": …, "text": …} from standard input (or from
                   FILE.jsonl... in turn) and write one line per line read, in order:
                   ${what}
                   offsets are UTF-16 code units into the text as it came in; other
                   members pass through as written; a line that is not a record gets
                   {"zhlens":{"error","line"}} and the stream goes on
  --text-field F   the member(s) holding text, comma-separated (default text)
  --id-field F     the member naming a record in the report (default id)
  --source-field F count documents per value of F in the report (a site, a crawl)
  --report FILE    write the corpus report (JSON) to FILE at the end; read it with
                   'zhlens report FILE'
  -j, --jobs N     threads: the main one and N-1 workers (default: the cores,
                   ${defaultJobs()} here); output order is kept${
    command === 'detect' ? `\n  --no-text        leave the text members out of the output (findings only)` : ''
  }
  --max-size SIZE  with --jsonl, the longest line read: a longer line gets an error record`;
}

/** The options of the file mode that mean nothing to a stream. */
const FILE_ONLY: Record<StreamCommand, readonly string[]> = {
  detect: ['json', 'verbose', 'piece-size'],
  repair: ['out', 'in-place', 'no-backup', 'verbose', 'piece-size'],
};

/**
 * Whether the command line asks for the streaming mode, after checking that it does not mix
 * the options of the two modes.
 */
export function wantsJsonl(args: ParsedArgs, command: StreamCommand): boolean {
  const streamOnly = Object.keys(command === 'detect' ? DETECT_JSONL_OPTIONS : JSONL_OPTIONS).filter((o) => o !== 'jsonl');
  if (!args.flag('jsonl')) {
    const stray = streamOnly.find((o) => args.has(o));
    if (stray) throw new UsageError(`--${stray} needs --jsonl`, command);
    return false;
  }
  const stray = FILE_ONLY[command].find((o) => args.has(o));
  if (stray) throw new UsageError(`--${stray} cannot be used with --jsonl`, command);
  return true;
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

function jobsOption(args: ParsedArgs, command: StreamCommand): number {
  const text = args.value('jobs');
  if (text === undefined) return defaultJobs();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 256)) throw new UsageError(`bad --jobs '${text}' (a number of threads, 1 to 256)`, command);
  return n;
}

function fieldOption(args: ParsedArgs, name: string, command: StreamCommand): string | undefined {
  const text = args.value(name);
  if (text === undefined) return undefined;
  if (text === '') throw new UsageError(`--${name} needs a member name`, command);
  return text;
}

export interface JsonlRequest {
  command: StreamCommand;
  kinds?: readonly GarbleKind[];
  script?: ScriptTarget;
}

/** Batches sent to the workers and not yet written, per worker: enough that no worker waits for work. */
const BATCHES_PER_JOB = 4;

/**
 * Runs the stream; returns the exit code: 0 when every input was read to its end (lines that
 * are not records are answered in the output, not by the exit code), 1 when an input could not
 * be read or the report not written.
 */
export async function runJsonl(args: ParsedArgs, term: Terminal, request: JsonlRequest, stdin: Readable = process.stdin): Promise<number> {
  const { command } = request;
  const maxLineBytes = maxSizeOption(args, command);
  const jobs = jobsOption(args, command);
  const textFields = (fieldOption(args, 'text-field', command) ?? 'text').split(',').map((f) => f.trim());
  if (textFields.some((f) => f === '')) throw new UsageError('--text-field has an empty member name', command);
  const sourceField = fieldOption(args, 'source-field', command);
  const reportFile = args.value('report');
  if (reportFile === '') throw new UsageError('--report needs a file name', command);
  const settings: StreamSettings = {
    command,
    textFields,
    idField: fieldOption(args, 'id-field', command) ?? 'id',
    sourceField,
    keepText: !args.flag('no-text'),
    kinds: request.kinds,
    script: request.script ?? 'keep',
    summarize: reportFile !== undefined,
  };
  const inputs = args.positionals.length ? args.positionals : ['-'];
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('standard input (-) can be read only once', command);

  const report = emptyReport(command, sourceField);
  let lines = 0;
  let errorLines = 0;
  const started = performance.now();
  const stats = statsFile();
  const measure = stats !== undefined;
  const runner: BatchRunner = jobs === 1 ? inlineRunner(settings, maxLineBytes, measure) : workerRunner(__filename, jobs, settings, maxLineBytes, measure);
  const runs = new OrderedRuns(runner, jobs * BATCHES_PER_JOB, async (result) => {
    lines += result.lines;
    errorLines += result.errors;
    for (const s of result.summaries) addDocument(report, s);
    await term.write(result.out);
  });

  let failed = 0;
  try {
    for (const input of inputs) {
      let stream: Readable;
      if (input === '-') stream = stdin;
      else {
        try {
          stream = await openInput(input);
        } catch (err) {
          term.warn(`cannot read ${input}: ${describeFsError(err)}`);
          failed++;
          continue;
        }
      }
      try {
        for await (const batch of lineBatches(stream, maxLineBytes)) await runs.push(batch);
      } catch (err) {
        if (!isReadError(err)) throw err;
        term.warn(`cannot read ${input === '-' ? 'standard input' : input}: ${describeFsError(err)}`);
        failed++;
      } finally {
        if (input !== '-') stream.destroy();
      }
    }
    await runs.finish();
  } finally {
    await runner.close();
  }

  if (stats) writeStats(stats, { jobs, wallMs: performance.now() - started, mainCpuMs: threadCpuMs(), threads: runner.stats() });
  if (errorLines > 0) term.warn(`${errorLines} of ${lines} lines were not usable records; their error records say why`);
  if (reportFile !== undefined) {
    try {
      writeFileAtomic(reportFile, Buffer.from(`${JSON.stringify(report)}\n`));
    } catch (err) {
      term.warn(`cannot write ${reportFile}: ${describeFsError(err)}`);
      failed++;
    }
  }
  return failed > 0 ? 1 : 0;
}

/** A file stream, opened before the first read so that a missing file is one clear error. */
function openInput(file: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return reject(Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    const stream = fs.createReadStream(file, { highWaterMark: 1 << 16 });
    stream.once('open', () => resolve(stream));
    stream.once('error', reject);
  });
}

/** A failure of the input stream, as opposed to a bug. */
function isReadError(err: unknown): boolean {
  return typeof (err as NodeJS.ErrnoException | undefined)?.code === 'string';
}
