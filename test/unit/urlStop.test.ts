/**
 * What ends a URL around a span (decision/deliberateGarbling.ts): the code-unit test says what the
 * pattern says, for every code unit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUrlStop, URL_STOP } from '../../src/core/decision/deliberateGarbling';

test('isUrlStop agrees with URL_STOP on every code unit', () => {
  const differ: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (isUrlStop(c) !== URL_STOP.test(String.fromCharCode(c))) differ.push(c);
  assert.deepEqual(differ, []);
  for (const ch of ' \t（。]') assert.equal(isUrlStop(ch.charCodeAt(0)), true, ch);
  for (const ch of 'a:/中') assert.equal(isUrlStop(ch.charCodeAt(0)), false, ch);
});
