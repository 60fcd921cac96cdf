import type { CharLanguageModel } from '../../model/charLanguageModel';
import { isHan } from '../../text/chars';
import { holeLabels } from './runState';
import type { RunCandidate } from './runSearch';
import { LENGTH_BONUS, MAX_RANK } from './searchTuning';

/** Minimum improvement of the window's log-probability (nats) before a run is repaired. */
const MIN_GAIN = 8;
/** Minimum improvement per garbled character. */
const MIN_GAIN_PER_CHAR = 1.2;

/** A run and the text around it, in view offsets. */
export interface RunWindow {
  view: string;
  anchor: number;
  /** View offset after each token of the run. */
  ends: readonly number[];
  /** Where the left context starts (a few characters before the anchor), and its text. */
  leftStart: number;
  left: string;
  /** Where the right context ends, and where the line ends. */
  windowEnd: number;
  lineEnd: number;
}

export interface RunRepair {
  /** View offset where the repaired span ends (it starts at the anchor). */
  end: number;
  out: string;
  confidence: number;
  /** ln-probability gained over the window as shown (nats). */
  gain: number;
  plan: string[];
}

/**
 * The best candidate, if it reads far better than the garbled text did: every candidate is
 * judged with the rest of the window after it, so that runs of different lengths compare alike,
 * and the winner must gain MIN_GAIN over the window as shown and MIN_GAIN_PER_CHAR per garbled
 * character. Real `?`, `!` and rare characters stay as they are.
 */
export function judgeRun(candidates: readonly RunCandidate[], w: RunWindow, lm: CharLanguageModel): RunRepair | undefined {
  const { view: v, anchor, ends, leftStart, left, windowEnd, lineEnd } = w;
  const leftScore = left ? lm.score(left) : 0;
  const restScore = new Map<string, number>();
  // The rest of the window after a candidate's end, scored after the candidate's last character,
  // with the same per-character bonus as the candidate so that every window is judged alike.
  const tail = (k: number, prev: string) => {
    const key = k + '\u0000' + prev;
    let s = restScore.get(key);
    if (s === undefined) {
      const rest = [...v.slice(ends[k - 1], windowEnd)];
      // At the end of the line the next token is the line break: `。` ends a line, `——` rarely.
      if (windowEnd === lineEnd) rest.push('\n');
      s = (prev ? lm.bigram(prev, rest[0]) : lm.unigram(rest[0])) + lm.score(rest.join('')) - lm.unigram(rest[0]);
      s += LENGTH_BONUS * rest.length;
      restScore.set(key, s);
    }
    return s;
  };
  let best: { c: RunCandidate; total: number } | undefined;
  for (const c of candidates) {
    // The state's context is the candidate's last character (or the one before the run).
    const total = leftScore + c.state.score + tail(c.tokenEnd, c.state.prev);
    // Candidates that run on past the natural end re-decode the same characters: prefer the shortest.
    if (!best || total > best.total + 1e-6 || (total > best.total - 1e-6 && c.tokenEnd < best.c.tokenEnd)) best = { c, total };
  }
  if (!best) return undefined;
  const bestOut = best.c.state.output();
  const baseline = lm.score(v.slice(leftStart, windowEnd) + (windowEnd === lineEnd ? '\n' : ''));
  const rest = [...v.slice(ends[best.c.tokenEnd - 1], windowEnd)].length + (windowEnd === lineEnd ? 1 : 0);
  const gain = best.total - LENGTH_BONUS * ([...bestOut].length + rest) - baseline;
  const garbled = v.slice(anchor, ends[best.c.tokenEnd - 1]);
  const garbledChars = [...garbled].length;
  if (gain < MIN_GAIN || gain / garbledChars < MIN_GAIN_PER_CHAR) return undefined;
  // Misaligned Chinese re-pairs into Chinese, words or sentence punctuation (`?!盨` as `。”S`): a
  // reading with neither where the run had Han (`-?選` as `-＿x`) trades words for symbols.
  if (!readsChinese(bestOut) && readsChinese(garbled)) return undefined;
  for (const ch of bestOut) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp) && lm.rank(ch) > MAX_RANK) return undefined;
    // Fullwidth Latin letters and digits come out of bytes paired wrongly, not out of a repair.
    if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return undefined;
  }
  const holes = holeLabels(best.c.state.hole);
  // Trim what the repair gives back unchanged (`MC` after 馭 re-decodes as itself).
  let end = ends[best.c.tokenEnd - 1];
  let out = bestOut;
  while (out.length > 0 && end > anchor + 1 && out[out.length - 1] === v[end - 1]) {
    out = out.slice(0, -1);
    end--;
  }
  return {
    end,
    out,
    confidence: Math.min(0.99, 0.5 + gain / 60),
    gain,
    plan: [
      `encode gbk (${garbled} → bytes, fullwidth ASCII unfolded)`,
      `restore lost byte${holes.length > 1 ? 's' : ''} ${holes.join(', ')}`,
      'decode gbk in step',
    ],
  };
}

/** Han, or the punctuation of Chinese sentences (not fullwidth letters, digits or symbols). */
function readsChinese(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp) || (cp >= 0x3001 && cp <= 0x303f) || cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d || cp === 0x2026 || cp === 0x2014) return true;
    if ((cp >= 0xff01 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff1f)) return true;
  }
  return false;
}
