import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { createRequire, wrap } from 'node:module';

/**
 * A CommonJS bundle loaded through a V8 code cache file: what the editor does for dist/core.js
 * (src/extension/coreCodeCache.ts) and the command line for its own bundle (src/cli.ts).
 *
 * A code cache made after the bundle has run (`vm.Script#createCachedData`) holds the bytecode of
 * its top level and of every function compiled by then, so a process that reads it skips both
 * compiles. V8 refuses a cache made by another V8, with other flags or for a source of another
 * length (then the bundle compiles as without one); the caller names the file after what else
 * must match (the bundle's contents), so a cache is never read for another bundle. The file
 * begins with the SHA-256 of the cache after it (0.3 ms for 500 KB): V8 checks a cache's header
 * and length, not every byte, and a damaged file must be no cache, never wrong code.
 */
export interface CodeCachedBundle {
  /** The bundle's `module.exports`. */
  exports: unknown;
  /** Whether a cache was read and V8 took it. */
  cacheUsed: boolean;
  /** The bytecode compiled so far: a cache for the next process. */
  cacheData(): Buffer;
}

/**
 * Runs `file` as CommonJS (its own `require`, `module`, `__filename`, `__dirname`), compiled from
 * `cacheFile` when it holds a cache V8 accepts. A cache that cannot be read is no cache.
 */
export function requireWithCodeCache(file: string, source: string, cacheFile: string): CodeCachedBundle {
  let cachedData: Buffer | undefined;
  try {
    cachedData = checked(fs.readFileSync(cacheFile));
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return { exports: module.exports, cacheUsed: cachedData !== undefined && !script.cachedDataRejected, cacheData: () => script.createCachedData() };
}

const DIGEST_BYTES = 32;
const digest = (data: Uint8Array) => createHash('sha256').update(data).digest();

/** The cache a file holds, if its digest is right. */
function checked(file: Buffer): Buffer | undefined {
  const data = file.subarray(DIGEST_BYTES);
  return file.length > DIGEST_BYTES && digest(data).equals(file.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/**
 * Writes `data` to `cacheFile` (through a temporary file, so a reader never sees half of it) and
 * removes the other files of its folder that `isStale` names (caches of older bundles). Never
 * throws: a cache is an optimisation, and a folder that cannot be written leaves the next process
 * as this one.
 */
export function writeCodeCache(cacheFile: string, data: () => Buffer, isStale: (name: string, file: string) => boolean): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    const dir = path.dirname(cacheFile);
    fs.mkdirSync(dir, { recursive: true });
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (file !== cacheFile && isStale(name, file)) fs.rmSync(file, { force: true });
    }
    const cache = data();
    fs.writeFileSync(temporary, Buffer.concat([digest(cache), cache]));
    fs.renameSync(temporary, cacheFile);
  } catch {
    // See above.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do.
    }
  }
}
