// `npm run eval:orgs`: bundles scripts/orgs/eval.ts with the core and runs it (options are passed
// on: --errors, --corpus NAME, --split dev). The corpora are read from ZHLENS_NER_DATA (default
// /work/data/ner); docs/annotate-data.md says where each comes from.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Bundled inside the repository (out/), where the core finds data/ as it does from dist/.
const work = join('out', 'eval-orgs');
mkdirSync(work, { recursive: true });
try {
  await esbuild.build({
    entryPoints: ['scripts/orgs/eval.ts'],
    outfile: join(work, 'eval.cjs'),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [join(work, 'eval.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
