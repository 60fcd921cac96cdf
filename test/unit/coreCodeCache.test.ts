// The core loaded through a V8 code cache (src/extension/coreCodeCache.ts): the same exports with
// or without a cache, the cache written once after the load and read by the next load, a stale
// cache (another size of the file) replaced, and no folder meaning a plain require.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireCore, useCoreCodeCache } from '../../src/extension/coreCodeCache';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

test('the core loaded through a code cache: same exports, the cache written after the load and used by the next', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhlens-codecache-'));
  try {
    const moduleFile = join(dir, 'module.js');
    writeFileSync(moduleFile, "const path = require('node:path'); exports.twice = (x) => x * 2; exports.dir = __dirname; exports.base = path.basename(__filename);");
    const cacheDir = join(dir, 'storage');
    useCoreCodeCache(cacheDir);
    const first = requireCore(moduleFile, 0) as { twice(x: number): number; dir: string; base: string };
    assert.deepEqual([first.twice(21), first.dir, first.base], [42, dir, 'module.js']);
    await settle();
    const written = readdirSync(cacheDir);
    assert.equal(written.length, 1);
    assert.match(written[0], /^core-.*\.bin$/);
    const second = requireCore(moduleFile, 0) as { twice(x: number): number };
    assert.equal(second.twice(2), 4);
    await settle();
    assert.deepEqual(readdirSync(cacheDir), written, 'a cache V8 accepted is not written again');
    // Another file (another size) gets its own cache, and the stale one goes.
    writeFileSync(moduleFile, 'exports.twice = (x) => x + x; exports.changed = true;');
    const third = requireCore(moduleFile, 0) as { twice(x: number): number; changed: boolean };
    assert.deepEqual([third.twice(3), third.changed], [6, true]);
    await settle();
    const after = readdirSync(cacheDir);
    assert.equal(after.length, 1);
    assert.notEqual(after[0], written[0]);
    // No folder: a plain require.
    useCoreCodeCache(undefined);
    assert.equal((requireCore(moduleFile, 0) as { changed: boolean }).changed, true);
  } finally {
    useCoreCodeCache(undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});
