import type { DataHost } from '../core/data/dataFiles';

/**
 * What the browser bundle has in place of defaultDataHost.ts (scripts/build.mjs swaps the
 * module): there is no file system to read data/ from, so the browser entry
 * (src/extension/webExtension.ts) reads the data files itself and calls `setDataHost` before the
 * first analysis. Reaching this is a bug in that order, said plainly rather than as a missing `fs`.
 */
export function defaultDataHost(): DataHost {
  throw new Error('zhlens: no data host in the browser; setDataHost must be called before the first analysis');
}
