/**
 * How `zhlens` turns its arguments into files: the option parser, sizes, globs and folder walks.
 * File names are words from the Yizhuang sample article (samples/yizhuang-article).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { formatByteSize, parseByteSize } from '../../src/cli/byteSize';
import { UsageError } from '../../src/cli/errors';
import { expandInputs } from '../../src/cli/expandInputs';
import { compileGlob, expandBraces, GLOBSTAR, hasGlobMagic, segmentRegExp } from '../../src/cli/globPattern';
import { parseArgs, type OptionSpecs } from '../../src/cli/parseArgs';
import { TextPositions } from '../../src/cli/textPosition';

describe('parseArgs', () => {
  const specs: OptionSpecs = {
    out: { type: 'string', short: 'o' },
    'in-place': { type: 'boolean', short: 'i' },
    verbose: { type: 'boolean', short: 'v' },
  };

  test('long, short, clustered and = forms', () => {
    const a = parseArgs(['--out=x.txt', 'a.txt', '-iv', 'b.txt'], specs);
    assert.equal(a.value('out'), 'x.txt');
    assert.ok(a.flag('in-place') && a.flag('verbose'));
    assert.deepEqual(a.positionals, ['a.txt', 'b.txt']);
    assert.equal(parseArgs(['-o', 'y'], specs).value('out'), 'y');
    assert.equal(parseArgs(['-vo', 'y'], specs).value('out'), 'y');
    assert.equal(parseArgs(['-oy'], specs).value('out'), 'y');
  });

  test('-- ends the options; a lone - is a file', () => {
    const a = parseArgs(['--', '--out', '-'], specs);
    assert.deepEqual(a.positionals, ['--out', '-']);
    assert.equal(a.value('out'), undefined);
    assert.deepEqual(parseArgs(['-'], specs).positionals, ['-']);
  });

  test('usage errors name the word', () => {
    assert.throws(() => parseArgs(['--bogus'], specs, 'repair'), (e: unknown) => e instanceof UsageError && /'--bogus'/.test(e.message) && e.command === 'repair');
    assert.throws(() => parseArgs(['-x'], specs), /'-x'/);
    assert.throws(() => parseArgs(['--out'], specs), /needs a value/);
    assert.throws(() => parseArgs(['--verbose=yes'], specs), /takes no value/);
  });
});

test('byte sizes', () => {
  assert.equal(parseByteSize('50MB'), 50 * 1024 * 1024);
  assert.equal(parseByteSize('512k'), 512 * 1024);
  assert.equal(parseByteSize('1.5G'), 1.5 * 1024 ** 3);
  assert.equal(parseByteSize('4096'), 4096);
  assert.equal(parseByteSize('lots'), undefined);
  assert.equal(parseByteSize('5 parsecs'), undefined);
  assert.equal(formatByteSize(8121), '7.9 KB');
  assert.equal(formatByteSize(50 * 1024 * 1024), '50 MB');
  assert.equal(formatByteSize(12), '12 B');
});

test('line:column positions count UTF-16 code units from 1', () => {
  const p = new TextPositions('協同發展\r\n北京𠀀亦莊\n');
  assert.equal(p.format(0), '1:1');
  assert.equal(p.format(4), '1:5');
  assert.equal(p.format(6), '2:1');
  assert.equal(p.format(10), '2:5'); // 𠀀 (U+20000) is two code units
  assert.equal(p.format(13), '3:1');
});

describe('globs', () => {
  test('brace expansion', () => {
    assert.deepEqual(expandBraces('a{b,c{d,e}}f'), ['abf', 'acdf', 'acef']);
    assert.deepEqual(expandBraces('{x}.txt'), ['{x}.txt']);
    assert.deepEqual(expandBraces('{a,b'), ['{a,b']);
    assert.deepEqual(expandBraces('\\{a,b}'), ['\\{a,b}']);
    assert.deepEqual(expandBraces('{北京,天津}/*.txt'), ['北京/*.txt', '天津/*.txt']);
  });

  test('magic characters', () => {
    assert.ok(hasGlobMagic('crawl/**/*.txt'));
    assert.ok(hasGlobMagic('第[1]章.txt'));
    assert.ok(!hasGlobMagic('新聞\\*.txt'));
    assert.ok(!hasGlobMagic('亦莊/新城.txt'));
  });

  test('the literal prefix is where the walk starts', () => {
    const [g] = compileGlob('crawl/2024/**/*.txt');
    assert.equal(g.base, 'crawl/2024');
    assert.equal(g.segments.length, 2);
    assert.equal(g.segments[0], GLOBSTAR);
    assert.equal(compileGlob('/data/*.txt')[0].base, '/data');
    assert.equal(compileGlob('*.txt')[0].base, '.');
  });

  test('segment matchers: *, ?, classes, dot names', () => {
    const match = (pattern: string, name: string) => segmentRegExp(pattern).test(name);
    assert.ok(match('*.txt', '北京亦莊.txt'));
    assert.ok(!match('*.txt', '.hidden.txt'));
    assert.ok(match('.*', '.hidden.txt'));
    assert.ok(match('?.txt', '京.txt'));
    assert.ok(match('?.txt', '𠀀.txt'), '? is one character, even outside the BMP');
    assert.ok(match('[a-c]*.txt', 'b5.txt'));
    assert.ok(!match('[!a-c]*.txt', 'b5.txt'));
    assert.ok(match('[]]x', ']x'));
    assert.ok(match('a\\*b', 'a*b'));
    assert.ok(!match('a\\*b', 'axb'));
    assert.ok(match('[', '['), 'an unclosed [ is literal');
    assert.throws(() => compileGlob('[z-a].txt'), UsageError);
    assert.deepEqual(compileGlob('{a,b}.txt').map((g) => [g.base, g.segments.length]), [['a.txt', 0], ['b.txt', 0]]);
  });
});

describe('expandInputs', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-inputs-'));
    for (const rel of ['新城/臺馬.txt', '新城/片區/落地.txt', '新城/片區/落地.md', '.git/config.txt', 'node_modules/m/a.txt', '.隱藏/a.txt', '第[1]章.txt', 'a.txt.orig']) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), '亦莊');
    }
    fs.symlinkSync('..', path.join(dir, '新城', 'loop'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const rel = (files: { path: string }[]) => files.map((f) => path.relative(dir, f.path));

  test('a folder: everything below it, not .git or node_modules, each link followed once', () => {
    const e = expandInputs([dir]);
    assert.ok(e.batch);
    assert.deepEqual(rel(e.files), ['.隱藏/a.txt', 'a.txt.orig', '新城/片區/落地.md', '新城/片區/落地.txt', '新城/臺馬.txt', '第[1]章.txt']);
    assert.deepEqual(e.problems, []);
    assert.deepEqual(
      e.files.map((f) => f.relative),
      rel(e.files),
      'relative paths are below the folder',
    );
  });

  test('a glob: files only, dot folders not entered, relative to the glob base', () => {
    const e = expandInputs([path.join(dir, '**', '*.txt')]);
    assert.deepEqual(rel(e.files), ['新城/片區/落地.txt', '新城/臺馬.txt', '第[1]章.txt']);
    const sub = expandInputs([path.join(dir, '新城', '片*', '*.{md,txt}')]);
    assert.deepEqual(sub.files.map((f) => f.relative), ['片區/落地.md', '片區/落地.txt']);
  });

  test('an existing path is taken literally even when it looks like a glob', () => {
    const e = expandInputs([path.join(dir, '第[1]章.txt')]);
    assert.deepEqual(rel(e.files), ['第[1]章.txt']);
    assert.ok(!e.batch);
  });

  test('ignored names are dropped from walks, not from files named directly', () => {
    const ignoreFile = (name: string) => name.endsWith('.orig');
    assert.ok(!rel(expandInputs([dir], { ignoreFile }).files).includes('a.txt.orig'));
    assert.deepEqual(rel(expandInputs([path.join(dir, 'a.txt.orig')], { ignoreFile }).files), ['a.txt.orig']);
  });

  test('duplicates are listed once; a glob without matches is a problem', () => {
    const e = expandInputs([dir, path.join(dir, '新城', '臺馬.txt'), path.join(dir, '*.nothing')]);
    assert.equal(e.files.filter((f) => f.path.endsWith('臺馬.txt')).length, 1);
    assert.deepEqual(e.problems, [`no files match '${path.join(dir, '*.nothing')}'`]);
  });
});
