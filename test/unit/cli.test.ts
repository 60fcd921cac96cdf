/**
 * The `zhlens` command line, run as users run it: `node dist/cli.js` on files in a temporary
 * folder. These tests hold the CLI to its contract (JSON shape, exit codes, byte-exact output,
 * safe in-place writes); what the detectors find is the core's tests' business.
 *
 * Text: the Yizhuang article in samples/yizhuang-article/ (a People's Daily report found garbled
 * in a web crawl; repaired.txt is the golden Traditional repair, simplified.txt its opencc-js
 * conversion). Other encodings are made from it with iconv-lite.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as iconv from 'iconv-lite';
import { ALL_GARBLE_KINDS } from '../../src/core/types';
import { CLI, ROOT, ensureCliBuilt } from './cliBuild';

const SAMPLES = path.join(ROOT, 'samples', 'yizhuang-article');
const ENCODINGS = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];

const sample = (name: 'garbled' | 'repaired' | 'simplified') => fs.readFileSync(path.join(SAMPLES, `${name}.txt`));
/** PNG's 8-byte signature and the start of its IHDR chunk, as every PNG file begins (RFC 2083). */
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);


before(() => {
  ensureCliBuilt();
});

interface Run {
  code: number | null;
  stdout: Buffer;
  out: string;
  err: string;
}

function zhlens(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ZHLENS_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

/** uchardet's Japanese Shift_JIS test file (CC BY-SA Wikipedia text), from the case table of other legacy encodings. */
function shiftJisSample(): Buffer {
  const rows = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/cases/encoding-other-legacy.json'), 'utf8')) as { source: string; input: { base64: string } }[];
  return Buffer.from(rows.find((r) => r.source.endsWith('test/ja/shift_jis.txt'))!.input.base64, 'base64');
}

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-cli-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A fresh folder under the temporary root, filled with `files` (path → bytes). */
function folder(name: string, files: Record<string, Buffer> = {}): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [rel, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), bytes);
  }
  return dir;
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The detect contract, checked on one JSON line against the file's decoded text length. */
function assertDetectLine(line: Record<string, unknown>, textLength: number): void {
  assert.deepEqual(Object.keys(line), ['file', 'encoding', 'garbled', 'issues', 'confidence']);
  assert.ok(ENCODINGS.includes(line.encoding as string), `encoding ${String(line.encoding)}`);
  assert.equal(typeof line.garbled, 'boolean');
  assert.ok(typeof line.confidence === 'number' && line.confidence >= 0 && line.confidence <= 1);
  const issues = line.issues as Record<string, unknown>[];
  assert.ok(Array.isArray(issues));
  if (!line.garbled) assert.deepEqual(issues, []);
  for (const issue of issues) {
    assert.deepEqual(Object.keys(issue), ['kind', 'start', 'end', 'confidence']);
    const { start, end, confidence } = issue as { start: number; end: number; confidence: number };
    assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= textLength, `${start}-${end}`);
    assert.ok(confidence >= 0 && confidence <= 1);
  }
}

describe('zhlens: help, version and usage errors', () => {
  test('--help and help COMMAND print help and exit 0', () => {
    const general = zhlens(['--help']);
    assert.equal(general.code, 0);
    assert.match(general.out, /usage: zhlens /);
    for (const name of ['detect', 'repair', 'annotate']) assert.match(general.out, new RegExp(`\\b${name}\\b`));
    for (const args of [['help', 'repair'], ['repair', '--help'], ['repair', '-h']]) {
      const r = zhlens(args);
      assert.equal(r.code, 0);
      assert.match(r.out, /^usage: zhlens repair /);
      assert.match(r.out, /--in-place/);
    }
  });

  test('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = zhlens(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.out, `zhlens ${version}\n`);
  });

  test('bad usage exits 2 with a message and the usage line, and no stack trace', () => {
    const file = path.join(SAMPLES, 'repaired.txt');
    const cases = [
      [],
      ['frobnicate'],
      ['detect'],
      ['detect', '--bogus', file],
      ['detect', '--kinds', 'moonspeak', file],
      ['detect', '--max-size', 'lots', file],
      ['repair', '--script', 'klingon', file],
      ['repair', file, file.replace('repaired', 'simplified')],
      ['repair', SAMPLES],
      ['repair', '--in-place', '--out', 'x.txt', file],
      ['repair', '--no-backup', file],
      ['repair', '--out'],
      ['help', 'frobnicate'],
    ];
    for (const args of cases) {
      const r = zhlens(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, /^zhlens: [^\n]+\nusage: zhlens /, args.join(' '));
      assert.doesNotMatch(r.err, /\n\s+at /);
      assert.equal(r.out, '');
    }
  });
});

describe('zhlens detect', () => {
  test('--json gives one contract line per file', () => {
    const names = ['garbled', 'repaired', 'simplified'] as const;
    const r = zhlens(['detect', '--json', ...names.map((n) => path.join(SAMPLES, `${n}.txt`))]);
    assert.equal(r.code, 0, r.err);
    const lines = jsonLines(r.out);
    assert.equal(lines.length, 3);
    lines.forEach((line, i) => {
      assert.equal(line.file, path.join(SAMPLES, `${names[i]}.txt`));
      assert.equal(line.encoding, 'utf-8');
      assertDetectLine(line, sample(names[i]).toString('utf8').length);
    });
  });

  test('the garbled sample is garbled, with issues of known kinds', () => {
    const r = zhlens(['detect', '--json', path.join(SAMPLES, 'garbled.txt')]);
    const [line] = jsonLines(r.out);
    assert.equal(line.garbled, true);
    const kinds = new Set((line.issues as { kind: string }[]).map((i) => i.kind));
    assert.ok(kinds.size > 0);
    for (const kind of kinds) assert.ok((ALL_GARBLE_KINDS as readonly string[]).includes(kind), kind);
  });

  test('the golden repair is clean', () => {
    for (const name of ['repaired', 'simplified'] as const) {
      const [line] = jsonLines(zhlens(['detect', '--json', path.join(SAMPLES, `${name}.txt`)]).out);
      assert.equal(line.garbled, false, name);
      assert.deepEqual(line.issues, []);
    }
  });

  test('a file in another encoding is reported with that encoding, offsets into its decoded text', () => {
    const text = sample('simplified').toString('utf8');
    const dir = folder('encodings', {
      'gb18030.txt': iconv.encode(text, 'gb18030'),
      'big5.txt': iconv.encode(sample('repaired').toString('utf8'), 'big5'),
      'utf-16le.txt': iconv.encode(text, 'utf-16le', { addBOM: true }),
      'utf-16be.txt': iconv.encode(text, 'utf-16be', { addBOM: true }),
    });
    const r = zhlens(['detect', '--json', dir]);
    assert.equal(r.code, 0, r.err);
    const lines = jsonLines(r.out);
    assert.equal(lines.length, 4);
    for (const line of lines) {
      assertDetectLine(line, text.length);
      assert.equal(line.encoding, path.basename(line.file as string, '.txt'));
      assert.equal(line.garbled, true, 'a file that is not UTF-8 is a wrong-encoding finding');
    }
  });

  test('without --json: a table with file, encoding and verdict', () => {
    const r = zhlens(['detect', path.join(SAMPLES, 'repaired.txt')]);
    assert.equal(r.code, 0, r.err);
    const [header, row] = r.out.split('\n');
    assert.match(header, /^FILE\s+ENCODING\s+VERDICT\s+ISSUES$/);
    assert.match(row, /repaired\.txt\s+utf-8\s+clean\s+-$/);
  });

  test('a missing file exits 1 naming the file and the cause; the other files are still reported', () => {
    const missing = path.join(tmp, '不存在.txt');
    const r = zhlens(['detect', '--json', missing, path.join(SAMPLES, 'repaired.txt')]);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`^zhlens: cannot read ${missing}: no such file or directory$`, 'm'));
    assert.equal(jsonLines(r.out).length, 1);
    assert.doesNotMatch(r.err, /\n\s+at /);
  });

  test('a file above --max-size is refused with exit 1', () => {
    const r = zhlens(['detect', '--max-size', '4k', path.join(SAMPLES, 'repaired.txt')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /repaired\.txt: 7\.9 KB is above the 4 KB limit/);
    assert.equal(r.out.trim(), '');
  });

  test('a binary file keeps the contract: garbled false, no issues, noted on stderr', () => {
    const dir = folder('binary', { 'logo.png': PNG_HEAD });
    const r = zhlens(['detect', '--json', path.join(dir, 'logo.png')]);
    assert.equal(r.code, 0, r.err);
    const [line] = jsonLines(r.out);
    assertDetectLine(line, 0);
    assert.equal(line.garbled, false);
    assert.match(r.err, /logo\.png: binary file, not analysed/);
  });

  test('a file in another language\'s legacy encoding is reported as such, not analysed', () => {
    // uchardet's Japanese Shift_JIS test file (Wikipedia text), a row of test/cases/encoding-other-legacy.json.
    const dir = folder('other-encoding', { 'ja.txt': shiftJisSample() });
    const r = zhlens(['detect', '--json', path.join(dir, 'ja.txt')]);
    assert.equal(r.code, 0, r.err);
    const [line] = jsonLines(r.out);
    assert.deepEqual(Object.keys(line), ['file', 'encoding', 'otherEncoding', 'garbled', 'issues', 'confidence']);
    assert.equal(line.otherEncoding, 'shift_jis');
    assert.equal(line.garbled, false);
    assert.deepEqual(line.issues, []);
    assert.match(r.err, /ja\.txt: looks like shift_jis text, not Chinese: not analysed/);
    const table = zhlens(['detect', path.join(dir, 'ja.txt')]);
    assert.match(table.out, /ja\.txt\s+utf-8\s+other\s+looks like shift_jis text/);
  });

  test('a folder is searched recursively, skipping .git and node_modules, with a summary', () => {
    const dir = folder('corpus', {
      '北京亦莊.txt': sample('repaired'),
      'gb/简体.txt': iconv.encode(sample('simplified').toString('utf8'), 'gb18030'),
      'deep/er/simplified.txt': sample('simplified'),
      'logo.png': PNG_HEAD,
      '.git/HEAD.txt': sample('repaired'),
      'node_modules/pkg/readme.txt': sample('repaired'),
    });
    const r = zhlens(['detect', '--json', dir]);
    assert.equal(r.code, 0, r.err);
    const files = jsonLines(r.out).map((l) => path.relative(dir, l.file as string));
    assert.deepEqual(files, ['deep/er/simplified.txt', 'gb/简体.txt', 'logo.png', '北京亦莊.txt']);
    assert.match(r.err, /4 files: 1 garbled, 2 clean, 1 binary skipped, 0 errors/);
  });

  test('a glob is expanded by zhlens', () => {
    folder('globbed', {
      'a/one.txt': sample('repaired'),
      'a/b/two.txt': sample('simplified'),
      'a/b/skip.md': sample('simplified'),
      'a/.hidden/three.txt': sample('simplified'),
    });
    const r = zhlens(['detect', '--json', 'globbed/**/*.txt'], tmp);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(jsonLines(r.out).map((l) => l.file), ['globbed/a/b/two.txt', 'globbed/a/one.txt']);
    const none = zhlens(['detect', 'globbed/**/*.doc'], tmp);
    assert.equal(none.code, 1);
    assert.match(none.err, /no files match 'globbed\/\*\*\/\*\.doc'/);
  });
});

describe('zhlens repair', () => {
  test('a clean UTF-8 file comes out byte-identical: no final newline, BOM, CRLF', () => {
    const text = sample('repaired');
    const crlf = Buffer.from(text.toString('utf8').replace(/\n/g, '\r\n'));
    const dir = folder('clean', {
      'plain.txt': text,
      'bom.txt': Buffer.concat([UTF8_BOM, text]),
      'crlf.txt': crlf,
      'crlf-bom-newline.txt': Buffer.concat([UTF8_BOM, crlf, Buffer.from('\r\n')]),
      'simplified.txt': sample('simplified'),
    });
    for (const name of fs.readdirSync(dir)) {
      const r = zhlens(['repair', path.join(dir, name)]);
      assert.equal(r.code, 0, r.err);
      assert.ok(r.stdout.equals(fs.readFileSync(path.join(dir, name))), name);
    }
  });

  test('the garbled sample is rewritten as valid UTF-8', () => {
    const r = zhlens(['repair', path.join(SAMPLES, 'garbled.txt')]);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.stdout.length > 0 && !r.stdout.equals(sample('garbled')));
    assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(r.stdout), 'the output is valid UTF-8');
  });

  test('GB18030, Big5 and UTF-16 files are repaired to UTF-8', () => {
    const simplified = sample('simplified');
    const traditional = sample('repaired');
    const dir = folder('to-utf8', {
      'gb.txt': iconv.encode(simplified.toString('utf8'), 'gb18030'),
      'big5.txt': iconv.encode(traditional.toString('utf8'), 'big5'),
      'utf16.txt': iconv.encode(simplified.toString('utf8'), 'utf-16le', { addBOM: true }),
    });
    const expected: Record<string, Buffer> = { 'gb.txt': simplified, 'big5.txt': traditional, 'utf16.txt': simplified };
    for (const [name, want] of Object.entries(expected)) {
      const r = zhlens(['repair', path.join(dir, name)]);
      assert.equal(r.code, 0, r.err);
      assert.ok(r.stdout.equals(want), name);
    }
  });

  test('--in-place replaces the file atomically, keeps its mode and the original as FILE.orig', () => {
    const original = iconv.encode(sample('simplified').toString('utf8'), 'gb18030');
    const dir = folder('in-place', { 'gb.txt': original });
    const file = path.join(dir, 'gb.txt');
    fs.chmodSync(file, 0o640);
    const r = zhlens(['repair', '--in-place', file]);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.readFileSync(file).equals(sample('simplified')));
    assert.ok(fs.readFileSync(`${file}.orig`).equals(original));
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['gb.txt', 'gb.txt.orig'], 'no temporary file left');
    assert.match(r.out, /repaired .*gb\.txt: gb18030 → utf-8/);

    // A second run finds nothing to do and writes nothing.
    const mtime = fs.statSync(file).mtimeMs;
    const again = zhlens(['repair', '--in-place', file]);
    assert.equal(again.code, 0, again.err);
    assert.equal(fs.statSync(file).mtimeMs, mtime);
  });

  test('a file in another language\'s legacy encoding comes out byte-identical, in place and to stdout, in one piece or many', () => {
    const bytes = shiftJisSample();
    const large = Buffer.concat(Array(100).fill(bytes));
    const dir = folder('other-encoding-repair', { 'ja.txt': bytes, 'large.txt': large });
    for (const [name, original, extra] of [['ja.txt', bytes, []], ['large.txt', large, ['--piece-size', '4k']]] as const) {
      const file = path.join(dir, name);
      const out = zhlens(['repair', ...extra, file]);
      assert.equal(out.code, 0, out.err);
      assert.ok(out.stdout.equals(original), `${name} to stdout`);
      assert.match(out.err, /looks like shift_jis text, not Chinese: left as it is/);
      const inPlace = zhlens(['repair', '--in-place', ...extra, file]);
      assert.equal(inPlace.code, 0, inPlace.err);
      assert.ok(fs.readFileSync(file).equals(original), `${name} in place`);
      assert.equal(fs.existsSync(`${file}.orig`), false);
    }
  });

  test('--in-place never overwrites an earlier backup, and leaves the file as it was', () => {
    const original = iconv.encode(sample('simplified').toString('utf8'), 'gb18030');
    const dir = folder('backup-taken', { 'gb.txt': original, 'gb.txt.orig': sample('garbled') });
    const file = path.join(dir, 'gb.txt');
    const r = zhlens(['repair', '--in-place', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /gb\.txt\.orig already exists/);
    assert.ok(fs.readFileSync(file).equals(original));
    assert.ok(fs.readFileSync(`${file}.orig`).equals(sample('garbled')));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['gb.txt', 'gb.txt.orig']);
  });

  test('--in-place --no-backup keeps no FILE.orig', () => {
    const dir = folder('no-backup', { 'big5.txt': iconv.encode(sample('repaired').toString('utf8'), 'big5') });
    const r = zhlens(['repair', '--in-place', '--no-backup', path.join(dir, 'big5.txt')]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(fs.readdirSync(dir), ['big5.txt']);
    assert.ok(fs.readFileSync(path.join(dir, 'big5.txt')).equals(sample('repaired')));
  });

  test('--in-place over a folder: every text file repaired, binaries untouched, summary', () => {
    const gb = iconv.encode(sample('simplified').toString('utf8'), 'gb18030');
    const dir = folder('batch', { 'a/gb.txt': gb, 'clean.txt': sample('repaired'), 'logo.png': PNG_HEAD });
    const r = zhlens(['repair', '--in-place', dir]);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.readFileSync(path.join(dir, 'a/gb.txt')).equals(sample('simplified')));
    assert.ok(fs.readFileSync(path.join(dir, 'a/gb.txt.orig')).equals(gb));
    assert.ok(fs.readFileSync(path.join(dir, 'logo.png')).equals(PNG_HEAD));
    assert.ok(!fs.existsSync(path.join(dir, 'logo.png.orig')));
    assert.ok(!fs.existsSync(path.join(dir, 'clean.txt.orig')), 'an unchanged file is not rewritten');
    assert.match(r.err, /3 files: 1 repaired, 1 unchanged, 1 binary skipped, 0 errors/);

    // The backups of the first run are not repaired again.
    const again = zhlens(['repair', '--in-place', dir]);
    assert.equal(again.code, 0, again.err);
    assert.match(again.err, /3 files: 0 repaired, 2 unchanged, 1 binary skipped, 0 errors/);
  });

  test('--out DIR mirrors the input folder', () => {
    const dir = folder('mirror-in', {
      'x/gb.txt': iconv.encode(sample('simplified').toString('utf8'), 'gb18030'),
      'clean.txt': sample('repaired'),
    });
    const out = path.join(tmp, 'mirror-out');
    const r = zhlens(['repair', '--out', out, dir]);
    assert.equal(r.code, 0, r.err);
    assert.ok(fs.readFileSync(path.join(out, 'x/gb.txt')).equals(sample('simplified')));
    assert.ok(fs.readFileSync(path.join(out, 'clean.txt')).equals(sample('repaired')));
  });

  test('a binary file is never repaired: exit 1 when it is the only input', () => {
    const dir = folder('binary-repair', { 'logo.png': PNG_HEAD });
    const r = zhlens(['repair', path.join(dir, 'logo.png')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /cannot repair .*logo\.png: binary file/);
    assert.equal(r.stdout.length, 0);
  });

  test('a missing file exits 1, whatever the destination', () => {
    assert.equal(zhlens(['repair', path.join(tmp, 'nothing-here.txt')]).code, 1);
    assert.equal(zhlens(['repair', '--out', path.join(tmp, 'x.txt'), path.join(tmp, 'nothing-here.txt')]).code, 1);
  });
});

describe('zhlens annotate', () => {
  test('--json: figures, organizations and sections with exactly the promised keys', () => {
    const text = sample('repaired').toString('utf8');
    const r = zhlens(['annotate', '--json', path.join(SAMPLES, 'repaired.txt')]);
    assert.equal(r.code, 0, r.err);
    const [doc] = jsonLines(r.out) as unknown as [Record<string, Record<string, unknown>[]>];
    assert.deepEqual(Object.keys(doc), ['figures', 'organizations', 'sections']);
    const spans = (list: Record<string, unknown>[], keys: string[]) => {
      for (const item of list) {
        assert.deepEqual(Object.keys(item), keys);
        const { start, end } = item as { start: number; end: number };
        assert.ok(Number.isInteger(start) && start >= 0 && start <= end && end <= text.length);
        if ('text' in item) assert.equal(item.text, text.slice(start, end));
      }
    };
    spans(doc.figures, ['start', 'end', 'text', 'kind', 'value', 'unit']);
    spans(doc.organizations, ['start', 'end', 'text']);
    spans(doc.sections, ['title', 'line', 'level', 'start', 'end']);
    assert.ok(doc.figures.some((f) => f.text === '179項'), 'the article counts 179 service items');
    assert.ok(doc.sections.length > 0);
  });

  test('offsets are into the decoded text, whatever the encoding on disk', () => {
    const dir = folder('annotate-gb', { 'gb.txt': iconv.encode(sample('simplified').toString('utf8'), 'gb18030') });
    const fromGb = zhlens(['annotate', '--json', path.join(dir, 'gb.txt')]);
    const fromUtf8 = zhlens(['annotate', '--json', path.join(SAMPLES, 'simplified.txt')]);
    assert.equal(fromGb.code, 0, fromGb.err);
    assert.equal(fromGb.out, fromUtf8.out);
  });

  test('readable lists without --json; one file only; a folder cannot be read', () => {
    const r = zhlens(['annotate', path.join(SAMPLES, 'repaired.txt')]);
    assert.equal(r.code, 0, r.err);
    // The head from the dateline, the body's sections, the end matter apart.
    assert.match(r.out, /^Head: source 人民網 · place 北京 · date 2月25日 · author 孟竹\nSections \(5\)\n/);
    assert.match(r.out, /\nEnd matter \(2\)\n  版權聲明   line 20\n/);
    assert.match(r.out, /\nFigures \(\d+\)\n/);
    // A figure's kind, unit, dimension and qualifier.
    assert.match(r.out, /  近800項  count 800 项, nearly\n/);
    assert.match(r.out, /  45\.73公頃  measure 45\.73 公顷 area\n/);
    assert.match(r.out, /\nOrganizations \(\d+\)\n/);
    assert.equal(zhlens(['annotate', path.join(SAMPLES, 'repaired.txt'), path.join(SAMPLES, 'simplified.txt')]).code, 2);
    const dir = zhlens(['annotate', SAMPLES]);
    assert.equal(dir.code, 1);
    assert.match(dir.err, /^zhlens: cannot read .*yizhuang-article: is a directory\n$/);
  });

  test('--text-kind: news by default, résumés and social media on request, anything else refused', () => {
    const dir = folder('annotate-kind', { 'resume.txt': Buffer.from('2005年起任本公司董事长，兼任深圳市华侨城控股股份有限公司董事。\n') });
    const file = path.join(dir, 'resume.txt');
    const names = (args: string[]) => {
      const r = zhlens(['annotate', '--json', ...args, file]);
      assert.equal(r.code, 0, r.err);
      return ((jsonLines(r.out)[0] as unknown as { organizations: Array<{ text: string }> }).organizations).map((o) => o.text);
    };
    assert.deepEqual(names([]), names(['--text-kind', 'news']));
    assert.ok(names(['--text-kind', 'resume']).includes('深圳市华侨城控股股份有限公司'));
    const bad = zhlens(['annotate', '--text-kind', 'poetry', file]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--text-kind: one of news, resume, social/);
  });
});
