// `npm run eval:orgs`: bundles scripts/orgs/eval.ts with the core and runs it (options are passed
// on: --errors, --corpus NAME, --split dev). The corpora are read from ZHLENS_NER_DATA (default
// /work/data/ner); docs/annotate-data.md says where each comes from.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'zhlens-eval-orgs-'));
try {
  await esbuild.build({
    entryPoints: ['scripts/orgs/eval.ts'],
    outfile: join(work, 'eval.cjs'),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
    loader: { '.txt': 'text', '.bin': 'binary' },
  });
  const run = spawnSync(process.execPath, [join(work, 'eval.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
