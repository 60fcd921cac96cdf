/**
 * The misaligned search's guesses from the tables of their option lists (guessBound.ts): the same
 * guess, byte and margin as weighing every option, and answers kept per context that never
 * disagree with working them out again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../garblers';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { gbkTable } from '../../src/core/codec/gbkTable';
import { guess } from '../../src/core/garble/misaligned/silentGuesses';
import { guessBetween, reaches } from '../../src/core/garble/misaligned/guessBound';

/** Neighbours from Simplified and Traditional prose, punctuation, ASCII, a line break, and characters the model does not know. */
const NEIGHBOURS = [...'近日，华中科技大学在国际上首次提出了一种新的方法。這個問題還沒有解決「」：a1 \n〡丨乂'];

/**
 * Cases from every kind of option list the search weighs: the leads a trail byte allows (GBK holds
 * Traditional characters that the model folds into the index of their Simplified form, so two
 * options can score the same) and the trails a lead allows.
 */
function* cases(seed: number, rounds: number): Generator<{ before: string; after: string; options: ReturnType<ReturnType<typeof gbkTable>['leadsOf']> }> {
  const table = gbkTable();
  const random = seededRandom(seed);
  for (let round = 0; round < rounds; round++) {
    const byte = random.int(0x40, 0xfe);
    yield { before: random.pick(NEIGHBOURS), after: random.pick(NEIGHBOURS), options: round % 3 === 2 ? table.trailsOf(byte | 0x80) : table.leadsOf(byte) };
  }
}

test('a guess from the table of its options is the guess of weighing every option', () => {
  const lm = getCharModel();
  for (const { before, after, options } of cases(7, 600)) {
    const plain = guess(options, (ch) => lm.bigram(before, ch) + lm.bigram(ch, after), lm);
    assert.deepEqual(guessBetween(options, before, after, lm), plain, `${before}?${after}`);
    // Asked again, from what the first call kept.
    assert.deepEqual(guessBetween(options, before, after, lm), plain, `${before}?${after} again`);
  }
});

test('two options that score the same: the first in the list is the guess, with no margin', () => {
  const lm = getCharModel();
  let ties = 0;
  for (const { before, after, options } of cases(13, 900)) {
    const scored = options.map(([, ch]) => lm.bigram(before, ch) + lm.bigram(ch, after));
    const plain = guess(options, (ch) => lm.bigram(before, ch) + lm.bigram(ch, after), lm);
    if (plain && plain.margin === 0 && scored.filter((s) => s === Math.max(...scored)).length > 1) ties++;
    assert.deepEqual(guessBetween(options, before, after, lm), plain);
  }
  assert.ok(ties > 0, 'the cases hold ties');
});

test('what a guess keeps answers reaches() as working it out again does', () => {
  const lm = getCharModel();
  const score = (before: string, ch: string, after: string) => lm.bigram(before, ch) + lm.bigram(ch, after);
  for (const { before, after, options } of cases(17, 300)) {
    // The guess first, so that reaches() is answered from what it kept.
    const best = guessBetween(options, before, after, lm);
    const top = best ? score(before, best.ch, after) : -Infinity;
    const floors = best ? [top - 3, top - 1e-9, top, top + 1e-9, top + 2] : [-100];
    for (const floor of floors) assert.equal(reaches(options, before, after, lm, floor), top >= floor, `${before}?${after} ≥ ${floor}`);
  }
});

test('a context of more than one code unit, or of none, is guessed as bigram() reads it', () => {
  const lm = getCharModel();
  const table = gbkTable();
  for (const [before, after] of [['𠀀', '的'], ['的', '𠀀'], ['', '的'], ['的', ''], ['中文', '字']]) {
    for (const trail of [0xa1, 0xb5, 0xe8]) {
      const options = table.leadsOf(trail);
      const plain = guess(options, (ch) => lm.bigram(before, ch) + lm.bigram(ch, after), lm);
      assert.deepEqual(guessBetween(options, before, after, lm), plain, `${before}?${after}`);
    }
  }
});
