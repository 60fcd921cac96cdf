// `npm run bench`: speed and memory of zhlens against anchors measured in the same run.
//   1. typechecks and bundles bench/ (with src/core and test/garblers) into out/bench/;
//   2. unless --no-editor: `npm run package` (the VSIX size; it also leaves the production
//      bundle in dist/), then a few cold starts of VS Code (code-server, offline, through the
//      runner of test/vscode/) with bench/editor/ as the tests entry: activation, and the time
//      from opening the Yizhuang article to the notification and the diagnostics;
//   3. with --no-editor, the production build (`npm run build:production`): the cold first verdict
//      loads the dist/core.js the extension ships;
//   4. runs out/bench/run.js, which times the core and the anchors and prints the one table.
// Options: --sizes 20k,200k,1m,10m (default), --ops analyzeText,keystroke (only these and the anchors),
// --workloads "latin1 file,clean" (only these workloads), --no-cold, --cold-only (the cold first verdict alone, with
// its steps), --cold-node PATH (its runtime: e.g. the editor's newer Node), --cold-runs 7, --no-memory, --max-seconds 30, --no-editor,
// --steps (after each analyzeText row, its time step by step: the pre-scan, each detector), --editor-runs 3, --no-stream, --stream-only, --stream-docs 4000, --stream-repeats 3, --stream-jobs N, --stream-corpus FILE
// (the streaming mode, bench/stream.ts); `--only stream` runs the streaming mode's row alone (no
// editor, no production build: the development build of dist/cli.js, made first). ftfy is an anchor: `pip install ftfy` first (or Debian's python3-ftfy where
// the release has it); without it its rows are skipped with a note.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runIsolated } from '../test/vscode/isolation.mjs';
import { ensureTools, REPO_ROOT } from '../test/vscode/tools.mjs';

const argv = process.argv.slice(2);
const onlyStream = argv.includes('--only') && argv[argv.indexOf('--only') + 1] === 'stream';
const args = onlyStream
  ? [...argv.filter((a, i) => a !== '--only' && argv[i - 1] !== '--only'), '--no-editor', '--no-cold', '--stream-only']
  : argv;
if (argv.includes('--only') && !onlyStream) {
  process.stderr.write('--only takes one value: stream\n');
  process.exit(2);
}
const option = (flag, fallback) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : fallback);
const OUT = join(REPO_ROOT, 'out/bench');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };

if (onlyStream && spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', cwd: REPO_ROOT }).status !== 0) process.exit(1);
const typecheck = spawnSync('npx', ['tsc', '-p', 'bench'], { stdio: 'inherit', cwd: REPO_ROOT });
if (typecheck.status !== 0) process.exit(1);
mkdirSync(OUT, { recursive: true });
await esbuild.build({ ...common, entryPoints: ['bench/run.ts', 'bench/memoryProbe.ts'], outdir: OUT, packages: 'external' });
// The editor's loader of the core through its code cache, for the cold first verdict of a later session.
await esbuild.build({ ...common, entryPoints: ['src/extension/coreCodeCache.ts'], outfile: join(OUT, 'coreCodeCache.js') });

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function editorFigures() {
  const notes = [];
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (pack.status !== 0) return { notes: [`npm run package failed: ${(pack.stderr || pack.stdout).trim().split('\n').at(-1)}`] };
  const vsixBytes = statSync(join(REPO_ROOT, 'zhlens.vsix')).size;
  await ensureTools();
  await esbuild.build({ ...common, entryPoints: ['bench/editor/index.ts'], outfile: join(OUT, 'editor/index.js'), external: ['vscode'] });
  const runs = [];
  const count = Number(option('--editor-runs', 3));
  for (let i = 0; i < count; i++) {
    process.stderr.write(`VS Code cold start ${i + 1}/${count} …\n`);
    const run = await runIsolated(
      [join(REPO_ROOT, 'test/vscode/extensionHostTests.mjs'), REPO_ROOT, join(OUT, 'editor/index.js'), join(REPO_ROOT, 'samples')],
      { label: 'bench editor', timeoutMs: 240_000, capture: true },
    );
    if (run.result?.figures) runs.push(run.result.figures);
    else notes.push(`VS Code run ${i + 1} gave no figures (exit ${run.code}${run.result?.error ? `: ${run.result.error}` : ''})`);
  }
  for (const r of runs) notes.push(...r.notes);
  const figures = runs.map(({ notes: _, ...r }) => r);
  return { ...medians(figures), runs: runs.length, perRun: figures, vsixBytes, notes: [...new Set(notes)] };
}

/** The median of every number across the runs' figures, nested objects (stages, warm) alike. */
function medians(figures) {
  const out = {};
  for (const key of new Set(figures.flatMap((f) => Object.keys(f)))) {
    const values = figures.map((f) => f[key]).filter((v) => v !== undefined);
    if (values.some((v) => typeof v === 'number')) out[key] = median(values);
    else if (values.length && values.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) out[key] = medians(values);
  }
  return out;
}

const passOn = args.filter((a, i) => a !== '--no-editor' && a !== '--editor-runs' && args[i - 1] !== '--editor-runs');
if (!args.includes('--no-editor')) {
  const editorFile = join(OUT, 'editor.json');
  writeFileSync(editorFile, JSON.stringify(await editorFigures()));
  passOn.push('--editor', editorFile);
} else if (!args.includes('--no-cold')) {
  const build = spawnSync('node', ['scripts/build.mjs', '--production'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) process.stderr.write(`production build failed: ${build.stderr.trim().split('\n').at(-1)}\n`);
}
const run = spawnSync(process.execPath, [join(OUT, 'run.js'), ...passOn], { stdio: 'inherit', cwd: REPO_ROOT });
process.exit(run.status ?? 1);
