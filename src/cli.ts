// The `zhlens` command (dist/cli.js, package.json "bin"): starts the command line's bundle,
// dist/cli-main.js (src/cli/mainProcess.ts), through a V8 code cache in the user's cache folder
// (src/cli/mainCodeCache.ts). Kept small: it is compiled on every run, the bundle from the cache.
import * as path from 'node:path';
import { boundHeapGrowth } from './cli/heapGrowth';
import { runCliBundle } from './cli/mainCodeCache';

// Before the bundle is compiled: V8 takes a code cache only under the flags it was made with, and
// the bundle sets these again (for its worker threads).
boundHeapGrowth();
runCliBundle(path.join(__dirname, 'cli-main.js'));
