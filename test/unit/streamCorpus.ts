/**
 * A small crawl-like JSON Lines corpus for the tests of the streaming mode (`--jsonl`) and of the
 * Dask recipe. The text is real: paragraphs of test/corpus/ (published npm and Debian packages,
 * see test/corpus/SOURCES.md) and of the Yizhuang article as found in a web crawl (its pinyin
 * annotations included). The garbling is what real decoders do to it: UTF-8 bytes decoded with
 * iconv-lite as GBK, Big5 or ISO-8859-1, and bytes lost to U+FFFD. The records carry what
 * crawl records carry: ids (some past 2^53), urls, a source, nested metadata, escapes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';

const ROOT = path.resolve(__dirname, '..', '..');

/** Non-empty lines of a test corpus file that are long enough to judge. */
function paragraphs(root: string, file: string, minChars = 40): string[] {
  return fs
    .readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= minChars);
}

/** `text`'s UTF-8 bytes as a program that took them for `encoding` shows them. */
export function misread(text: string, encoding: 'gbk' | 'big5' | 'latin1'): string {
  return iconv.decode(Buffer.from(text, 'utf8'), encoding);
}

export type DocKind = 'clean' | 'utf-8 read as gbk' | 'utf-8 read as big5' | 'utf-8 read as latin1' | 'pinyin' | 'lossy';

export interface CorpusDoc {
  kind: DocKind;
  /** The record's line, as it is written to the corpus. */
  line: string;
}

const KINDS: readonly DocKind[] = ['clean', 'utf-8 read as gbk', 'clean', 'utf-8 read as big5', 'pinyin', 'utf-8 read as latin1', 'clean', 'lossy'];

/**
 * `count` records, kinds in turn. Simplified text for GBK and ISO-8859-1, Traditional for
 * Big5 (as the sites that serve them), the Yizhuang article's own lines for pinyin annotations.
 * `root`: the repository (the bench reads the same text from its own bundle's folder).
 */
export function sampleCorpus(count: number, root = ROOT): CorpusDoc[] {
  const simplified = paragraphs(root, 'test/corpus/classics-lunyu-simplified.txt');
  const traditional = paragraphs(root, 'test/corpus/biographies-tang-poets-traditional.txt');
  const annotated = paragraphs(root, 'samples/yizhuang-article/garbled.txt', 80).filter((l) => /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǘǚǜ]+\)/.test(l));
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length];
    const pick = (list: string[]) => list[i % list.length];
    let text: string;
    switch (kind) {
      case 'clean':
        text = pick(i % 2 ? simplified : traditional);
        break;
      case 'utf-8 read as gbk':
        text = misread(pick(simplified), 'gbk');
        break;
      case 'utf-8 read as big5':
        text = misread(pick(traditional), 'big5');
        break;
      case 'utf-8 read as latin1':
        text = misread(pick(simplified), 'latin1');
        break;
      case 'pinyin':
        text = pick(annotated);
        break;
      case 'lossy': {
        const clean = pick(simplified);
        text = `${clean.slice(0, 10)}\ufffd\ufffd${clean.slice(12)}`;
        break;
      }
    }
    // Members as a crawl writes them: a 64-bit id on some, an escaped url, metadata after the text.
    const id = i % 5 === 4 ? `${9007199254740993n + BigInt(i)}` : JSON.stringify(`doc-${i}`);
    const meta = `{"crawl":"CC-2024-10","langs":["zh"],"score":1.0,"note":"brackets } ] in a string"}`;
    docs.push({ kind, line: `{"id":${id},"url":"https:\\/\\/example.org\\/${i}","source":"site-${i % 3}","text":${JSON.stringify(text)},"meta":${meta}}` });
  }
  return docs;
}

/** The corpus as JSON Lines text. */
export function corpusText(docs: readonly CorpusDoc[]): string {
  return docs.map((d) => `${d.line}\n`).join('');
}
