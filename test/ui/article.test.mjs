// UI test: the reading features as a reader meets them. zhlens is installed from its VSIX into a
// fresh code-server profile; the Yizhuang article is opened from the explorer, the hover on a
// figure is shown (Show Hover at the cursor) and the zhlens side panel lists the article's
// sections. Screenshots: test-results/hover-figure.png, test-results/article-panel.png.
//
// Started by test/vscode/run.mjs (`node test/vscode/run.mjs ui`), which packages zhlens.vsix and
// sets ZHLENS_VSIX, ZHLENS_SAMPLES, ZHLENS_RESULTS (screenshots) and ZHLENS_TMP.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { launchBrowser } from '../vscode/browser.mjs';
import { installExtension, makeProfile, startCodeServer, stopCodeServer, workbenchUrl } from '../vscode/codeServer.mjs';
import { killGroup } from '../vscode/processGroup.mjs';
import { toolPaths } from '../vscode/tools.mjs';

const { ZHLENS_VSIX, ZHLENS_SAMPLES, ZHLENS_RESULTS, ZHLENS_TMP } = process.env;
assert.ok(ZHLENS_VSIX && ZHLENS_SAMPLES && ZHLENS_RESULTS && ZHLENS_TMP, 'run through `node test/vscode/run.mjs ui`');

const FIGURE = '近1000億元';

const tools = toolPaths();
const profile = makeProfile({ root: join(ZHLENS_TMP, 'article'), samples: ZHLENS_SAMPLES });
const shot = (name) => join(ZHLENS_RESULTS, name);
let server;
let browser;
let page;

after(async () => {
  await browser?.close().catch(() => {});
  await stopCodeServer(server);
});
// code-server leads its own process group: end it if a layer timeout stops this process.
process.once('SIGTERM', () => {
  if (server) killGroup(server.child.pid);
  process.exit(143);
});

async function screenshotOnFailure(step) {
  try {
    await step();
  } catch (e) {
    await page?.screenshot({ path: shot('ui-article-failure.png') }).catch(() => {});
    throw e;
  }
}

async function runCommand(label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

test('the workbench opens the Yizhuang article with zhlens installed', { timeout: 240_000 }, async () => {
  await installExtension(tools, profile, ZHLENS_VSIX);
  server = await startCodeServer(tools, profile);
  ({ browser } = await launchBrowser(tools, profile, server));
  page = await browser.contexts()[0].newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await screenshotOnFailure(async () => {
    await page.goto(workbenchUrl(server, profile.workspace));
    const row = (name) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
    await row('yizhuang-article').waitFor({ timeout: 60_000 });
    await row('yizhuang-article').click();
    await row('repaired.txt').click();
    await page.locator('.editor-instance .view-lines', { hasText: '協同發展邁出新步伐' }).waitFor({ timeout: 30_000 });
  });
});

test(`the hover on ${FIGURE} shows its value and sentence`, { timeout: 90_000 }, async () => {
  await screenshotOnFailure(async () => {
    // With word wrap the figure, far along line 17, is on screen once the editor is at that
    // line; the grammar makes it one token.
    await page.locator('.editor-instance .view-lines').first().click();
    await runCommand('>View: Toggle Word Wrap');
    // Put the cursor inside the figure and ask for the hover from the keyboard, as a reader can:
    // a mouse hover depends on where the wrapped line happens to fall on screen.
    const lines = readFileSync(join(ZHLENS_SAMPLES, 'yizhuang-article', 'repaired.txt'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes(FIGURE));
    await runCommand(`:${line + 1}:${lines[line].indexOf(FIGURE) + 2}`);
    const token = page.locator('.editor-instance .view-lines span span', { hasText: new RegExp(`^${FIGURE}$`) }).first();
    await token.waitFor({ timeout: 15_000 });
    await runCommand('>Show or Focus Hover');
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '100,000,000,000' });
    await hover.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await hover.innerText();
    console.log(`hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
    assert.match(text, /100 billion CNY/);
    assert.ok(text.includes('總投資近1000億元'), 'the hover quotes the sentence');
    await page.screenshot({ path: shot('hover-figure.png') });
    await page.keyboard.press('Escape');
  });
});

test('the zhlens side panel lists the sections, and a section its figures and organizations', { timeout: 90_000 }, async () => {
  await screenshotOnFailure(async () => {
    await page.locator('.activitybar .action-item a[aria-label^="zhlens"]').click();
    const tree = page.locator('.pane-body .monaco-list').last();
    const rowOf = (text) => page.locator('.monaco-list-row', { hasText: text });
    await rowOf('協同發展邁出新步伐').first().waitFor({ timeout: 30_000 });
    for (const heading of ['三地產業協同成效明顯', '三地推出179項', '52個重大產業項目落地臺馬片區', '版權聲明']) {
      await rowOf(heading).first().waitFor({ timeout: 10_000 });
    }
    // Open the third section: its figures (近1000億元) and organizations are under it.
    await rowOf('52個重大產業項目落地臺馬片區').first().locator('.monaco-tl-twistie').click();
    await rowOf(FIGURE).first().waitFor({ timeout: 10_000 });
    await rowOf('北京經濟技術開發區科技創新局').first().waitFor({ timeout: 10_000 });
    assert.ok(await tree.isVisible());
    await page.screenshot({ path: shot('article-panel.png') });
  });
});
