// What every Playwright file needs around its tests: the browser and code-server ended when the
// file is done — also when a layer timeout stops the process with SIGTERM before `after` runs
// (code-server leads its own process group, so the group is ended) — and a screenshot when a
// step fails. `session` holds the live server, browser and page as the tests set them.
import { after } from 'node:test';
import { stopCodeServer } from '../vscode/codeServer.mjs';
import { killGroup } from '../vscode/processGroup.mjs';

export function uiSession(failureScreenshot) {
  const session = { server: undefined, browser: undefined, page: undefined };
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
      await session.page?.screenshot({ path: failureScreenshot }).catch(() => {});
      throw e;
    }
  };
  return session;
}
