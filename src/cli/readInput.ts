import * as fs from 'node:fs';
import type { FileSnapshot } from '../files/replaceFile';
import { formatByteSize } from './byteSize';
import { InputError } from './errors';

/** A file read whole: its bytes, and the snapshot `--in-place` checks the file against before replacing it. */
export interface WholeInput {
  kind: 'whole';
  snapshot: FileSnapshot;
  bytes: Buffer;
}

/** A file too large to read whole: read later in pieces (`fileInPieces.ts`). The stat is taken before any byte is read. */
export interface LargeInput {
  kind: 'pieces';
  path: string;
  stat: fs.BigIntStats;
}

export type Input = WholeInput | LargeInput;

/**
 * Reads a regular file for a command, refusing anything else before opening it: a FIFO or a
 * terminal would block the run, and a file above `maxSize` is most likely a dump or a mistake.
 * A file above `wholeLimit` is left to be read in pieces: decoded whole it would cost several
 * times its size in memory (UTF-16 in memory, plus the candidates of every repair).
 */
export function readInput(path: string, maxSize: number, wholeLimit: number): Input {
  const stat = regularFileStat(path, maxSize);
  if (stat.size > BigInt(wholeLimit)) return { kind: 'pieces', path, stat };
  const bytes = fs.readFileSync(path);
  return { kind: 'whole', snapshot: { path, stat, content: bytes }, bytes };
}

/** `readInput` for a command that needs the whole text at once. */
export function readWhole(path: string, maxSize: number): WholeInput {
  const stat = regularFileStat(path, maxSize);
  const bytes = fs.readFileSync(path);
  return { kind: 'whole', snapshot: { path, stat, content: bytes }, bytes };
}

function regularFileStat(path: string, maxSize: number): fs.BigIntStats {
  const stat = fs.statSync(path, { bigint: true });
  if (stat.isDirectory()) throw new InputError('is a directory');
  if (!stat.isFile()) throw new InputError('not a regular file');
  if (stat.size > BigInt(maxSize)) {
    throw new InputError(`${formatByteSize(Number(stat.size))} is above the ${formatByteSize(maxSize)} limit (see --max-size)`);
  }
  return stat;
}
