import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataHost } from '../core/data/dataFiles';

/**
 * The Node host of the core's data files: data/ of the zhlens package, found by walking up from
 * the running bundle (dist/, out/unit/, out/bench/ … all sit inside the package). A browser
 * build aliases this module to one that hands the bytes in (see docs/data.md).
 */
export function defaultDataHost(): DataHost {
  const dir = dataDir();
  return { read: (name) => fs.readFileSync(path.join(dir, name)) };
}

function dataDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'data', 'charModel.bin'))) return path.join(dir, 'data');
    if (path.dirname(dir) === dir) throw new Error(`zhlens: no data/ folder above ${__dirname}`);
  }
}
