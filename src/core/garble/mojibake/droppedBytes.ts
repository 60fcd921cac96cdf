import type { CharLanguageModel } from '../../model/charLanguageModel';
import { decodeWithLostBytes, LOST } from '../../codec/utf8LostBytes';
import { sequenceLength } from '../../codec/utf8WithHoles';
import type { LostByteReading } from './lostBytes';
import { hexByte as hex } from '../../codec/hexByte';

/**
 * UTF-8 read with a code page that has no character for some bytes, by a decoder that dropped
 * them without a mark (Python's `errors='ignore'` on Windows-1252, which leaves 81 8D 8F 90 9D
 * undefined): `å‚å·®` for 参差, 参 being E5 8F 82 with the 8F gone. Every such byte is a UTF-8
 * continuation byte, so each loss leaves one sequence short, and that is where it shows; but
 * where in the sequence it was is not known: `ç›` (E7 9B) is 睛 (E7 9D 9B) as well as 盐
 * (E7 9B 90). Each short sequence is read with every place and every byte the code page could
 * have dropped, on the lost-byte lattice (codec/utf8LostBytes.ts), which keeps a character only
 * when the character model is sure of it and otherwise leaves U+FFFD, said in the plan.
 */

/** Runs with more short sequences than one in this many units are not read: too little is left. */
const UNITS_PER_SHORT = 3;

/**
 * `bytes`: the run's code-page bytes; `dropped`: the bytes the decoder may have dropped. Undefined
 * when no sequence is short, when too many are, or when the run is broken some other way.
 */
export function readWithDroppedBytes(bytes: readonly number[], dropped: readonly number[], codecName: string, lm: CharLanguageModel, before: string, after: string): LostByteReading | undefined {
  const out: number[] = [];
  const candidates = new Map<number, readonly number[]>();
  const pairs = new Map<number, (a: number, b: number) => boolean>();
  /** By the first of its two places in `out`: the byte left of a short sequence, read again there. */
  const reread = new Map<number, number>();
  let shorts = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes[i]);
    if (n === 0) return undefined;
    let k = 1;
    while (k < n && i + k < bytes.length && bytes[i + k] >= 0x80 && bytes[i + k] <= 0xbf) k++;
    const known = bytes.slice(i, i + k);
    i += k;
    if (k === n) {
      out.push(...known);
      continue;
    }
    shorts++;
    const missing = n - k;
    out.push(known[0]);
    if (k === 2 && missing === 1) {
      // One byte of three gone, before or after the one left: the two places as two lost bytes,
      // exactly one of which is the byte that is left.
      const left = known[1];
      const either = [...new Set([left, ...dropped])];
      const droppedSet = new Set(dropped);
      pairs.set(out.length, (a, b) => (a === left && droppedSet.has(b)) || (droppedSet.has(a) && b === left));
      reread.set(out.length, left);
      candidates.set(out.length, either);
      candidates.set(out.length + 1, either);
      out.push(LOST, LOST);
      continue;
    }
    if (k > 2) return undefined; // a four-byte sequence with one of three places unknown: not read
    for (let m = 0; m < missing; m++) {
      candidates.set(out.length, dropped);
      out.push(LOST);
    }
  }
  if (shorts === 0 || shorts * UNITS_PER_SHORT > bytes.length + 2) return undefined;
  const d = decodeWithLostBytes(out, candidates, lm, before, after, pairs);
  if (!d) return undefined;
  // The lattice reports a byte for each lost position; of a pair, the one that is not the byte left.
  const restored: string[] = [];
  let r = 0;
  for (let p = 0; p < out.length; p++) {
    if (out[p] !== LOST) continue;
    const left = reread.get(p);
    if (left !== undefined) {
      const [a, b] = [d.restored[r], d.restored[r + 1]];
      restored.push(a === '??' ? '??' : a === hex(left) ? b : a);
      r += 2;
      p++;
      continue;
    }
    restored.push(d.restored[r++]);
  }
  const plan = [`encode ${codecName}`];
  const sure = restored.filter((b) => b !== '??');
  if (sure.length) plan.push(`restore dropped byte${sure.length > 1 ? 's' : ''} ${sure.join(', ')}`);
  plan.push('decode utf-8');
  if (d.unrecovered) plan.push(`${d.unrecovered} character${d.unrecovered > 1 ? 's' : ''} lost with ${d.unrecovered > 1 ? 'their bytes' : 'its byte'}: kept as U+FFFD`);
  return { text: d.text, plan, lossy: d.unrecovered > 0 };
}
