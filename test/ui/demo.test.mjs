// UI test of the first five minutes: VS Code started the way `npm run demo` starts it
// (ZHLENS_DEMO_OPEN from scripts/demoSetup.mjs) shows the product at once: the garbled sample
// article with the zhlens notification and its diagnostics, figures highlighted, the Article
// view on that article, and a clean text beside it. Then the
// Getting Started walkthrough opens from the command palette with its six steps, and its first
// button opens the garbled sample; its notes step opens the Notes view. Screenshots: test-results/demo.png, walkthrough.png.
//
// Started by test/vscode/run.mjs (`node test/vscode/run.mjs ui`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_ENV } from '../../scripts/demoSetup.mjs';
import { installExtension } from '../vscode/codeServer.mjs';
import { uiSession } from './uiSession.mjs';

const GARBLED_MESSAGE = 'This file looks garbled: 7 misaligned GBK runs, 450 pinyin annotations';
const GARBLED_START = '協(xié)同發(fā)展';

const session = uiSession('demo', 'demo-failure.png');
const { screenshotOnFailure, runCommand, tools, profile, shot } = session;
let page;

test('started as `npm run demo` starts it, VS Code shows the garbled article, its notification, the highlights and the Article view', { timeout: 240_000 }, async () => {
  await installExtension(tools, profile, session.vsix);
  page = await session.openWorkbench({ extraEnv: DEMO_ENV });
  await screenshotOnFailure(async () => {
    // The garbled article in the first group, with the focus, and the clean text in the second.
    await page.locator('.editor-instance .view-lines', { hasText: GARBLED_START }).first().waitFor({ timeout: 90_000 });
    await page.locator('.editor-instance .view-lines', { hasText: 'Shell glob' }).first().waitFor({ timeout: 30_000 });
    await page.waitForFunction((message) => [...document.querySelectorAll('.monaco-aria-container .monaco-alert')].some((a) => a.textContent?.includes(message)), GARBLED_MESSAGE, { timeout: 60_000 });
    // Diagnostics: the squiggles of the garbled spans are drawn in the editor.
    await page.locator('.editor-instance .squiggly-warning, .editor-instance .squiggly-info, .editor-instance .squiggly-error').first().waitFor({ timeout: 30_000 });
    // The Article view is open on the garbled article: its sections, its end matter, its repeated mentions.
    for (const row of ['End matter', 'Repeated mentions']) await page.locator('.pane-body .monaco-list-row', { hasText: row }).first().waitFor({ timeout: 30_000 });
    // The notification with its buttons, from the notification centre if its toast has gone.
    const notification = page.locator('.notifications-center .notification-list-item', { hasText: GARBLED_MESSAGE });
    if (!(await notification.isVisible())) await page.locator('[id="status.notifications"]').click();
    await notification.locator('.monaco-button', { hasText: /^Fix all$/ }).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: shot('demo.png') });
    await page.keyboard.press('Escape');
  });
});

test('the Getting Started walkthrough opens with its six steps, and its first button opens the garbled sample', { timeout: 120_000 }, async () => {
  await screenshotOnFailure(async () => {
    // One editor group, so that the walkthrough has the room to show each step's page beside it.
    await runCommand('View: Close All Editor Groups');
    await runCommand('Welcome: Open Walkthrough...');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with zhlens' }).first();
    await pick.waitFor({ timeout: 15_000 });
    await pick.click();
    const steps = page.locator('.gettingStartedContainer .getting-started-step');
    await steps.first().waitFor({ timeout: 30_000 });
    const titles = await steps.locator('.step-title').allInnerTexts();
    assert.deepEqual(titles.map((t) => t.trim()), [
      'Detect garbled Chinese', 'Preview the repair', 'Fix it in one undoable edit', 'Read the figures', 'See the article’s structure', 'Keep notes as you read',
    ]);
    await page.screenshot({ path: shot('walkthrough.png') });
    await page.locator('.gettingStartedContainer .getting-started-step.expanded a, .gettingStartedContainer .getting-started-step.expanded .monaco-button', { hasText: 'Open the garbled sample' }).first().click();
    await page.locator('.editor-instance .view-lines', { hasText: GARBLED_START }).first().waitFor({ timeout: 30_000 });
  });
});

test('the walkthrough\'s notes step opens the Notes view, and says notes need a saved article', { timeout: 120_000 }, async () => {
  await screenshotOnFailure(async () => {
    // The untitled sample stays open (closing it would ask to save it); the walkthrough opens again.
    await runCommand('Welcome: Open Walkthrough...');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with zhlens' }).first();
    await pick.waitFor({ timeout: 15_000 });
    await pick.click();
    await page.locator('.gettingStartedContainer .getting-started-step .step-title', { hasText: 'Keep notes as you read' }).first().click();
    await page.locator('.gettingStartedContainer .getting-started-step.expanded a, .gettingStartedContainer .getting-started-step.expanded .monaco-button', { hasText: 'Open the Notes view' }).first().click();
    // The Notes view is open (it starts collapsed under the Article view) with its welcome text.
    const header = page.locator('.pane-header[aria-expanded="true"]', { hasText: /^Notes/ }).first();
    await header.waitFor({ timeout: 30_000 });
    await page.locator('.pane-body', { hasText: 'No highlights or notes in this article yet' }).first().waitFor({ timeout: 15_000 });
    // No saved article is on screen: zhlens says where notes are kept.
    await page.waitForFunction((message) => [...document.querySelectorAll('.monaco-aria-container .monaco-alert, .notification-list-item')].some((a) => a.textContent?.includes(message)), 'zhlens keeps notes beside saved articles', { timeout: 30_000 });
  });
});
