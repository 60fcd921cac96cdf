// A crawl-like JSON Lines corpus in which no text comes round again, for the bench's streaming row
// (`npm run bench -- --only stream --stream-corpus FILE`). The test corpus (test/unit/streamCorpus.ts)
// cycles through a few hundred texts, and a thread reads a text it has seen before for a quarter
// of the first reading (the lost-byte lattices remember what they decoded): its "steady state" is
// that of repeated text. Here every record's text is new.
//
// Text: the MSRA NER corpus's training sentences (People's Daily news, Simplified; fetched outside
// the repository, see docs/repair-eval.md for version and licence), in chunks of at least 200
// characters; Traditional through opencc-js (cn → tw). Kinds in turn as in the test corpus: clean
// Traditional, UTF-8 read as GBK, clean, UTF-8 read as Big5, a pinyin-annotated line of the
// Yizhuang article (13 lines, the only ones that repeat), UTF-8 read as ISO-8859-1, clean, two bytes
// lost to U+FFFD; the garbling is iconv-lite's decoding, as in the test corpus.
//
// usage: node scripts/make-stream-corpus.mjs COUNT OUT.jsonl [MSRA_TRAIN_BIO]
//        (default /work/data/ner/msra/msra_train_bio)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [countArg, out, source = '/work/data/ner/msra/msra_train_bio'] = process.argv.slice(2);
const count = Number(countArg);
if (!(count > 0) || !out) {
  process.stderr.write('usage: node scripts/make-stream-corpus.mjs COUNT OUT.jsonl [MSRA_TRAIN_BIO]\n');
  process.exit(2);
}

// The BIO file: one character and its tag a line, a blank line after each sentence.
const chunks = [];
let sentence = '';
let chunk = '';
for (const line of readFileSync(source, 'utf8').split('\n')) {
  if (line.trim() !== '') {
    sentence += line.split('\t')[0];
    continue;
  }
  chunk += sentence;
  sentence = '';
  if (chunk.length >= 200) {
    chunks.push(chunk);
    chunk = '';
  }
}
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const annotated = readFileSync(join(ROOT, 'samples/yizhuang-article/garbled.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length >= 80 && /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǘǚǜ]+\)/.test(l));
const misread = (text, encoding) => iconv.decode(Buffer.from(text, 'utf8'), encoding);

const KINDS = ['clean', 'gbk', 'clean', 'big5', 'pinyin', 'latin1', 'clean', 'lossy'];
let next = 0;
const take = () => {
  if (next >= chunks.length) throw new Error(`${source} has text for ${next} records of new text, not more`);
  return chunks[next++];
};
const lines = [];
for (let i = 0; i < count; i++) {
  const kind = KINDS[i % KINDS.length];
  let text;
  if (kind === 'clean') text = toTraditional(take());
  else if (kind === 'gbk') text = misread(take(), 'gbk');
  else if (kind === 'big5') text = misread(toTraditional(take()), 'big5');
  else if (kind === 'latin1') text = misread(take(), 'latin1');
  else if (kind === 'pinyin') text = annotated[i % annotated.length];
  else {
    const clean = take();
    text = `${clean.slice(0, 10)}\ufffd\ufffd${clean.slice(12)}`;
  }
  lines.push(JSON.stringify({ id: `doc-${i}`, url: `https://example.org/${i}`, source: `site-${i % 3}`, text }));
}
writeFileSync(out, `${lines.join('\n')}\n`);
const distinct = new Set(lines.map((l) => JSON.parse(l).text)).size;
process.stdout.write(`${out}: ${count} records, ${distinct} distinct texts, ${Buffer.byteLength(lines.join('\n')) + 1} bytes\n`);
