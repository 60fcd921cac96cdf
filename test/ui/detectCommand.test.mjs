// UI test: zhlens installed from its VSIX into a fresh code-server profile, driven through the
// workbench the way a reader would use it: open the garbled sample from the explorer, run
// "zhlens: Detect Garbled Text" from the command palette (F1), and see zhlens answer.
//
// Started by test/vscode/run.mjs (`node test/vscode/run.mjs ui`), which packages zhlens.vsix and
// sets ZHLENS_VSIX, ZHLENS_SAMPLES, ZHLENS_RESULTS (screenshots) and ZHLENS_TMP.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { installExtension } from '../vscode/codeServer.mjs';
import { uiSession } from './uiSession.mjs';
import { REPO_ROOT } from '../vscode/tools.mjs';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const english = JSON.parse(readFileSync(join(REPO_ROOT, 'package.nls.json'), 'utf8'));
const detect = manifest.contributes.commands.find((c) => c.command === 'zhlens.detect');
const title = detect.title.replace(/^%(.+)%$/, (_, key) => english[key]);
// The palette shows "<category>: <title>".
const DETECT_LABEL = detect.category ? `${detect.category}: ${title}` : title;
// zhlens's answer for the article: what it found, counted. The aria alert puts the severity first
// ("Info: zhlens: ..."); the notification centre does not.
const ZHLENS_MESSAGE = /^\s*(?:Info: )?zhlens: This file looks garbled: 7 misaligned GBK runs, 450 pinyin annotations\./;
// The first line of samples/yizhuang-article/garbled.txt begins with these characters.
const FIRST_CHARS = '協(xié)同';

const session = uiSession('detect-command', 'ui-failure.png');
const { screenshotOnFailure, runCommand, tools, profile, shot } = session;
let page;

test('zhlens.vsix installs into a fresh profile with --install-extension', { timeout: 120_000 }, async () => {
  await installExtension(tools, profile, session.vsix);
  const installed = readdirSync(profile.extensions).filter((d) => d.startsWith(`${manifest.publisher}.${manifest.name}-`));
  assert.deepEqual(installed, [`${manifest.publisher}.${manifest.name}-${manifest.version}`]);
});

test('the workbench opens the samples workspace', { timeout: 120_000 }, async () => {
  page = await session.openWorkbench();
  await screenshotOnFailure(async () => {
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    await session.explorerRow('yizhuang-article').waitFor({ timeout: 60_000 });
  });
});

test('yizhuang-article/garbled.txt opens from the explorer', { timeout: 60_000 }, async () => {
  await screenshotOnFailure(async () => {
    const row = (name) => session.explorerRow(name);
    await row('yizhuang-article').click();
    await row('garbled.txt').click();
    await page.locator('.editor-instance .view-lines', { hasText: FIRST_CHARS }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: shot('ui-file-open.png') });
  });
});

test(`"${DETECT_LABEL}" from the command palette brings a zhlens notification`, { timeout: 90_000 }, async () => {
  await screenshotOnFailure(async () => {
    await page.locator('.editor-instance .view-lines').first().click();
    await runCommand(DETECT_LABEL);
    // A notification is announced to screen readers (an aria alert) as soon as it is shown,
    // whether or not the workbench shows it as a toast.
    const announced = await page.waitForFunction(
      ([source, flags]) => {
        const pattern = new RegExp(source, flags);
        const alerts = [...document.querySelectorAll('.monaco-aria-container .monaco-alert')].map((a) => a.textContent ?? '');
        return alerts.find((text) => pattern.test(text));
      },
      [ZHLENS_MESSAGE.source, ZHLENS_MESSAGE.flags],
      { timeout: 30_000 },
    );
    const message = (await announced.jsonValue()).trim();
    console.log(`notification: ${message}`);
    // Open the notification centre so the message is in the screenshot, and check it is there.
    await page.locator('[id="status.notifications"]').click();
    const item = page.locator('.notifications-center .notification-list-item-message', { hasText: ZHLENS_MESSAGE });
    await item.first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: shot('ui-detect.png') });
  });
});
