// `npm test`: every check the project has, in order, each bounded in time:
//   install (npm ci, only when node_modules is missing) → typecheck → build → unit tests (node:test)
//   → in-host tests (mocha inside code-server's extension host) → UI tests (Playwright).
// Ends with one line `summary: N passed, N failed` (test counts over all layers; a step that
// fails without running tests, such as the typecheck, counts as one failure) and a non-zero exit
// when anything failed.
//
// Env: ZHLENS_SKIP_INHOST=1, ZHLENS_SKIP_UI=1 skip those layers; see test/vscode/ for the rest.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nodeTestCounts, runInHostLayer, runUiLayer } from '../test/vscode/run.mjs';
import { endGroupsOnSignals, runGroup } from '../test/vscode/processGroup.mjs';
import { REPO_ROOT } from '../test/vscode/tools.mjs';

endGroupsOnSignals();
const MINUTE = 60_000;
const totals = { passed: 0, failed: 0 };
const report = [];

function record(name, { passed, failed }, started, note = '') {
  totals.passed += passed;
  totals.failed += failed;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const line = `${name}: ${failed ? 'FAIL' : 'ok'} (${passed} passed, ${failed} failed, ${seconds}s)${note ? ` ${note}` : ''}`;
  report.push(line);
  console.log(`\n=== ${line}\n`);
}

function recordStep(name, ok, started) {
  if (!ok) totals.failed += 1;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const line = `${name}: ${ok ? 'ok' : 'FAIL (counts as 1 failed)'} (${seconds}s)`;
  report.push(line);
  console.log(`\n=== ${line}\n`);
}

/** A step that is not a test suite: success adds nothing to the counts, failure counts as one. */
async function step(name, cmd, args, timeoutMs) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = await runGroup(cmd, args, { cwd: REPO_ROOT, timeoutMs, label: name });
  recordStep(name, r.code === 0, started);
  return r.code === 0;
}

function hasUnitTests(dir = join(REPO_ROOT, 'test/unit')) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
}

async function unitTests() {
  const started = Date.now();
  if (!hasUnitTests()) return record('unit', { passed: 0, failed: 0 }, started, '(no test/unit/**/*.test.ts)');
  console.log('\n=== unit: npm run test:unit');
  const r = await runGroup('npm', ['run', 'test:unit'], { cwd: REPO_ROOT, timeoutMs: 10 * MINUTE, capture: true, label: 'unit' });
  const counts = nodeTestCounts(r.output);
  if (Number.isNaN(counts.passed) || Number.isNaN(counts.failed)) return record('unit', { passed: 0, failed: 1 }, started, `(exit ${r.code}, no test summary)`);
  if (r.code !== 0 && counts.failed === 0) counts.failed = 1;
  record('unit', counts, started);
}

async function layer(name, skipVar, run, buildOk) {
  const started = Date.now();
  if (process.env[skipVar] === '1') return record(name, { passed: 0, failed: 0 }, started, `(skipped: ${skipVar}=1)`);
  if (!buildOk) return record(name, { passed: 0, failed: 0 }, started, '(not run: the build failed)');
  console.log(`\n=== ${name}`);
  record(name, await run(), started);
}

const t0 = Date.now();
if (!existsSync(join(REPO_ROOT, 'node_modules')) && !(await step('install', 'npm', ['ci', '--no-audit', '--no-fund'], 15 * MINUTE))) {
  console.log('summary: 0 passed, 1 failed');
  process.exit(1);
}
await step('typecheck', 'npx', ['tsc', '-p', '.'], 5 * MINUTE);
const buildOk = await step('build', 'npm', ['run', 'build'], 5 * MINUTE);
await unitTests();
await layer('in-host', 'ZHLENS_SKIP_INHOST', runInHostLayer, buildOk);
await layer('ui', 'ZHLENS_SKIP_UI', runUiLayer, buildOk);

console.log(`\n${report.join('\n')}\ntotal time: ${((Date.now() - t0) / 1000).toFixed(0)}s`);
console.log(`summary: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
