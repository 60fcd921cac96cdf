/**
 * Capitals Chinese text writes as words between Chinese characters (A股, X光, C语言, B超, 卡拉OK)
 * are not read as the trail of a character that lost its GBK lead byte (misaligned/loneTrails.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairText } from '../../src/core';

test('capitals written as words between Chinese characters stay', () => {
  for (const line of [
    '他說A股今天大漲，醫生讓他去拍X光片。',
    '为了确保C语言工程的设计思路能在各个模块中保持一致。',
    '孕妇要定期做B超检查，医生说一切正常。',
    '我们去唱卡拉OK，他买了一件T恤。',
  ]) assert.equal(repairText(line).text, line, line);
});
