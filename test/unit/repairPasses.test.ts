/**
 * repairText's further passes (mojibake of mojibake unwinds one layer a pass) read again only the
 * lines the pass before changed, with a line on each side: the layers of a line deep inside a long
 * text still unwind, at the right offsets, and the lines around come back as they were.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairText } from '../../src/core';
import { mojibakeLatin1 } from '../garblers';

const CLEAN = ['北京亦庄助力打造京津冀高精尖产业经济带。', '这一行没有乱码，保持原样。'];
const LINE = '记者今天从北京经济技术开发区获悉，三地协同发展迈出新步伐';
const twice = (s: string) => mojibakeLatin1(mojibakeLatin1(s, 'cp1252-sloppy'), 'cp1252-sloppy');

test('two layers of Windows-1252 mojibake on lines deep inside a long text unwind; the other lines are untouched', () => {
  const garbled = twice(LINE);
  assert.notEqual(garbled, LINE);
  const lines = [...Array(40).fill(CLEAN[0]), garbled, ...Array(40).fill(CLEAN[1]), garbled, CLEAN[1], '', garbled];
  const r = repairText(lines.join('\n'));
  assert.equal(r.text, lines.map((l) => (l === garbled ? LINE : l)).join('\n'));
  assert.equal(r.applied.length, 3);
  for (const i of r.applied) assert.equal(lines.join('\n').slice(i.start, i.end), garbled);
});
