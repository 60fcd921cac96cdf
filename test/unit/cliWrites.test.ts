/**
 * `zhlens repair --in-place` must leave a user's file either repaired or exactly as it was, on
 * every failure the file system can produce. Each test makes the failure happen for real and runs
 * the CLI (`node dist/cli.js`) as users run it:
 * - a full disk: a 64 KB tmpfs filled up to the last few kilobytes;
 * - a read-only file system: a read-only bind mount; an immutable file (`chattr +i`);
 * - permission denied: the CLI run as user nobody (`setpriv`) in a folder it may only read;
 * - a file changed by someone else while zhlens was repairing it.
 * Mounting and changing users need root; without it those tests are skipped with the reason.
 *
 * Text: samples/yizhuang-article/garbled.txt (a People's Daily report garbled in a web crawl).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const garbled = fs.readFileSync(path.join(ROOT, 'samples', 'yizhuang-article', 'garbled.txt'));
const repaired = fs.readFileSync(path.join(ROOT, 'samples', 'yizhuang-article', 'repaired.txt'));
const isRoot = process.getuid?.() === 0;

let dir: string;
const mounts: string[] = [];
before(() => {
  if (!fs.existsSync(CLI)) {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-writes-'));
  fs.chmodSync(dir, 0o755);
});
after(() => {
  for (const m of mounts.reverse()) spawnSync('umount', [m]);
  spawnSync('chattr', ['-R', '-i', dir]);
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  err: string;
}

function zhlens(args: string[], wrap: string[] = []): Run {
  const [cmd, ...rest] = [...wrap, process.execPath, CLI, ...args];
  const r = spawnSync(cmd, rest, { env: { ...process.env, ZHLENS_DEBUG: '' } });
  return { code: r.status, err: r.stderr.toString('utf8') };
}

/** A fresh folder under the test folder, optionally a tmpfs of `size`; undefined when mounting is refused. */
function folder(name: string, tmpfsSize?: string): string | undefined {
  const d = path.join(dir, name);
  fs.mkdirSync(d);
  if (tmpfsSize) {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${tmpfsSize}`, 'tmpfs', d]).status !== 0) return undefined;
    mounts.push(d);
  }
  return d;
}

const others = (d: string, keep: string) => fs.readdirSync(d).filter((n) => n !== keep);

test('repairs in place, keeps the permissions and a backup; --no-backup keeps none', () => {
  const d = folder('plain')!;
  const file = path.join(d, 'article.txt');
  fs.writeFileSync(file, garbled, { mode: 0o640 });
  fs.chmodSync(file, 0o640);
  const r = zhlens(['repair', '--in-place', file]);
  assert.equal(r.code, 0, r.err);
  assert.ok(fs.readFileSync(file).equals(repaired));
  assert.ok(fs.readFileSync(`${file}.orig`).equals(garbled));
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(others(d, 'article.txt'), ['article.txt.orig']);

  const second = path.join(d, 'second.txt');
  fs.writeFileSync(second, garbled);
  assert.equal(zhlens(['repair', '--in-place', '--no-backup', second]).code, 0);
  assert.ok(fs.readFileSync(second).equals(repaired));
  assert.ok(!fs.existsSync(`${second}.orig`));
});

test('a full disk leaves the original as it was and no temporary file', (t) => {
  if (!isRoot) return t.skip('mounting a tmpfs needs root');
  const d = folder('full', '64k');
  if (!d) return t.skip('mount -t tmpfs was refused');
  const file = path.join(d, 'article.txt');
  fs.writeFileSync(file, garbled);
  // Fill the disk, then give back less room than the repaired text needs.
  const filler = path.join(d, 'filler');
  const fd = fs.openSync(filler, 'w');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(4096));
  } catch (err) {
    assert.equal((err as NodeJS.ErrnoException).code, 'ENOSPC');
  } finally {
    fs.closeSync(fd);
  }
  fs.truncateSync(filler, fs.statSync(filler).size - 4096);
  for (const backup of [true, false]) {
    const r = zhlens(['repair', '--in-place', ...(backup ? [] : ['--no-backup']), file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /no space left on device/);
    assert.ok(fs.readFileSync(file).equals(garbled), 'the original is intact');
    assert.deepEqual(others(d, 'article.txt'), ['filler'], 'no temporary file and no backup left behind');
  }
});

test('a read-only file system leaves the original as it was', (t) => {
  if (!isRoot) return t.skip('a bind mount needs root');
  const d = folder('ro-source')!;
  const file = path.join(d, 'article.txt');
  fs.writeFileSync(file, garbled);
  const ro = folder('ro')!;
  if (spawnSync('mount', ['--bind', '-o', 'ro', d, ro]).status !== 0) return t.skip('mount --bind was refused');
  mounts.push(ro);
  // Older util-linux applies `ro` to a bind mount only on a remount.
  spawnSync('mount', ['-o', 'remount,bind,ro', ro]);
  const r = zhlens(['repair', '--in-place', path.join(ro, 'article.txt')]);
  assert.equal(r.code, 1);
  assert.match(r.err, /read-only file system/);
  assert.ok(fs.readFileSync(file).equals(garbled));
  assert.deepEqual(others(d, 'article.txt'), []);
});

test('an immutable file (chattr +i) is left as it was', (t) => {
  if (!isRoot) return t.skip('chattr +i needs root');
  const d = folder('immutable')!;
  const file = path.join(d, 'article.txt');
  fs.writeFileSync(file, garbled);
  if (spawnSync('chattr', ['+i', file]).status !== 0) return t.skip('this file system does not support chattr +i');
  try {
    const r = zhlens(['repair', '--in-place', '--no-backup', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /operation not permitted|permission denied/);
    assert.ok(fs.readFileSync(file).equals(garbled));
    assert.deepEqual(others(d, 'article.txt'), [], 'the temporary file is removed');
  } finally {
    spawnSync('chattr', ['-i', file]);
  }
});

test('permission denied (run as nobody in a folder it may only read) leaves the original as it was', (t) => {
  if (!isRoot) return t.skip('changing user needs root');
  const d = folder('denied')!;
  const file = path.join(d, 'article.txt');
  fs.writeFileSync(file, garbled, { mode: 0o644 });
  fs.chmodSync(file, 0o644);
  const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  if (spawnSync(asNobody[0], [...asNobody.slice(1), process.execPath, '-e', '0']).status !== 0) return t.skip('setpriv was refused');
  const r = zhlens(['repair', '--in-place', file], asNobody);
  assert.equal(r.code, 1);
  assert.match(r.err, /permission denied/);
  assert.ok(fs.readFileSync(file).equals(garbled));
  assert.deepEqual(others(d, 'article.txt'), []);
});

test('a file changed while zhlens repairs it is left with the change, not overwritten', async () => {
  const d = folder('changed')!;
  const file = path.join(d, 'article.txt');
  // Several copies, so that the repair takes long enough to change the file in between.
  fs.writeFileSync(file, Buffer.concat(Array<Buffer>(4).fill(garbled)));
  // The access time moves when the CLI reads the file (relatime: the atime is older than the
  // mtime), which tells this test that the CLI holds its snapshot and is repairing.
  const old = new Date(Date.now() - 3_600_000);
  fs.utimesSync(file, old, new Date());
  const child = spawn(process.execPath, [CLI, 'repair', '--in-place', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let changed = false;
  while (!changed && child.exitCode === null) {
    if (fs.statSync(file).atimeMs > old.getTime() + 1000) {
      fs.appendFileSync(file, '\n');
      changed = true;
    } else {
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  const code = await exited;
  assert.ok(changed, 'the file was changed while the CLI ran');
  assert.equal(code, 1);
  assert.match(err, /changed on disk while it was being repaired/);
  const now = fs.readFileSync(file);
  assert.ok(now.equals(Buffer.concat([...Array<Buffer>(4).fill(garbled), Buffer.from('\n')])), 'the change is kept');
  assert.deepEqual(others(d, 'article.txt'), [], 'no backup and no temporary file');
});
