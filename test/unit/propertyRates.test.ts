/**
 * How often repair(c(x)) = x for corruptions the core does not (or cannot) always undo, measured
 * on a fixed sample of real lines (see propertyText.ts) and reported as test diagnostics, not
 * asserted: misaligned GBK runs, GBK mojibake with and without a lost byte, Big5 mojibake, and
 * UTF-8 read as sloppy cp1252 over every kind of line (with NBSP, emoji, tone marks).
 * docs/reliability.md quotes these numbers.
 */
import { test } from 'node:test';
import {
  isGbkEncodable,
  isLosslessBig5Mojibake,
  isLosslessGbkMojibake,
  misalignedGbk,
  mojibakeBig5,
  mojibakeGbk,
  mojibakeLatin1,
  seededRandom,
} from '../garblers';
import { repairText } from '../../src/core';
import { realLines } from './propertyText';

/** Every n-th line with Chinese: a spread over all files, the same on every run. */
const sample = realLines()
  .filter((l) => /\p{Script=Han}/u.test(l.text) && l.text.length >= 4)
  .filter((_, i) => i % 120 === 0);

function rate(name: string, corrupt: (text: string) => string | undefined): string {
  let n = 0;
  let ok = 0;
  for (const l of sample) {
    const garbled = corrupt(l.text);
    if (garbled === undefined || garbled === l.text) continue;
    n++;
    if (repairText(garbled).text === l.text) ok++;
  }
  return `${name}: ${ok}/${n} repaired exactly (${n ? ((100 * ok) / n).toFixed(1) : '–'}%)`;
}

test('repair rates of corruptions the core does not always undo', (t) => {
  const random = seededRandom(7);
  t.diagnostic(`${sample.length} lines`);
  t.diagnostic(rate('utf-8 read as sloppy cp1252, all lines', (x) => mojibakeLatin1(x)));
  t.diagnostic(rate('utf-8 read as gbk, no byte lost', (x) => (isLosslessGbkMojibake(x) ? mojibakeGbk(x) : undefined)));
  t.diagnostic(rate('utf-8 read as gbk, a byte lost', (x) => (isLosslessGbkMojibake(x) ? undefined : mojibakeGbk(x))));
  t.diagnostic(rate('utf-8 read as big5', (x) => mojibakeBig5(x)));
  t.diagnostic(rate('utf-8 read as big5, no byte lost', (x) => (isLosslessBig5Mojibake(x) ? mojibakeBig5(x) : undefined)));
  t.diagnostic(
    rate('misaligned gbk run of 3–30 characters', (x) => {
      if (!isGbkEncodable(x)) return undefined;
      const start = random.int(0, x.length - 3);
      return misalignedGbk(x, start, Math.min(x.length, start + random.int(3, 30)));
    }),
  );
});
