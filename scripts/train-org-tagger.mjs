// Trains the organization tagger: bundles scripts/orgs/train.ts with the core and runs it
// (options are passed on; see that file). Reads the corpora's training splits from
// ZHLENS_NER_DATA (default /work/data/ner) and writes data/annotate/orgTagger.bin. Takes a few minutes;
// run it under `nice` on a shared machine.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Bundled inside the repository (out/), where the core finds data/ as it does from dist/.
const work = join('out', 'train-orgs');
mkdirSync(work, { recursive: true });
try {
  await esbuild.build({
    entryPoints: ['scripts/orgs/train.ts'],
    outfile: join(work, 'train.cjs'),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, ['--max-old-space-size=6000', join(work, 'train.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
