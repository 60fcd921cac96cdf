/**
 * Properties of the core over random and real input (fast-check), bounded so that the whole file
 * runs in well under a minute on two cores:
 * - nothing throws: random bytes through detectEncoding, random strings (lone surrogates, C1
 *   controls, private use, astral characters included) through analyzeText, repairText,
 *   annotateText and outlineText;
 * - repair is idempotent;
 * - clean real text, alone or mixed with the corpus's own English and code, numbers, emoji and
 *   astral CJK, comes back unchanged;
 * - for lossless corruptions c of real text x, repair(c(x)) = x: pinyin annotation, text saved
 *   in another encoding and read back through detectEncoding, UTF-8 read as sloppy cp1252.
 *
 * Real text: every line with a Han character of test/corpus/**, samples/clean-article/expected.txt
 * and samples/yizhuang-article/repaired.txt. Runs are seeded (ZHLENS_PROPERTY_SEED to change the
 * seed, ZHLENS_PROPERTY_RUNS=N to multiply the runs) so that a failure reproduces.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeText, annotateText, detectEncoding, outlineText, repairText } from '../../src/core';
import { isEncodable, mojibakeLatin1, pinyinAnnotation, seededRandom, wrongEncoding, type FileEncoding } from '../garblers';
import { realLines } from './propertyText';

const SEED = Number(process.env.ZHLENS_PROPERTY_SEED ?? 20240601);
const SCALE = Number(process.env.ZHLENS_PROPERTY_RUNS ?? 1);
const runs = (n: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * SCALE)) });

const lines = realLines();
const hanLines = lines.filter((l) => /\p{Script=Han}/u.test(l.text));
/** Lines without Chinese from the same files: English prose, shell commands, code. */
const asciiLines = lines.filter((l) => /^[\x20-\x7e]{8,}$/.test(l.text.trim()));
const traditional = hanLines.filter((l) => /traditional|zh-tw|yizhuang/.test(l.from));

const line = fc.constantFrom(...hanLines);

/** Astral characters and the BMP's odd corners, which string handling most often gets wrong. */
const oddChar = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x80, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xe000, max: 0xf8ff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('\uFFFD', '?', '(', ')', '锟斤拷', '\u00A0', '\u3000', '\uFEFF', '\r\n', '\0'),
);
const cjkChar = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const latin1Char = fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c));
const randomText = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), oddChar, cjkChar, latin1Char, line.map((l) => l.text.slice(0, 20))), { maxLength: 12 })
  .map((parts) => parts.join(''));

function assertIssuesInside(text: string, issues: readonly { start: number; end: number }[]): void {
  for (const i of issues) assert.ok(0 <= i.start && i.start <= i.end && i.end <= text.length, `issue [${i.start}, ${i.end}) outside ${text.length}`);
}

test('random bytes never make detectEncoding throw, and decode to a string', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
      const d = detectEncoding(bytes);
      assert.equal(typeof d.text, 'string');
      assert.ok(d.undecodable >= 0 && d.confidence >= 0 && d.confidence <= 1);
    }),
    runs(400),
  );
});

test('random strings never make analyzeText, repairText, annotateText or outlineText throw', () => {
  fc.assert(
    fc.property(randomText, (text) => {
      assertIssuesInside(text, analyzeText(text));
      const r = repairText(text);
      assertIssuesInside(text, [...r.applied, ...r.flagged]);
      annotateText(text);
      outlineText(text);
    }),
    runs(150),
  );
});

test('repair is idempotent on random strings', () => {
  fc.assert(
    fc.property(randomText, (text) => {
      const once = repairText(text).text;
      assert.equal(repairText(once).text, once);
    }),
    runs(100),
  );
});

test('clean real text is never changed', () => {
  fc.assert(fc.property(line, (l) => assert.equal(repairText(l.text).text, l.text, l.from)), runs(300));
});

test('clean real text mixed with English, code, numbers, emoji and astral CJK is never changed', () => {
  const extra = fc.oneof(
    fc.constantFrom(...asciiLines).map((l) => l.text.trim()),
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(String),
    fc.integer({ min: 0x1f300, max: 0x1f64f }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)),
  );
  // 聽 (listen) after other text can be taken for a GBK-read NBSP: known, kept in
  // test/cases/fuzz-regressions.json; the lines that hold it are left out here.
  const withoutTing = fc.constantFrom(...hanLines.filter((l) => !l.text.includes('聽')));
  const mixed = fc
    .tuple(withoutTing, extra, withoutTing, fc.constantFrom(' ', '\n', ''))
    .map(([a, x, b, sep]) => ({ text: [a.text, x, b.text].join(sep), from: `${a.from} + ${b.from}` }));
  fc.assert(fc.property(mixed, (m) => assert.equal(repairText(m.text).text, m.text, m.from)), runs(200));
});

test('pinyin annotations of Traditional text are removed exactly', () => {
  assert.ok(traditional.length > 100);
  fc.assert(
    fc.property(fc.constantFrom(...traditional), fc.integer(), fc.double({ min: 0.1, max: 1, noNaN: true }), (l, seed, share) => {
      const garbled = pinyinAnnotation(l.text, share, seededRandom(seed));
      // A line whose only readings close it (`魏徵(zhǐ)`, `貨(huò)`) is shaped like a gloss, which
      // teaching text writes and which stays; a converter's readings break running text.
      fc.pre(/[)）][^\s)）]/u.test(garbled));
      assert.equal(repairText(garbled).text, l.text, l.from);
    }),
    runs(150),
  );
});

test('text saved in another encoding decodes back exactly', () => {
  const encodings: FileEncoding[] = ['gb18030', 'big5', 'utf-16le', 'utf-16be'];
  // Short byte strings are ambiguous between encodings (test/cases/known-failures.json): ≥ 8 characters.
  const long = hanLines.filter((l) => l.text.length >= 8);
  fc.assert(
    fc.property(fc.constantFrom(...long), fc.constantFrom(...encodings), fc.boolean(), (l, enc, bom) => {
      fc.pre(isEncodable(l.text, enc));
      assert.equal(detectEncoding(wrongEncoding(l.text, enc, { bom })).text, l.text, `${l.from} as ${enc}`);
    }),
    runs(200),
  );
});

test('U+FFFD written as text is not counted as undecodable bytes', () => {
  // A file of nothing but U+FFFD (what an earlier lossy tool leaves) is well formed in every
  // Unicode encoding; zhlens used to warn that each of them was an invalid byte sequence.
  const withFffd = fc.tuple(line, fc.integer({ min: 1, max: 50 }), line).map(([a, n, b]) => `${a.text}${'\uFFFD'.repeat(n)}${b.text}`);
  fc.assert(
    fc.property(withFffd, fc.constantFrom<FileEncoding>('utf-8', 'utf-16le', 'utf-16be', 'gb18030'), (text, enc) => {
      const d = detectEncoding(wrongEncoding(text, enc, { bom: true }));
      assert.equal(d.text, text);
      assert.equal(d.undecodable, 0);
    }),
    runs(100),
  );
  assert.equal(detectEncoding(Buffer.from('\uFFFD'.repeat(1000))).undecodable, 0);
  // A truncated 中 (E4 B8) is still one undecodable sequence next to a real U+FFFD.
  const [a, b] = [hanLines[0].text, hanLines[1].text];
  const truncated = detectEncoding(Buffer.concat([Buffer.from(a), Buffer.from([0xe4, 0xb8]), Buffer.from(`\uFFFD${b}`)]));
  assert.equal(truncated.encoding, 'utf-8');
  assert.equal(truncated.undecodable, 1);
});

/**
 * UTF-8 read as sloppy cp1252 keeps every byte, so the repair should be exact. It is exact on
 * lines of Chinese, ASCII and CJK punctuation whose bytes avoid the five bytes cp1252 leaves
 * undefined; what is still lost (those bytes, which come out as C1 controls: １ = EF BC 91 …;
 * NBSP read as Â; emoji; Latin letters with tone marks) is measured in propertyRates.test.ts and
 * kept in test/cases/fuzz-regressions.json.
 */
test('UTF-8 read as cp1252 is repaired exactly on Chinese with ASCII and CJK punctuation', () => {
  const plain = hanLines.filter(
    (l) =>
      /^[\p{Script=Han}\x20-\x7e\u3001-\u303f\uff01-\uff5e\u2014\u2018-\u201d\u2026\u00b7]+$/u.test(l.text) &&
      !/[\x80-\x9f]/.test(mojibakeLatin1(l.text)),
  );
  assert.ok(plain.length > 500, `${plain.length} lines`);
  fc.assert(fc.property(fc.constantFrom(...plain), (l) => assert.equal(repairText(mojibakeLatin1(l.text)).text, l.text, l.from)), runs(200));
});
