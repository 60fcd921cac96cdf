/**
 * The findings a document's entries are kept for after an edit (src/extension/garble/keptFindings.ts):
 * the diagnostics keep the entry of every finding that comes back, as the reader saw it, and make
 * the others. Text: the Yizhuang article (misaligned GBK runs, pinyin annotations), three times,
 * analysed window by window with the document's window cache as the editor does.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeTextInWindows, createWindowCache, type GarbleIssue } from '../../src/core';
import { keptFindings, sameShown } from '../../src/extension/garble/keptFindings';

const garbled = fs.readFileSync(path.resolve(__dirname, '..', '..', 'samples', 'yizhuang-article', 'garbled.txt'), 'utf8');
const WINDOWED = { regionUnits: 1500, context: 200 };

/** What the reader sees of a finding: its entry's text and where it is. */
const shown = (i: GarbleIssue) => `${i.kind} ${i.start}-${i.end} ${i.replacement ?? '(flagged)'} ${i.lossy ?? ''} ${i.plan.join(' → ')}`;

test('after an edit, the findings before it are kept where they were, those after it moved by the edit, the rest made', () => {
  const text = [garbled, garbled.replace(/。/g, '。 '), garbled.replace(/,/g, ', ')].join('\n');
  const cache = createWindowCache();
  const before = analyzeTextInWindows(text, {}, { ...WINDOWED, cache }).issues;
  for (const [at, removed, inserted] of [[text.length >> 1, 0, '字'], [text.indexOf('\n', text.length >> 2) + 1, 0, '\n\n'], [text.length >> 1, 40, ''], [0, 0, 'a']] as const) {
    const edited = text.slice(0, at) + inserted + text.slice(at + removed);
    const after = analyzeTextInWindows(edited, {}, { ...WINDOWED, cache }).issues;
    const kept = keptFindings(before, after);
    const moved = inserted.length - removed;
    let count = 0;
    after.forEach((issue, k) => {
      if (kept[k] < 0) return;
      count++;
      const old = before[kept[k]];
      assert.ok(sameShown(old, issue), `${shown(old)} / ${shown(issue)}`);
      // Before the edit in place; after it, moved by the edit.
      assert.equal(issue.start - old.start, issue.start < at ? 0 : moved, shown(issue));
    });
    // Each old finding is kept at most once, in order.
    const olds = [...kept].filter((k) => k >= 0);
    assert.deepEqual(olds, [...new Set(olds)].sort((a, b) => a - b));
    // All but the edited window's.
    assert.ok(count >= after.length - 60, `${count} of ${after.length} kept (${before.length} before)`);
    analyzeTextInWindows(text, {}, { ...WINDOWED, cache });
  }
});

test('findings are the same as the reader sees them when kind, length, replacement, plan and loss are', () => {
  const a: GarbleIssue = { kind: 'mojibake-gbk', start: 10, end: 14, confidence: 0.9, replacement: '中文', plan: ['encode gbk', 'decode utf-8'] };
  assert.ok(sameShown(a, { ...a, start: 20, end: 24, confidence: 0.5, plan: [...a.plan] }));
  assert.ok(!sameShown(a, { ...a, end: 15 }));
  assert.ok(!sameShown(a, { ...a, replacement: '中' }));
  assert.ok(!sameShown(a, { ...a, plan: ['encode gbk'] }));
  assert.ok(!sameShown(a, { ...a, lossy: true }));
  assert.ok(!sameShown(a, { ...a, kind: 'mojibake-latin1' }));
  assert.deepEqual([...keptFindings([], [a])], [-1]);
  assert.deepEqual([...keptFindings([a], [])], []);
});
