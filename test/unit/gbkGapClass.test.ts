/**
 * The classes of the byte after a high byte (gbkGaps.ts gbkGapClass): every byte of a class makes
 * a gap with the same high bytes 0x81–0xFE as the byte that names it, and the lists made per class
 * (runEnds.ts lastAtLead, loneMarks.ts lostBefore) are the lists made for each byte of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gbkGapClass, isGbkGap } from '../../src/core/codec/gbkGaps';
import { gbkTable } from '../../src/core/codec/gbkTable';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { DROPPED, lastAtLead } from '../../src/core/garble/misaligned/runEnds';
import { lostBefore } from '../../src/core/garble/misaligned/loneMarks';
import { ordinary } from '../../src/core/garble/misaligned/silentGuesses';

const highBytes = Array.from({ length: 0xfe - 0x81 + 1 }, (_, k) => 0x81 + k);
const bytes = Array.from({ length: 0x100 }, (_, n) => n);

test('a byte makes a gap with the same high bytes as its class names', () => {
  const classes = new Set<number>();
  for (const n of bytes) {
    const c = gbkGapClass(n);
    classes.add(c);
    assert.ok(c <= n, `class ${c} of ${n}`);
    if (n === 0) assert.equal(c, 0);
    else for (const t of highBytes) assert.equal(isGbkGap(t, n), isGbkGap(t, c), `(${t}, ${n}) against (${t}, ${c})`);
  }
  // Byte 0 stands alone; the others fall into a few classes, each named by its first byte.
  for (const c of classes) if (c !== 0) assert.equal(gbkGapClass(c), c);
  assert.ok(classes.size < 40, `${classes.size} classes`);
});

test('the lists kept per class are those made for each byte', () => {
  const table = gbkTable();
  const lm = getCharModel();
  for (const b of [0x40, 0x7e, 0x80, 0xa1, 0xb5, 0xd6, 0xfe]) {
    for (const n of bytes) {
      if (n === 0) continue;
      const dropped = table.trailsOf(b).filter(([t]) => t >= 0x81 && isGbkGap(t, n));
      const made = [...table.leadsOf(b), ...dropped.map(([t, ch]) => [DROPPED | t, ch] as const)];
      assert.deepEqual(lastAtLead(table, b, n), made, `last byte ${b}, next ${n}`);
    }
  }
  for (const lead of highBytes) {
    const made: Array<readonly [number, string]> = [];
    for (let t = 0x80; t <= 0xfe; t++) {
      if (t > 0x80 && !isGbkGap(t, lead)) continue;
      for (const [l, ch] of table.leadsOf(t)) if (ordinary(ch, lm) && ch !== '\u3000') made.push([(l << 8) | t, ch]);
    }
    assert.deepEqual(lostBefore(lead, table, lm), made, `lead ${lead}`);
  }
});
