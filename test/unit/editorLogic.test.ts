/**
 * The editor layer's own logic, tested without an editor: the one debounce every feature shares
 * (src/extension/settleDebounce.ts), what the fix commands pick and replace
 * (src/extension/garble/garbleFixes.ts) and which documents zhlens looks at (skipRules.ts).
 * What the editor shows is tested in test/integration/.
 */
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import type { GarbleIssue } from '../../src/core';
import { SettleDebounce } from '../../src/extension/settleDebounce';
import { changedMiddle, fixable, issuesInSelections } from '../../src/extension/garble/garbleFixes';
import { skipReasonOf } from '../../src/extension/garble/skipRules';

test('one debounce: a document settles once, after the quiet of the last request, with every reason asked', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const fired: Array<[string, string[]]> = [];
    const debounce = new SettleDebounce<string>((key, reasons) => fired.push([key, [...reasons].sort()]));
    debounce.schedule('a.txt', 'open', 150);
    mock.timers.tick(100);
    debounce.schedule('a.txt', 'edit', 300); // typing: the wait starts again
    debounce.schedule('b.txt', 'view', 300);
    mock.timers.tick(299);
    assert.deepEqual(fired, []);
    mock.timers.tick(1);
    assert.deepEqual(fired, [['a.txt', ['edit', 'open']], ['b.txt', ['view']]]);
    debounce.schedule('a.txt', 'edit', 300);
    debounce.cancel('a.txt'); // closed before it settled
    mock.timers.tick(1000);
    assert.equal(fired.length, 2);
  } finally {
    mock.timers.reset();
  }
});

const issue = (start: number, end: number, replacement?: string): GarbleIssue => ({ kind: 'pinyin-annotation', start, end, confidence: 0.9, plan: [], replacement });

test('Fix selection takes the spans a selection touches; an empty selection touches none', () => {
  const issues = [issue(0, 4, ''), issue(10, 14, ''), issue(20, 24)];
  assert.deepEqual(issuesInSelections(issues, [[3, 11]]).map((i) => i.start), [0, 10]);
  assert.deepEqual(issuesInSelections(issues, [[4, 10]]), []);
  assert.deepEqual(issuesInSelections(issues, [[12, 12]]), []);
  assert.deepEqual(fixable(issues).map((i) => i.start), [0, 10]);
});

test('a repair that changed more than its spans replaces only the changed middle', () => {
  // The common end (作) stays.
  assert.deepEqual(changedMiddle('發(fā)展與協作', '发展与协作'), { start: 0, end: 8, replacement: '发展与协' });
  assert.deepEqual(changedMiddle('前文發(fā)展後文', '前文發展後文'), { start: 3, end: 7, replacement: '' });
  assert.deepEqual(changedMiddle('same', 'same'), { start: 4, end: 4, replacement: '' });
});

test('which documents are looked at: files with text, and on open only prose or text with Chinese', () => {
  const doc = (text: string, languageId = 'plaintext', scheme = 'file', ignored = false) => ({ scheme, languageId, text, ignored });
  const limit = 100;
  assert.equal(skipReasonOf(doc('發展'), limit, true), undefined);
  assert.equal(skipReasonOf(doc('發展', 'plaintext', 'git'), limit, true), 'scheme');
  assert.equal(skipReasonOf(doc('發展', 'plaintext', 'file', true), limit, true), 'ignored');
  assert.equal(skipReasonOf(doc('PNG\u0000\u0001'), limit, true), 'binary');
  assert.equal(skipReasonOf(doc('let x = 1;', 'typescript'), limit, true), 'not-chinese');
  assert.equal(skipReasonOf(doc('let x = 1;', 'typescript'), limit, false), undefined, 'a command looks at any text');
  assert.equal(skipReasonOf(doc('// 注释', 'typescript'), limit, true), undefined);
  assert.equal(skipReasonOf(doc('發'.repeat(101)), limit, true), 'too-large');
});
