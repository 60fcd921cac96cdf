/**
 * The offsets a lone trace can stand at (misaligned/besideChinese.ts): just before and just after
 * each run of Chinese characters, each once, in order — the offsets with a Chinese character
 * (Han or CJK punctuation, curly quotes and `·` among them) on one side that are not Chinese themselves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { besideChinese } from '../../src/core/garble/misaligned/besideChinese';
import { isCjkPunct, isHan } from '../../src/core/text/chars';

const CASES: ReadonlyArray<readonly [string, number[]]> = [
  ['', []],
  ['plain ASCII, no Chinese', []],
  ['中文', []],
  ['名Q。', [1]],
  ['a中b', [0, 2]],
  ['ab中文cd', [1, 4]],
  ['中a文', [1]],
  ['中ab文', [1, 2]],
  ['don’t stop', [2, 4]],
  ['Reactの設計はA、B', [5, 8, 9, 11]],
  ['x\u00b7y—z', [0, 2, 4]],
  ['?\ufffd中?', [1, 3]],
];

/** Every offset with a Chinese neighbour that is not Chinese itself, by a test at each. */
function byEachOffset(v: string): number[] {
  const chinese = (i: number) => i >= 0 && i < v.length && (isHan(v.charCodeAt(i)) || isCjkPunct(v.charCodeAt(i)));
  const out: number[] = [];
  for (let i = 0; i < v.length; i++) if (!chinese(i) && (chinese(i - 1) || chinese(i + 1))) out.push(i);
  return out;
}

test('the offsets beside Chinese runs', () => {
  for (const [text, offsets] of CASES) {
    assert.deepEqual(besideChinese(text), offsets, text);
    assert.deepEqual(besideChinese(text), byEachOffset(text), text);
  }
});

test('the same offsets as a test at each offset, on mixed text', () => {
  const text = 'GBK 的「文件名Q。」和 don’t、Japanese の漢字 A 中 ab。\n行首x\n';
  assert.deepEqual(besideChinese(text), byEachOffset(text));
});

test('a list longer than `most` is given up: the scans then read every offset', () => {
  const text = 'Reactの設計はA、B';
  assert.deepEqual(besideChinese(text, 4), [5, 8, 9, 11]);
  assert.equal(besideChinese(text, 3), undefined);
  assert.deepEqual(besideChinese('plain ASCII, no Chinese', 0), []);
});

test('`most` holds for an offset before a run the text ends in', () => {
  assert.deepEqual(besideChinese('ab中', 1), [1]);
  assert.equal(besideChinese('a中b中', 1), undefined);
});
