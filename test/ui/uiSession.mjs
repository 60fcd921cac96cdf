// What every Playwright file needs around its tests: the paths run.mjs hands over (checked once),
// a fresh code-server profile, the browser and code-server ended when the file is done — also
// when a layer timeout stops the process with SIGTERM before `after` runs (code-server leads its
// own process group, so the group is ended) — a screenshot when a step fails, and the command
// palette. `session` holds the live server, browser and page as the tests set them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after } from 'node:test';
import { launchBrowser } from '../vscode/browser.mjs';
import { makeProfile, startCodeServer, stopCodeServer, workbenchUrl } from '../vscode/codeServer.mjs';
import { killGroup } from '../vscode/processGroup.mjs';
import { toolPaths } from '../vscode/tools.mjs';

/** `profileName`: the profile's folder under ZHLENS_TMP; `failureShot`: the screenshot a failing step saves. */
export function uiSession(profileName, failureShot) {
  const { ZHLENS_VSIX, ZHLENS_SAMPLES, ZHLENS_RESULTS, ZHLENS_TMP } = process.env;
  assert.ok(ZHLENS_VSIX && ZHLENS_SAMPLES && ZHLENS_RESULTS && ZHLENS_TMP, 'run through `node test/vscode/run.mjs ui`');
  const session = {
    server: undefined,
    browser: undefined,
    page: undefined,
    vsix: ZHLENS_VSIX,
    tools: toolPaths(),
    profile: makeProfile({ root: join(ZHLENS_TMP, profileName), samples: ZHLENS_SAMPLES }),
    /** Where a screenshot named `name` goes (test-results/). */
    shot: (name) => join(ZHLENS_RESULTS, name),
  };
  after(async () => {
    await session.browser?.close().catch(() => {});
    await stopCodeServer(session.server);
  });
  process.once('SIGTERM', () => {
    if (session.server) killGroup(session.server.child.pid);
    process.exit(143);
  });
  session.screenshotOnFailure = async (step) => {
    try {
      await step();
    } catch (e) {
      await session.page?.screenshot({ path: session.shot(failureShot) }).catch(() => {});
      throw e;
    }
  };
  /** Runs the command titled `label` from the command palette (F1), as a user would. */
  session.runCommand = async (label) => {
    const { page } = session;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${label}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
  };
  /**
   * Starts code-server on the profile (`serverOptions` as startCodeServer takes them), opens the
   * browser on the samples workspace and returns its page; page errors go to the log.
   */
  session.openWorkbench = async (serverOptions) => {
    session.server = await startCodeServer(session.tools, session.profile, serverOptions);
    ({ browser: session.browser } = await launchBrowser(session.tools, session.profile, session.server));
    const page = (session.page = await session.browser.contexts()[0].newPage());
    page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
    await session.screenshotOnFailure(() => page.goto(workbenchUrl(session.server, session.profile.workspace)));
    return page;
  };
  /** The Explorer's first row named `name`. */
  session.explorerRow = (name) =>
    session.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  /** Opens `file` of the samples folder `folder` from the Explorer, as a reader would, and waits for `words` in the editor. */
  session.openSample = async (folder, file, words) => {
    const row = session.explorerRow;
    await row(folder).waitFor({ timeout: 60_000 });
    await row(folder).click();
    await row(file).click();
    await session.page.locator('.editor-instance .view-lines', { hasText: words }).waitFor({ timeout: 30_000 });
  };
  return session;
}
