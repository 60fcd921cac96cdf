// scripts/eval-data/sources.mjs: what `npm run eval:data` needs before it builds anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARTS, REPOSITORIES, mirrorProblems } from '../../scripts/eval-data/sources.mjs';

const sample = [
  { repo: 'a/one', commit: 'abc123', parts: ['ner'] },
  { repo: 'b/two', commit: 'def456', parts: ['bytes'] },
];

test('every copy there at its measured commit: nothing stands in the way', () => {
  assert.deepEqual(mirrorProblems(['ner', 'bytes'], (r: string) => (r === 'a/one' ? 'abc123ffff' : 'def456eeee'), sample), []);
});

test('a missing copy names the repository to fetch and its commit', () => {
  assert.deepEqual(mirrorProblems(['ner'], () => undefined, sample), ['a/one: no copy; fetch github:a/one (commit abc123)']);
});

test('a copy at another commit is reported with both commits', () => {
  assert.deepEqual(mirrorProblems(['bytes'], () => '0123456789abcdef', sample), [
    'b/two: the copy is at 0123456789ab, the figures were measured at def456',
  ]);
});

test('only the parts asked for are checked', () => {
  assert.deepEqual(mirrorProblems(['bytes'], (r: string) => (r === 'b/two' ? 'def456' : undefined), sample), []);
});

test('every repository feeds a known part, once', () => {
  for (const r of REPOSITORIES) for (const p of r.parts) assert.ok(PARTS.includes(p), `${r.repo}: ${p}`);
  assert.equal(new Set(REPOSITORIES.map((r) => r.repo)).size, REPOSITORIES.length);
});
