// Runs the in-host mocha suite inside code-server's extension host (one test layer; started by
// run.mjs through isolation.mjs).
//
//   node test/vscode/extensionHostTests.mjs <extensionDevelopmentPath> <testsEntry.js> <workspaceSource>
//
// The workbench opens a temp copy of <workspaceSource> with a URL payload naming the extension
// and the tests entry; the extension host require()s the entry and calls its run(). When run()
// settles the workbench calls window.codeAutomationExit(code), which Playwright exposes to us.
// The suite writes its counts to $ZHLENS_TEST_RESULT_FILE; this script copies them to
// $ZHLENS_TMP/result.json. Exit code: 0 all passed, 1 failures or errors, 124 timeout.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { forwardConsole, launchBrowser } from './browser.mjs';
import { makeProfile, remoteUri, startCodeServer, stopCodeServer, workbenchUrl } from './codeServer.mjs';
import { toolPaths } from './tools.mjs';

const [extensionPath, testsEntry, workspaceSource] = process.argv.slice(2).map((p) => p && resolve(p));
const timeoutMs = Number(process.env.ZHLENS_INHOST_TIMEOUT_S || 180) * 1000;
const verbose = process.env.ZHLENS_VERBOSE === '1';

// Lines worth showing without ZHLENS_VERBOSE: mocha's spec reporter and failures.
const MOCHA_LINE = /passing|failing|pending|✔|✓|^\s*\d+\) |AssertionError|^\s{2,}\S/;

async function main() {
  if (!extensionPath || !testsEntry || !workspaceSource) throw new Error('usage: extensionHostTests.mjs <extensionPath> <testsEntry.js> <workspaceSource>');
  if (!existsSync(testsEntry)) throw new Error(`tests entry not found (build the tests first): ${testsEntry}`);
  const tools = toolPaths();
  // Under run.mjs the temp folder belongs to the caller (isolation.mjs removes it).
  const ownsTmp = !process.env.ZHLENS_TMP;
  const profile = makeProfile({ root: process.env.ZHLENS_TMP, samples: workspaceSource });
  const suiteResult = join(profile.tmp, 'mocha-result.json');
  let server;
  let browser;
  let exitCode = 1;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await stopCodeServer(server);
  };
  process.once('SIGTERM', () => void stop().finally(() => process.exit(124)));
  try {
    server = await startCodeServer(tools, profile, { extraEnv: { ZHLENS_TEST_RESULT_FILE: suiteResult }, verbose });
    ({ browser } = await launchBrowser(tools, profile, server));
    const page = await browser.contexts()[0].newPage();
    forwardConsole(page, { filter: (text) => verbose || MOCHA_LINE.test(text) });
    const exited = new Promise((done) => void page.exposeFunction('codeAutomationExit', (code) => done(Number(code))));
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, extensionPath)],
      ['extensionTestsPath', remoteUri(server, testsEntry)],
    ];
    await page.goto(workbenchUrl(server, profile.workspace, payload));
    let timer;
    const timedOut = new Promise((done) => (timer = setTimeout(() => done('timeout'), timeoutMs)));
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      console.error(`in-host tests: no result from the extension host after ${timeoutMs / 1000}s (a test or activation hangs); ending code-server`);
      exitCode = 124;
    } else {
      exitCode = outcome === 0 ? 0 : 1;
    }
    const counts = existsSync(suiteResult) ? JSON.parse(readFileSync(suiteResult, 'utf8')) : null;
    if (!counts && exitCode === 0) {
      console.error('in-host tests: the suite reported no counts');
      exitCode = 1;
    }
    if (counts) writeFileSync(join(profile.tmp, 'result.json'), JSON.stringify(counts));
  } finally {
    await stop();
    if (exitCode !== 0 && server) console.error(`--- code-server log (tail) ---\n${server.logTail()}`);
    if (ownsTmp) rmSync(profile.tmp, { recursive: true, force: true });
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`in-host tests: ${e.message}`);
    process.exit(1);
  },
);
