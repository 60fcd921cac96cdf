// Builds data/annotate/charClusters.u16, the character classes the organization tagger reads
// (scripts/orgs/clusters.ts says how; provenance in docs/annotate-data.md). The jieba dictionary
// of nodejieba@3.5.8 (MIT) is fetched with `npm pack` into a temporary directory (nodejieba is not
// a dependency); the NER corpora's training splits are read from ZHLENS_NER_DATA (default
// /work/data/ner). The same inputs give the same bytes.
//
//   node scripts/build-char-clusters.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBundled } from './nodeBundle.mjs';

const JIEBA_PACKAGE = 'nodejieba@3.5.8';
const JIEBA_DICT = 'package/submodules/cppjieba/dict/jieba.dict.utf8';

const dir = mkdtempSync(join(tmpdir(), 'zhlens-clusters-'));
try {
  const tgz = execFileSync('npm', ['pack', JIEBA_PACKAGE, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', tgz, JIEBA_DICT], { cwd: dir });
  process.argv.push('--jieba', join(dir, JIEBA_DICT));
  await runBundled('char-clusters', 'scripts/orgs/clusters.ts', ['--max-old-space-size=4000']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
