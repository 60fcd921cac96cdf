import * as fs from 'node:fs';
import { formatByteSize } from './byteSize';
import { InputError } from './errors';

/** A file's bytes and the stat taken just before reading them: what `--in-place` checks the file against before replacing it. */
export interface FileSnapshot {
  path: string;
  bytes: Buffer;
  stat: fs.BigIntStats;
}

/**
 * Reads a whole regular file, refusing anything else before opening it: a FIFO or a terminal
 * would block the run, and a file above `maxSize` would be decoded into a string several times
 * its size (UTF-16 in memory, plus the candidates of every repair).
 */
export function readInput(path: string, maxSize: number): FileSnapshot {
  const stat = fs.statSync(path, { bigint: true });
  if (stat.isDirectory()) throw new InputError('is a directory');
  if (!stat.isFile()) throw new InputError('not a regular file');
  if (stat.size > BigInt(maxSize)) {
    throw new InputError(`${formatByteSize(Number(stat.size))} is above the ${formatByteSize(maxSize)} limit (see --max-size)`);
  }
  return { path, bytes: fs.readFileSync(path), stat };
}
