import { LineStarts } from '../core/text/lines';

/**
 * UTF-16 offsets (what the core reports) to 1-based line:column, the way editors and compilers
 * print positions. A column counts UTF-16 code units, as VS Code's does, so `12:5` in the CLI is
 * `12:5` in the editor's status bar. Lines end at `\n`, which covers CRLF files too.
 */
export class TextPositions {
  private readonly lines: LineStarts;

  constructor(text: string) {
    this.lines = new LineStarts(text);
  }

  /** `{ line, column }`, both 1-based. */
  at(offset: number): { line: number; column: number } {
    const line = this.lines.lineOf(offset);
    return { line: line + 1, column: offset - this.lines.start(line) + 1 };
  }

  format(offset: number): string {
    const { line, column } = this.at(offset);
    return `${line}:${column}`;
  }
}
