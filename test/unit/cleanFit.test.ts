/**
 * The line's fit a guessed character's margin is scaled by (wordGuesses.ts cleanFit): the other
 * runs still shown garbled on the line are not the line's genre, a rare character of clean text is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { cleanFit, fitWithout, lineFit } from '../../src/core/garble/misaligned/wordGuesses';

test('a garbled run elsewhere on the line does not drag the fit down; a dialect line keeps its own', () => {
  const lm = getCharModel();
  // A line of a misaligned GBK document with another run still shown garbled (`在调整` shown `诘髡�`).
  const garbled = ['史经验，今后', '诘髡�粮价时，'] as const;
  assert.ok(cleanFit(lm, garbled[0], '', garbled[1]) > lineFit(lm, garbled[0], '', garbled[1]) + 1);
  // Clean Cantonese: its characters the model seldom saw each break one bigram alone.
  const cantonese = ['粵語編程語言係乜? 佢係一門用粵語嚟同', '計算機溝通嘅編程語言。'] as const;
  assert.ok(Math.abs(cleanFit(lm, cantonese[0], '', cantonese[1]) - lineFit(lm, cantonese[0], '', cantonese[1])) < 1e-9);
});

test('the spans of the other runs kept are left out of the fit; without them it is cleanFit', () => {
  const lm = getCharModel();
  // `诘髡` (another run, kept at 6–8) before a guess whose run starts at 10 in `v`.
  const v = '史经验，今后诘髡粮价时，国家';
  const [start, end] = [10, 12];
  const before = v.slice(0, start);
  const after = v.slice(end);
  assert.equal(fitWithout(undefined, v, start, end)(lm, before, '', after), cleanFit(lm, before, '', after));
  const others = { within: (from: number, to: number) => [{ start: 6, end: 8 }, { start, end }].filter((s) => s.start < to && from < s.end) };
  const fit = fitWithout(others, v, start, end)(lm, before, '', after);
  assert.notEqual(fit, cleanFit(lm, before, '', after));
  // The run's own span is not left out; the pieces each side of the other one are read apart.
  const whole = { within: () => [{ start: 0, end: start }] };
  assert.equal(fitWithout(whole, v, start, end)(lm, before, '', after), cleanFit(lm, '', '', after));
});
