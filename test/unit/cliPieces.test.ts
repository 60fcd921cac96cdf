/**
 * Large files are read in pieces and analysed in overlapping windows (src/cli/textPieces.ts,
 * src/core/pipeline/textWindows.ts, src/cli/fileInPieces.ts). What the reader gets must not depend on it: the same
 * findings at the same whole-file offsets, and the same repaired bytes, as reading the file
 * whole. Small pieces stand in for the 1 MB default, so that a 60 KB file is cut many times.
 *
 * Text: the Yizhuang article (samples/yizhuang-article/garbled.txt, a People's Daily report
 * garbled in a web crawl: misaligned GBK runs, pinyin annotations), repeated, and also with its
 * line breaks taken out so that cuts fall inside lines.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as iconv from 'iconv-lite';
import { analyzedRegions, analyzeText, repairRegion, repairText } from '../../src/core';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const garbled = fs.readFileSync(path.join(ROOT, 'samples', 'yizhuang-article', 'garbled.txt'), 'utf8');
const oneLine = garbled.replace(/\n/g, '');

let tmp: string;
before(() => {
  if (!fs.existsSync(CLI)) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-pieces-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** `text` cut into pieces of `size` characters. */
function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
}

const spans = (issues: readonly { kind: string; start: number; end: number; replacement?: string }[]) =>
  issues.map((i) => `${i.kind} ${i.start}-${i.end} ${i.replacement ?? '(flagged)'}`);

test('windows over pieces find what the whole text has, including runs that cross a piece cut', () => {
  const whole = analyzeText(oneLine);
  for (const size of [300, 517, 1000]) {
    const pieceCuts = cut(oneLine, size).map((_, k) => (k + 1) * size);
    const crossing = whole.filter((i) => pieceCuts.some((c) => i.start < c && c < i.end));
    assert.ok(crossing.length > 0, `some finding crosses a cut of ${size}-character pieces`);
    // Regions of 400 characters with 128 of context make every window cut inside the line.
    const regions = [...analyzedRegions(cut(oneLine, size), {}, { regionUnits: 400, context: 128 })];
    assert.ok(regions.length > 3, 'several regions');
    assert.equal(regions.map((r) => r.text).join(''), oneLine, 'the regions are the text, in order');
    assert.deepEqual(spans(regions.flatMap((r) => r.issues)), spans(whole), `${size}-character pieces`);
  }
});

test('repaired region by region, the text is the whole text repaired', () => {
  const regions = [...analyzedRegions(cut(oneLine, 517), {}, { regionUnits: 400, context: 128 })];
  const repaired = regions.map((r) => repairRegion(r, { script: 'simplified' }).repaired).join('');
  assert.equal(repaired, repairText(oneLine, { script: 'simplified' }).text);
});

function zhlens(args: string[]): { code: number | null; stdout: Buffer; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ZHLENS_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, err: r.stderr.toString('utf8') };
}

/**
 * Big5 is left out: the article has characters Big5 lacks (written as '?'), and on that text the
 * misaligned-GBK search runs out of its whole-file budget before the last copy, which the
 * whole-file repair then leaves differently from the first five. Pieces repair every copy alike.
 */
test('zhlens repair and detect give the same output in 4 KB pieces as whole', () => {
  const runs: { label: string; text: string; encoding: string; commands: string[][] }[] = [
    ...['utf-8', 'gb18030', 'utf-16le'].map((encoding) => ({ label: `lines, ${encoding}`, text: garbled.repeat(4), encoding, commands: [['repair'], ['detect', '--json']] })),
    {
      label: 'one line, utf-8',
      text: oneLine.repeat(4),
      encoding: 'utf-8',
      commands: [['repair'], ['repair', '--script', 'simplified'], ['detect', '--json'], ['detect', '--verbose']],
    },
  ];
  for (const { label, text, encoding, commands } of runs) {
    const file = path.join(tmp, `${label.replace(/\W+/g, '-')}.txt`);
    fs.writeFileSync(file, iconv.encode(text, encoding, { addBOM: encoding === 'utf-16le' }));
    for (const args of commands) {
      const whole = zhlens([...args, file]);
      const pieces = zhlens([...args, '--piece-size', '4k', file]);
      assert.equal(whole.code, 0, `${label} ${args.join(' ')}: ${whole.err}`);
      assert.equal(pieces.code, 0, `${label} ${args.join(' ')} in pieces: ${pieces.err}`);
      assert.ok(pieces.stdout.equals(whole.stdout), `${label}: ${args.join(' ')} differs in pieces`);
      assert.equal(pieces.err, whole.err, `${label}: ${args.join(' ')} warns differently in pieces`);
    }
  }
});

test('zhlens repair --in-place in pieces replaces the file with the whole-file repair and keeps a backup', () => {
  const text = garbled.repeat(6);
  const file = path.join(tmp, 'in-place.txt');
  fs.writeFileSync(file, text);
  fs.chmodSync(file, 0o640);
  const expected = zhlens(['repair', file]).stdout;
  const r = zhlens(['repair', '--in-place', '--piece-size', '4k', file]);
  assert.equal(r.code, 0, r.err);
  assert.ok(fs.readFileSync(file).equals(expected));
  assert.equal(fs.readFileSync(`${file}.orig`, 'utf8'), text);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(fs.readdirSync(tmp).filter((n) => n.includes('in-place.txt')).sort(), ['in-place.txt', 'in-place.txt.orig']);
});
