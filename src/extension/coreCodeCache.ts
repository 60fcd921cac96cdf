import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireWithCodeCache, writeCodeCache } from '../host/codeCache';

/**
 * The core bundle (dist/core.js) loaded with a V8 code cache kept in the extension's storage.
 *
 * The editor's first verdict in a session pays for compiling the core: its top level at the load
 * and each function at its first call, most of them during the first analysis. A code cache made
 * after that analysis (`vm.Script#createCachedData`) holds the bytecode of every function compiled
 * by then, so a later session skips both. It can only be made by the V8 that reads it (Electron's,
 * not the build's), so it is made here, in a session: the first one that loads the core without a
 * usable cache writes it a few seconds after the load, and later ones read it. Its name holds the
 * V8 version and the core file's size and time (an update or another V8 makes a new name; older
 * files are removed); V8 also refuses a cache that does not fit, and then the core compiles as
 * without one and a new cache is written.
 *
 * Without a cache folder (tests, a load before activation) the core is required as usual.
 */
let cacheDir: string | undefined;

/** Where the code cache lives: the extension's global storage (set at activation). */
export function useCoreCodeCache(dir: string | undefined): void {
  cacheDir = dir;
}

/** How long after the core's load the cache is written: the first analysis has run by then. */
const WRITE_AFTER_MS = 5000;
const PREFIX = 'core-';

/** The core's exports, from `coreFile` (dist/core.js), through the code cache when there is a folder for it. */
export function requireCore(coreFile: string, writeAfterMs = WRITE_AFTER_MS): unknown {
  const dir = cacheDir;
  if (!dir) return require(coreFile);
  let source: string;
  let cacheFile: string;
  try {
    const stat = fs.statSync(coreFile);
    source = fs.readFileSync(coreFile, 'utf8');
    cacheFile = path.join(dir, `${PREFIX}${process.versions.v8}-${stat.size}-${Math.round(stat.mtimeMs)}.bin`);
  } catch {
    return require(coreFile);
  }
  const core = requireWithCodeCache(coreFile, source, cacheFile);
  if (!core.cacheUsed) {
    const timer = setTimeout(() => writeCodeCache(cacheFile, core.cacheData, (name) => name.startsWith(PREFIX) && name.endsWith('.bin')), writeAfterMs);
    timer.unref?.();
  }
  return core.exports;
}
