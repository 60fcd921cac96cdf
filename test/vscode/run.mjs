// The two layers that need a real VS Code, each bounded in time and isolated:
//   in-host: the mocha suite in test/integration/ runs inside code-server's extension host;
//   ui:      Playwright tests in test/ui/ drive the workbench with zhlens installed from its VSIX.
// Both return { passed, failed } test counts; a layer that breaks before counting reports one failure.
//
//   node test/vscode/run.mjs in-host|ui        runs one layer by hand (after `npm run build`)
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIsolated } from './isolation.mjs';
import { endGroupsOnSignals, runGroup } from './processGroup.mjs';
import { ensureTools, REPO_ROOT, ToolsError } from './tools.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SAMPLES = join(REPO_ROOT, 'samples');
const RESULTS_DIR = join(REPO_ROOT, 'test-results');

const seconds = (name, fallback) => Number(process.env[name] || fallback) * 1000;

function broken(layer, message) {
  console.error(`${layer}: ${message}`);
  return { passed: 0, failed: 1 };
}

/** Counts from the closing summary of Node's spec reporter (`ℹ pass 3`, `ℹ fail 0`); the last one wins. */
export function nodeTestCounts(output) {
  const count = (word) => Number([...output.matchAll(new RegExp(`^\\S* ?${word} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? NaN);
  return { passed: count('pass'), failed: count('fail') };
}

export async function runInHostLayer() {
  const layer = 'in-host';
  try {
    await ensureTools();
  } catch (e) {
    return broken(layer, e instanceof ToolsError ? e.message : e.stack);
  }
  const build = await runGroup(process.execPath, ['scripts/build-tests.mjs', 'integration'], { cwd: REPO_ROOT, timeoutMs: 120_000, label: 'build-tests' });
  if (build.code !== 0) return broken(layer, 'building test/integration failed');
  const run = await runIsolated(
    [join(HERE, 'extensionHostTests.mjs'), REPO_ROOT, join(REPO_ROOT, 'out/integration/index.js'), SAMPLES],
    // The layer's own deadline (ZHLENS_INHOST_TIMEOUT_S) comes first; this one is the backstop.
    { label: layer, timeoutMs: seconds('ZHLENS_INHOST_TIMEOUT_S', 180) + 90_000 },
  );
  if (!run.result) return broken(layer, run.code === 124 ? 'timed out (see the message above)' : `ended with exit ${run.code} before the suite reported`);
  const { passed, failed } = run.result;
  if (run.code !== 0 && failed === 0) return broken(layer, `exit ${run.code} although no test failed`);
  return { passed, failed };
}

export async function runUiLayer() {
  const layer = 'ui';
  try {
    await ensureTools();
  } catch (e) {
    return broken(layer, e instanceof ToolsError ? e.message : e.stack);
  }
  // Packaging is part of what this layer checks: the VSIX built here is the one installed.
  const pack = await runGroup('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, timeoutMs: 180_000, capture: true, quiet: true, label: 'npm run package' });
  if (pack.code !== 0) return broken(layer, `npm run package failed:\n${pack.output.slice(-3000)}`);
  // Screenshots from an earlier run (ui-failure.png above all) must not pass for this run's.
  // Only the screenshots go: test-results/ also holds fuzz and bench output that may be in use.
  mkdirSync(RESULTS_DIR, { recursive: true });
  for (const f of readdirSync(RESULTS_DIR)) if (f.endsWith('.png')) rmSync(join(RESULTS_DIR, f), { force: true });
  const files = readdirSync(join(REPO_ROOT, 'test/ui'))
    .filter((f) => f.endsWith('.test.mjs'))
    .map((f) => join(REPO_ROOT, 'test/ui', f));
  const run = await runIsolated(['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
    label: layer,
    // Each file starts its own code-server and browser (five files, ≈ 1–2 min each on a loaded
    // 2-core machine); every test has its own, shorter, timeout.
    timeoutMs: seconds('ZHLENS_UI_TIMEOUT_S', 600),
    capture: true,
    env: { ZHLENS_VSIX: join(REPO_ROOT, 'zhlens.vsix'), ZHLENS_SAMPLES: SAMPLES, ZHLENS_RESULTS: RESULTS_DIR },
  });
  const counts = nodeTestCounts(run.output);
  if (Number.isNaN(counts.passed) || Number.isNaN(counts.failed)) return broken(layer, run.timedOut ? 'timed out' : `ended with exit ${run.code} before the tests reported`);
  if (run.code !== 0 && counts.failed === 0) return broken(layer, `exit ${run.code} although no test failed`);
  return counts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  endGroupsOnSignals();
  const layers = { 'in-host': runInHostLayer, ui: runUiLayer };
  const which = process.argv[2];
  if (!layers[which]) {
    console.error('usage: node test/vscode/run.mjs in-host|ui');
    process.exit(2);
  }
  const { passed, failed } = await layers[which]();
  console.log(`${which}: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
