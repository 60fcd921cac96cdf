import { debugEnabled, describeFsError, InputError } from './errors';
import type { InputFile } from './expandInputs';
import type { Input } from './readInput';
import { readInputOrStdin } from './stream/stdinInput';
import type { Terminal } from './terminal';

/**
 * The loop every command runs over its files: read each one (with the size limits), hand it to
 * the command, and keep going when one fails, so that one unreadable file in a crawl of
 * thousands costs one line on stderr, not the run. Returns how many files failed.
 */
export function forEachFile(
  files: readonly InputFile[],
  term: Terminal,
  limits: { maxSize: number; wholeLimit: number },
  handle: (file: InputFile, input: Input) => void,
): number {
  let errors = 0;
  let lastDraw = 0;
  files.forEach((file, i) => {
    // Redrawing for every small file would spend more time on the terminal than on the files.
    const now = Date.now();
    if (files.length > 1 && now - lastDraw >= 80) {
      term.progress(`[${i + 1}/${files.length}] ${file.path}`);
      lastDraw = now;
    }
    let input: Input;
    try {
      input = readInputOrStdin(file.path, limits.maxSize, limits.wholeLimit);
    } catch (err) {
      term.warn(`cannot read ${file.path}: ${describeFsError(err)}`);
      errors++;
      return;
    }
    try {
      handle(file, input);
    } catch (err) {
      reportFailure(term, file.path, err);
      errors++;
    }
  });
  term.clearProgress();
  return errors;
}

/**
 * A command's own failures arrive as InputError with the whole message; anything else is a bug
 * in zhlens, reported in one line (with the stack under ZHLENS_DEBUG=1) so the batch goes on.
 */
function reportFailure(term: Terminal, file: string, err: unknown): void {
  if (err instanceof InputError) {
    term.warn(err.message);
    return;
  }
  term.warn(`${file}: internal error: ${err instanceof Error ? err.message : String(err)}`);
  if (debugEnabled() && err instanceof Error && err.stack) term.printError(`${err.stack}\n`);
}

/** `12 files: 3 garbled, 8 clean, 1 binary skipped, 0 errors` */
export function summaryLine(files: number, counts: readonly (readonly [string, number])[]): string {
  const errorsWord = (label: string, n: number) => (label === 'errors' && n === 1 ? 'error' : label);
  return `${files} file${files === 1 ? '' : 's'}: ${counts.map(([label, n]) => `${n} ${errorsWord(label, n)}`).join(', ')}`;
}
