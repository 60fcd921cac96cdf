/**
 * recipes/dask/zhlens_dask.py on a real Dask distributed cluster on 127.0.0.1: a scheduler and
 * two worker processes (Debian's python3-distributed), talking over TCP as on a cluster of
 * machines. The job reads a JSON Lines corpus cut into many partitions, runs `zhlens repair
 * --jsonl` on each on whichever worker the scheduler picks, and writes the parts and the merged
 * report; the corpus it gives back must be, byte for byte, what one `zhlens repair --jsonl`
 * process writes for the same input.
 *
 * Skipped, saying so, where python3-distributed is not installed (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { corpusText, sampleCorpus } from './streamCorpus';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const RECIPE = path.join(ROOT, 'recipes', 'dask', 'zhlens_dask.py');

/** A Python that has dask and distributed: Debian's, which a pyenv or venv python3 on PATH may hide. */
function findPython(): string | undefined {
  const candidates = [process.env.ZHLENS_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  return candidates.find((p) => spawnSync(p, ['-c', 'import dask.bag, distributed'], { stdio: 'ignore' }).status === 0);
}

const python = findPython();
const skip = python ? false : 'python3-distributed is not installed (apt-get install python3-dask python3-distributed): the Dask recipe is not tested';

let tmp: string;
const cluster: ChildProcess[] = [];

/** A cluster process in its own process group, so that ending it also ends the workers its nanny started. */
function start(args: string[], log: string): ChildProcess {
  const out = fs.openSync(path.join(tmp, log), 'w');
  const child = spawn(python!, args, { cwd: tmp, detached: true, stdio: ['ignore', out, out] });
  cluster.push(child);
  return child;
}

async function waitFor(what: string, ready: () => boolean, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (!ready()) {
    if (Date.now() > until) assert.fail(`${what} not ready after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  if (skip) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-dask-'));
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  const schedulerFile = path.join(tmp, 'scheduler.json');
  start(['-m', 'distributed.cli.dask_scheduler', '--host', '127.0.0.1', '--port', '0', '--no-dashboard', '--scheduler-file', schedulerFile], 'scheduler.log');
  await waitFor('the scheduler', () => fs.existsSync(schedulerFile), 60);
  const worker = ['-m', 'distributed.cli.dask_worker', '--scheduler-file', schedulerFile, '--nthreads', '1', '--host', '127.0.0.1', '--no-dashboard'];
  start([...worker, '--name', 'w1'], 'worker1.log');
  start([...worker, '--name', 'w2'], 'worker2.log');
});

after(() => {
  for (const child of cluster) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('a local Dask cluster gives back every document, ids intact, text as the single-process CLI writes it', { skip, timeout: 300_000 }, () => {
  const docs = sampleCorpus(120);
  const input = path.join(tmp, 'crawl');
  fs.mkdirSync(input);
  // Three input files, each cut into several partitions at line ends.
  const files = [docs.slice(0, 50), docs.slice(50, 90), docs.slice(90)];
  files.forEach((part, i) => fs.writeFileSync(path.join(input, `crawl-${i}.jsonl`), corpusText(part)));
  const output = path.join(tmp, 'repaired');

  const job = spawnSync(
    python!,
    [RECIPE, '--scheduler-file', path.join(tmp, 'scheduler.json'), '--min-workers', '2', '--blocksize', '8KiB', '--source-field', 'source', '--zhlens', `${process.execPath} ${CLI}`, path.join(input, '*.jsonl'), output],
    { cwd: tmp, encoding: 'utf8', timeout: 240_000 },
  );
  assert.equal(job.status, 0, `${job.stderr}\n${job.stdout}`);

  const single = spawnSync(process.execPath, [CLI, 'repair', '--jsonl', '--jobs', '1', '--source-field', 'source', '--report', path.join(tmp, 'single.report.json')], {
    input: corpusText(docs),
    maxBuffer: 1 << 26,
  });
  assert.equal(single.status, 0, single.stderr.toString());

  const manifest = JSON.parse(fs.readFileSync(path.join(output, 'manifest.json'), 'utf8'));
  const parts = fs.readdirSync(output).filter((f) => /^part-\d{5}\.jsonl$/.test(f)).sort();
  assert.equal(parts.length, manifest.partitions.length);
  assert.ok(parts.length >= 6, `${parts.length} partitions`);
  assert.ok(manifest.workers.length >= 2, `the partitions ran on ${manifest.workers.length} worker(s)`);

  // Every document back, in order, each line byte for byte the single-process CLI's: ids as written, text, findings.
  const distributed = Buffer.concat(parts.map((f) => fs.readFileSync(path.join(output, f))));
  const lines = distributed.toString('utf8').split('\n').slice(0, -1);
  assert.equal(lines.length, docs.length);
  lines.forEach((line, i) => assert.ok(line.startsWith(docs[i].line.slice(0, docs[i].line.indexOf(',"url"'))), `line ${i + 1} keeps its id`));
  assert.ok(distributed.equals(single.stdout), 'the distributed corpus equals the single-process output');

  // The merged report counts what the single run counts (examples' line numbers are each partition's own).
  const merged = JSON.parse(fs.readFileSync(path.join(output, 'report.json'), 'utf8'));
  const whole = JSON.parse(fs.readFileSync(path.join(tmp, 'single.report.json'), 'utf8'));
  for (const key of ['documents', 'errors', 'bytes', 'garbled', 'changed', 'lossy', 'kinds', 'misreadings', 'fields', 'sources', 'changedDocuments']) {
    assert.deepEqual(merged[key], whole[key], key);
  }
  assert.match(job.stdout, /^120 documents/);
  assert.match(job.stdout, /By kind:/);
});
