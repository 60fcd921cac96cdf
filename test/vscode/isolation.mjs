// Runs one test layer (a Node script that starts code-server and Chromium) inside private
// network and PID namespaces when the system allows it:
//   - network: only loopback exists, so neither VS Code nor the extension can reach the internet;
//   - PID: when the layer ends (or is killed on timeout) the kernel ends every process it
//     started, Chromium and the extension host included.
// Without `unshare` (or without the privilege for it) the layer runs as a plain process group.
// The layer's temp folder is created and removed here, outside the namespaces, so it is cleaned
// up even when the layer is killed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGroup } from './processGroup.mjs';

const UNSHARE = ['unshare', '--net', '--pid', '--fork', '--kill-child'];
// In a new network namespace even loopback starts down.
const LOOPBACK_UP = 'ip link set lo up && exec "$0" "$@"';

let cachedPrefix;

/** The command prefix that isolates a layer, or [] when namespaces are unavailable or ZHLENS_NO_NETNS=1. */
export function isolationPrefix() {
  if (cachedPrefix) return cachedPrefix;
  cachedPrefix = [];
  if (process.env.ZHLENS_NO_NETNS === '1') return cachedPrefix;
  const probe = spawnSync(UNSHARE[0], [...UNSHARE.slice(1), 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore', timeout: 10_000 });
  if (probe.status === 0) cachedPrefix = [...UNSHARE, '--', 'sh', '-c', LOOPBACK_UP];
  return cachedPrefix;
}

/**
 * Runs `node ...nodeArgs` isolated, with a deadline. The layer gets its own temp folder as
 * $ZHLENS_TMP and reports its counts by writing $ZHLENS_TMP/result.json; that object (or null)
 * comes back as `result`.
 */
export async function runIsolated(nodeArgs, { label, timeoutMs, env = {}, capture = false }) {
  const tmp = mkdtempSync(join(tmpdir(), 'zhlens-vscode-'));
  const prefix = isolationPrefix();
  if (prefix.length === 0) console.log(`${label}: no private network namespace (unshare unavailable or ZHLENS_NO_NETNS=1); running without one`);
  const [cmd, ...cmdArgs] = [...prefix, process.execPath, ...nodeArgs];
  const resultFile = join(tmp, 'result.json');
  try {
    const run = await runGroup(cmd, cmdArgs, { label, timeoutMs, capture, env: { ...process.env, ...env, ZHLENS_TMP: tmp } });
    const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : null;
    return { ...run, result };
  } finally {
    if (process.env.ZHLENS_KEEP_TMP === '1') console.log(`${label}: kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}
