// UI test of the garbling feature as a reader meets it: zhlens installed from its VSIX into a
// fresh code-server profile; a clean article opens without a word from zhlens; the Yizhuang
// article opens with the notification "This file looks garbled: 7 misaligned GBK runs, 450
// pinyin annotations"; clicking **Fix all** in it repairs the text in the editor. Screenshots:
// test-results/fix-all-before.png (notification shown) and fix-all-after.png (repaired text).
//
// Started by test/vscode/run.mjs (`node test/vscode/run.mjs ui`), which packages zhlens.vsix and
// sets ZHLENS_VSIX, ZHLENS_SAMPLES, ZHLENS_RESULTS (screenshots) and ZHLENS_TMP.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installExtension } from '../vscode/codeServer.mjs';
import { uiSession } from './uiSession.mjs';

const GARBLED_MESSAGE = 'This file looks garbled: 7 misaligned GBK runs, 450 pinyin annotations';
// The first line of yizhuang-article/garbled.txt, and of repaired.txt: the annotations go.
const GARBLED_START = '協(xié)同發(fā)展';
const REPAIRED_START = '協同發展邁出新步伐';

const session = uiSession('fix-all', 'fix-all-failure.png');
const { screenshotOnFailure, tools, profile, shot } = session;
let page;

const row = (name) => session.explorerRow(name);
const zhlensStatus = () => page.locator('.statusbar-item', { hasText: 'zhlens' });

/**
 * The zhlens notification in the notification centre, which shows it with its buttons for as
 * long as it is not answered (a toast may already have timed out).
 */
async function garbledNotification() {
  const item = page.locator('.notifications-center .notification-list-item', { hasText: GARBLED_MESSAGE });
  if (!(await item.isVisible())) await page.locator('[id="status.notifications"]').click();
  await item.waitFor({ timeout: 10_000 });
  return item;
}

/** Every notification announced so far (screen-reader alerts carry each one as it is shown). */
const announcements = () => page.$$eval('.monaco-aria-container .monaco-alert', (alerts) => alerts.map((a) => a.textContent ?? ''));

test('zhlens installs and the workbench opens the samples', { timeout: 180_000 }, async () => {
  await installExtension(tools, profile, session.vsix);
  page = await session.openWorkbench();
  await screenshotOnFailure(async () => {
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    await row('yizhuang-article').waitFor({ timeout: 60_000 });
  });
});

test('a clean article opens without a notification and with a clean status', { timeout: 90_000 }, async () => {
  await screenshotOnFailure(async () => {
    await row('clean-article').click();
    await row('garbled.txt').first().click();
    await page.locator('.editor-instance .view-lines', { hasText: 'Shell glob' }).waitFor({ timeout: 30_000 });
    // The status item appears once zhlens has analysed the document: a check mark, no count.
    await zhlensStatus().locator('.codicon-check').waitFor({ timeout: 30_000 });
    // The analysis is done; a notification would follow it within moments.
    await page.waitForTimeout(3_000);
    assert.deepEqual((await announcements()).filter((a) => /garbled/i.test(a)), []);
    await row('clean-article').click(); // fold it again so the next rows are where a reader expects
  });
});

test('the Yizhuang article opens with the notification and its buttons', { timeout: 90_000 }, async () => {
  await screenshotOnFailure(async () => {
    await row('yizhuang-article').click();
    await row('garbled.txt').first().click();
    await page.locator('.editor-instance .view-lines', { hasText: GARBLED_START }).waitFor({ timeout: 30_000 });
    // Announced to screen readers the moment it is shown, toast or not.
    await page.waitForFunction((message) => [...document.querySelectorAll('.monaco-aria-container .monaco-alert')].some((a) => a.textContent?.includes(message)), GARBLED_MESSAGE, { timeout: 60_000 });
    const notification = await garbledNotification();
    for (const button of ['Fix all', 'Preview', 'Details', "Don't ask for this file"]) {
      await notification.locator('.monaco-button', { hasText: button }).first().waitFor({ timeout: 5_000 });
    }
    await zhlensStatus().filter({ hasText: '457' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: shot('fix-all-before.png') });
  });
});

test('clicking Fix all in the notification repairs the article in the editor', { timeout: 60_000 }, async () => {
  await screenshotOnFailure(async () => {
    const notification = await garbledNotification();
    await notification.locator('.monaco-button', { hasText: /^Fix all$/ }).click();
    await page.locator('.editor-instance .view-lines', { hasText: REPAIRED_START }).waitFor({ timeout: 30_000 });
    // After the repair the remaining text is clean: the status item shows the check mark again.
    await zhlensStatus().locator('.codicon-check').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: shot('fix-all-after.png') });
  });
});
