import type { FlatBigrams } from '../../model/quantizedTables';
import { searchProbe } from './probes';

/**
 * Where the silent-run search (silentRuns.ts) looks: the windows of a stretch around a sign that
 * something may read as garbage, a character the model finds rare (a unigram at or below
 * RARE_UNIGRAM, or one it does not hold) or a mark (`?`, U+FFFD, an ASCII character 0x40–0x7E
 * after a double-byte one: a trail shown as itself), DOUBT_MARGIN offsets either side. The shown
 * characters of a misaligned run are pairs of a trail and the next lead, mostly rare ones.
 *
 * A calibrated test, not a bound: on the repair evaluation's tuning part every run the search
 * finds lies inside one window with its neighbours (half the margin loses 9 of 9,464), and about
 * half of clean prose lies outside every window (scripts/perf/silent-window-calibrate.mjs, kind
 * `rare10+mark`; docs/performance.md). The test reads one table entry per character, no bigram.
 */

/** A character this rare (ln P as a unigram, in tenths of a nat as the model stores it: −10 nats) is a sign. */
const RARE_UNIGRAM_Q = 100;
/** Offsets searched either side of each sign. */
const DOUBT_MARGIN = 16;

/** The windows [lo, hi) within [from, to + 1), as lo, hi, lo, hi…, in order and apart. */
export function doubtedWindows(v: string, from: number, to: number, flat: FlatBigrams): number[] {
  if (searchProbe().whole) return [from, to + 1];
  const out: number[] = [];
  const { index, unigramQ } = flat;
  const last = Math.min(to, v.length - 1);
  let a = from > 0 ? v.charCodeAt(from - 1) : 0x0a;
  for (let i = from; i <= last; i++) {
    const c = v.charCodeAt(i);
    const before = a;
    a = c;
    if (c < 0x80) {
      if (!(c === 0x3f || (c >= 0x40 && c <= 0x7e && before >= 0x80))) continue;
    } else if (c !== 0xfffd) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const x = index[c];
      if (x >= 0 && unigramQ[x] < RARE_UNIGRAM_Q) continue;
    }
    const lo = Math.max(from, i - DOUBT_MARGIN);
    const hi = Math.min(to + 1, i + 1 + DOUBT_MARGIN);
    if (out.length && out[out.length - 1] >= lo) out[out.length - 1] = hi;
    else out.push(lo, hi);
  }
  return out;
}
