// UI test: the reading features as a reader meets them. zhlens is installed from its VSIX into a
// fresh code-server profile; the Yizhuang article is opened from the explorer, a
// figure stands out as one token, its hover gives its value, and the zhlens side panel shows the
// article's head, sections and end matter, and groups its repeated mentions. Screenshots:
// test-results/article-highlights.png, article-hover.png, article-panel.png, article-mentions.png.
//
// Started by test/vscode/run.mjs (`node test/vscode/run.mjs ui`), which packages zhlens.vsix and
// sets ZHLENS_VSIX, ZHLENS_SAMPLES, ZHLENS_RESULTS (screenshots) and ZHLENS_TMP.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installExtension } from '../vscode/codeServer.mjs';
import { uiSession } from './uiSession.mjs';

const FIGURE = '近1000億元';

const session = uiSession('article', 'ui-article-failure.png');
const { screenshotOnFailure, runCommand, tools, profile, shot } = session;
let page;


test('the workbench opens the Yizhuang article with zhlens installed', { timeout: 240_000 }, async () => {
  await installExtension(tools, profile, session.vsix);
  page = await session.openWorkbench();
  await screenshotOnFailure(async () => {
    await session.openSample('yizhuang-article', 'repaired.txt', '協同發展邁出新步伐');
  });
});

// The hover's content (value, reading, sentence) is asserted in the in-host suite through
// vscode.executeHoverProvider (test/integration/article.test.ts); here the reader's view: the figure
// stands out in the editor as one token of the injection grammar, and the screenshot shows the
// highlights.
test(`${FIGURE} stands out in the editor as one figure token`, { timeout: 90_000 }, async () => {
  await screenshotOnFailure(async () => {
    await page.locator('.editor-instance .view-lines').first().click();
    await runCommand('View: Toggle Word Wrap');
    const token = page.locator('.editor-instance .view-lines span span', { hasText: new RegExp(`^${FIGURE}$`) }).first();
    await page.keyboard.press('Control+F');
    const find = page.locator('.find-widget textarea, .find-widget input').first();
    await find.waitFor({ state: 'visible', timeout: 10_000 });
    await find.fill(FIGURE);
    await page.keyboard.press('Enter');
    await token.waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    // The figure is a token of its own, styled apart from the plain text at the start of its line.
    const tokenClass = await token.getAttribute('class');
    const lineStartClass = await token.locator('xpath=ancestor::div[contains(@class, "view-line")][1]//span/span').first().getAttribute('class');
    assert.ok(tokenClass && lineStartClass, 'the figure and its line have token classes');
    assert.notEqual(tokenClass, lineStartClass, `the figure is styled as ${tokenClass}, the line's text as ${lineStartClass}`);
    await page.screenshot({ path: shot('article-highlights.png') });
  });
});

// What a reader gets on pointing at the figure: the hover with its value in full and in words.
// The cursor is put inside the figure and VS Code's own Show Hover command (Ctrl+K Ctrl+I) asked
// for it, which is what the pointer does, without depending on where the page lays the text out.
test(`the hover on ${FIGURE} shows its value and reading`, { timeout: 90_000 }, async () => {
  await screenshotOnFailure(async () => {
    // The find above left the figure selected; Left puts the cursor at its start, Right inside it.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '100,000,000,000' }).first();
    // Asked again if the first request came before the hover could be computed (the palette may
    // close before the editor has its focus back); the reader would point again too.
    for (let attempt = 1; ; attempt++) {
      await runCommand('Show or Focus Hover');
      try {
        await hover.waitFor({ state: 'visible', timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
    const text = await hover.innerText();
    assert.match(text, /100 billion CNY/);
    assert.match(text, /nearly/);
    await page.screenshot({ path: shot('article-hover.png') });
    await page.keyboard.press('Escape');
  });
});

test('the zhlens side panel: the head, the sections with their figures and organizations, the end matter apart', { timeout: 90_000 }, async () => {
  await screenshotOnFailure(async () => {
    await page.locator('.activitybar .action-item a[aria-label^="zhlens"]').click();
    const tree = page.locator('.pane-body .monaco-list').last();
    const rowOf = (text) => page.locator('.monaco-list-row', { hasText: text });
    // The head: the title, with the source, place, date and reporter of the dateline.
    const head = rowOf('協同發展邁出新步伐').first();
    await head.waitFor({ timeout: 30_000 });
    assert.match(await head.innerText(), /人民網 · 北京 · 2月25日 · 孟竹/);
    for (const heading of ['三地產業協同成效明顯', '三地推出179項', '52個重大產業項目落地臺馬片區', 'End matter', '版權聲明']) {
      await rowOf(heading).first().waitFor({ timeout: 10_000 });
    }
    // Open the third section: its figures (近1000億元) and organizations are under it.
    await rowOf('52個重大產業項目落地臺馬片區').first().locator('.monaco-tl-twistie').click();
    await rowOf(FIGURE).first().waitFor({ timeout: 10_000 });
    await rowOf('北京經濟技術開發區科技創新局').first().waitFor({ timeout: 10_000 });
    // Listed under the section: one level deeper in the tree.
    const level = async (text) => Number(await tree.locator('.monaco-list-row', { hasText: text }).first().getAttribute('aria-level'));
    const sectionLevel = await level('52個重大產業項目落地臺馬片區');
    assert.equal(await level(FIGURE), sectionLevel + 1);
    assert.equal(await level('北京經濟技術開發區科技創新局'), sectionLevel + 1);
    await page.screenshot({ path: shot('article-panel.png') });
  });
});

test('the side panel groups repeated mentions with their count: 52個 ×3, 北京經濟技術開發區 under its short names', { timeout: 90_000 }, async () => {
  await screenshotOnFailure(async () => {
    const rowOf = (text) => page.locator('.monaco-list-row', { hasText: text });
    // Fold the open section so that the groups at the end of the tree come into view.
    await rowOf('52個重大產業項目落地臺馬片區').first().locator('.monaco-tl-twistie').click();
    const mentions = rowOf('Repeated mentions').first();
    await mentions.scrollIntoViewIfNeeded();
    await mentions.waitFor({ timeout: 10_000 });
    const zone = page.locator('.monaco-list-row', { hasText: /^北京經濟技術開發區.*×\d+/ }).first();
    await zone.scrollIntoViewIfNeeded();
    assert.match(await zone.innerText(), /×\d+ · zone · .*北京亦莊/);
    const group = page.locator('.monaco-list-row', { hasText: /^52個\s*×3 · count/ }).first();
    await group.scrollIntoViewIfNeeded();
    await group.waitFor({ timeout: 10_000 });
    // Its mentions, one row each; a click on the second selects it in the editor.
    await group.locator('.monaco-tl-twistie').click();
    const second = page.locator('.monaco-list-row', { hasText: /^52個\s*2 of 3 · line \d+/ }).first();
    await second.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: shot('article-mentions.png') });
    await second.click();
    await page.locator('.editor-instance .selected-text').first().waitFor({ timeout: 10_000 });
  });
});
