/**
 * Reader notes in the core (src/core/notes/): anchoring on the case table
 * test/cases/notes-anchoring.json (the sample article before and after repair, outside edits,
 * repeated words, orphans), the W3C Web Annotation form, tags, where the notes file goes, and the
 * Markdown digest.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  anchorContext,
  mapRange,
  notesDigest,
  notesFilePath,
  outlineText,
  parseNotes,
  placeNote,
  relativeIri,
  repairText,
  resolveIri,
  selectorsAt,
  serialiseNotes,
  tagsInBody,
  toCodePointOffsets,
  type Note,
} from '../../src/core';

const ROOT = resolve(__dirname, '../..');

interface TextSource {
  file?: string;
  text?: string;
  replace?: [string, string][];
}

interface AnchorCase {
  label: string;
  before: TextSource;
  after: TextSource;
  via?: 'repair' | 'repair-simplified';
  quote: string;
  occurrence?: number;
  expect: string | null;
  expectOccurrence?: number;
  source: string;
}

function textOf(s: TextSource): string {
  let text = s.file ? readFileSync(join(ROOT, s.file), 'utf8') : s.text!;
  for (const [from, to] of s.replace ?? []) {
    assert.ok(text.includes(from), `replacement source not found: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

function nth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} has no occurrence ${n}`);
  }
  return at;
}

export function noteOn(text: string, start: number, end: number, extra: Partial<Note> = {}): Note {
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(start).padStart(12, '0')}`,
    motivation: 'commenting',
    body: '',
    tags: [],
    created: '2026-12-05T00:00:00.000Z',
    modified: '2026-12-05T00:00:00.000Z',
    resolved: false,
    ...selectorsAt(text, start, end),
    ...extra,
  };
}

const cases = (JSON.parse(readFileSync(join(ROOT, 'test/cases/notes-anchoring.json'), 'utf8')) as { cases: AnchorCase[] }).cases;

test('notes-anchoring.json: the shape of every case', () => {
  for (const c of cases) {
    assert.ok(c.label && c.source && c.quote && (c.expect === null || typeof c.expect === 'string'), c.label);
  }
});

for (const c of cases) {
  test(`anchoring: ${c.label}`, () => {
    const before = textOf(c.before);
    const after = textOf(c.after);
    const start = nth(before, c.quote, c.occurrence ?? 1);
    const note = noteOn(before, start, start + c.quote.length);
    const placement = placeNote(anchorContext(after), note);
    if (c.expect === null) {
      assert.equal(placement.placed, false, placement.placed ? `placed on ${after.slice(placement.start, placement.end)}` : '');
      return;
    }
    const want = nth(after, c.expect, c.expectOccurrence ?? 1);
    assert.ok(placement.placed, `orphan (${!placement.placed && placement.reason}, score ${placement.score.toFixed(2)})`);
    assert.deepEqual([placement.start, placement.end, after.slice(placement.start, placement.end)], [want, want + c.expect.length, c.expect]);
    if (c.via) {
      // zhlens's own repair moves the note through its edit list, without any search.
      const r = repairText(before, { script: c.via === 'repair-simplified' ? 'simplified' : 'keep' });
      assert.equal(r.text, after);
      const moved = mapRange(r.edits, start, start + c.quote.length, before);
      assert.deepEqual(moved, { start: want, end: want + c.expect.length });
    }
  });
}

test('the position check: an unchanged text places every note where it was, without searching', () => {
  const text = readFileSync(join(ROOT, 'samples/yizhuang-article/repaired.txt'), 'utf8');
  const ctx = anchorContext(text);
  for (let at = 0; at + 10 < text.length; at += 97) {
    const p = placeNote(ctx, noteOn(text, at, at + 10));
    assert.deepEqual(p, { placed: true, start: at, end: at + 10, how: 'position', score: 1 });
  }
  assert.equal(ctx.normalised, undefined, 'the text was normalised although every note was in place');
});

test('W3C Web Annotation: selectors in code points, tags and colour as bodies, read back the same', () => {
  const text = '𠀋𠀌 前文。這是𡈽地上的字。';
  const start = text.indexOf('𡈽');
  const note = noteOn(text, start, start + 5, { body: '**要點** #地名 #待查', tags: ['地名', '待查'], colour: 'question', resolved: true });
  // 𠀋𠀌 are two code points but four UTF-16 units.
  assert.deepEqual(note.position, { start: toCodePointOffsets(text, [start])[0], end: toCodePointOffsets(text, [start])[0] + 4 });
  assert.equal(note.position.start, start - 2);
  const file = serialiseNotes([note], '../article.txt', 'Notes');
  const json = JSON.parse(file);
  assert.deepEqual(json['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(json.type, 'AnnotationCollection');
  const a = json.first.items[0];
  assert.equal(a.type, 'Annotation');
  assert.equal(a.motivation, 'commenting');
  assert.deepEqual(a.target.selector, [
    { type: 'TextQuoteSelector', exact: '𡈽地上的', prefix: note.quote.prefix, suffix: '字。' },
    { type: 'TextPositionSelector', start: note.position.start, end: note.position.end },
  ]);
  assert.deepEqual(
    a.body.filter((b: { purpose: string }) => b.purpose === 'tagging').map((b: { value: string }) => b.value),
    ['地名', '待查'],
  );
  assert.equal(a.body.find((b: { purpose: string }) => b.purpose === 'classifying').value, 'question');
  const back = parseNotes(file);
  assert.deepEqual(back, { notes: [note], problems: [], kept: [], broken: false });
  // A note whose text is found by position alone, in code points.
  const p = placeNote(anchorContext(text), back.notes[0]);
  assert.equal(p.placed && text.slice(p.start, p.end), '𡈽地上的');
});

test('W3C Web Annotation: other tools’ annotations are read, unreadable ones reported and written back as they were', () => {
  const { notes, problems, kept } = parseNotes(
    JSON.stringify({
      type: 'AnnotationPage',
      items: [
        { id: 'a1', type: 'Annotation', bodyValue: 'plain', target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: '北京' } } },
        { id: 'a2', type: 'Annotation', target: { source: 'x' } },
      ],
    }),
  );
  assert.equal(notes.length, 1);
  assert.equal(notes[0].body, 'plain');
  assert.deepEqual(notes[0].quote, { exact: '北京', prefix: '', suffix: '' });
  assert.deepEqual(problems, ['a2: no TextQuoteSelector']);
  assert.deepEqual(kept, [{ id: 'a2', type: 'Annotation', target: { source: 'x' } }]);
  const again = JSON.parse(serialiseNotes(notes, 'x', 'notes', kept));
  assert.deepEqual(again.first.items[1], { id: 'a2', type: 'Annotation', target: { source: 'x' } });
  assert.equal(again.total, 2);
  // Not JSON (a merge conflict): nothing can be read, and the file must not be rewritten.
  const conflict = parseNotes('<<<<<<< HEAD\n{}\n=======\n');
  assert.equal(conflict.broken, true);
  assert.equal(conflict.problems.length, 1);
});

test('tags are the hashtags of a note, not headings or C#', () => {
  assert.deepEqual(tagsInBody('# 標題\n這裡 #待查 和 #economy,還有 C# 與 `#code` #待查'), ['待查', 'economy']);
});

test('the notes file sits in .zhlens beside the article, or under the workspace folder', () => {
  assert.equal(notesFilePath('/w/news/a.txt', '.zhlens'), '/w/news/.zhlens/a.txt.annotations.json');
  assert.equal(notesFilePath('/w/news/a.txt', ''), '/w/news/.zhlens/a.txt.annotations.json');
  assert.equal(notesFilePath('/w/news/a.txt', '${workspaceFolder}/.notes', '/w'), '/w/.notes/news/a.txt.annotations.json');
  assert.equal(notesFilePath('/elsewhere/a.txt', '${workspaceFolder}/.notes', '/w'), undefined);
  assert.equal(relativeIri('/w/news/.zhlens/a.txt.annotations.json', '/w/news/新聞 1.txt'), '../%E6%96%B0%E8%81%9E%201.txt');
  assert.equal(resolveIri('/w/news/.zhlens/a.txt.annotations.json', '../%E6%96%B0%E8%81%9E%201.txt'), '/w/news/新聞 1.txt');
});

test('the Markdown digest groups notes under their sections, orphans last', () => {
  const text = readFileSync(join(ROOT, 'samples/yizhuang-article/repaired.txt'), 'utf8');
  const at = (s: string) => text.indexOf(s);
  const a = at('就職于北京亦莊');
  const b = at('落戶北京亦莊');
  const notes = [
    { note: noteOn(text, a, a + 7, { body: '一個案例 #政務', tags: ['政務'] }), placement: { placed: true as const, start: a, end: a + 7, how: 'position' as const, score: 1 } },
    { note: noteOn(text, b, b + 6, { motivation: 'highlighting', colour: 'key-fact' }), placement: { placed: true as const, start: b, end: b + 6, how: 'position' as const, score: 1 } },
    { note: noteOn(text, 0, 4, { body: '找不到了' }), placement: { placed: false as const, reason: 'not-found' as const, score: 0 } },
  ];
  const digest = notesDigest({ title: 'Notes: repaired.txt', text, sections: outlineText(text), notes, link: (l, c) => `repaired.txt#L${l},${c}` });
  const expectedOrder = ['# Notes: repaired.txt', '## 三地產業協同成效明顯', '> 落戶北京亦莊', '*Key fact*', '## 三地推出179項', '> 就職于北京亦莊', '一個案例 #政務', '#政務 · [line 11](repaired.txt#L11,9)', '## Notes whose words were not found', '找不到了'];
  let from = 0;
  for (const piece of expectedOrder) {
    const k = digest.indexOf(piece, from);
    assert.ok(k >= from, `${piece} missing or out of order in\n${digest}`);
    from = k;
  }
});
