// code-server (VS Code 1.139 for the browser, with a real Node extension host) in a throwaway
// profile: every state dir lives under one temp folder, the server listens on 127.0.0.1 only, and
// the extension gallery points at a closed loopback port so nothing is looked up on the internet.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killGroup, runGroup } from './processGroup.mjs';

/** Port 9 (discard) on loopback: nothing listens there, so gallery requests fail at once. */
const CLOSED_GALLERY = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' });

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.commandCenter': false,
};

/**
 * A fresh profile under `root` (a new temp folder when omitted), with `samples` copied in as
 * the workspace when given. XDG dirs are included because code-server keeps its heartbeat and
 * logs under XDG_DATA_HOME and Chromium its profile under XDG_CONFIG_HOME.
 */
export function makeProfile({ root, samples } = {}) {
  const tmp = root ?? mkdtempSync(join(tmpdir(), 'zhlens-vscode-'));
  const profile = {
    tmp,
    userData: join(tmp, 'user-data'),
    extensions: join(tmp, 'extensions'),
    workspace: join(tmp, 'workspace'),
    config: join(tmp, 'code-server.yaml'),
    xdg: {
      XDG_CONFIG_HOME: join(tmp, 'xdg/config'),
      XDG_DATA_HOME: join(tmp, 'xdg/data'),
      XDG_CACHE_HOME: join(tmp, 'xdg/cache'),
      XDG_STATE_HOME: join(tmp, 'xdg/state'),
    },
  };
  for (const d of [profile.extensions, profile.workspace, ...Object.values(profile.xdg)]) mkdirSync(d, { recursive: true });
  mkdirSync(join(profile.userData, 'User'), { recursive: true });
  writeFileSync(join(profile.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // An empty config file keeps code-server from writing ~/.config/code-server/config.yaml.
  writeFileSync(profile.config, '');
  if (samples) cpSync(samples, profile.workspace, { recursive: true });
  return profile;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves when 127.0.0.1:port can be bound, rejects with a readable message when it is taken. */
export function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', (e) =>
      reject(new Error(e.code === 'EADDRINUSE' ? `port 127.0.0.1:${port} is busy (another server is listening there); choose another PORT` : `cannot bind 127.0.0.1:${port}: ${e.message}`)),
    );
    s.listen(port, '127.0.0.1', () => s.close(() => resolve()));
  });
}

function baseArgs(tools, profile) {
  return [tools.codeServer, '--config', profile.config, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

function serverEnv(profile, extraEnv) {
  return { ...process.env, ...profile.xdg, EXTENSIONS_GALLERY: CLOSED_GALLERY, ...extraEnv };
}

/** `code-server --install-extension <vsix>` into the profile; throws with code-server's output on failure. */
export async function installExtension(tools, profile, vsix, { timeoutMs = 120_000 } = {}) {
  const r = await runGroup(tools.node, [...baseArgs(tools, profile), '--install-extension', vsix], {
    env: serverEnv(profile, {}),
    timeoutMs,
    capture: true,
    quiet: true,
    label: 'code-server --install-extension',
  });
  if (r.code !== 0) throw new Error(`installing ${vsix} failed (exit ${r.code}):\n${r.output.slice(-2000)}`);
  return r.output.trim();
}

function waitHealthy(server, deadline) {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (server.exited) return reject(new Error(`code-server exited during start-up; log:\n${server.logTail()}`));
      const req = get(`http://${server.host}/healthz`, (res) => {
        res.resume();
        resolve();
      });
      req.on('error', () => {
        if (Date.now() > deadline) reject(new Error(`code-server did not answer on ${server.host} within the start-up time; log:\n${server.logTail()}`));
        else setTimeout(attempt, 250);
      });
    };
    attempt();
  });
}

/**
 * Starts code-server on 127.0.0.1:`port` (a free one when omitted) with `profile.workspace`
 * opened. `extraEnv` reaches the extension host (code-server → extension host inherit it).
 * The server leads its own process group; `stopCodeServer` ends the group.
 */
export async function startCodeServer(tools, profile, { port, extraEnv = {}, startupMs = 60_000, verbose = false } = {}) {
  if (port) await checkPortFree(port);
  else port = await freePort();
  const host = `127.0.0.1:${port}`;
  const args = [
    ...baseArgs(tools, profile),
    '--auth', 'none',
    '--bind-addr', host,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    // A built VS Code ignores extensionDevelopmentPath / extensionTestsPath in the URL payload
    // unless the smoke-test driver is enabled.
    '--vscode-option', 'enable-smoke-test-driver',
    profile.workspace,
  ];
  const child = spawn(tools.node, args, { env: serverEnv(profile, extraEnv), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const logFile = join(profile.tmp, 'code-server.log');
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  if (verbose) {
    child.stdout.pipe(process.stdout);
    child.stderr.pipe(process.stderr);
  }
  const server = {
    child,
    host,
    port,
    url: `http://${host}/`,
    logFile,
    exited: false,
    logTail: () => {
      try {
        return readFileSync(logFile, 'utf8').slice(-3000);
      } catch {
        return '(no log)';
      }
    },
  };
  child.on('exit', () => {
    server.exited = true;
  });
  try {
    await waitHealthy(server, Date.now() + startupMs);
  } catch (e) {
    await stopCodeServer(server);
    throw e;
  }
  return server;
}

/** SIGTERM to the server's group, SIGKILL for whatever is left (extension host, pty host). */
export async function stopCodeServer(server) {
  if (!server) return;
  if (!server.exited) {
    killGroup(server.child.pid, 'SIGTERM');
    for (let i = 0; i < 30 && !server.exited; i++) await new Promise((r) => setTimeout(r, 100));
  }
  killGroup(server.child.pid, 'SIGKILL');
}

/** The workbench URL for `folder`; `payload` pairs go into VS Code's `payload` query parameter. */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.url}?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** A path on the code-server machine, as the workbench addresses it. */
export function remoteUri(server, path) {
  return `vscode-remote://${server.host}${path}`;
}
