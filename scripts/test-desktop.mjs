// `npm run test:desktop`: the in-host suite (test/integration/) in desktop VS Code through
// @vscode/test-electron, for machines with internet access (it downloads VS Code into
// .vscode-test/desktop/) or with a local VS Code named by VSCODE_EXECUTABLE_PATH. Offline,
// `npm test` runs the same suite in code-server.
//
// Env: VSCODE_EXECUTABLE_PATH (skip the download), ZHLENS_VSCODE_VERSION (default "stable").
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, toolsDir } from '../test/vscode/tools.mjs';

function runStep(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: 'inherit', timeout: 5 * 60_000 });
  if (r.status !== 0) {
    console.error(`test:desktop: ${cmd} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

const executable = process.env.VSCODE_EXECUTABLE_PATH;
if (executable && !existsSync(executable)) {
  console.error(`test:desktop: VSCODE_EXECUTABLE_PATH does not exist: ${executable}`);
  process.exit(1);
}

runStep('npm', ['run', 'build']);
runStep(process.execPath, ['scripts/build-tests.mjs', 'integration']);

const tmp = mkdtempSync(join(tmpdir(), 'zhlens-desktop-'));
const workspace = join(tmp, 'workspace');
cpSync(join(REPO_ROOT, 'samples'), workspace, { recursive: true });
const resultFile = join(tmp, 'result.json');
let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath: executable,
    version: process.env.ZHLENS_VSCODE_VERSION || 'stable',
    cachePath: join(toolsDir(), 'desktop'),
    // An idle timeout: without a network the download gives up after this instead of waiting.
    timeout: 15_000,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: join(REPO_ROOT, 'out/integration/index.js'),
    extensionTestsEnv: { ZHLENS_TEST_RESULT_FILE: resultFile },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(tmp, 'user-data')}`],
  });
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  if (executable) console.error(`test:desktop: VS Code at ${executable} failed: ${message}`);
  else {
    console.error(
      `test:desktop: could not get desktop VS Code (${message}).\n` +
        'This command downloads VS Code and needs internet access. Offline, run `npm test` (the same suite in code-server),\n' +
        'or point VSCODE_EXECUTABLE_PATH at an installed VS Code binary.',
    );
  }
  exitCode = 1;
} finally {
  if (existsSync(resultFile)) {
    const { passed, failed } = JSON.parse(readFileSync(resultFile, 'utf8'));
    console.log(`desktop: ${passed} passed, ${failed} failed`);
  }
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode === 0 ? 0 : 1);
