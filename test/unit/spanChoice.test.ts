import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { foldToSimplified } from '../../src/core/annotate/scriptFold';
import { nameSupport, tagOrganizations } from '../../src/core/annotate/tagger/orgTagger';
import { chooseBoundaries, chooseSpans, spanCandidatesOf, useSpanModel } from '../../scripts/orgs/spanChoice';

interface Case { source: string; text: string; expected: string[] }
const table: { cases: Case[] } = JSON.parse(readFileSync('test/cases/org-tagger.json', 'utf8'));

test('the second stage reads each span at the score of its best reading, and with no weights of its own keeps the tagger\'s names', () => {
  const reach = 150, maxLength = 8;
  let checked = 0;
  for (const c of table.cases) {
    // Without its final mark, which the tagger's piece holds and nameSupport's sentence does not.
    const s = foldToSimplified(c.text).replace(/[。！？!?]+$/u, '');
    if (/[\n。！？!?]./u.test(s) || /[^\u3400-\u9fff]{6}/u.test(s) || s.length < 2) continue;
    const candidates = spanCandidatesOf(s, 'news', reach, maxLength);
    const byKey = new Map(candidates.map((x) => [`${x.a}:${x.b}`, x]));
    // Every span within reach is a candidate, at the gap of nameSupport's constrained Viterbi; no other span is.
    for (let a = 0; a < s.length; a++) {
      for (let b = a + 1; b <= Math.min(s.length, a + maxLength); b++) {
        const support = nameSupport(s, a, b, 'news');
        const found = byKey.get(`${a}:${b}`);
        if (support >= -reach + 1e-3) {
          assert.ok(found, `${s}: ${s.slice(a, b)} (${support}) is a candidate`);
          assert.ok(Math.abs(found.gap - support) < 1e-3, `${s.slice(a, b)}: gap ${found.gap} against ${support}`);
          checked++;
        } else if (support < -reach - 1e-3) assert.ok(!found || found.best, `${s.slice(a, b)} (${support}) is no candidate`);
      }
    }
    // Scores that only say "the best reading's span" give back the tagger's own names.
    for (const x of candidates) x.score = x.best ? 1 : -1;
    assert.deepEqual(chooseSpans(candidates, s.length).map((x) => [x.a, x.b]), tagOrganizations(s, undefined, 'news'), s);
    assert.deepEqual(chooseBoundaries(candidates, tagOrganizations(s, undefined, 'news')).map((x) => [x.a, x.b]), tagOrganizations(s, undefined, 'news'), s);
  }
  assert.ok(checked > 60, `${checked} spans checked`);
});

test('a second stage given through the tagger\'s hook chooses the names, and without one the best reading is the answer', () => {
  const s = foldToSimplified('新华社北京一月五日电，中国人民银行和国家计委今天联合召开会议。');
  const plain = tagOrganizations(s, undefined, 'news');
  const resume = tagOrganizations(s, undefined, 'resume');
  assert.ok(plain.length >= 2 && resume.length >= 2, `${plain} / ${resume}`);
  // A stage that scores every candidate below 0 chooses no name in news; other kinds of text do not go through it.
  useSpanModel(JSON.stringify({ reach: 150, maxLength: 8, weights: { bias: -1 } }));
  try {
    assert.deepEqual(tagOrganizations(s, undefined, 'news'), []);
    assert.deepEqual(tagOrganizations(s, undefined, 'resume'), resume);
  } finally {
    useSpanModel(null);
  }
  assert.deepEqual(tagOrganizations(s, undefined, 'news'), plain);
});
