/**
 * The editor layer's own logic, tested without an editor: the one debounce every feature shares
 * (src/extension/settleDebounce.ts), what the fix commands pick and replace
 * (src/extension/garble/garbleFixes.ts), which documents zhlens looks at (skipRules.ts) and how
 * notes follow their words (notes/noteTracking.ts).
 * What the editor shows is tested in test/integration/.
 */
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import type { GarbleIssue } from '../../src/core';
import { SettleDebounce } from '../../src/extension/settleDebounce';
import { applyEdits } from '../../src/core';
import { coarsened, fixable, issuesInSelections } from '../../src/extension/garble/garbleFixes';
import { skipReasonOf } from '../../src/extension/garble/skipRules';
import { mapNotes, type TrackedNote } from '../../src/extension/notes/noteTracking';

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

test('a long edit list is joined into fewer edits that give the same text', () => {
  const text = '發(fā)展與協作'.repeat(10);
  const edits = [...text.matchAll(/\(fā\)/g)].map((m) => ({ start: m.index!, end: m.index! + 4, text: '' }));
  assert.equal(coarsened(edits, text), edits, 'few edits stay as they are');
  const joined = coarsened(edits, text, 3);
  assert.equal(joined.length, 3);
  assert.equal(applyEdits(text, joined), applyEdits(text, edits));
  assert.equal(applyEdits(text, joined), '發展與協作'.repeat(10));
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

test('notes follow their words through edits, and become orphans when the words are deleted', () => {
  const before = '北京亦莊助力打造京津冀高精尖產業經濟帶';
  const note = (start: number, end: number): TrackedNote => ({ note: {} as TrackedNote['note'], range: { start, end } });
  const onYizhuang = note(2, 4); // 亦莊
  const onJingjinji = note(8, 11); // 京津冀
  // 助力 removed before both: 亦莊 stays put, 京津冀 moves two to the left; then 京津冀 deleted.
  mapNotes([onYizhuang, onJingjinji], [{ start: 4, end: 6, text: '' }], before);
  assert.deepEqual([onYizhuang.range, onJingjinji.range], [{ start: 2, end: 4 }, { start: 6, end: 9 }]);
  const after = '北京亦莊打造京津冀高精尖產業經濟帶';
  mapNotes([onJingjinji], [{ start: 6, end: 9, text: '' }], after);
  assert.equal(onJingjinji.range, undefined);
  assert.deepEqual(onJingjinji.lastRange, { start: 6, end: 6 });
});
