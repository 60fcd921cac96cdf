// Convert to UTF-8 rewrites a file on disk: it must leave the file either converted or exactly as
// it was. Each failure is made to happen for real: a change by another process while zhlens holds
// the bytes it read, and a folder that cannot be written. Text: samples/gb18030-file (论语, GB18030).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, readUtf8, workspaceFile } from './garbleSupport';
import { MemoryFiles } from './memoryFiles';

/** Run by a separate process: waits until the file's access time moves (zhlens read it), then appends a line to it. */
const APPEND_WHEN_READ = `
const fs = require('node:fs');
const [file, since] = process.argv.slice(1);
process.stdout.write('watching\\n');
const deadline = Date.now() + 60000;
while (Date.now() < deadline) {
  if (fs.statSync(file).atimeMs > Number(since) + 1000) {
    fs.appendFileSync(file, '\\n');
    process.stdout.write('changed\\n');
    process.exit(0);
  }
}
process.exit(1);
`;

suite('Convert to UTF-8 writes safely', () => {
  let dir: string;
  let original: Buffer;
  let expected: string;
  const mounts: string[] = [];

  suiteSetup(async () => {
    await vscode.extensions.getExtension('zhlens.zhlens')?.activate();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-writes-'));
    original = Buffer.from(await vscode.workspace.fs.readFile(workspaceFile('gb18030-file/garbled.txt')));
    expected = await readUtf8(workspaceFile('gb18030-file/expected.txt'));
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    for (const m of mounts.reverse()) spawnSync('umount', [m]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function fresh(name: string, bytes: Buffer): string {
    const folder = fs.mkdtempSync(path.join(dir, `${name}-`));
    const file = path.join(folder, name);
    fs.writeFileSync(file, bytes);
    return file;
  }
  /** What else is in the file's folder: backups and temporary files. */
  const others = (file: string) => fs.readdirSync(path.dirname(file)).filter((n) => n !== path.basename(file)).sort();

  test('a GB18030 file becomes UTF-8 through a temporary file: mode kept, backup written, nothing else left', async () => {
    const file = fresh('lunyu.txt', original);
    fs.chmodSync(file, 0o640);
    assert.equal(await vscode.commands.executeCommand('zhlens.convertToUtf8', vscode.Uri.file(file)), true);
    assert.ok(fs.readFileSync(file).equals(Buffer.from(expected, 'utf8')), 'the file on disk is not the UTF-8 of expected.txt');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.ok(fs.readFileSync(`${file}.orig`).equals(original), 'the backup holds the GB18030 bytes');
    assert.deepEqual(others(file), ['lunyu.txt.orig']);
  });

  test('a file changed by another process after zhlens read it is refused and keeps the change', async () => {
    // 20 MB (the sample over and over), so that reading, converting and writing take long enough
    // for the other process to step in between the read and the replacement.
    const big = Buffer.concat(Array<Buffer>(Math.ceil((20 << 20) / original.length)).fill(original));
    const file = fresh('lunyu-large.txt', big);
    // The access time moves on the next read only while it is older than the modification time (relatime).
    const since = Date.now() - 3_600_000;
    fs.utimesSync(file, new Date(since), new Date());
    const child = spawn(process.execPath, ['-e', APPEND_WHEN_READ, file, String(since)], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    while (!out.includes('watching') && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));

    const converted = await vscode.commands.executeCommand('zhlens.convertToUtf8', vscode.Uri.file(file));
    assert.equal(await exited, 0, 'the other process saw zhlens read the file and changed it');
    assert.equal(converted, false);
    assert.ok(fs.readFileSync(file).equals(Buffer.concat([big, Buffer.from('\n')])), 'the file holds the change, not a conversion');
    assert.deepEqual(others(file), [], 'no backup and no temporary file');
  });

  test('a folder that cannot be written gets an error, and the file is left as it was', async function () {
    const file = fresh('lunyu-readonly.txt', original);
    let target = file;
    if (process.getuid?.() === 0) {
      // Root writes through permissions: a read-only bind mount makes the folder unwritable for real.
      const view = fs.mkdtempSync(path.join(dir, 'readonly-view-'));
      if (spawnSync('mount', ['--bind', '-o', 'ro', path.dirname(file), view]).status !== 0) return this.skip();
      mounts.push(view);
      // Older util-linux applies `ro` to a bind mount only on a remount.
      spawnSync('mount', ['-o', 'remount,bind,ro', view]);
      target = path.join(view, path.basename(file));
    } else {
      fs.chmodSync(path.dirname(file), 0o555);
    }
    try {
      assert.equal(await vscode.commands.executeCommand('zhlens.convertToUtf8', vscode.Uri.file(target)), false);
    } finally {
      fs.chmodSync(path.dirname(file), 0o755);
    }
    assert.ok(fs.readFileSync(file).equals(original), 'the original is intact');
    assert.deepEqual(others(file), [], 'no backup and no temporary file');
  });
});

/**
 * Files that are not on disk: a file system provider of this test's own (as a virtual
 * workspace's files are). Convert to UTF-8 and Fix Folder need a disk to replace files on, so
 * they refuse there (package.json declares virtual workspaces "limited" and hides both).
 */
suite('files in a virtual file system', () => {
  const memory = new MemoryFiles();
  let registration: vscode.Disposable;
  let original: Uint8Array;
  let garbled: Uint8Array;

  suiteSetup(async () => {
    registration = vscode.workspace.registerFileSystemProvider('zhlens-test-memory', memory);
    original = await vscode.workspace.fs.readFile(workspaceFile('gb18030-file/garbled.txt'));
    garbled = await vscode.workspace.fs.readFile(workspaceFile('yizhuang-article/garbled.txt'));
    memory.files.set('/articles/lunyu.txt', original);
    memory.files.set('/articles/yizhuang.txt', garbled);
  });
  suiteTeardown(() => registration.dispose());

  test('Convert to UTF-8 refuses a file that is not on disk and writes nothing', async () => {
    const uri = vscode.Uri.from({ scheme: 'zhlens-test-memory', path: '/articles/lunyu.txt' });
    assert.equal(await vscode.commands.executeCommand('zhlens.convertToUtf8', uri), false);
    assert.deepEqual([...memory.files.keys()].sort(), ['/articles/lunyu.txt', '/articles/yizhuang.txt']);
    assert.equal(memory.files.get('/articles/lunyu.txt'), original);
  });

  test('Fix Folder refuses a folder that is not on disk and writes nothing', async () => {
    const folder = vscode.Uri.from({ scheme: 'zhlens-test-memory', path: '/articles' });
    assert.equal(await vscode.commands.executeCommand('zhlens.fixFolder', folder), undefined);
    assert.deepEqual([...memory.files.keys()].sort(), ['/articles/lunyu.txt', '/articles/yizhuang.txt']);
    assert.equal(memory.files.get('/articles/yizhuang.txt'), garbled);
  });
});
