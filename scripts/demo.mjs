// `npm run demo`: from a fresh clone to zhlens running on the sample articles.
//   1. installs node_modules when missing (npm ci), builds;
//   2. with a `code` command on PATH: opens samples/ in desktop VS Code with zhlens loaded from
//      this folder (--extensionDevelopmentPath);
//   3. otherwise: fills the tools cache (.vscode-test/, see test/vscode/tools.mjs), packages
//      zhlens.vsix, installs it into a throwaway code-server profile, serves VS Code on
//      http://127.0.0.1:$PORT (a free port when PORT is unset) with samples/ open, and runs until
//      Ctrl-C, then removes the profile.
// Either way VS Code opens on the garbled sample article, with a clean sample beside it and the
// zhlens Article view open (ZHLENS_DEMO_OPEN, read by src/extension/walkthrough/walkthrough.ts): the
// notification, the diagnostics, the highlights and the side panel are all on screen at once.
// Only Node built-ins are used before `npm ci` has run (test/vscode/ uses built-ins only).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension, makeProfile, startCodeServer, stopCodeServer, workbenchUrl } from '../test/vscode/codeServer.mjs';
import { ensureTools, REPO_ROOT, ToolsError } from '../test/vscode/tools.mjs';
import { DEMO_ENV } from './demoSetup.mjs';

const SAMPLES = join(REPO_ROOT, 'samples');

function run(cmd, args, env = {}) {
  console.log(`demo: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: 'inherit', timeout: 15 * 60_000, env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`demo: ${cmd} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

if (!existsSync(join(REPO_ROOT, 'node_modules'))) run('npm', ['ci', '--no-audit', '--no-fund']);

if (onPath('code') && process.env.ZHLENS_DEMO_CODE_SERVER !== '1') {
  run('npm', ['run', 'build']);
  run('code', ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, SAMPLES], DEMO_ENV);
  console.log('demo: VS Code opened samples/ with zhlens loaded from this folder');
  process.exit(0);
}

let tools;
try {
  tools = await ensureTools();
} catch (e) {
  console.error(e instanceof ToolsError ? `demo: ${e.message}` : e);
  process.exit(1);
}
run('npm', ['run', '--silent', 'package']);

const profile = makeProfile();
let server;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await stopCodeServer(server);
  rmSync(profile.tmp, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  await installExtension(tools, profile, join(REPO_ROOT, 'zhlens.vsix'));
  server = await startCodeServer(tools, { ...profile, workspace: SAMPLES }, { port: Number(process.env.PORT) || undefined, extraEnv: DEMO_ENV });
} catch (e) {
  console.error(`demo: ${e.message}`);
  await shutdown(1);
}
server.child.on('exit', () => {
  if (!stopping) {
    console.error(`demo: code-server stopped unexpectedly; log:\n${server.logTail()}`);
    void shutdown(1);
  }
});
console.log(`\nzhlens is running in VS Code (code-server) with samples/ open:\n\n  ${workbenchUrl(server, SAMPLES)}\n`);
console.log('Open that address in a browser. Ctrl-C stops the server and removes its temporary profile.');
