/** The line that holds text[start, end): [its first index, the index of its line end or the text's end). */
export function lineAround(text: string, start: number, end = start): [number, number] {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  return [from, nl < 0 ? text.length : nl];
}

/** Where each line of a text starts, found once: which line holds an offset, and its bounds. */
export class LineStarts {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The 0-based line that holds `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Line `line`'s first index. */
  start(line: number): number {
    return this.starts[line];
  }

  /** The index of line `line`'s end (its `\n`), or the text's end. */
  end(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
  }
}
