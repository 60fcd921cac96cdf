/** Spans that overlap none of others (src/core/text/spanOverlap.ts), against the check of every pair. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DisjointSpans, overlapping, withoutOverlaps, type Span } from '../../src/core/text/spanOverlap';

test('the items kept are those that overlap none of the others, in their order, empty spans too', () => {
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const spans = (n: number): Span[] =>
    Array.from({ length: n }, () => {
      const start = random(200);
      return { start, end: start + random(6) };
    });
  for (const [items, others] of [[40, 0], [40, 3], [60, 30], [300, 100]]) {
    for (let round = 0; round < 20; round++) {
      const a = spans(items);
      const b = spans(others);
      const expected = a.filter((i) => !b.some((o) => o.start < i.end && i.start < o.end));
      assert.deepEqual(withoutOverlaps(a, b), expected);
    }
  }
});

test('spans taken one by one are free exactly when they overlap none taken before, and listed where they overlap a window', () => {
  let seed = 11;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let round = 0; round < 50; round++) {
    const kept = new DisjointSpans();
    const taken: Span[] = [];
    for (let k = 0; k < 80; k++) {
      const start = random(300);
      const span = { start, end: start + 1 + random(8) };
      const expected = !taken.some((t) => t.start < span.end && span.start < t.end);
      assert.equal(kept.free(span), expected, JSON.stringify({ span, taken }));
      if (expected) {
        kept.take(span);
        taken.push(span);
      }
      const from = random(300);
      const to = from + random(40);
      const within = taken.filter((t) => t.start < to && from < t.end).sort((x, y) => x.start - y.start);
      assert.deepEqual(kept.within(from, to), within, JSON.stringify({ from, to, taken }));
    }
  }
});

test('the spans sorted by start that overlap a window are those the check of every span finds, in their order', () => {
  let seed = 5;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let round = 0; round < 50; round++) {
    const spans: Span[] = Array.from({ length: random(60) }, () => {
      const start = random(200);
      return { start, end: start + random(6) };
    }).sort((a, b) => a.start - b.start);
    const longest = spans.reduce((most, s) => Math.max(most, s.end - s.start), 0);
    for (let k = 0; k < 20; k++) {
      const start = random(210);
      const end = start + random(12);
      const expected = spans.filter((s) => s.start < end && start < s.end);
      assert.deepEqual(overlapping(spans, longest, start, end), expected, JSON.stringify({ start, end, spans }));
    }
  }
});
