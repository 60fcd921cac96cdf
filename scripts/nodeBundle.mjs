// How the evaluation and training scripts run the project's TypeScript: bundled by esbuild for
// Node, as the extension's own bundles are, and loaded in this process or run in a child one.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * Bundles `entry` (a file, or `{ exports }`: source re-exporting from src/, resolved from the
 * repository) into `outfile` and returns the loaded module.
 */
export async function requireBundle(outfile, entry) {
  const file = resolve(outfile);
  mkdirSync(dirname(file), { recursive: true });
  await esbuild.build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.exports, resolveDir: process.cwd(), loader: 'ts' } }),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: file, logLevel: 'warning',
  });
  return createRequire(import.meta.url)(file);
}

/**
 * Bundles `entry` inside the repository (out/NAME, where the core finds data/ as it does from
 * dist/), runs it with this script's arguments after `nodeArgs`, sets the exit code from it and
 * removes the bundle.
 */
export async function runBundled(name, entry, nodeArgs = []) {
  const work = join('out', name);
  mkdirSync(work, { recursive: true });
  try {
    const outfile = join(work, `${name}.cjs`);
    await esbuild.build({
      entryPoints: [entry],
      outfile,
      bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
    });
    const run = spawnSync(process.execPath, [...nodeArgs, outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exitCode = run.status ?? 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
