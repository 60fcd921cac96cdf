// Child processes with a deadline. Every child is started as the leader of its own process
// group, so that on timeout (or when the caller is interrupted) the whole tree it started
// (npm's node-gyp builds, code-server's extension host and pty host) ends with it.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** Running groups, ended when this process is interrupted. */
const live = new Set();
let interrupted = false;

/** Sends `signal` to the whole process group led by `pid`; a group already gone is fine. */
export function killGroup(pid, signal = 'SIGKILL') {
  try {
    process.kill(-pid, signal);
  } catch (e) {
    if (e.code !== 'ESRCH') throw e;
  }
}

/**
 * Runs `cmd args` in its own process group and resolves with `{ code, timedOut, output }`.
 * On timeout the group gets SIGTERM, then SIGKILL after `graceMs`; after a normal exit the
 * group gets SIGKILL as well, so nothing the command left behind keeps running.
 * `capture: true` collects stdout+stderr (and still echoes them unless `quiet`);
 * `logFile` writes them to a file instead of the terminal.
 */
export function runGroup(cmd, args, { cwd, env, timeoutMs, graceMs = 10_000, capture = false, quiet = false, logFile, label = cmd } = {}) {
  return new Promise((resolve) => {
    const piped = capture || logFile;
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit'] });
    live.add(child.pid);
    let output = '';
    const sink = logFile ? createWriteStream(logFile) : null;
    const onData = (stream) => (chunk) => {
      if (capture) output += chunk.toString();
      if (sink) sink.write(chunk);
      else if (!quiet) stream.write(chunk);
    };
    if (piped) {
      child.stdout.on('data', onData(process.stdout));
      child.stderr.on('data', onData(process.stderr));
    }
    let timedOut = false;
    let killTimer;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          console.error(`${label}: no result after ${Math.round(timeoutMs / 1000)}s, ending its process group`);
          killGroup(child.pid, 'SIGTERM');
          killTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
        }, timeoutMs)
      : undefined;
    const finish = (code) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      killGroup(child.pid, 'SIGKILL');
      live.delete(child.pid);
      if (sink) sink.end();
      if (interrupted && live.size === 0) process.exit(130);
      resolve({ code: timedOut ? 124 : code, timedOut, output });
    };
    child.on('error', (e) => {
      console.error(`${label}: cannot start ${cmd}: ${e.message}`);
      finish(127);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** Ends every running group, then this process: used on Ctrl-C and on SIGTERM from a parent. */
export function endGroupsOnSignals() {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      interrupted = true;
      if (live.size === 0) process.exit(130);
      for (const pid of live) killGroup(pid, 'SIGTERM');
      setTimeout(() => {
        for (const pid of live) killGroup(pid, 'SIGKILL');
        process.exit(130);
      }, 5000);
    });
  }
}
