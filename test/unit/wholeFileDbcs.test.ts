/**
 * Whole-file GBK and Big5 mojibake read back in one pass (src/core/garble/mojibake/wholeFileDbcs.ts,
 * repairWholeFile in src/core/repairText.ts): a file that is UTF-8 read as GBK or Big5 from end to
 * end, with no byte lost, comes back as the per-run detectors repair it; clean text, legacy text
 * and mojibake that lost a byte are never taken for it.
 *
 * Text: test/corpus/ (public poetry and prose, see its SOURCES.md), the Yizhuang article as
 * repaired (a People's Daily report), the inputs of the case tables, and clean text in other
 * languages from test/cases/precision-clean.json (Debian's translated manual pages). The garbling
 * is iconv-lite's decoder (test/garblers/), not the core's tables.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { analyzeText, applyEdits, applyIssues, repairText, repairWholeFile } from '../../src/core';
import { repairFrom } from '../../src/core/repairText';
import { isBig5Encodable, isGbkEncodable, mojibakeBig5, mojibakeGbk } from '../garblers';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
let tmp: string;
before(() => {
  if (!fs.existsSync(CLI)) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-whole-dbcs-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function zhlens(args: string[]): { code: number | null; stdout: Buffer; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ZHLENS_DEBUG: '' }, maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, err: r.stderr.toString('utf8') };
}
const corpus = fs
  .readdirSync(path.join(ROOT, 'test', 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => fs.readFileSync(path.join(ROOT, 'test', 'corpus', f), 'utf8'));
const article = fs.readFileSync(path.join(ROOT, 'samples', 'yizhuang-article', 'repaired.txt'), 'utf8');
const clean: { input: string }[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'cases', 'precision-clean.json'), 'utf8'));
const garblers = { gbk: mojibakeGbk, big5: mojibakeBig5 };
const ENCODABLE = { gbk: isGbkEncodable, big5: isBig5Encodable };

/** Texts of a few lines each whose mojibake kept every byte (a lossy one is no case for the one-pass reading). */
function losslessTexts(source: string, channel: 'gbk' | 'big5', linesEach: number): string[] {
  const lines = source.split('\n').filter((l) => /\p{Script=Han}/u.test(l) && ENCODABLE[channel](l) && !garblers[channel](l).includes('?') && !/[\ufffd]/.test(garblers[channel](l)));
  const out: string[] = [];
  for (let i = 0; i + linesEach <= lines.length && out.length < 40; i += linesEach) out.push(lines.slice(i, i + linesEach).join('\n') + '\n');
  return out;
}

function lossless(text: string, channel: 'gbk' | 'big5'): boolean {
  const garbled = garblers[channel](text);
  return !garbled.includes('?') && !garbled.includes('\ufffd');
}

test('a file of UTF-8 read as GBK or Big5, no byte lost, reads back in one pass as it was written', () => {
  let read = 0;
  let same = 0;
  const differ: string[] = [];
  for (const channel of ['gbk', 'big5'] as const) {
    for (const source of [...corpus, article]) {
      for (const text of losslessTexts(source, channel, 6)) {
        if (!lossless(text, channel)) continue;
        const garbled = garblers[channel](text);
        const whole = repairWholeFile(garbled);
        if (!whole) continue;
        read++;
        assert.equal(whole.text, text, `${channel}: ${text.slice(0, 40)}`);
        assert.equal(applyIssues(garbled, whole.applied), text);
        assert.equal(applyEdits(garbled, whole.edits), text);
        assert.ok(whole.applied.every((i) => i.kind === `mojibake-${channel}`));
        // The per-run path, where it differs, left mojibake (a short line it could not judge): never the other way round.
        const perRun = repairFrom(garbled, analyzeText(garbled)).text;
        if (perRun === whole.text) same++;
        else differ.push(`${channel}: ${perRun.length - text.length} units left as mojibake in ${text.slice(0, 20)}`);
      }
    }
  }
  assert.ok(read >= 20, `read back ${read} texts`);
  assert.ok(same >= 0.9 * read, `the per-run path agrees on ${same} of ${read}:\n${differ.join('\n')}`);
  console.log(`one-pass readings: ${read}, the same as the per-run path: ${same}`);
});

test('a large file is read back whole, and repairText takes that path', () => {
  // GBK: Big5 mojibake of these texts always holds a character two pairs print.
  for (const channel of ['gbk'] as const) {
    const text = [...corpus, article].flatMap((c) => losslessTexts(c, channel, 6)).filter((t) => repairWholeFile(garblers[channel](t))).join('');
    const garbled = garblers[channel](text);
    assert.ok(garbled.length > 2_000, `${channel}: ${garbled.length}`);
    assert.equal(repairWholeFile(garbled)?.text, text, channel);
    assert.equal(repairText(garbled).text, text, channel);
  }
});

test('clean text, legacy text read as UTF-8, and mojibake that lost a byte are never read back whole', () => {
  for (const text of [...corpus, article, ...clean.map((c) => c.input)]) assert.equal(repairWholeFile(text), undefined, text.slice(0, 40));
  // Whole texts lose a byte wherever a run of an odd number of characters ends before a space or a line end.
  for (const channel of ['gbk', 'big5'] as const) {
    for (const text of [article, ...corpus]) {
      const garbled = garblers[channel](text);
      if (lossless(text, channel)) continue;
      assert.equal(repairWholeFile(garbled), undefined, `${channel} lossy`);
    }
  }
});

test('the case tables: where the one-pass reading applies, it repairs as the per-run path does', () => {
  const dir = path.join(ROOT, 'test', 'cases');
  let applied = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const rows: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (!Array.isArray(rows)) continue;
    for (const row of rows as { input?: unknown }[]) {
      if (typeof row?.input !== 'string') continue;
      const whole = repairWholeFile(row.input);
      if (!whole) continue;
      assert.equal(whole.text, repairFrom(row.input, analyzeText(row.input)).text, `${file}: ${row.input.slice(0, 40)}`);
      applied++;
    }
  }
  console.log(`case-table inputs read back whole: ${applied}`);
});

test('zhlens repair of whole-file GBK mojibake in 4 KB pieces writes what the whole-text repair writes', () => {
  const texts = [...corpus, article].flatMap((c) => losslessTexts(c, 'gbk', 6)).filter((t) => repairWholeFile(mojibakeGbk(t)));
  const text = texts.join('').repeat(12);
  const garbled = mojibakeGbk(text);
  assert.ok(Buffer.byteLength(garbled) > 20 * 4096, 'many pieces');
  const file = path.join(tmp, 'gbk.txt');
  fs.writeFileSync(file, garbled);
  const whole = zhlens(['repair', file]);
  const pieces = zhlens(['repair', '--piece-size', '4k', file]);
  assert.equal(whole.code, 0, whole.err);
  assert.equal(pieces.code, 0, pieces.err);
  assert.equal(whole.stdout.toString('utf8'), text);
  assert.ok(pieces.stdout.equals(whole.stdout), 'the same in pieces');
  assert.equal(pieces.err, whole.err, 'the same messages in pieces');
});
