/**
 * The word model (data/wordModel.bin), the second opinion on the characters a misaligned GBK run
 * lost a byte of: what it says, and that it is read only when such a run is read, never for
 * clean text. This file runs in its own process, so the data files it sees read are its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setDataHost } from '../../src/core/data/dataFiles';
import { defaultDataHost } from '../../src/host/defaultDataHost';
import { analyzeText } from '../../src/core/analyzeText';
import { findMisalignedGbk } from '../../src/core/garble/misalignedGbk';
import { getWordModel } from '../../src/core/model/wordModel';
import { getCharModel } from '../../src/core/model/charLanguageModel';

const read: string[] = [];
const host = defaultDataHost();
setDataHost({ read: (name) => (read.push(name), host.read(name)) });

test('clean text is analysed without reading the word model; a run with lost bytes reads it', () => {
  const article = readFileSync(join(__dirname, '..', '..', 'samples', 'yizhuang-article', 'repaired.txt'), 'utf8');
  assert.deepEqual(analyzeText(article), []);
  assert.ok(read.includes('charModel.bin'), 'the clean text was analysed with the character model');
  assert.ok(!read.includes('wordModel.bin'), 'the word model was read for clean text');
  // repair evaluation, tuning split: ud-gsdsimp/dev-11 (test/cases/misaligned-gbk-decoders.json)
  const [run] = findMisalignedGbk('但是发现小型舰适应不了远海任务于腔故欠⒄沽舜笮头辞苯ⅰ');
  assert.equal(run.replacement, '是还是发展了大型反潜舰。');
  assert.ok(read.includes('wordModel.bin'));
});

test('the word model prefers the words the text makes', () => {
  const wm = getWordModel();
  const lm = getCharModel();
  const single = (ch: string) => lm.unigram(ch);
  assert.equal(wm.maxLength, 4);
  assert.ok(wm.word('当地') !== undefined);
  // `当地报道` against `当回报道`, which the bigrams barely tell apart (docs/repair-eval.md).
  assert.ok(wm.logProb('当地报道', single) > wm.logProb('当回报道', single) + 2);
  // Traditional text is looked up folded, as the character model folds it.
  assert.equal(wm.word(lm.fold('報') + lm.fold('導')), wm.word('报导'));
  assert.equal(wm.word('当地报道的'), undefined);
});

test('a prefix summed once gives the same ln P as the whole text summed', () => {
  const wm = getWordModel();
  const lm = getCharModel();
  const single = (ch: string) => lm.unigram(ch);
  const prefix = wm.prefixSums('据当', single);
  for (const rest of ['地报道', '回报道', '', '。', 'x报']) {
    assert.equal(wm.logProbAfter(prefix, rest, single), wm.logProb('据当' + rest, single));
  }
});
