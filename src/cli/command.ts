import { parseByteSize } from './byteSize';
import { DEFAULT_PIECE_BYTES } from './fileInPieces';
import { UsageError } from './errors';
import type { OptionSpecs, ParsedArgs } from './parseArgs';
import type { Terminal } from './terminal';

/** One `zhlens` subcommand: its options, its help, and what it does. */
export interface Command {
  name: string;
  /** One line for `zhlens --help`. */
  summary: string;
  /** The usage line printed with every usage error. */
  usage: string;
  /** The rest of `zhlens help NAME`: what it does, the options, examples. */
  help: string;
  options: OptionSpecs;
  /** Returns the exit code (a promise of it for a command that streams). */
  run(args: ParsedArgs, term: Terminal): number | Promise<number>;
}

/** Options every command takes. */
export const COMMON_OPTIONS: OptionSpecs = {
  help: { type: 'boolean', short: 'h' },
  'max-size': { type: 'string' },
};

export const COMMON_OPTIONS_HELP = `  --max-size SIZE  skip files larger than SIZE (default 50MB; units k, M, G)
  -h, --help       show this help`;

/** 50 MB of text is a book shelf; anything larger is a dump or a mistake, and costs minutes. */
const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;

export function maxSizeOption(args: ParsedArgs, command: string): number {
  const text = args.value('max-size');
  if (text === undefined) return DEFAULT_MAX_SIZE;
  const size = parseByteSize(text);
  if (size === undefined || size <= 0) throw new UsageError(`bad --max-size '${text}' (examples: 20MB, 512k)`, command);
  return size;
}

/** The files of a command line, or a usage error when there are none. */
export function requireFiles(args: ParsedArgs, command: string): string[] {
  if (args.positionals.length === 0) throw new UsageError('no file given', command);
  return args.positionals;
}

/** Options of the commands that read large files in pieces. */
export const PIECE_OPTIONS: OptionSpecs = {
  'piece-size': { type: 'string' },
};

export const PIECE_OPTIONS_HELP = `  --piece-size N   read a file larger than N (default 1MB) in pieces of about N:
                   memory stays bounded, the output is the same`;

export function pieceSizeOption(args: ParsedArgs, command: string): number {
  const text = args.value('piece-size');
  if (text === undefined) return DEFAULT_PIECE_BYTES;
  const size = parseByteSize(text);
  // Below a few KB the windows would be mostly overlap.
  if (size === undefined || size < 4096) throw new UsageError(`bad --piece-size '${text}' (at least 4k; examples: 1MB, 64k)`, command);
  return size;
}
