/**
 * Where the CLI's words go. Results go to stdout (so they can be piped), everything else to
 * stderr. On a terminal, batch runs keep one progress line on stderr, redrawn with `\r`; it is
 * cleared before any other line is written so that messages never land in the middle of it.
 */

import { clipToWidth } from './displayWidth';

type OutStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export class Terminal {
  private progressShown = false;

  constructor(
    private readonly out: OutStream = process.stdout,
    private readonly err: OutStream = process.stderr,
  ) {}

  /** True when a progress line would be seen by a person rather than captured by a script. */
  get interactive(): boolean {
    return this.err.isTTY === true;
  }

  /** Result text or bytes, exactly as given (no newline added). */
  print(data: string | Uint8Array): void {
    // Only a terminal shared with stderr shows the progress line in the way of the results.
    if (this.out.isTTY) this.clearProgress();
    this.out.write(data);
  }

  /**
   * `print` for a stream of results: resolves once the output can take more, so that a reader
   * that stops reading (a full pipe) stops zhlens from reading more input.
   */
  write(data: string | Uint8Array): Promise<void> {
    if (this.out.isTTY) this.clearProgress();
    if (this.out.write(data)) return Promise.resolve();
    return new Promise((resolve) => this.out.once('drain', resolve));
  }

  /** One diagnostic line on stderr, prefixed `zhlens: `. */
  warn(message: string): void {
    this.clearProgress();
    this.err.write(`zhlens: ${message}\n`);
  }

  /** Text on stderr as it is: usage lines, stack traces. */
  printError(text: string): void {
    this.clearProgress();
    this.err.write(text);
  }

  /**
   * Replaces the progress line; clipped to the terminal width so that `\r` can return over it
   * (a pseudo-terminal without a size reports 0 columns).
   */
  progress(text: string): void {
    if (!this.interactive) return;
    const width = Math.max(20, (this.err.columns || 80) - 1);
    this.err.write(`\r${clipToWidth(text, width)}\x1b[K`);
    this.progressShown = true;
  }

  clearProgress(): void {
    if (!this.progressShown) return;
    this.err.write('\r\x1b[K');
    this.progressShown = false;
  }
}
