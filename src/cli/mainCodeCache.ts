import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requireWithCodeCache, writeCodeCache } from '../host/codeCache';

/**
 * The command line's bundle (dist/cli-main.js) started through a V8 code cache in the user's cache
 * folder, so that every run after the first skips compiling the bundle and the functions the run
 * before it compiled (the core's detectors among them).
 *
 * The cache is named by the V8 version and a hash of the bundle's text (0.6 ms for its 560 KB), so
 * a cache is never read for another bundle or another V8; the run that finds none (or one V8
 * refuses: other flags) writes it as the process exits, when the command's work has compiled what
 * it needs (not after a run that only printed help), and removes the caches of other bundles
 * written over a month ago. Nothing here can fail the command: a folder that cannot be
 * read or written is a run without a cache.
 *
 * The folder: `ZHLENS_CODE_CACHE` when set (`off`: no cache), else the platform's cache folder
 * for the user (`$XDG_CACHE_HOME` or ~/.cache on Linux, ~/Library/Caches on macOS,
 * %LOCALAPPDATA% on Windows) with `zhlens` under it.
 */
const PREFIX = 'cli-';

/** How long a cache of another bundle is kept: two installs (a global one and a project's) share the folder. */
const KEEP_OTHERS_MS = 30 * 24 * 3600 * 1000;

/** A cache of another bundle or V8, written over a month ago (an accepted cache is never written again). */
function staleCache(name: string, file: string): boolean {
  try {
    return name.startsWith(PREFIX) && (name.endsWith('.bin') || name.endsWith('.tmp')) && fs.statSync(file).mtimeMs < Date.now() - KEEP_OTHERS_MS;
  } catch {
    return false;
  }
}

/** The folder of the command line's code cache, or undefined for none. */
export function cliCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string | undefined {
  const chosen = env.ZHLENS_CODE_CACHE;
  if (chosen !== undefined && chosen !== '') return chosen === 'off' ? undefined : path.resolve(chosen);
  if (platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'zhlens', 'Cache') : undefined;
  if (!home) return undefined;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'zhlens');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'zhlens');
}

/** The cache's file name for a bundle of these bytes under this V8. */
export function cliCacheName(bundle: string): string {
  const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 32);
  return `${PREFIX}${process.versions.v8}-${process.arch}-${hash}.bin`;
}

/** Runs the command line's bundle, through the code cache of `dir` when there is one. */
export function runCliBundle(bundleFile: string, dir = cliCacheDir()): void {
  // Read as text directly: a string made from the file's Buffer cost more CPU in V8's background
  // threads later in the run (measured, see docs/performance.md).
  let source: string | undefined;
  try {
    if (dir) source = fs.readFileSync(bundleFile, 'utf8');
  } catch {
    source = undefined;
  }
  if (!dir || source === undefined) {
    require(bundleFile);
    return;
  }
  const cacheFile = path.join(dir, cliCacheName(source));
  const bundle = requireWithCodeCache(bundleFile, source, cacheFile);
  if (bundle.cacheUsed) return;
  const args = process.argv.slice(2);
  process.once('exit', (code) => {
    if (!commandRan(args, code)) return;
    writeCodeCache(cacheFile, bundle.cacheData, staleCache);
  });
}

/**
 * Whether a run did a command's work, so that its cache holds what a command compiles: not a bad
 * usage (exit status 2) nor a run that only printed the help or the version (a new user's first).
 */
export function commandRan(args: readonly string[], exitCode: number): boolean {
  return exitCode !== 2 && args.length > 0 && !['-h', '--help', '-V', '--version', 'help'].includes(args[0]) && !args.includes('--help') && !args.includes('-h');
}
