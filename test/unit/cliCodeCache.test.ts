/**
 * The command line's V8 code cache (src/cli/mainCodeCache.ts), run as users run the command
 * (`node dist/cli.js`): the first command writes the cache, later ones read it, and no state of
 * the cache folder changes what the command prints or its exit status.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cliCacheDir, commandRan } from '../../src/cli/mainCodeCache';
import { CLI, ROOT, ensureCliBuilt } from './cliBuild';

let tmp: string;
/** The Yizhuang article's first two lines (garbled), so that each run is short. */
let SAMPLE: string;
before(() => {
  ensureCliBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-code-cache-'));
  SAMPLE = path.join(tmp, 'garbled.txt');
  const article = fs.readFileSync(path.join(ROOT, 'samples', 'yizhuang-article', 'garbled.txt'), 'utf8');
  fs.writeFileSync(SAMPLE, article.split('\n').slice(0, 2).join('\n') + '\n');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function zhlens(args: string[], cache: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ZHLENS_DEBUG: '', ZHLENS_CODE_CACHE: cache } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The cache files of a folder with their inode and time (a rewritten file gets a new inode: it is renamed into place). */
function cacheFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return `${name} ${stat.ino} ${stat.mtimeMs}`;
    });
}

describe('the command line through its code cache', () => {
  test('the first command writes the cache, the next reads it without writing, and both print what a run without a cache prints', () => {
    const dir = path.join(tmp, 'first');
    const plain = zhlens(['detect', SAMPLE], 'off');
    assert.equal(plain.code, 0, plain.err);
    const first = zhlens(['detect', SAMPLE], dir);
    assert.deepEqual(first, plain);
    const written = cacheFiles(dir);
    assert.equal(written.length, 1);
    assert.match(written[0], /^cli-[^ ]+\.bin /);
    const second = zhlens(['detect', SAMPLE], dir);
    assert.deepEqual(second, plain);
    assert.deepEqual(cacheFiles(dir), written, 'the cache V8 took is not written again');
  });

  test('a damaged cache is no cache: it is written anew, the command unchanged', () => {
    const dir = path.join(tmp, 'damaged');
    const plain = zhlens(['detect', '--json', SAMPLE], 'off');
    zhlens(['detect', '--json', SAMPLE], dir);
    const [name] = fs.readdirSync(dir);
    const file = path.join(dir, name);
    const good = fs.readFileSync(file);
    // The same length, bytes changed in the middle (V8 itself checks the header and length).
    const damaged = Buffer.from(good);
    damaged.fill(0x5a, damaged.length >> 1, (damaged.length >> 1) + 4096);
    fs.writeFileSync(file, damaged);
    const before = fs.statSync(file).ino;
    assert.deepEqual(zhlens(['detect', '--json', SAMPLE], dir), plain);
    assert.notEqual(fs.statSync(file).ino, before, 'written anew');
    fs.writeFileSync(file, good.subarray(0, 100));
    assert.deepEqual(zhlens(['detect', '--json', SAMPLE], dir), plain);
  });

  test('a folder that cannot be made is no cache', () => {
    const blocker = path.join(tmp, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const plain = zhlens(['detect', SAMPLE], 'off');
    assert.deepEqual(zhlens(['detect', SAMPLE], path.join(blocker, 'cache')), plain);
  });

  test('a run that only prints help or a usage error writes no cache', () => {
    const dir = path.join(tmp, 'help');
    assert.equal(zhlens(['--help'], dir).code, 0);
    assert.equal(zhlens(['detect', '--help'], dir).code, 0);
    assert.equal(zhlens(['no-such-command'], dir).code, 2);
    assert.deepEqual(cacheFiles(dir), []);
    assert.equal(commandRan(['detect', 'a.txt'], 1), true);
    assert.equal(commandRan([], 0), false);
  });

  test('the folder: ZHLENS_CODE_CACHE, else the platform cache folder for the user', () => {
    assert.equal(cliCacheDir({ ZHLENS_CODE_CACHE: 'off' }, 'linux', '/home/u'), undefined);
    assert.equal(cliCacheDir({ ZHLENS_CODE_CACHE: '/var/cache/z' }, 'linux', '/home/u'), path.resolve('/var/cache/z'));
    assert.equal(cliCacheDir({}, 'linux', '/home/u'), path.join('/home/u', '.cache', 'zhlens'));
    assert.equal(cliCacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/u'), path.join('/xdg', 'zhlens'));
    assert.equal(cliCacheDir({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'zhlens'));
    assert.equal(cliCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u'), path.join('C:\\Users\\u\\AppData\\Local', 'zhlens', 'Cache'));
    assert.equal(cliCacheDir({}, 'win32', 'C:\\Users\\u'), undefined);
  });
});
