// UI test: a reader's note and highlight made the way a reader makes them. zhlens is installed
// from its VSIX into a fresh code-server profile; in the Yizhuang article the reader selects
// 近1000億元, runs "Add Note…" from the command palette, writes the note in the comment box and
// presses Add Note; then selects 180.7億元 and highlights it as a Question. The thread shows the
// note, the Notes view lists both, and the notes file beside the article holds them as W3C
// annotations. Screenshot: test-results/notes.png.
//
// Started by test/vscode/run.mjs (`node test/vscode/run.mjs ui`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { installExtension } from '../vscode/codeServer.mjs';
import { uiSession } from './uiSession.mjs';

const NOTE_ON = '近1000億元';
const HIGHLIGHT_ON = '180.7億元';
const NOTE = '投資額很大 #金額';

const session = uiSession('notes', 'ui-notes-failure.png');
const { screenshotOnFailure, runCommand, tools, profile, shot } = session;
const notesFile = join(profile.workspace, 'yizhuang-article', '.zhlens', 'repaired.txt.annotations.json');
let page;

/** Selects the first occurrence of `words` in the editor with the find widget, as a reader would. */
async function select(words) {
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+F');
  const find = page.locator('.find-widget textarea, .find-widget input').first();
  await find.waitFor({ state: 'visible', timeout: 10_000 });
  await find.fill(words);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/** The notes file, once it holds an annotation for which `accept` is true. */
async function storedWhere(accept) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (existsSync(notesFile)) {
      const items = JSON.parse(readFileSync(notesFile, 'utf8')).first.items;
      const found = items.find(accept);
      if (found) return found;
    }
    if (Date.now() > deadline) assert.fail(`the notes file has no such annotation: ${existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '(no file)'}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('the workbench opens the Yizhuang article with zhlens installed', { timeout: 240_000 }, async () => {
  await installExtension(tools, profile, session.vsix);
  page = await session.openWorkbench();
  await screenshotOnFailure(async () => {
    await session.openSample('yizhuang-article', 'repaired.txt', '協同發展邁出新步伐');
    // zhlens is active and has looked at the article once its status item shows.
    await page.locator('.statusbar-item', { hasText: 'zhlens' }).first().waitFor({ timeout: 60_000 });
  });
});

test(`a note written in the comment box on ${NOTE_ON}`, { timeout: 120_000 }, async () => {
  await screenshotOnFailure(async () => {
    await select(NOTE_ON);
    await runCommand('zhlens: Add Note…');
    // The comment widget opens under the line with its reply box focused.
    const form = page.locator('.review-widget .comment-form').first();
    await form.waitFor({ state: 'visible', timeout: 20_000 });
    await form.click();
    await page.keyboard.type(NOTE);
    await page.locator('.review-widget .monaco-button', { hasText: /^Add Note$/ }).first().click();
    // The saved note shows in the thread, rendered from Markdown, its tag beside the author.
    await page.locator('.review-widget .comment-body', { hasText: '投資額很大' }).first().waitFor({ timeout: 20_000 });
    const stored = await storedWhere((a) => a.motivation === 'commenting');
    assert.equal(stored.target.selector[0].exact, NOTE_ON);
    assert.deepEqual(stored.body.filter((b) => b.purpose === 'tagging').map((b) => b.value), ['金額']);
  });
});

test('the note edited in its thread: pencil, new text, Save Note', { timeout: 90_000 }, async () => {
  await screenshotOnFailure(async () => {
    await page.locator('.review-widget .action-label[aria-label="Edit Note"]').first().click();
    const editing = page.locator('.review-widget .edit-container').first();
    await editing.waitFor({ state: 'visible', timeout: 15_000 });
    await editing.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('投資額近千億 #金額 #待查');
    await page.locator('.review-widget .monaco-button', { hasText: /^Save Note$/ }).first().click();
    await page.locator('.review-widget .comment-body', { hasText: '投資額近千億' }).first().waitFor({ timeout: 20_000 });
    const stored = await storedWhere((a) => a.motivation === 'commenting' && a.body.some((b) => b.value.includes('近千億')));
    assert.deepEqual(stored.body.filter((b) => b.purpose === 'tagging').map((b) => b.value), ['金額', '待查']);
  });
});

test(`${HIGHLIGHT_ON} highlighted as a Question, and the Notes view lists both`, { timeout: 120_000 }, async () => {
  await screenshotOnFailure(async () => {
    await select(HIGHLIGHT_ON);
    await runCommand('zhlens: Highlight…');
    const question = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Question' }).first();
    await question.waitFor({ timeout: 15_000 });
    await question.click();
    const stored = await storedWhere((a) => a.motivation === 'highlighting');
    assert.equal(stored.target.selector[0].exact, HIGHLIGHT_ON);
    assert.equal(stored.body.find((b) => b.purpose === 'classifying').value, 'question');
    await page.locator('.activitybar .action-item a[aria-label^="zhlens"]').click();
    // The Notes view starts collapsed under the Article view: the reader opens it.
    const header = page.locator('.pane-header', { hasText: /^Notes/ }).first();
    await header.waitFor({ timeout: 15_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const rowOf = (text) => page.locator('.monaco-list-row', { hasText: text });
    await rowOf(`“${NOTE_ON}”`).first().waitFor({ timeout: 30_000 });
    await rowOf(`“${HIGHLIGHT_ON}”`).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: shot('notes.png') });
  });
});
