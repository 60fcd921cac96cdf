// Compiles the TypeScript test files with esbuild so Node's test runner (and the extension
// host, for the in-host suite) can load them:
//   test/unit/**/*.test.ts         -> out/unit/**/*.test.js   (node --test)
//   test/integration/**/*.ts       -> out/integration/**/*.js (mocha inside VS Code)
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

function walk(dir, keep) {
  let out = [];
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(walk(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
};

const only = process.argv[2]; // 'unit' | 'integration' | undefined (both)
const jobs = [];
if (!only || only === 'unit') {
  rmSync('out/unit', { recursive: true, force: true });
  const entries = walk('test/unit', (p) => p.endsWith('.test.ts'));
  if (entries.length) jobs.push(esbuild.build({ ...common, entryPoints: entries, outdir: 'out/unit', outbase: 'test/unit', packages: 'external' }));
}
if (!only || only === 'integration') {
  rmSync('out/integration', { recursive: true, force: true });
  const entries = walk('test/integration', (p) => p.endsWith('.ts'));
  if (entries.length) jobs.push(esbuild.build({ ...common, entryPoints: entries, outdir: 'out/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] }));
}
await Promise.all(jobs);
console.log(`built tests: ${relative('.', 'out')}`);
