import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScriptTarget } from '../../core';
import { forEachFile, summaryLine } from '../batch';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, maxSizeOption, requireFiles, type Command } from '../command';
import { describeFsError, InputError, UsageError } from '../errors';
import { expandInputs, type InputFile } from '../expandInputs';
import type { ParsedArgs } from '../parseArgs';
import type { FileSnapshot } from '../readInput';
import { repairFileBytes, type RepairedFile } from '../repairedBytes';
import { replaceInPlace, writeFileAtomic } from '../replaceFile';
import type { Terminal } from '../terminal';

const SCRIPTS: readonly ScriptTarget[] = ['keep', 'simplified', 'traditional'];

export const repairCommand: Command = {
  name: 'repair',
  summary: 'write the repaired text as UTF-8',
  usage: 'zhlens repair [--script keep|simplified|traditional] [--out FILE|DIR | --in-place [--no-backup]] FILE|DIR|GLOB...',
  help: `Decodes each file with the encoding zhlens detects, undoes every recoverable garbling
(mojibake, misaligned GBK, pinyin annotations), and writes the text as UTF-8. Spans whose bytes
are lost (U+FFFD, 锟斤拷) are left as they are and counted as flagged. A clean UTF-8 file comes
out byte for byte as it went in (BOM, line ends and final newline included).

One file goes to standard output unless --out or --in-place says otherwise; several files
(or a folder, or a glob) need --out DIR or --in-place.

Options:
  --script S       keep (default), simplified or traditional: convert the repaired text
  -o, --out PATH   write to PATH; with several files PATH is a folder, mirroring the inputs
  -i, --in-place   replace each file (atomically, keeping its permissions); the original
                   bytes are kept as FILE.orig
  --no-backup      with --in-place: keep no FILE.orig
  -v, --verbose    also name the files that needed no change
${COMMON_OPTIONS_HELP}

--in-place refuses to overwrite an existing FILE.orig, and leaves a file alone when it changed
on disk while zhlens was working on it. Binary files are skipped. Exit status: 0 when every
file was repaired or needed nothing, 1 when a file could not be read or written, 2 on bad usage.

Examples:
  zhlens repair article.txt > article.utf8.txt
  zhlens repair --script simplified --out fixed/ corpus/
  zhlens repair --in-place 'crawl/**/*.txt'`,
  options: {
    ...COMMON_OPTIONS,
    script: { type: 'string' },
    out: { type: 'string', short: 'o' },
    'in-place': { type: 'boolean', short: 'i' },
    'no-backup': { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
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

function runRepair(args: ParsedArgs, term: Terminal): number {
  const maxSize = maxSizeOption(args, 'repair');
  const script = scriptOption(args);
  const verbose = args.flag('verbose');
  const { files, problems, batch } = expandInputs(requireFiles(args, 'repair'), { ignoreFile: isRepairByproduct });
  const destination = destinationOption(args, batch);
  for (const p of problems) term.warn(p);

  let repaired = 0;
  let unchanged = 0;
  let binary = 0;
  const written = new Map<string, string>();
  const errors = forEachFile(files, term, maxSize, (file, snapshot) => {
    const result = repairFileBytes(snapshot.bytes, script);
    if (result.detection.binary) {
      if (destination.kind === 'stdout') throw new InputError(`cannot repair ${file.path}: binary file`);
      binary++;
      if (verbose || !batch) term.warn(`${file.path}: binary file, skipped`);
      return;
    }
    if (result.detection.undecodable > 0) {
      const n = result.detection.undecodable;
      term.warn(`${file.path}: ${n} byte${n === 1 ? ' is' : 's are'} not valid ${result.detection.encoding}; written as U+FFFD`);
    }
    if (destination.kind === 'stdout') {
      term.print(result.bytes);
      return;
    }
    if (destination.kind === 'in-place') {
      if (!result.changed) {
        unchanged++;
        if (verbose) term.print(`unchanged ${file.path}\n`);
        return;
      }
      const { backupPath } = writing(file.path, () => replaceInPlace(snapshot, result.bytes, { backup: destination.backup }));
      repaired++;
      term.print(`repaired ${file.path}: ${describeRepair(result)}${backupPath ? ` (original in ${backupPath})` : ''}\n`);
      return;
    }
    const target = destination.kind === 'file' ? destination.file : path.join(destination.dir, file.relative);
    writeCopy(file, snapshot, target, result, written);
    if (result.changed) {
      repaired++;
      term.print(`repaired ${file.path} → ${target}: ${describeRepair(result)}\n`);
    } else {
      unchanged++;
      if (verbose) term.print(`unchanged ${file.path} → ${target}\n`);
    }
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

/** Writes one repaired copy, never over its own input and never twice to the same place. */
function writeCopy(file: InputFile, snapshot: FileSnapshot, target: string, result: RepairedFile, written: Map<string, string>): void {
  const key = path.resolve(target);
  if (key === path.resolve(snapshot.path)) throw new InputError(`${target} is the input itself; use --in-place to replace it`);
  const earlier = written.get(key);
  if (earlier) throw new InputError(`${file.path} would overwrite ${target}, already written from ${earlier}`);
  written.set(key, file.path);
  writing(target, () => {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, result.bytes);
  });
}

/** Runs a write, turning a file-system error into one line that names the file written. */
function writing<T>(target: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot write ${target}: ${describeFsError(err)}`);
  }
}

/** `gb18030 → utf-8, 12 fixes, 3 flagged` */
function describeRepair(result: RepairedFile): string {
  const parts: string[] = [];
  if (result.detection.encoding !== 'utf-8') parts.push(`${result.detection.encoding} → utf-8`);
  const fixes = result.repair.applied.length;
  if (fixes) parts.push(`${fixes} fix${fixes === 1 ? '' : 'es'}`);
  if (result.repair.flagged.length) parts.push(`${result.repair.flagged.length} flagged`);
  if (result.detection.undecodable) parts.push(`${result.detection.undecodable} undecodable bytes`);
  return parts.join(', ') || 'rewritten';
}
