/**
 * The echo search endEchoes.ts and echoedTraces.ts share (misaligned/documentEchoes.ts): the
 * characters the document writes where the pair before or the pair after the loss is written
 * again near by, the one with the most context in a row, none on a tie.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestReading, documentEcho, type EchoContext } from '../../src/core/garble/misaligned/documentEchoes';

// [readings offered, in order, with their context; the reading chosen (undefined: a tie)]
const CHOICES: ReadonlyArray<readonly [ReadonlyArray<readonly [string, number, number]>, string | undefined]> = [
  [[], undefined],
  [[['表', 2, 3]], '表'],
  [[['表', 2, 3], ['错', 1, 1]], '表'],
  [[['错', 1, 1], ['表', 2, 3]], '表'],
  // As much context either way, split differently: a tie.
  [[['表', 2, 3], ['错', 4, 1]], undefined],
  [[['错', 1, 1], ['表', 2, 3], ['对', 3, 2]], undefined],
  // A tie below the best does not count.
  [[['表', 4, 4], ['错', 1, 1], ['对', 1, 1]], '表'],
];

test('the reading with the most context wins, none where another has as much', () => {
  for (const [offered, want] of CHOICES) {
    const found = new Map<string, EchoContext>(offered.map(([ch, left, right]) => [ch, { left, right }]));
    assert.equal(bestReading(found)?.ch, want, JSON.stringify(offered));
  }
});

// [text (□ where the loss stands), characters that may stand there, anchors across a line break
// looked for, reading (undefined: none), its context left/right]
const SEARCHES: ReadonlyArray<readonly [string, string, boolean, string | undefined, number, number]> = [
  ['资产负债表上体现了。在资产负债□上体现了', '表错', false, '表', 4, 4],
  // Context on one side only still offers it (the callers' bars judge it).
  ['负债表。在资产负债□上体现了', '表错', false, '表', 2, 0],
  // Two fitting readings with as much context: none.
  ['负债表上。负债错上。在资产负债□上体现', '表错', false, undefined, 0, 0],
  // A character that does not fit is no reading.
  ['资产负债表上体现了。在资产负债□上体现了', '错', false, undefined, 0, 0],
  // The pair before holds a line break: looked for only where asked (the context stops there).
  ['乙\n表丙。乙\n□丁', '表', false, undefined, 0, 0],
  ['乙\n表丙。乙\n□丁', '表', true, '表', 0, 0],
];

test('the places that write the pair before or after again offer the characters between', () => {
  for (const [text, may, overLines, want, left, right] of SEARCHES) {
    const at = text.indexOf('□');
    const fits = (ch: string, p: number) => p !== at && may.includes(ch);
    const e = documentEcho(text, at, 1, text.slice(Math.max(0, at - 4), at), text.slice(at + 1, at + 5), fits, { anchorsOverLines: overLines });
    assert.equal(e?.ch, want, text);
    if (e) assert.deepEqual([e.left, e.right], [left, right], text);
  }
});

test('only the places within the window around the loss are looked at', () => {
  const far = '资产负债表上体现。' + '一'.repeat(10_050) + '在资产负债□上体现';
  const at = far.indexOf('□');
  const fits = (ch: string, p: number) => p !== at && ch === '表';
  assert.equal(documentEcho(far, at, 1, '资产负债', '上体现', fits), undefined);
  const near = '资产负债表上体现。' + '一'.repeat(9_950) + '在资产负债□上体现';
  assert.equal(documentEcho(near, near.indexOf('□'), 1, '资产负债', '上体现', (ch, p) => p !== near.indexOf('□') && ch === '表')?.ch, '表');
});

test('the pair after is looked for once per window when its places are kept', () => {
  const text = '资产负债表上体现了。在资产负债□上体现了';
  const at = text.indexOf('□');
  const after = { places: undefined as number[] | undefined };
  documentEcho(text, at, 1, '资产负债', '上体现了', (ch, p) => p !== at && ch === '表', { after });
  assert.deepEqual(after.places, [text.indexOf('上体'), at + 1]);
});
