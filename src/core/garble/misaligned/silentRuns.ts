import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { isGbkGap } from '../../codec/gbkGaps';
import { isCjkPunct, isHan } from '../../text/chars';
import { MAX_RANK } from './searchTuning';
import { NEIGHBOURHOOD, weighRepair } from '../../decision';

/**
 * Misaligned GBK runs that start without a mark: a lead byte was lost on the way (a cut, a
 * transfer that dropped one byte), and no decoder says so where it happened. From there on every
 * character shown is (trail of one character, lead of the next): `以下資料` became `以沦Y料`
 * (下 = CF C2, 資 = 98 59: C2 98 is 沦, and the trail 59 met in lead position is `Y`).
 *
 * What the run does show is where it ends. The decoder falls back into step
 *  - at a trail byte 0x40–0x7E, which it reads as ASCII (`Y`, `c`, `~`), or
 *  - at a trail byte it cannot pair with the byte after it (ASCII below 0x40, a line end, a pair
 *    the decoder has no character for): it prints `?` or U+FFFD there, and Python's decoder
 *    carries on in step after it.
 * So the search works back from those ends: for each start a few characters before one, the
 * bytes of the characters shown are paired again one byte later, which fixes every character but
 * the first (its lead is the lost byte) and, after a mark, the last (its trail is the mark). Those
 * two are read with the character model from their neighbours, among the few bytes that fit, and
 * kept only when the model prefers one clearly; otherwise they stay lost, as U+FFFD, and the
 * repair says so. A run is repaired only when the text reads far better than it did.
 */

/** Characters shown between the lost byte and the run's end, at most. */
const MAX_RUN = 40;
/**
 * A bigram this unlikely (nats) is a sign of garbage: every run shows one. Prose has a few
 * (rare names); a run without one is not looked at.
 */
const BAD_BIGRAM = -12;
/** Characters of context on each side when a reading is compared with the text as shown. */
const CONTEXT = 3;
/** Minimum improvement of the window's log-probability (nats)… */
const MIN_GAIN = 10;
/** …and per character shown. */
const MIN_GAIN_PER_CHAR = 2;
/** Characters on each side of a mark looked at, and the most marks a run's end has among them. */
const MARK_NEIGHBOURHOOD = 10;
const MAX_MARKS_NEARBY = 2;
/** A guessed character is kept when the model prefers it by this much (nats) over any other. */
const MARGIN = 1;

export interface SilentRun {
  start: number;
  end: number;
  out: string;
  lossy: boolean;
  plan: string[];
  confidence: number;
}

/**
 * Where a run ends: at an ASCII byte it read in step (consumed: it is the last character's trail),
 * or at a mark standing for the last trail (consumed). A run whose last trail was dropped without
 * a mark (Python's errors='ignore') is not looked for: garbage-looking bigrams alone changed clean
 * classical verse and rare names.
 */
type End = { at: number; kind: 'ascii' | 'mark' };

/** A double-byte character of the GBK table, as its two bytes, or undefined. */
function pairOf(table: DbcsTable, ch: string): readonly number[] | undefined {
  const b = table.bytesOf(ch);
  return b && b.length === 2 ? b : undefined;
}

const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');

/**
 * Runs in `v` (one line or a whole text; runs never cross a line break) outside `taken`, in text
 * order, without overlaps.
 */
export function findSilentRuns(v: string, table: DbcsTable, lm: CharLanguageModel, taken: ReadonlyArray<{ start: number; end: number }>): SilentRun[] {
  const runs: SilentRun[] = [];
  const free = (a: number, b: number) => !taken.some((t) => t.start < b && a < t.end) && !runs.some((r) => r.start < b && a < r.end);
  let bad: BadBigrams | undefined;
  for (let at = 1; at <= v.length; at++) {
    // A run shows at least one double-byte character right before its end.
    if (v.charCodeAt(at - 1) < 0x80) continue;
    const c = at < v.length ? v.charCodeAt(at) : -1;
    let end: End | undefined;
    if (c >= 0x40 && c <= 0x7e) end = { at, kind: 'ascii' };
    else if (c === 0x3f || c === 0xfffd) end = { at, kind: 'mark' };
    if (!end) continue;
    // Two marks in a row are not the end of a run, nor is a mark among many: U+FFFD all around
    // is legacy bytes read as UTF-8 (replacement-char).
    if (end.kind === 'mark' && (v[at + 1] === '?' || v[at + 1] === '\ufffd')) continue;
    if (end.kind !== 'ascii' && marksNear(v, at) > MAX_MARKS_NEARBY) continue;
    bad ??= new BadBigrams(v, lm);
    const best = bestRun(v, end, table, lm, bad);
    if (best && free(best.start, best.end)) runs.push(best);
  }
  return runs.sort((a, b) => a.start - b.start);
}

/** Where the text has a bigram that unlikely, worked out where a run is looked for, once. */
class BadBigrams {
  /** Per offset, the bigram ending there: 0 not looked at yet, 1 bad, 2 not. */
  private readonly flags: Uint8Array;

  constructor(
    private readonly v: string,
    private readonly lm: CharLanguageModel,
  ) {
    this.flags = new Uint8Array(v.length + 1);
  }

  /** Whether a bigram ending at an offset in [from, to) is bad. */
  any(from: number, to: number): boolean {
    for (let i = Math.max(1, from); i < Math.min(to, this.v.length); i++) if (this.at(i)) return true;
    return false;
  }

  private at(i: number): boolean {
    if (this.flags[i] === 0) {
      const a = this.v.charCodeAt(i - 1);
      const b = this.v.charCodeAt(i);
      // Not across surrogates or whitespace, nor between two ASCII characters (no run holds them).
      const bad = (a >= 0x80 || b >= 0x80) && a > 0x20 && b > 0x20 && !(a >= 0xd800 && a <= 0xdfff) && !(b >= 0xd800 && b <= 0xdfff) && this.lm.bigram(this.v[i - 1], this.v[i]) <= BAD_BIGRAM;
      this.flags[i] = bad ? 1 : 2;
    }
    return this.flags[i] === 1;
  }
}

function bestRun(v: string, end: End, table: DbcsTable, lm: CharLanguageModel, bad: BadBigrams): SilentRun | undefined {
  // The characters shown before the end, back to the line's start or a character that is not
  // double-byte GBK (a run has no ASCII inside: an ASCII byte puts the decoder back in step).
  const shown: Array<{ ch: string; bytes: readonly number[]; at: number }> = [];
  let i = end.at;
  while (shown.length < MAX_RUN && i > 0) {
    const ch = v[i - 1];
    const bytes = pairOf(table, ch);
    if (!bytes) break;
    // Kana are Japanese text's own (GBK holds them too): no run reaches back across them.
    if (isKana(ch.codePointAt(0)!)) break;
    shown.unshift({ ch, bytes, at: i - 1 });
    i--;
  }
  const hidden = end.kind !== 'ascii';
  // What the run's text ends before, and what follows the repaired characters.
  const garbledEnd = end.at + 1;
  const nextChar: string | undefined = v[garbledEnd];
  const after = v.slice(garbledEnd, garbledEnd + CONTEXT);
  if (nextChar !== undefined && (nextChar === '?' || nextChar === '\ufffd')) return undefined;
  const nextBytes = nextChar === undefined ? undefined : table.bytesOf(nextChar);
  const nextByte = nextBytes?.[0];
  let best: { run: SilentRun; gain: number } | undefined;
  // k: characters shown in the run, the last k before the end. A lone ASCII character between
  // Chinese ones (很y防守 for 很難防守) is not read: one byte is too little evidence against the
  // text as written (`數組變量@混淆` in a manual).
  for (let k = 1; k <= shown.length; k++) {
    const first = shown.length - k;
    const start = shown[first].at;
    const before = v.slice(Math.max(0, start - CONTEXT), start);
    const prev = before ? before[before.length - 1] : '';
    // The run sits in Chinese text: in step before it (a Han character or Chinese punctuation,
    // or the line's start), and Han among what it shows (Latin letters GBK also holds, `sposób`,
    // `kódú`, are other languages' own); and something in it reads as garbage.
    if (prev && !isChinese(prev.codePointAt(0)!)) continue;
    if (!shown.slice(first).some((x) => isHan(x.ch.codePointAt(0)!))) continue;
    if (!bad.any(start, garbledEnd + 1)) continue;
    const bytes: number[] = [];
    for (let j = first; j < shown.length; j++) bytes.push(...shown[j].bytes);
    // bytes = T1 L2 T2 L3 … Tk L(k+1); the end gives T(k+1) (ASCII) or hides it.
    if (end.kind === 'ascii') bytes.push(v.charCodeAt(end.at));
    else bytes.push(-1);
    const t1 = bytes[0];
    if (t1 < 0x40) continue;
    // The pairs in between are the same for every longer run, with one more in front: one that
    // GBK has no character for, or that is no ordinary character, ends the search.
    const middle: string[] = [];
    let ok = true;
    for (let p = 1; p + 2 < bytes.length; p += 2) {
      const ch = table.decodePair(bytes[p], bytes[p + 1]);
      if (!ch || !ordinary(ch, lm)) {
        ok = false;
        break;
      }
      middle.push(ch);
    }
    if (!ok) break;
    let firstGuess: Guess | undefined;
    let lastGuess: Guess | undefined;
    let known: string[];
    if (!hidden) {
      // The last pair is known: L(k+1) and the ASCII trail.
      const last = table.decodePair(bytes[bytes.length - 2], bytes[bytes.length - 1]);
      if (!last || !ordinary(last, lm)) break;
      known = [...middle, last];
      firstGuess = guess(table.leadsOf(t1), (ch) => lm.bigram(prev || '\n', ch) + lm.bigram(ch, known[0]), lm);
    } else {
      known = middle;
      const lastLead = bytes[bytes.length - 2];
      if (lastLead < 0x81) continue;
      // The last trail could not pair with the byte after it: before ASCII below 0x40, a line
      // break or the end any trail from 0x81 up; before a lead, one the decoder has no pair for.
      const lastOptions = table.trailsOf(lastLead).filter(([t]) => t >= 0x81 && (nextByte === undefined || nextByte < 0x40 || isGbkGap(t, nextByte)));
      const after1 = nextChar ?? '\n';
      if (known.length === 0) {
        const pair = guessPair(table.leadsOf(t1), lastOptions, prev || '\n', after1, lm);
        if (!pair) continue;
        [firstGuess, lastGuess] = pair;
      } else {
        firstGuess = guess(table.leadsOf(t1), (ch) => lm.bigram(prev || '\n', ch) + lm.bigram(ch, known[0]), lm);
        const lastPrev = known[known.length - 1];
        lastGuess = guess(lastOptions, (ch) => lm.bigram(lastPrev, ch) + lm.bigram(ch, after1), lm);
      }
      if (!lastGuess) continue;
    }
    if (!firstGuess) continue;
    const chars = [firstGuess.ch, ...known, ...(lastGuess ? [lastGuess.ch] : [])];
    if (!chars.every((ch) => ordinary(ch, lm))) continue;
    const read = chars.join('');
    const garbled = v.slice(start, garbledEnd);
    const gain = lm.score(before + read + after) - lm.score(before + garbled + after);
    const garbledChars = Math.max(1, [...garbled].length);
    if (gain < MIN_GAIN || gain / garbledChars < MIN_GAIN_PER_CHAR) continue;
    if (best && gain <= best.gain) continue;
    const sureFirst = firstGuess.margin >= MARGIN;
    const sureLast = !lastGuess || lastGuess.margin >= MARGIN;
    // The shared decision: the reading must be likelier than the text as written, in any language.
    const weight = weighRepair({ before: v.slice(Math.max(0, start - NEIGHBOURHOOD), start), original: garbled, reading: read, after: v.slice(garbledEnd, garbledEnd + NEIGHBOURHOOD) });
    if (!weight.accept) continue;
    const out = (sureFirst ? firstGuess.ch : '\ufffd') + known.join('') + (lastGuess ? (sureLast ? lastGuess.ch : '\ufffd') : '');
    const plan = [`encode gbk (${garbled} → bytes)`, `lost lead byte before ${hex(t1)}: ${sureFirst ? `restored as ${hex(firstGuess.lead)}` : 'not recoverable, kept as U+FFFD'}`];
    if (lastGuess) plan.push(`lost trail byte after ${hex(bytes[bytes.length - 2])}: ${sureLast ? `restored as ${hex(lastGuess.lead)}` : 'not recoverable, kept as U+FFFD'}`);
    plan.push('decode gbk in step');
    best = {
      gain,
      run: { start, end: garbledEnd, out, lossy: !sureFirst || !sureLast, plan, confidence: Math.min(0.99, 0.5 + gain / 60) },
    };
  }
  return best?.run;
}

interface Guess {
  ch: string;
  /** The guessed byte (the lead for the first character, the trail for the last). */
  lead: number;
  margin: number;
}

/** The best-scoring ordinary character among `options` ([byte, char]), and its margin over the next. */
function guess(options: ReadonlyArray<readonly [number, string]>, score: (ch: string) => number, lm: CharLanguageModel): Guess | undefined {
  let best: Guess | undefined;
  let bestScore = -Infinity;
  let second = -Infinity;
  for (const [b, ch] of options) {
    if (ch === '\u3000' || !ordinary(ch, lm)) continue;
    const s = score(ch);
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = { ch, lead: b, margin: 0 };
    } else if (s > second) second = s;
  }
  if (best) best.margin = bestScore - second;
  return best;
}

/** Options of each side kept for the joint choice, best first by their outer neighbour. */
const PAIR_OPTIONS = 40;

/**
 * The first and last characters of a run of one character shown, chosen together: each with its
 * margin over the best pair that has another character in its place.
 */
function guessPair(firsts: ReadonlyArray<readonly [number, string]>, lasts: ReadonlyArray<readonly [number, string]>, prev: string, next: string | undefined, lm: CharLanguageModel): [Guess, Guess] | undefined {
  const top = (options: ReadonlyArray<readonly [number, string]>, outer: (ch: string) => number) =>
    options
      .filter(([, ch]) => ch !== '\u3000' && ordinary(ch, lm))
      .map(([b, ch]) => ({ b, ch, s: outer(ch) }))
      .sort((x, y) => y.s - x.s)
      .slice(0, PAIR_OPTIONS);
  const a = top(firsts, (ch) => (prev ? lm.bigram(prev, ch) : 0));
  const z = top(lasts, (ch) => lm.bigram(ch, next ?? '\n'));
  if (!a.length || !z.length) return undefined;
  let best = { i: -1, j: -1, s: -Infinity };
  const scores: number[][] = a.map((x, i) =>
    z.map((y, j) => {
      const s = x.s + lm.bigram(x.ch, y.ch) + y.s;
      if (s > best.s) best = { i, j, s };
      return s;
    }),
  );
  let otherFirst = -Infinity;
  let otherLast = -Infinity;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < z.length; j++) {
      if (i !== best.i) otherFirst = Math.max(otherFirst, scores[i][j]);
      if (j !== best.j) otherLast = Math.max(otherLast, scores[i][j]);
    }
  }
  return [
    { ch: a[best.i].ch, lead: a[best.i].b, margin: best.s - otherFirst },
    { ch: z[best.j].ch, lead: z[best.j].b, margin: best.s - otherLast },
  ];
}

/** What a repair may produce: common Han, CJK punctuation and symbols — not rare characters. */
function ordinary(ch: string, lm: CharLanguageModel): boolean {
  const cp = ch.codePointAt(0)!;
  if (isHan(cp)) return lm.rank(ch) <= MAX_RANK;
  // Fullwidth letters and digits come out of bytes paired wrongly, not out of a repair.
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return false;
  return true;
}

function isChinese(cp: number): boolean {
  return isHan(cp) || isCjkPunct(cp);
}

function isKana(cp: number): boolean {
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff);
}

function marksNear(v: string, at: number): number {
  let marks = 0;
  for (let j = Math.max(0, at - MARK_NEIGHBOURHOOD); j < Math.min(v.length, at + MARK_NEIGHBOURHOOD); j++) if (v[j] === '\ufffd' || v[j] === '?') marks++;
  return marks;
}
