import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatByteSize } from '../byteSize';
import { InputError, UsageError } from '../errors';
import { readInput, type Input } from '../readInput';

/**
 * `-` as a file: standard input, read to its end like a file, so that `zhlens repair -` and
 * `zhlens detect -` work in a shell pipeline. Text up to the piece size is held in memory; above
 * it, standard input is spooled to a temporary file that is then read in pieces like any large
 * file, so memory stays bounded (the temporary file goes when zhlens exits).
 */

export const STDIN = '-';

/** `readInput`, with `-` for standard input. */
export function readInputOrStdin(file: string, maxSize: number, wholeLimit: number): Input {
  return file === STDIN ? readStdin(maxSize, wholeLimit) : readInput(file, maxSize, wholeLimit);
}

/** `-` is read once and has no file to replace: it stands alone, and never with --in-place. */
export function checkStdinUse(inputs: readonly string[], command: string, inPlace: boolean): void {
  if (!inputs.includes(STDIN)) return;
  if (inputs.length > 1) throw new UsageError('standard input (-) must be the only input', command);
  if (inPlace) throw new UsageError('--in-place cannot replace standard input; use --out FILE or a pipe', command);
}

const CHUNK = 1 << 16;

function readStdin(maxSize: number, wholeLimit: number): Input {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const chunks: Buffer[] = [];
  let total = 0;
  let spool: { fd: number; file: string } | undefined;
  try {
    for (;;) {
      const n = readSome(buffer);
      if (n === 0) break;
      total += n;
      if (total > maxSize) throw new InputError(`more than the ${formatByteSize(maxSize)} limit (see --max-size)`);
      if (!spool && total > wholeLimit) {
        spool = spoolFile();
        for (const c of chunks) fs.writeSync(spool.fd, c);
        chunks.length = 0;
      }
      if (spool) fs.writeSync(spool.fd, buffer, 0, n);
      else chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
  } finally {
    if (spool) fs.closeSync(spool.fd);
  }
  if (spool) return { kind: 'pieces', path: spool.file, stat: fs.statSync(spool.file, { bigint: true }) };
  const bytes = Buffer.concat(chunks);
  return { kind: 'whole', snapshot: { path: STDIN, stat: fs.fstatSync(0, { bigint: true }), content: bytes }, bytes };
}

/**
 * Reads what standard input has. A descriptor left non-blocking by whoever started zhlens
 * answers EAGAIN when the writer is slower than zhlens: wait a moment and ask again.
 */
function readSome(buffer: Buffer): number {
  for (;;) {
    try {
      return fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EOF') return 0;
      if (code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function spoolFile(): { fd: number; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-stdin-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'stdin');
  return { fd: fs.openSync(file, 'wx', 0o600), file };
}
