/**
 * A run's first character weighed by two parts (silentGuesses.ts, guessAgreed): the guess and
 * margin of their weighted sum, and whether the bigrams alone and the word model alone each pick
 * the same option (what the classical bar of rereadEnds reads).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { guess, guessAgreed } from '../../src/core/garble/misaligned/silentGuesses';

const OPTIONS: ReadonlyArray<readonly [number, string]> = [
  [0xb5, '的'],
  [0xca, '是'],
  [0xd4, '在'],
];

/** Each option's bigram score and word score; the word model weighs `weight` beside the bigrams. */
const CASES: ReadonlyArray<{ name: string; bigrams: Record<string, number>; words: Record<string, number>; weight: number; ch: string; agreed: boolean }> = [
  { name: 'both parts pick the best', bigrams: { 的: -3, 是: -6, 在: -8 }, words: { 的: -10, 是: -12, 在: -15 }, weight: 0.75, ch: '的', agreed: true },
  { name: 'the bigrams prefer another', bigrams: { 的: -6, 是: -5, 在: -8 }, words: { 的: -8, 是: -12, 在: -15 }, weight: 0.75, ch: '的', agreed: false },
  { name: 'the word model prefers another', bigrams: { 的: -3, 是: -6, 在: -8 }, words: { 的: -12, 是: -11, 在: -15 }, weight: 0.35, ch: '的', agreed: false },
  { name: 'a tie in one part is no agreement', bigrams: { 的: -3, 是: -6, 在: -8 }, words: { 的: -10, 是: -10, 在: -15 }, weight: 0.75, ch: '的', agreed: false },
  { name: 'the sum picks what neither part alone does', bigrams: { 的: -3, 是: -3.5, 在: -9 }, words: { 的: -14, 是: -13, 在: -12 }, weight: 1, ch: '是', agreed: false },
];

for (const c of CASES) {
  test(`guessAgreed: ${c.name}`, () => {
    const lm = getCharModel();
    const got = guessAgreed(OPTIONS, (ch) => c.bigrams[ch], (ch) => c.words[ch], c.weight, lm);
    const plain = guess(OPTIONS, (ch) => c.bigrams[ch] + c.weight * c.words[ch], lm);
    assert.ok(got && plain);
    assert.equal(got.ch, c.ch);
    assert.deepEqual({ ch: got.ch, byte: got.byte, margin: got.margin }, plain);
    assert.equal(got.agreed, c.agreed);
  });
}

test('guessAgreed: no option to weigh, no guess', () => {
  assert.equal(guessAgreed([], () => 0, () => 0, 0.75, getCharModel()), undefined);
});
