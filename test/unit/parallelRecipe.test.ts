/**
 * The GNU parallel recipe of docs/corpus.md, run as written there with this machine as the one
 * login (`--sshlogin 2/:`): `parallel --pipe` cuts the corpus into blocks at line ends, runs one
 * `zhlens repair --jsonl --jobs 1` per block, and `--keep-order` writes the outputs in input
 * order. The corpus it gives back must be, byte for byte, what one `zhlens repair --jsonl` process
 * writes for the same input, and the per-block reports merged with `zhlens report` must count what
 * one run counts.
 *
 * Skipped, saying so, where GNU parallel is not installed (.ci/run installs Debian's `parallel`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { CLI, ensureCliBuilt } from './cliBuild';
import { corpusText, sampleCorpus } from './streamCorpus';

const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).stdout?.startsWith('GNU parallel') === true;
const skip = hasParallel ? false : 'GNU parallel is not installed (apt-get install parallel): the GNU parallel recipe is not tested';

let tmp: string;
let env: NodeJS.ProcessEnv;

before(() => {
  if (skip) return;
  ensureCliBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-parallel-'));
  // `zhlens` on PATH, as the recipe calls it.
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'zhlens'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`, { mode: 0o755 });
  // HOME in the temporary folder: parallel keeps its state (and the citation notice's mark) there.
  env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, HOME: tmp };
  fs.mkdirSync(path.join(tmp, '.parallel'));
  fs.writeFileSync(path.join(tmp, '.parallel', 'will-cite'), '');
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function sh(script: string, input?: string) {
  const r = spawnSync('/bin/sh', ['-c', script], { cwd: tmp, env, input, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 240_000 });
  assert.equal(r.status, 0, `${script}\n${r.stderr}`);
  return r;
}

test('GNU parallel --pipe --keep-order gives back every document, ids intact, text as the single-process CLI writes it', { skip, timeout: 300_000 }, () => {
  const docs = sampleCorpus(160);
  const corpus = corpusText(docs);
  fs.writeFileSync(path.join(tmp, 'crawl.jsonl'), corpus);

  // docs/corpus.md's recipe, with blocks small enough to cut this corpus into many jobs.
  sh(
    `parallel --pipe --block 16k --keep-order --sshlogin 2/: --return 'r{#}.json' --cleanup ` +
      `'zhlens repair --jsonl --jobs 1 --source-field source --report r{#}.json' < crawl.jsonl > repaired.jsonl`,
  );
  const single = sh('zhlens repair --jsonl --jobs 1 --source-field source --report single.report.json', corpus);

  const reports = fs.readdirSync(tmp).filter((f) => /^r\d+\.json$/.test(f));
  assert.ok(reports.length >= 4, `${reports.length} blocks: the corpus was not cut into several jobs`);

  const repaired = fs.readFileSync(path.join(tmp, 'repaired.jsonl'), 'utf8');
  const lines = repaired.split('\n').slice(0, -1);
  assert.equal(lines.length, docs.length);
  lines.forEach((line, i) => assert.ok(line.startsWith(docs[i].line.slice(0, docs[i].line.indexOf(',"url"'))), `line ${i + 1} keeps its id`));
  assert.ok(lines.some((line, i) => line !== docs[i].line && JSON.parse(line).zhlens.changed), 'some documents were repaired');
  assert.equal(repaired, single.stdout, 'the output of the parallel jobs equals the single-process output');

  // The reports of the blocks, merged in block order, count what the single run counts.
  const order = reports.sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)));
  const merged = JSON.parse(sh(`zhlens report --json ${order.join(' ')}`).stdout);
  const whole = JSON.parse(fs.readFileSync(path.join(tmp, 'single.report.json'), 'utf8'));
  for (const key of ['documents', 'errors', 'bytes', 'garbled', 'changed', 'lossy', 'kinds', 'misreadings', 'fields', 'sources', 'changedDocuments']) {
    assert.deepEqual(merged[key], whole[key], key);
  }
});
