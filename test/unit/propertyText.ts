/** The real text the property tests draw from, one entry per non-empty line, with where it came from. */
import * as fs from 'node:fs';
import * as path from 'node:path';

// The bundle runs from out/unit/; the text stays in the source tree.
const ROOT = path.resolve(__dirname, '..', '..');

export interface RealLine {
  text: string;
  from: string;
}

export function realLines(): RealLine[] {
  const corpus = fs.readdirSync(path.join(ROOT, 'test', 'corpus'), { recursive: true }).map(String).filter((f) => /\.(txt|md)$/.test(f) && !f.endsWith('SOURCES.md'));
  const files = [...corpus.map((f) => `test/corpus/${f}`), 'samples/clean-article/expected.txt', 'samples/yizhuang-article/repaired.txt'];
  const lines: RealLine[] = [];
  for (const file of files) {
    fs.readFileSync(path.join(ROOT, file), 'utf8').split(/\r?\n/).forEach((text, i) => {
      if (text.trim()) lines.push({ text, from: `${file}:${i + 1}` });
    });
  }
  return lines;
}
