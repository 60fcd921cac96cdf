/**
 * `zhlens repair --in-place` and the editor's Convert to UTF-8 must never lose a file: these
 * tests drive the replacement step (src/files/replaceFile.ts) directly, changing the file between
 * the read and the write the way a concurrent editor would.
 * Text: samples/yizhuang-article (see cli.test.ts).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { FileChangedError, readSnapshot, replaceInPlace, writeFileAtomic } from '../../src/files/replaceFile';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples', 'yizhuang-article');
const repaired = fs.readFileSync(path.join(SAMPLES, 'repaired.txt'));
const simplified = fs.readFileSync(path.join(SAMPLES, 'simplified.txt'));

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-replace-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function fresh(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const leftovers = (name: string) => fs.readdirSync(dir).filter((n) => n.startsWith(`.${name}.zhlens-`));

test('replaces the file, keeps its mode, writes the backup', () => {
  const file = fresh('a.txt', repaired);
  fs.chmodSync(file, 0o604);
  const snapshot = readSnapshot(file);
  const result = replaceInPlace(snapshot, simplified, { backupPath: `${file}.orig` });
  assert.equal(result.backupPath, `${file}.orig`);
  assert.ok(fs.readFileSync(file).equals(simplified));
  assert.ok(fs.readFileSync(`${file}.orig`).equals(repaired));
  assert.equal(fs.statSync(file).mode & 0o777, 0o604);
  assert.deepEqual(leftovers('a.txt'), []);
});

test('refuses when the file grew after it was read, and leaves it as it is now', () => {
  const file = fresh('b.txt', repaired);
  const snapshot = readSnapshot(file);
  fs.appendFileSync(file, '\n');
  const now = fs.readFileSync(file);
  assert.throws(() => replaceInPlace(snapshot, simplified, { backupPath: `${file}.orig` }), FileChangedError);
  assert.ok(fs.readFileSync(file).equals(now));
  assert.ok(!fs.existsSync(`${file}.orig`), 'the backup of a refused write is removed');
  assert.deepEqual(leftovers('b.txt'), []);
});

test('refuses a same-size edit that kept the modification time', () => {
  // repaired.txt and simplified.txt have the same length (8,121 bytes); only the bytes tell them apart.
  const file = fresh('c.txt', repaired);
  const snapshot = readSnapshot(file);
  const { atime, mtime } = fs.statSync(file);
  fs.writeFileSync(file, simplified);
  fs.utimesSync(file, atime, mtime);
  assert.throws(() => replaceInPlace(snapshot, Buffer.from('x'), {}), FileChangedError);
  assert.ok(fs.readFileSync(file).equals(simplified));
});

test('refuses when the file was replaced by another one (new inode)', () => {
  const file = fresh('d.txt', repaired);
  const snapshot = readSnapshot(file);
  fs.writeFileSync(`${file}.new`, repaired);
  fs.renameSync(`${file}.new`, file);
  assert.throws(() => replaceInPlace(snapshot, simplified, {}), FileChangedError);
  assert.ok(fs.readFileSync(file).equals(repaired));
});

test('through a symbolic link, the target is replaced and the link stays a link', () => {
  const target = fresh('e.txt', repaired);
  const link = path.join(dir, 'e-link.txt');
  fs.symlinkSync(target, link);
  replaceInPlace(readSnapshot(link), simplified, {});
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.ok(fs.readFileSync(target).equals(simplified));
});

test('writeFileAtomic creates a new file and replaces an existing one', () => {
  const file = path.join(dir, 'f.txt');
  writeFileAtomic(file, repaired);
  assert.ok(fs.readFileSync(file).equals(repaired));
  writeFileAtomic(file, simplified);
  assert.ok(fs.readFileSync(file).equals(simplified));
  assert.deepEqual(leftovers('f.txt'), []);
});
