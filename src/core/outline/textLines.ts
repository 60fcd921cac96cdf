/** A line of the text without its line break, with the offset where it starts. */
export interface TextLine {
  start: number;
  text: string;
  /** `text.trim()`: also drops the ideographic space U+3000 that Chinese text indents with. */
  trimmed: string;
}

/** Splits on \n, \r\n and a lone \r (old Mac files and some Windows tools still write those). */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const push = (start: number, end: number) => {
    const t = text.slice(start, end);
    lines.push({ start, text: t, trimmed: t.trim() });
  };
  // indexOf and a sticky regex run natively; a character loop over a megabyte does not.
  if (!text.includes('\r')) {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      push(start, nl);
      start = nl + 1;
    }
    push(start, text.length);
    return lines;
  }
  const breaks = /\r\n?|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return lines;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Marks lines that are never headings: fenced code blocks (a `# comment` or `第三章` inside a
 * shell example is not the document's structure) and a YAML front-matter block at the top.
 */
export function markVerbatimLines(lines: readonly TextLine[]): boolean[] {
  const verbatim = new Array<boolean>(lines.length).fill(false);
  let i = 0;
  if (lines.length > 1 && lines[0].text.trimEnd() === '---') {
    const close = lines.findIndex((l, j) => j > 0 && j < 60 && /^(---|\.\.\.)\s*$/.test(l.text));
    if (close > 0) {
      for (let j = 0; j <= close; j++) verbatim[j] = true;
      i = close + 1;
    }
  }
  for (; i < lines.length; i++) {
    const open = FENCE.exec(lines[i].text);
    if (!open) continue;
    const fenceChar = open[1][0];
    const fenceLen = open[1].length;
    verbatim[i] = true;
    let j = i + 1;
    for (; j < lines.length; j++) {
      verbatim[j] = true;
      const close = FENCE.exec(lines[j].text);
      if (close && close[1][0] === fenceChar && close[1].length >= fenceLen && lines[j].trimmed === close[1]) break;
    }
    i = j;
  }
  return verbatim;
}
