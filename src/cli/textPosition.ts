/**
 * UTF-16 offsets (what the core reports) to 1-based line:column, the way editors and compilers
 * print positions. A column counts UTF-16 code units, as VS Code's does, so `12:5` in the CLI is
 * `12:5` in the editor's status bar. Lines end at `\n`, which covers CRLF files too.
 */
export class TextPositions {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** `{ line, column }`, both 1-based. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  format(offset: number): string {
    const { line, column } = this.at(offset);
    return `${line}:${column}`;
  }
}
