/**
 * The pairs of characters a document writes, as evidence for a character a misaligned GBK run
 * lost a byte of (src/core/garble/misaligned/documentPairs.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentPairs, withDocumentPairs, DOCUMENT_PAIR } from '../../src/core/garble/misaligned/documentPairs';
import { findMisalignedGbk } from '../../src/core/garble/misalignedGbk';
import { getCharModel } from '../../src/core/model/charLanguageModel';

test("a run's lost first character is read as the pair the document writes elsewhere", () => {
  // repair evaluation, tuning split: ud-hk/g68 (UD_Chinese-HK, CC BY-SA), one paragraph read by
  // Python's gbk one byte late: the lead of 《 (A1B6) lost, its trail B6 paired with 議's lead.
  // The bigrams alone leave it U+FFFD; 《議 written earlier in the line settles it.
  const [run] = findMisalignedGbk('，但你不可以違反《議事規則》。蹲h事規則》第一條訂明，議員未宣誓');
  assert.equal(run.replacement, '《議');
  assert.ok(run.plan.includes('lost lead byte before B6: restored as A1'), run.plan.join('; '));
});

test('only Chinese pairs outside the run count, and only their bigrams gain', () => {
  const v = '議事規則 ab 蹲h事規則，議員';
  const pairs = documentPairs(v, 8, 10);
  assert.ok(pairs.has('議事') && pairs.has('規則') && pairs.has('則，') && pairs.has('議員'));
  assert.ok(!pairs.has('ab') && !pairs.has('則 '), 'ASCII and spaces are not counted');
  assert.ok(!pairs.has('蹲h') && !pairs.has(' 蹲'), "the run's own text is not counted");
  const lm = getCharModel();
  const model = withDocumentPairs(lm, pairs);
  assert.equal(model.bigram('議', '事'), lm.bigram('議', '事') + DOCUMENT_PAIR);
  assert.equal(model.bigram('議', '會'), lm.bigram('議', '會'));
  assert.equal(model.unigram('議'), lm.unigram('議'));
});
