import type { SourceSyntax } from './languages';

/**
 * Where a source file holds text: its comments and string literals. Mojibake and lossy debris
 * are looked for only there: everything else is code (identifiers, operators, regular-expression
 * literals such as `/[锟斤拷]|(?:Ã|Â|â€)/u`), which a writer does not fill with prose.
 *
 * A light scanner, not a parser: it knows each family's comment markers and quotes, escapes, and
 * Python's triple quotes. Regular-expression literals are code; a `/` never opens anything.
 */
export interface SourceRegion {
  start: number;
  end: number;
  kind: 'comment' | 'string';
}

interface Family {
  line: string[];
  block?: [string, string];
  quotes: string[];
  /** Strings may run over lines (template literals, Python's triple quotes). */
  multiline: string[];
}

const FAMILIES: Record<SourceSyntax, Family> = {
  c: { line: ['//'], block: ['/*', '*/'], quotes: ['"', "'", '`'], multiline: ['`'] },
  json: { line: [], quotes: ['"'], multiline: [] },
  python: { line: ['#'], quotes: ['"""', "'''", '"', "'"], multiline: ['"""', "'''"] },
  hash: { line: ['#'], quotes: ['"', "'"], multiline: [] },
  sql: { line: ['--'], block: ['/*', '*/'], quotes: ["'", '"'], multiline: [] },
  lua: { line: ['--'], block: ['--[[', ']]'], quotes: ['"', "'"], multiline: [] },
};

export function sourceRegions(text: string, syntax: SourceSyntax): SourceRegion[] {
  const f = FAMILIES[syntax];
  const regions: SourceRegion[] = [];
  const startsWith = (s: string, i: number) => text.startsWith(s, i);
  let i = 0;
  while (i < text.length) {
    if (f.block && startsWith(f.block[0], i)) {
      const close = text.indexOf(f.block[1], i + f.block[0].length);
      const end = close < 0 ? text.length : close + f.block[1].length;
      regions.push({ start: i, end, kind: 'comment' });
      i = end;
      continue;
    }
    const line = f.line.find((m) => startsWith(m, i));
    if (line) {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      regions.push({ start: i, end, kind: 'comment' });
      i = end;
      continue;
    }
    const quote = f.quotes.find((q) => startsWith(q, i));
    if (quote) {
      const multiline = f.multiline.includes(quote);
      let j = i + quote.length;
      while (j < text.length) {
        const c = text[j];
        if (c === '\\') j += 2;
        else if (startsWith(quote, j)) break;
        else if (c === '\n' && !multiline) break;
        else j++;
      }
      const end = Math.min(text.length, startsWith(quote, j) ? j + quote.length : j);
      regions.push({ start: i, end, kind: 'string' });
      i = end;
      continue;
    }
    i++;
  }
  return regions;
}
