/**
 * Whole-file Windows-1252 mojibake read back in one pass (src/core/garble/mojibake/wholeFileLatin1.ts,
 * repairWholeFile in src/core/repairText.ts, src/cli/wholeFileInPieces.ts): a file that is UTF-8
 * read as Windows-1252 or Latin-1 from end to end comes back as it was written, its findings and
 * edits say what changed, clean text in any language is never taken for it, and a file read in
 * pieces is repaired as it is read whole.
 *
 * Text: the Yizhuang article as repaired (samples/yizhuang-article/repaired.txt, a People's Daily
 * report) and test/corpus/ (public poetry and prose, see its SOURCES.md); clean text in other
 * languages from test/cases/precision-clean.json (Debian's translated manual pages).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { analyzeText, applyEdits, applyIssues, repairText, repairWholeFile } from '../../src/core';
import { repairFrom } from '../../src/core/repairText';
import { mojibakeLatin1 } from '../garblers';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const article = fs.readFileSync(path.join(ROOT, 'samples', 'yizhuang-article', 'repaired.txt'), 'utf8');
const poetry = fs.readFileSync(path.join(ROOT, 'test', 'corpus', 'poetry-tang300-simplified.txt'), 'utf8');
const clean: { input: string; label: string }[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'cases', 'precision-clean.json'), 'utf8'));

let tmp: string;
before(() => {
  if (!fs.existsSync(CLI)) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-whole-latin1-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('a file of UTF-8 read as Windows-1252 or Latin-1 comes back as written, in one pass', () => {
  for (const decoder of ['cp1252-sloppy', 'latin1'] as const) {
    for (const text of [article, poetry]) {
      const garbled = mojibakeLatin1(text, decoder);
      const r = repairWholeFile(garbled);
      assert.ok(r, `${decoder}: read back whole`);
      assert.equal(r.text, text, decoder);
      assert.equal(repairText(garbled).text, text, `${decoder}: repairText takes the same path`);
      // What the findings and the edits say is what was done.
      assert.equal(applyIssues(garbled, r.applied), text);
      assert.equal(applyEdits(garbled, r.edits), text);
      assert.ok(r.applied.every((i) => i.kind === 'mojibake-latin1' && /^[^\x00-\x7f]+$/.test(garbled.slice(i.start, i.end))));
      assert.deepEqual(r.flagged, []);
    }
  }
});

test('where the per-run detector reads the file right, the one-pass reading is the same', () => {
  const garbled = mojibakeLatin1(poetry);
  const perRun = repairFrom(garbled, analyzeText(garbled));
  assert.equal(perRun.text, poetry, 'the per-run repair of this text is right');
  const whole = repairWholeFile(garbled)!;
  assert.equal(whole.text, perRun.text);
});

test('mojibake of mojibake is undone layer by layer', () => {
  const twice = mojibakeLatin1(mojibakeLatin1(article));
  assert.equal(repairWholeFile(twice)?.text, article);
});

test('the script conversion asked for follows the reading', () => {
  const garbled = mojibakeLatin1(article);
  assert.equal(repairWholeFile(garbled, { script: 'simplified' })?.text, repairText(article, { script: 'simplified' }).text);
});

test('clean text is never read back whole, in any language', () => {
  for (const { input, label } of clean) assert.equal(repairWholeFile(input), undefined, label);
  const languages = clean.map((c) => c.input).join('\n');
  assert.equal(repairWholeFile(languages), undefined, 'all of them as one file');
  assert.equal(repairWholeFile(article), undefined, 'clean Chinese');
});

test('a file that is not mojibake from end to end is left to the per-run detector', () => {
  const garbled = mojibakeLatin1(article);
  const cut = garbled.indexOf('\n', garbled.length / 2);
  const cases = {
    'one line of real Chinese': `${garbled.slice(0, cut)}\n北京亦庄${garbled.slice(cut)}`,
    'one Latin-1 letter that is no UTF-8 lead byte here': `${garbled.slice(0, cut)}\ncafé${garbled.slice(cut)}`,
    'a lost byte (U+FFFD)': `${garbled.slice(0, cut)}\n\ufffd${garbled.slice(cut)}`,
    'too little of it': mojibakeLatin1('北京亦庄'),
  };
  for (const [label, text] of Object.entries(cases)) {
    assert.equal(repairWholeFile(text), undefined, label);
    assert.equal(repairText(text).text, repairFrom(text, analyzeText(text)).text, label);
  }
  // Source code: only comments and strings are read, which is the per-run detector's work.
  assert.equal(repairWholeFile(garbled, { languageId: 'typescript' }), undefined);
});

function zhlens(args: string[]): { code: number | null; stdout: Buffer; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ZHLENS_DEBUG: '' }, maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, err: r.stderr.toString('utf8') };
}

test('zhlens repair of whole-file mojibake in 4 KB pieces writes what the whole-text repair writes', () => {
  const text = (article + poetry).repeat(2);
  const runs = {
    cp1252: mojibakeLatin1(text),
    twice: mojibakeLatin1(mojibakeLatin1(text)),
    'one line not mojibake': (() => {
      const g = mojibakeLatin1(text);
      const cut = g.indexOf('\n', g.length / 2);
      return `${g.slice(0, cut)}\n北京亦庄${g.slice(cut)}`;
    })(),
  };
  for (const [label, garbled] of Object.entries(runs)) {
    const file = path.join(tmp, `${label.replace(/\W+/g, '-')}.txt`);
    fs.writeFileSync(file, garbled);
    const expected = repairText(garbled).text;
    const whole = zhlens(['repair', file]);
    const pieces = zhlens(['repair', '--piece-size', '4k', file]);
    assert.equal(whole.code, 0, whole.err);
    assert.equal(pieces.code, 0, pieces.err);
    assert.ok(Buffer.byteLength(garbled) > 20 * 4096, 'many pieces');
    if (label !== 'one line not mojibake') assert.equal(whole.stdout.toString('utf8'), expected, `${label}: whole`);
    assert.ok(pieces.stdout.equals(whole.stdout), `${label}: the same in pieces`);
    assert.equal(pieces.err, whole.err, `${label}: the same messages in pieces`);
  }
});
