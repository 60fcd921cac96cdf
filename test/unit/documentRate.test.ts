/**
 * A document's own rate of misaligned runs as the channel's prior (misaligned/documentRate.ts):
 * text with no confident run keeps its bars; a text where runs were found with confidence has the
 * lone runs' bars lowered by the log of its rate against the base rate, up to a cap.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIDENT_GAIN, documentBonus, RATE_TUNING } from '../../src/core/garble/misaligned/documentRate';
import { observeSearch } from '../../src/core/garble/misaligned/probes';
import { repairText } from '../../src/core';

test('no confident run, or one alone, leaves the bars where clean text set them', () => {
  assert.equal(documentBonus(1000, []), 0);
  assert.equal(documentBonus(1000, [CONFIDENT_GAIN - 1, 12, 9]), 0);
  assert.equal(documentBonus(100, [CONFIDENT_GAIN + 30]), 0);
});

test('confident runs lower the bars by the log of their rate, up to the cap', () => {
  const five = documentBonus(2000, Array(10).fill(CONFIDENT_GAIN));
  assert.ok(Math.abs(five - Math.log(5 / RATE_TUNING.baseRate)) < 1e-9);
  assert.equal(documentBonus(100, Array(50).fill(40)), RATE_TUNING.maxBonus);
  // A rate at or below the base rate lowers nothing.
  assert.equal(documentBonus(1_000_000, [30, 30]), 0);
});

test('clean text with real question marks and letters between characters stays as written', () => {
  for (const line of ['舜何人也?予何人也?有为者亦若是。', '他說A股今天大漲，醫生讓他去拍X光片。', '命令中的“h”表示小时，“m”表示分钟。']) {
    assert.equal(repairText(line).text, line, line);
  }
});

test('a measuring script tries other settings through the probe, inside observeSearch only', () => {
  const rate = () => documentBonus(100, Array(50).fill(40));
  assert.equal(observeSearch({ rateTuning: { baseRate: 1, maxBonus: 0 } }, rate), 0);
  assert.equal(observeSearch({ rateTuning: { baseRate: 1, maxBonus: 6 } }, rate), 6);
  assert.equal(rate(), RATE_TUNING.maxBonus);
});

test('in a text that shows the channel, the band is searched again below its floor', () => {
  // Each line lost a lead byte and, a few characters on, a trail byte (a drop with no mark):
  // four long runs found with confidence give the text its rate; `姹九` (版本, 版 B0E6 本 B1BE
  // read from E6B1 BED0) gains too little by its bigrams to be searched at clean text's floor.
  const garbled = [
    "把文件的内容复制到标际涑錾希毙慈朊恳桓指定的文件中。",
    "如果没有指定文件名，或者募且桓黾鹾牛痛颖准输入读取数据。",
    "这个命令常常用来在管道的中间４嬉环菔莸母北荆┮后查看。",
    "出现错误的时候，程蚧岚汛砦蟮脑蛐吹奖曜即误上，然后继续处理下一个文件。",
    "--help 显示税镏信息并退出",
    "--version 显示姹九息并退出",
  ].join('\n');
  const version = (text: string) => text.split('\n').pop();
  assert.equal(version(repairText(garbled).text), '--version 显示版本信息并退出');
  // The floor kept where clean text set it (no drop): the run is not searched.
  assert.equal(version(observeSearch({ bandDrop: 0 }, () => repairText(garbled).text)), '--version 显示姹九息并退出');
});
