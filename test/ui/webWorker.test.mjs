// UI test of zhlens in the browser's extension host: a copy of zhlens with the `browser` entry and
// no `main` (test/ui/webOnlyVsix.mjs) is installed into a fresh code-server profile. VS Code runs
// such an extension only in its web worker extension host, the one vscode.dev and github.dev have,
// with no Node, no file system but `workspace.fs`. The reader opens the Yizhuang article and sees
// what the desktop shows: the notification with its counts, the warnings under the text and the
// zhlens status item; **Fix all** repairs the article, and **Convert to Simplified Chinese**
// (OpenCC's tables, bundled for the browser) turns it into simplified.txt's text. In the repaired version the reader
// highlights 180.7億元 as a Question, and the notes file beside the article (written through
// `workspace.fs`, the only file system there) holds it. A GB18030 file opened as UTF-8 is judged
// on its bytes (read through `workspace.fs`) and **Reopen as GB18030** shows its Chinese. Screenshots: test-results/web-before.png
// and web-after.png.
//
// Started by test/vscode/run.mjs (`node test/vscode/run.mjs ui`), after `npm run package` built
// dist/web/extension.js.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { installExtension } from '../vscode/codeServer.mjs';
import { uiSession } from './uiSession.mjs';
import { packageWebOnly } from './webOnlyVsix.mjs';

const GARBLED_MESSAGE = 'This file looks garbled: 7 misaligned GBK runs, 450 pinyin annotations';
// The first line of yizhuang-article/garbled.txt, and of repaired.txt: the annotations go.
const GARBLED_START = '協(xié)同發(fā)展';
const REPAIRED_START = '協同發展邁出新步伐';

// The first line of yizhuang-article/simplified.txt.
const SIMPLIFIED_START = '协同发展迈出新步伐';
const HIGHLIGHT_ON = '180.7億元';
const WRONG_ENCODING = 'This file is in GB18030 but was opened as UTF-8';
// samples/gb18030-file/expected.txt: 论语 学而篇, which garbled.txt holds in GB18030.
const GB18030_TEXT = '子曰：“学而时习之';

const session = uiSession('web-worker', 'web-failure.png');
const { screenshotOnFailure, runCommand, tools, profile, shot } = session;
const notesFile = join(profile.workspace, 'yizhuang-article', '.zhlens', 'repaired.txt.annotations.json');
let page;

const row = (name) => session.explorerRow(name);
const zhlensStatus = () => page.locator('.statusbar-item', { hasText: 'zhlens' });
const warningSquiggles = () => page.locator('.editor-instance .squiggly-warning');

test('a copy of zhlens with only the browser entry installs', { timeout: 180_000 }, async () => {
  const { vsix, manifest } = await packageWebOnly(join(profile.tmp, 'web-vsix'));
  await installExtension(tools, profile, vsix);
  const [dir] = readdirSync(profile.extensions).filter((d) => d.startsWith(`${manifest.publisher}.${manifest.name}-`));
  assert.ok(dir, 'the extension folder is in the profile');
  const installed = JSON.parse(readFileSync(join(profile.extensions, dir, 'package.json'), 'utf8'));
  assert.equal(installed.main, undefined);
  assert.equal(installed.browser, './dist/web/extension.js');
  assert.ok(existsSync(join(profile.extensions, dir, 'dist/web/extension.js')));
  assert.ok(!existsSync(join(profile.extensions, dir, 'dist/extension.js')), 'no Node bundle to fall back on');
});

test('the workbench opens the samples', { timeout: 180_000 }, async () => {
  page = await session.openWorkbench();
  await screenshotOnFailure(async () => {
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    await row('yizhuang-article').waitFor({ timeout: 60_000 });
  });
});

test('the Yizhuang article opens with the notification, the warnings and the status', { timeout: 120_000 }, async () => {
  await screenshotOnFailure(async () => {
    await row('yizhuang-article').click();
    await row('garbled.txt').first().click();
    await page.locator('.editor-instance .view-lines', { hasText: GARBLED_START }).waitFor({ timeout: 30_000 });
    await page.waitForFunction((message) => [...document.querySelectorAll('.monaco-aria-container .monaco-alert')].some((a) => a.textContent?.includes(message)), GARBLED_MESSAGE, { timeout: 90_000 });
    await zhlensStatus().filter({ hasText: '457' }).waitFor({ timeout: 10_000 });
    await warningSquiggles().first().waitFor({ timeout: 10_000 });
    await page.locator('[id="status.notifications"]').click();
    const notification = page.locator('.notifications-center .notification-list-item', { hasText: GARBLED_MESSAGE });
    await notification.waitFor({ timeout: 10_000 });
    for (const button of ['Fix all', 'Preview', 'Details']) await notification.locator('.monaco-button', { hasText: button }).first().waitFor({ timeout: 5_000 });
    await page.screenshot({ path: shot('web-before.png') });
  });
});

test('Fix all in the notification repairs the article in the editor', { timeout: 60_000 }, async () => {
  await screenshotOnFailure(async () => {
    const notification = page.locator('.notifications-center .notification-list-item', { hasText: GARBLED_MESSAGE });
    if (!(await notification.isVisible())) await page.locator('[id="status.notifications"]').click();
    await notification.locator('.monaco-button', { hasText: /^Fix all$/ }).click();
    await page.locator('.editor-instance .view-lines', { hasText: REPAIRED_START }).waitFor({ timeout: 30_000 });
    await zhlensStatus().locator('.codicon-check').waitFor({ timeout: 30_000 });
    await warningSquiggles().first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.screenshot({ path: shot('web-after.png') });
  });
});

test('Convert to Simplified Chinese turns the repaired article into Simplified Chinese', { timeout: 60_000 }, async () => {
  await screenshotOnFailure(async () => {
    await page.locator('.editor-instance .view-lines').first().click(); // a cursor, no selection: the whole document
    await runCommand('zhlens: Convert to Simplified Chinese');
    await page.locator('.editor-instance .view-lines', { hasText: SIMPLIFIED_START }).waitFor({ timeout: 30_000 });
  });
});

test(`in the repaired article, ${HIGHLIGHT_ON} highlighted as a Question lands in the notes file`, { timeout: 120_000 }, async () => {
  await screenshotOnFailure(async () => {
    await row('repaired.txt').first().click();
    await page.locator('.editor-instance .view-lines', { hasText: REPAIRED_START }).waitFor({ timeout: 30_000 });
    // Select the words with the find widget, as a reader would.
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+F');
    const find = page.locator('.find-widget textarea, .find-widget input').first();
    await find.waitFor({ state: 'visible', timeout: 10_000 });
    await find.fill(HIGHLIGHT_ON);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await runCommand('zhlens: Highlight…');
    const question = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Question' }).first();
    await question.waitFor({ timeout: 15_000 });
    await question.click();
    const deadline = Date.now() + 20_000;
    let stored;
    while (!stored && Date.now() < deadline) {
      if (existsSync(notesFile)) stored = JSON.parse(readFileSync(notesFile, 'utf8')).first.items.find((a) => a.motivation === 'highlighting');
      if (!stored) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(stored, `the notes file holds the highlight: ${existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '(no file)'}`);
    assert.equal(stored.target.selector[0].exact, HIGHLIGHT_ON);
    assert.equal(stored.body.find((b) => b.purpose === 'classifying').value, 'question');
  });
});

test('a GB18030 file opened as UTF-8: the notification, and Reopen as GB18030 shows its Chinese', { timeout: 120_000 }, async () => {
  await screenshotOnFailure(async () => {
    await row('yizhuang-article').click(); // fold it, so that the one garbled.txt row is the GB18030 file's
    await row('gb18030-file').click();
    await row('garbled.txt').first().click();
    await page.locator('.tab.active', { hasText: 'garbled.txt' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction((message) => [...document.querySelectorAll('.monaco-aria-container .monaco-alert')].some((a) => a.textContent?.includes(message)), WRONG_ENCODING, { timeout: 60_000 });
    const notification = page.locator('.notifications-center .notification-list-item', { hasText: WRONG_ENCODING });
    if (!(await notification.isVisible())) await page.locator('[id="status.notifications"]').click();
    await notification.locator('.monaco-button', { hasText: /^Reopen as GB18030$/ }).click();
    await page.locator('.editor-instance .view-lines', { hasText: GB18030_TEXT }).waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: /^GB ?18030$/ }).first().waitFor({ timeout: 10_000 });
  });
});
