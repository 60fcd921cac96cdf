/**
 * The classical model (data/classicalModel.bin), with which the characters a misaligned GBK run
 * lost a byte of are weighed where the line reads as classical Chinese: read only then, never for
 * clean text nor for a run in modern text. This file runs in its own process, so the data files it
 * sees read are its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setDataHost } from '../../src/core/data/dataFiles';
import { defaultDataHost } from '../../src/host/defaultDataHost';
import { analyzeText } from '../../src/core/analyzeText';
import { findMisalignedGbk } from '../../src/core/garble/misalignedGbk';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { classicalModel } from '../../src/core/model/classicalModel';

const read: string[] = [];
const host = defaultDataHost();
setDataHost({ read: (name) => (read.push(name), host.read(name)) });

test('clean text is analysed without reading the classical model', () => {
  const article = readFileSync(join(__dirname, '..', '..', 'samples', 'yizhuang-article', 'repaired.txt'), 'utf8');
  assert.deepEqual(analyzeText(article), []);
  assert.ok(!read.includes('classicalModel.bin'), 'the classical model was read for clean text');
});

test('a lost lead in classical verse is read back with the classical model', () => {
  // repair evaluation, tuning split: tang/47000 (Python's gbk), one byte lost after 看: where the
  // character model left U+FFFD for the first character, the classical model reads 。 before 仁義.
  const line = '日爲和解月呼丹，華夏諸侯肉眼看Ｈ柿x異如胡越異，世情難似泰衡';
  const runs = findMisalignedGbk(line);
  const repaired = runs.reduceRight((s, r) => s.slice(0, r.start) + r.replacement + s.slice(r.end), line);
  assert.equal(repaired, '日爲和解月呼丹，華夏諸侯肉眼看。仁義異如胡越異，世情難似泰衡');
  assert.ok(read.includes('classicalModel.bin'));
});

test('the classical model reads verse better than the character model, and modern prose worse', () => {
  const lm = getCharModel();
  const cm = classicalModel(lm);
  const verse = '白日依山尽，黄河入海流。欲穷千里目，更上一层楼。';
  const prose = '这个程序会在启动时读取配置文件，并把结果写入日志。';
  assert.ok(cm.perChar(verse) > lm.perChar(verse) + 1);
  assert.ok(cm.perChar(prose) < lm.perChar(prose) - 1);
  // The same folding as the character model: Traditional is looked up as Simplified.
  assert.equal(cm.bigram('黃', '河'), cm.bigram('黄', '河'));
  // Everything but the scores is the character model's.
  assert.equal(cm.rank('河'), lm.rank('河'));
});
