import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageOfPath, type ScriptTarget } from '../../core';
import { forEachFile, summaryLine } from '../batch';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, maxSizeOption, pieceSizeOption, PIECE_OPTIONS, PIECE_OPTIONS_HELP, requireFiles, type Command } from '../command';
import { describeFsError, InputError, UsageError } from '../errors';
import { expandInputs, type InputFile } from '../expandInputs';
import type { ParsedArgs } from '../parseArgs';
import { JSONL_OPTIONS, jsonlOptionsHelp, runJsonl, wantsJsonl } from '../stream/jsonlMode';
import { checkStdinUse } from '../stream/stdinInput';
import { BackupExistsError, FileChangedError, replaceInPlace, replaceWithTemporary, TemporaryFile, writeFileAtomic, type FileSnapshot } from '../../files/replaceFile';
import { repairInPieces, type RepairedInPieces } from '../fileInPieces';
import type { LargeInput, WholeInput } from '../readInput';
import { repairFileBytes } from '../repairedBytes';
import type { Terminal } from '../terminal';

const SCRIPTS: readonly ScriptTarget[] = ['keep', 'simplified', 'traditional'];

export const repairCommand: Command = {
  name: 'repair',
  summary: 'write the repaired text as UTF-8',
  usage: 'zhlens repair [--script keep|simplified|traditional] [--out FILE|DIR | --in-place [--no-backup]] FILE|DIR|GLOB...|-\n       zhlens repair --jsonl [--script S] [--report FILE] [--jobs N] [FILE.jsonl|-]...',
  help: `Decodes each file with the encoding zhlens detects, undoes every recoverable garbling
(mojibake, misaligned GBK, pinyin annotations), and writes the text as UTF-8. Spans whose bytes
are lost (U+FFFD, 锟斤拷) are left as they are and counted as flagged. A clean UTF-8 file comes
out byte for byte as it went in (BOM, line ends and final newline included).

One file goes to standard output unless --out or --in-place says otherwise; several files
(or a folder, or a glob) need --out DIR or --in-place. '-' reads standard input.

Options:
  --script S       keep (default), simplified or traditional: convert the repaired text
  -o, --out PATH   write to PATH; with several files PATH is a folder, mirroring the inputs
  -i, --in-place   replace each file (atomically, keeping its permissions); the original
                   bytes are kept as FILE.orig
  --no-backup      with --in-place: keep no FILE.orig
  -v, --verbose    also name the files that needed no change
${PIECE_OPTIONS_HELP}
${COMMON_OPTIONS_HELP}

${jsonlOptionsHelp('repair')}

--in-place refuses to overwrite an existing FILE.orig, and leaves a file alone when it changed
on disk while zhlens was working on it. Binary files are skipped. Exit status: 0 when every
file was repaired or needed nothing, 1 when a file could not be read or written, 2 on bad usage.

Examples:
  zhlens repair article.txt > article.utf8.txt
  zhlens repair --script simplified --out fixed/ corpus/
  zhlens repair --in-place 'crawl/**/*.txt'
  curl -s https://example.com/page.txt | zhlens repair -
  zhlens repair --jsonl --report report.json < crawl.jsonl > repaired.jsonl`,
  options: {
    ...COMMON_OPTIONS,
    ...PIECE_OPTIONS,
    script: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'in-place': { type: 'boolean', short: 'i' },
    'no-backup': { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
    ...JSONL_OPTIONS,
  },
  run: runRepair,
};

type Destination = { kind: 'stdout' } | { kind: 'in-place'; backup: boolean } | { kind: 'file'; file: string } | { kind: 'folder'; dir: string };

/**
 * What earlier `--in-place` runs leave beside the files: backups, and temporary files of a run
 * that was killed. Repairing those would make `a.txt.orig.orig`.
 */
function isRepairByproduct(name: string): boolean {
  return name.endsWith('.orig') || /^\..*\.zhlens-[0-9a-f]{12}\.tmp$/.test(name);
}

function runRepair(args: ParsedArgs, term: Terminal): number | Promise<number> {
  if (wantsJsonl(args, 'repair')) return runJsonl(args, term, { command: 'repair', script: scriptOption(args) });
  checkStdinUse(requireFiles(args, 'repair'), 'repair', args.flag('in-place'));
  const maxSize = maxSizeOption(args, 'repair');
  const pieceBytes = pieceSizeOption(args, 'repair');
  const script = scriptOption(args);
  const verbose = args.flag('verbose');
  const { files, problems, batch } = expandInputs(requireFiles(args, 'repair'), { ignoreFile: isRepairByproduct });
  const destination = destinationOption(args, batch);
  for (const p of problems) term.warn(p);

  let repaired = 0;
  let unchanged = 0;
  let binary = 0;
  const written = new Map<string, string>();
  const errors = forEachFile(files, term, { maxSize, wholeLimit: pieceBytes }, (file, input) => {
    const result = input.kind === 'whole' ? repairWhole(file, input, script, destination, term, written) : repairLarge(file, input, pieceBytes, script, destination, term, written);
    if (result.binary) {
      binary++;
      if (verbose || !batch) term.warn(`${file.path}: binary file, skipped`);
      return;
    }
    if (result.otherEncoding) {
      if (verbose || !batch) term.warn(`${file.path}: looks like ${result.otherEncoding} text, not Chinese: left as it is`);
    } else if (result.undecodable > 0) {
      const n = result.undecodable;
      term.warn(`${file.path}: ${n} byte${n === 1 ? ' is' : 's are'} not valid ${result.encoding}; written as U+FFFD`);
    }
    if (destination.kind === 'stdout') return;
    if (result.changed) repaired++;
    else unchanged++;
    const to = result.target ? ` → ${result.target}` : '';
    if (result.changed) term.print(`repaired ${file.path}${to}: ${describeRepair(result)}${result.backupPath ? ` (original in ${result.backupPath})` : ''}\n`);
    else if (verbose) term.print(`unchanged ${file.path}${to}\n`);
  });

  const failed = errors + problems.length;
  if (batch) {
    const counts = [['repaired', repaired], ['unchanged', unchanged], ['binary skipped', binary], ['errors', failed]] as const;
    term.warn(summaryLine(files.length, counts));
  }
  return failed > 0 ? 1 : 0;
}

function scriptOption(args: ParsedArgs): ScriptTarget {
  const script = args.value('script') ?? 'keep';
  if (!(SCRIPTS as readonly string[]).includes(script)) {
    throw new UsageError(`bad --script '${script}' (keep, simplified or traditional)`, 'repair');
  }
  return script as ScriptTarget;
}

function destinationOption(args: ParsedArgs, batch: boolean): Destination {
  const out = args.value('out');
  const inPlace = args.flag('in-place');
  if (inPlace && out !== undefined) throw new UsageError('--in-place and --out cannot be used together', 'repair');
  if (args.flag('no-backup') && !inPlace) throw new UsageError('--no-backup only applies to --in-place', 'repair');
  if (inPlace) return { kind: 'in-place', backup: !args.flag('no-backup') };
  if (out === undefined) {
    if (batch) throw new UsageError('repairing several files needs --in-place or --out DIR', 'repair');
    return { kind: 'stdout' };
  }
  if (out === '') throw new UsageError('--out needs a path', 'repair');
  const existing = fs.statSync(out, { throwIfNoEntry: false });
  if (batch || out.endsWith('/') || out.endsWith(path.sep) || existing?.isDirectory()) {
    if (existing && !existing.isDirectory()) throw new UsageError(`--out ${out} is a file; several files need a folder`, 'repair');
    return { kind: 'folder', dir: out };
  }
  return { kind: 'file', file: out };
}

/** What became of one file, in the terms the report lines use. */
interface RepairOutcome {
  binary: boolean;
  encoding: string;
  applied: number;
  flagged: number;
  undecodable: number;
  changed: boolean;
  /** Another language's legacy encoding the bytes are in (written as they are). */
  otherEncoding?: string;
  /** The copy written with --out. */
  target?: string;
  backupPath?: string;
}

function repairWhole(file: InputFile, input: WholeInput, script: ScriptTarget, destination: Destination, term: Terminal, written: Map<string, string>): RepairOutcome {
  const result = repairFileBytes(input.bytes, script, languageOfPath(file.path));
  const outcome: RepairOutcome = {
    binary: result.detection.binary,
    encoding: result.detection.encoding,
    applied: result.repair.applied.length,
    flagged: result.repair.flagged.length,
    undecodable: result.detection.undecodable,
    changed: result.changed,
    otherEncoding: result.detection.otherLegacy,
  };
  if (outcome.binary) {
    if (destination.kind === 'stdout') throw new InputError(`cannot repair ${file.path}: binary file`);
    return outcome;
  }
  if (destination.kind === 'stdout') {
    term.print(result.bytes);
  } else if (destination.kind === 'in-place') {
    if (result.changed) {
      const backupPath = destination.backup ? `${input.snapshot.path}.orig` : undefined;
      outcome.backupPath = writing(file.path, () => replaceInPlace(input.snapshot, result.bytes, { backupPath })).backupPath;
    }
  } else {
    const target = copyTarget(file, input.snapshot.path, destination, written);
    writing(target, () => {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      writeFileAtomic(target, result.bytes);
    });
    outcome.target = target;
  }
  return outcome;
}

/**
 * A file above the piece size, repaired region by region: the repaired bytes stream to standard
 * output or to a temporary file that replaces the target at the end, as for a whole file. The
 * in-place check compares the file's SHA-256 with that of the bytes read.
 */
function repairLarge(file: InputFile, input: LargeInput, pieceBytes: number, script: ScriptTarget, destination: Destination, term: Terminal, written: Map<string, string>): RepairOutcome {
  let target: string | undefined;
  let temp: TemporaryFile | undefined;
  if (destination.kind === 'in-place') {
    target = fs.realpathSync(input.path);
  } else if (destination.kind !== 'stdout') {
    target = copyTarget(file, input.path, destination, written);
    fs.mkdirSync(path.dirname(target), { recursive: true });
  }
  // Messages name the file as the user gave it when it is replaced, the copy otherwise.
  const shown = destination.kind === 'in-place' ? file.path : target!;
  let result: RepairedInPieces;
  try {
    result = repairInPieces(
      input,
      pieceBytes,
      script,
      (bytes) => {
        if (destination.kind === 'stdout') return term.print(bytes);
        temp ??= writing(shown, () => TemporaryFile.beside(target!));
        writing(shown, () => temp!.write(bytes));
      },
      languageOfPath(file.path),
    );
  } catch (err) {
    temp?.discard();
    throw err;
  }
  const { applied, flagged, undecodable, changed } = result;
  const outcome: RepairOutcome = { binary: result.detection.binary, encoding: result.detection.encoding, applied, flagged, undecodable, changed, otherEncoding: result.detection.otherLegacy };
  if (outcome.binary) {
    if (destination.kind === 'stdout') throw new InputError(`cannot repair ${file.path}: binary file`);
    // Skipped: its copy's name stays free for another file, as for a binary file read whole.
    if (destination.kind !== 'in-place') written.delete(path.resolve(target!));
    return outcome;
  }
  if (destination.kind === 'stdout') return outcome;
  // A file that decodes to no text at all writes nothing; its copy is still made.
  temp ??= writing(shown, () => TemporaryFile.beside(target!));
  if (destination.kind === 'in-place') {
    if (!result.changed) {
      temp.discard();
      return outcome;
    }
    const snapshot: FileSnapshot = { path: input.path, stat: input.stat, content: { sha256: result.sha256 } };
    const backupPath = destination.backup ? `${input.path}.orig` : undefined;
    outcome.backupPath = writing(file.path, () => replaceWithTemporary(snapshot, temp!, { backupPath })).backupPath;
    return outcome;
  }
  writing(target!, () => temp!.commitTo(target!));
  outcome.target = target;
  return outcome;
}

/** Where --out puts a file's copy: never over its own input and never twice in one run. */
function copyTarget(file: InputFile, inputPath: string, destination: Destination, written: Map<string, string>): string {
  const target = destination.kind === 'file' ? destination.file : destination.kind === 'folder' ? path.join(destination.dir, file.relative) : inputPath;
  const key = path.resolve(target);
  if (key === path.resolve(inputPath)) throw new InputError(`${target} is the input itself; use --in-place to replace it`);
  const earlier = written.get(key);
  if (earlier) throw new InputError(`${file.path} would overwrite ${target}, already written from ${earlier}`);
  written.set(key, file.path);
  return target;
}

/** Runs a write, turning a file-system error into one line that names the file written. */
function writing<T>(target: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof FileChangedError) throw new InputError(`${target} changed on disk while it was being repaired; left as it is`);
    if (err instanceof BackupExistsError) throw new InputError(`${err.backupPath} already exists; move it away or use --no-backup`);
    throw new InputError(`cannot write ${target}: ${describeFsError(err)}`);
  }
}

/** `gb18030 → utf-8, 12 fixes, 3 flagged` */
function describeRepair(result: RepairOutcome): string {
  const parts: string[] = [];
  if (result.encoding !== 'utf-8') parts.push(`${result.encoding} → utf-8`);
  if (result.applied) parts.push(`${result.applied} fix${result.applied === 1 ? '' : 'es'}`);
  if (result.flagged) parts.push(`${result.flagged} flagged`);
  if (result.undecodable) parts.push(`${result.undecodable} undecodable bytes`);
  return parts.join(', ') || 'rewritten';
}
