// Writes the garbled sample files (other than yizhuang-article/) from the real-text corpus with
// the garbling simulators of test/garblers/, deterministically:
//   node samples/make-samples.mjs
// Each folder holds garbled.txt (the file as found), expected.txt (UTF-8, what a repair must give)
// and README.md (one line: what it is and where the text comes from).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

await esbuild.build({
  entryPoints: ['test/garblers/index.ts'], bundle: true, platform: 'node', format: 'cjs',
  outfile: 'out/make-samples/garblers.cjs', packages: 'external', logLevel: 'warning',
});
const g = createRequire(import.meta.url)('../out/make-samples/garblers.cjs');
const random = g.seededRandom(7);

const corpus = (f) => readFileSync(`test/corpus/${f}`, 'utf8');
/** The first lines of a corpus file, up to about `chars` characters, ending with a newline. */
const head = (f, chars) => corpus(f).slice(0, chars).replace(/[^\n]*$/, '');

function sample(dir, garbled, expected, readme) {
  mkdirSync(`samples/${dir}`, { recursive: true });
  writeFileSync(`samples/${dir}/garbled.txt`, garbled);
  writeFileSync(`samples/${dir}/expected.txt`, expected);
  writeFileSync(`samples/${dir}/README.md`, readme + '\n');
}

{
  const text = head('classics-lunyu-simplified.txt', 1500);
  sample('gb18030-file', g.wrongEncoding(text, 'gb18030'), text,
    'GB18030 (GBK) bytes of 论语 学而篇 from npm chinese-poetry 2.0.1 (dist/lunyu/lunyu.json); expected: the same text as UTF-8.');
}
{
  // Big5 lacks some characters of the source (爲 has no Big5 code; 為 does): whole poems only.
  const poems = corpus('poetry-tang-traditional.txt').split('\n\n').filter((p) => g.isBig5Encodable(p));
  const text = poems.slice(0, 12).join('\n\n') + '\n';
  sample('big5-file', g.wrongEncoding(text, 'big5'), text,
    'Big5 bytes of Tang poems (全唐詩, the first 12 that Big5 can encode) from npm chinese-poetry 2.0.1 (dist/quantangshi/poet.tang.0.json); expected: the same text as UTF-8.');
}
{
  const text = head('prose-debian-fortunes-simplified.txt', 1500);
  sample('utf16le-bom-file', g.wrongEncoding(text, 'utf-16le', { bom: true }), text,
    'UTF-16LE with BOM: the Debian code of conduct entries of Debian fortunes-zh 2.98 (/usr/share/games/fortunes/chinese); expected: the same text as UTF-8 without BOM.');
}
{
  // Only lines whose 古文码 keeps every byte (an even number of UTF-8 bytes before each ASCII run).
  const lines = corpus('tech-debian-reference-zh-cn.txt').split('\n').filter((l) => /\p{Script=Han}/u.test(l) && g.isLosslessGbkMojibake(l)).slice(0, 30);
  const text = lines.join('\n') + '\n';
  sample('mojibake-gbk', g.mojibakeGbk(text), text,
    '古文码: UTF-8 read as GBK and saved, lines of Debian debian-reference-zh-cn 2.100 (debian-reference.zh-cn.txt.gz) whose mojibake keeps every byte; expected: the original lines.');
}
{
  const text = head('poetry-shijing-simplified.txt', 800);
  sample('mojibake-latin1', g.mojibakeLatin1(text, 'cp1252-sloppy'), text,
    '符号码: UTF-8 read as cp1252 (0x81 0x8D 0x8F 0x90 0x9D kept as C1 controls) and saved, 诗经 from npm chinese-poetry 2.0.1 (dist/shijing/shijing.json); expected: the original.');
}
{
  const text = head('biographies-tang-poets-traditional.txt', 1500);
  sample('pinyin-annotated-traditional', g.pinyinAnnotation(text, 0.5, random), text,
    'Tang poets\' biographies (Traditional) from npm chinese-poetry 2.0.1 (dist/quantangshi/authors.tang.json) with pinyin-pro default readings after half of the characters that differ in Simplified; expected: the original.');
}
{
  const text = head('classics-lunyu-simplified.txt', 3000);
  const paragraphs = text.split('\n');
  const mixed = paragraphs.map((p, i) => (i % 4 === 2 ? g.convertScript(p, 'to-traditional') : p)).join('\n');
  sample('mixed-script', mixed, mixed,
    '论语 (Simplified) from npm chinese-poetry 2.0.1 with every fourth line converted to Traditional by opencc-js; detection only, so expected.txt equals garbled.txt.');
}
{
  const text = head('tech-debian-reference-zh-tw.txt', 4000);
  sample('clean-article', text, text,
    'Clean Traditional technical text (must not change): Debian debian-reference-zh-tw 2.100, shell globs and redirection, with real ?, ( ), code and tables.');
}
