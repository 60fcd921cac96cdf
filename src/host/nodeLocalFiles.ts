import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LocalFiles } from '../extension/localFiles';
import { replaceInPlace, writeFileAtomic } from '../files/replaceFile';

/**
 * The editor's local-disk host on Node (the desktop extension host, code-server's Node host):
 * rewrites through src/files/replaceFile.ts, as `zhlens repair` does. The browser build has no
 * such host; see src/extension/localFiles.ts.
 */
export const nodeLocalFiles: LocalFiles = {
  async readSnapshot(file, limit) {
    const stat = await fs.promises.stat(file, { bigint: true });
    if (stat.size > BigInt(limit)) return 'too-large';
    return { path: file, stat, content: await fs.promises.readFile(file) };
  },
  replace(snapshot, bytes, backupPath) {
    replaceInPlace(snapshot, bytes, { backupPath });
  },
  async readText(file) {
    try {
      return await fs.promises.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
  async writeText(file, text) {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    writeFileAtomic(file, new TextEncoder().encode(text));
  },
  async remove(file) {
    await fs.promises.rm(file, { force: true });
  },
  async removeFolderIfEmpty(folder) {
    // rmdir refuses a folder that is not empty.
    await fs.promises.rmdir(folder).catch(() => undefined);
  },
};
