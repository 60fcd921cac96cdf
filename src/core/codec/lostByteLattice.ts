import type { CharLanguageModel } from '../model/charLanguageModel';
import { sequenceLength } from './utf8WithHoles';
import { hexByte } from './hexByte';
import { LOST, MAX_KEPT_READINGS, mostFrequent, readingsAt, UNKNOWN_CHAR_LOGPROB, type Reading } from './latticeReadings';
import { addEdge, addState, bestStates, scratch, trimScratch } from './latticeScratch';
import { doubtOptions, type Doubt } from './latticeDoubts';

export type { Doubt } from './latticeDoubts';

export { codePointOf, LOST } from './latticeReadings';

/**
 * The lattice under utf8LostBytes.ts: one stretch of a byte stream with lost bytes, between two
 * characters the stream spells out whole (or its ends), read as UTF-8 by Viterbi under the
 * character model, each guessed character kept only with a clear margin (see decodeLattice).
 */

/** Characters the stream writes whole elsewhere (a guess among them gains SEEN_IN_RUN). */
export interface SeenChars {
  has(ch: string): boolean;
  /** Whether the document writes `a` right before `b` elsewhere (a reading through that pair gains SEEN_PAIR). */
  pair?(a: string, b: string): boolean;
}

/** A cache model over the document's character pairs: a name or a word it writes elsewhere. */
const SEEN_PAIR = 2;

/**
 * A guess that the stream itself writes elsewhere (a quotation's 」 after its 「, a name said twice)
 * gains this much: a cache model over the characters of the known bytes, for what a bigram
 * model cannot see.
 */
const SEEN_IN_RUN = 1.5;

/** The result of one stretch: its text, the bytes chosen for its lost ones (`??` where lost), characters left as U+FFFD. */
export interface StretchDecoding {
  text: string;
  /**
   * The text with the guesses that cleared MIN_MARGIN but not a dense code page's wider margin
   * written out: not trusted enough to write, but what tells a misread run from text (judgeReading.ts).
   */
  likely: string;
  restored: string[];
  unrecovered: number;
  /** The guesses left U+FFFD for want of a margin, with their readings, for a second opinion (Big5 only). */
  doubts: Doubt[];
  /** Every character left U+FFFD: where it stands in the text and the bytes it spans (lostEchoes.ts). */
  lost: LostSlot[];
}

/**
 * A character left U+FFFD: its code unit offset in the text, the byte offset and length of its
 * UTF-8 sequence in the stream (some of them lost), and its first entry among `restored`.
 */
export interface LostSlot {
  at: number;
  from: number;
  length: number;
  restoredAt: number;
}

/** How much better the best reading of a lost character must be than the next one. */
const MIN_MARGIN = 1;
/**
 * Where a code page loses bytes densely (Big5: a finite `lostAbove`, see LostByteSpec.maxReadings),
 * a guessed character's neighbours are often lost too, and a bigram margin with no known neighbour
 * is not worth what it is with two. Measured on the evaluation's tuning part (characters with one
 * byte lost; docs/repair-eval.md), the share of guesses that are right at a margin of 1 / 2 / 3 / 5
 * nats: 91 / 95 / 98 / 99 % with both neighbours whole, 82 / 91 / 96 / 97 % with one, 67 / 80 /
 * 88 / 94 % with none. So there a guess needs DENSE_MIN_MARGIN, and NEAR_LOST_MARGIN more for each
 * neighbour on the path that is itself guessed or lost: 95 % of the guesses kept are right.
 */
const DENSE_MIN_MARGIN = 2;
const NEAR_LOST_MARGIN = 1.5;
/**
 * There, too, the margin a guess needs follows how many readings its bytes allow (the ones on a
 * path through the lattice): ln of the other readings' count over OTHER_READINGS, the count the
 * two margins above were calibrated at (a character of one lost byte has about 33 readings; 7 to
 * 16 where the decoder prints the HKSCS pairs, 64 before a byte that cannot trail). The margin is
 * a likelihood ratio against the next best reading; against all the others together it needs
 * ln of their number more. Never under MIN_MARGIN. Tuning part, characters of one lost byte right
 * / wrong: 2,407 / 110 without, 2,447 / 109 with (docs/repair-eval.md).
 */
const OTHER_READINGS = 32;
/**
 * The character model folds U+3000 into the ASCII space, which is common before digits and Latin
 * letters; inside a line of Chinese the ideographic space is rare (it indents paragraphs), so as a
 * guess for a lost byte it pays this much unless it opens a line.
 */
const MID_LINE_IDEOGRAPHIC_SPACE = -8;
/**
 * The model folds fullwidth letters and digits into ASCII ones, which are common next to Chinese;
 * a fullwidth `Ａ` or `５` alone is not (a text that writes figures fullwidth writes several).
 */
const LONE_FULLWIDTH_ALNUM = -8;

function isFullwidthAlnum(ch: string): boolean {
  const cp = ch.charCodeAt(0);
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** The margin a guess with `nearLost` of its neighbours guessed or lost and `readings` readings needs, where bytes are lost densely. */
function denseMargin(nearLost: number, readings: number): number {
  return Math.max(MIN_MARGIN, DENSE_MIN_MARGIN + NEAR_LOST_MARGIN * nearLost + Math.log(Math.max(1, readings - 1) / OTHER_READINGS));
}

/** The other readings at a guessed place, reused from place to place. */
const otherReadings = new Set<string>();

/** States kept at each byte position, the best by their score so far (a beam). */
const MAX_STATES = 32;

const NO_BYTES: readonly number[] = [];

/** Lattices read per character model: a stretch's readings by their pattern (see patternKey). */
const readingCaches = new WeakMap<CharLanguageModel, Map<string, Reading[]>>();
/** Patterns kept before the cache starts again (a pattern holds at most MAX_KEPT_READINGS readings). */
const MAX_CACHED_PATTERNS = 4096;

/** Small ids for the candidate lists and pair tests a pattern or a stretch names. */
const ids = new WeakMap<object, number>();
let nextId = 0;
export function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

/**
 * Decode `bytes` (LOST where a byte is unknown; `candidates` lists, by position, the bytes a lost
 * one can have been; `pairs` marks, by the first position, two lost bytes a decoder swallowed
 * together and which pairs it swallows) as UTF-8. `before` and `after` are the characters around
 * the stretch; `seen`, the characters the whole stream writes out; a character with more than
 * `lostAbove` readings stays lost without being weighed (see LostByteSpec.maxReadings).
 *
 * The readings form a lattice over byte positions (a known stretch has one reading, a character
 * with a lost byte a few); the best path under the character model's bigrams is found by Viterbi,
 * and each guessed character is kept only when the best path through any other character at its
 * place scores MIN_MARGIN less (max-marginals from a forward and a backward pass): two lost
 * characters side by side (歧视 in 鐨勬�ц�嗐) are decided together. Undefined when no reading is
 * well-formed.
 */
export function decodeLattice(
  bytes: readonly number[],
  candidates: ReadonlyMap<number, readonly number[]>,
  lm: CharLanguageModel,
  before: string,
  after: string,
  pairs: ReadonlyMap<number, (first: number, second: number) => boolean>,
  seen: SeenChars,
  lostAbove = Infinity,
): StretchDecoding | undefined {
  const n = bytes.length;
  // The readings from each position, given the first byte of a swallowed pair carried into it.
  // They depend only on the bytes from there (with the candidates and pair tests of the lost
  // ones) and the pair byte carried in, so they are shared across stretches and calls.
  let readingCache = readingCaches.get(lm);
  if (!readingCache) readingCaches.set(lm, (readingCache = new Map()));
  const cache = readingCache;
  const patternKey = (p: number, open: number | undefined): string => {
    let key = `${lostAbove}:${open ?? ''}${pairs.has(p - 1) ? 'p' + idOf(pairs.get(p - 1)!) : ''}`;
    // The bytes the character from p may span: as many as its first byte says, when known.
    const span = bytes[p] === LOST ? 4 : sequenceLength(bytes[p]);
    for (let k = p; k < Math.min(n, p + span); k++) {
      const b = bytes[k];
      key += b === LOST ? `,L${idOf(candidates.get(k) ?? NO_BYTES)}${pairs.has(k) ? 'p' + idOf(pairs.get(k)!) : ''}` : `,${b}`;
    }
    return key;
  };
  const readingsFrom = (p: number, open: number | undefined): Reading[] => {
    if (bytes[p] !== LOST && sequenceLength(bytes[p]) === 0) return [];
    const key = patternKey(p, open);
    let cached = cache.get(key);
    if (!cached) {
      if (cache.size >= MAX_CACHED_PATTERNS) cache.clear();
      cache.set(key, (cached = readingsOf(p, open)));
    }
    return cached;
  };
  const readingsOf = (p: number, open: number | undefined): Reading[] =>
    mostFrequent(readingsAt(bytes, candidates, p, (i, seq) => {
      for (let j = 0; j < seq.length; j++) {
        const at = i + j;
        if (bytes[at] !== LOST) continue;
        const second = pairs.get(at - 1);
        if (second) {
          const first = j > 0 ? seq[j - 1] : open;
          if (first !== undefined && !second(first, seq[j])) return false;
        }
        const first = pairs.get(at);
        if (first && j + 1 < seq.length && !first(seq[j], seq[j + 1])) return false;
      }
      return true;
    }, lostAbove), lm, MAX_KEPT_READINGS, lostAbove);
  // The open pair byte an edge leaves behind: its last byte, when that is the first of a pair.
  const openAfter = (p: number, r: Reading): number | undefined => {
    const last = p + r.length - 1;
    return bytes[last] === LOST && pairs.has(last) && !r.unknown ? r.chosen[r.chosen.length - 1] : undefined;
  };
  const pairBonus = (a: string, b: string): number => (seen.pair?.(a, b) ? SEEN_PAIR : 0);
  const closing = (ch: string): number => (after ? lm.bigram(ch, after) + pairBonus(ch, after) : 0);

  // The lattice in flat arrays (reused from call to call), the states numbered as they are
  // first reached (a state is the last character read and the first byte of a swallowed pair
  // still open, keyed by code point and that byte): the order every loop below visits them in,
  // which breaks ties as a map in insertion order would.
  const L = scratch;
  L.states = 0;
  L.edges = 0;
  addState(before, -1);
  L.stAlpha[0] = 0;
  const statesAt: number[][] = [];
  for (let p = 0; p <= n; p++) statesAt.push([]);
  statesAt[0].push(0);
  const keyed: Array<Map<number, number> | undefined> = new Array(n + 1);
  /** Edges from position p are edgesStart[p] .. edgesStart[p + 1] - 1. */
  const edgesStart = new Int32Array(n + 2);
  // Each reading's target state is resolved once, by the first state that takes it.
  interface Here {
    readings: Reading[];
    seenFlags: Uint8Array;
    targets: Int32Array;
  }
  const readingsHere = new Map<number, Here>();
  const readingsWith = (p: number, open: number): Here => {
    let got = readingsHere.get(open);
    if (!got) {
      const readings = readingsFrom(p, open < 0 ? undefined : open);
      const seenFlags = new Uint8Array(readings.length);
      for (let k = 0; k < readings.length; k++) {
        const r = readings[k];
        if (!r.unknown && r.chosen.length > 0 && seen.has(r.ch)) seenFlags[k] = 1;
      }
      readingsHere.set(open, (got = { readings, seenFlags, targets: new Int32Array(readings.length).fill(-1) }));
    }
    return got;
  };
  /** The state a reading from p leads to, made when first reached. */
  const stateAfter = (p: number, r: Reading): number => {
    const to = p + r.length;
    const open = openAfter(p, r) ?? -1;
    const key = r.ch.codePointAt(0)! * 257 + open + 1;
    let atTo = keyed[to];
    if (!atTo) keyed[to] = atTo = new Map();
    let t = atTo.get(key);
    if (t === undefined) {
      t = addState(r.ch, open);
      atTo.set(key, t);
      statesAt[to].push(t);
    }
    return t;
  };
  const weightOf = (prev: string, r: Reading, seenHere: boolean): number => {
    if (r.unknown) return UNKNOWN_CHAR_LOGPROB;
    let w = lm.bigram(prev, r.ch) + pairBonus(prev, r.ch);
    if (r.chosen.length > 0) {
      if (seenHere) w += SEEN_IN_RUN;
      if (r.ch === '\u3000' && prev !== '' && prev !== '\n' && prev !== '\u3000') w += MID_LINE_IDEOGRAPHIC_SPACE;
      if (isFullwidthAlnum(r.ch) && !isFullwidthAlnum(prev)) w += LONE_FULLWIDTH_ALNUM;
    }
    return w;
  };

  // Forward: best score of each state at each position, and the edge it came by.
  for (let p = 0; p < n; p++) {
    edgesStart[p] = L.edges;
    let here = statesAt[p];
    // States are numbered in the order they were reached: the tie-break of a stable sort.
    if (here.length > MAX_STATES) statesAt[p] = here = bestStates(here, L.stAlpha, MAX_STATES);
    readingsHere.clear();
    for (const s of here) {
      const score = L.stAlpha[s];
      const prev = L.stChar[s];
      const { readings, seenFlags, targets } = readingsWith(p, L.stOpen[s]);
      for (let k = 0; k < readings.length; k++) {
        const r = readings[k];
        const w = weightOf(prev, r, seenFlags[k] === 1);
        let t = targets[k];
        if (t < 0) t = targets[k] = stateAfter(p, r);
        const e = addEdge(s, t, p, w, r);
        const total = score + w;
        if (total > L.stAlpha[t]) {
          L.stAlpha[t] = total;
          L.stCame[t] = e;
        }
      }
    }
  }
  edgesStart[n] = edgesStart[n + 1] = L.edges;
  const { stAlpha, stBeta, stCame, stChar, edgeFrom, edgeTo, edgeScore, edgeReading, edgeAt } = L;
  let endState = -1;
  let endScore = -Infinity;
  for (const s of statesAt[n]) {
    const total = stAlpha[s] + closing(stChar[s]);
    if (total > endScore) {
      endScore = total;
      endState = s;
    }
  }
  if (endState < 0) {
    trimScratch();
    return undefined;
  }

  // Backward: the best score from each state at each position to the end.
  for (const s of statesAt[n]) stBeta[s] = closing(stChar[s]);
  for (let p = n - 1; p >= 0; p--) {
    for (let e = edgesStart[p]; e < edgesStart[p + 1]; e++) {
      const rest = stBeta[edgeTo[e]];
      if (rest === -Infinity) continue;
      const through = edgeScore[e] + rest;
      if (through > stBeta[edgeFrom[e]]) stBeta[edgeFrom[e]] = through;
    }
  }

  // The best path, back from the end: its edges.
  const path: number[] = [];
  for (let s = endState; stCame[s] >= 0; s = edgeFrom[stCame[s]]) path.push(stCame[s]);
  path.reverse();

  const parts: string[] = [];
  const likely: string[] = [];
  const restored: string[] = [];
  const doubts: Doubt[] = [];
  const lost: LostSlot[] = [];
  let at = 0;
  let unrecovered = 0;
  // Each guessed character's margin: how much better the best path is than the best through any
  // other character at its place (Infinity for a character of known bytes, -Infinity for a lost one).
  const dense = Number.isFinite(lostAbove);
  // How many characters each guessed place could be (its readings on a path), for the margin.
  const readingCounts = new Array<number>(path.length).fill(0);
  const margins = path.map((e, k) => {
    const r = edgeReading[e];
    if (r.chosen.length === 0) return Infinity;
    if (r.unknown) return -Infinity;
    let best = -Infinity;
    const p = edgeAt[e];
    const others = otherReadings;
    others.clear();
    for (let alt = edgesStart[p]; alt < edgesStart[p + 1]; alt++) {
      const reading = edgeReading[alt];
      if (reading.ch === r.ch) continue;
      const rest = stBeta[edgeTo[alt]];
      if (rest === -Infinity) continue;
      if (dense) others.add(reading.ch);
      best = Math.max(best, stAlpha[edgeFrom[alt]] + edgeScore[alt] + rest);
    }
    readingCounts[k] = others.size + 1;
    return endScore - best;
  });
  // A neighbour guessed at all counts as lost: counting only those under a margin of 4 gains 0.2
  // points of the tuning CER for 0.6 points of the guesses' precision.
  const doubtful = (k: number): boolean => k >= 0 && k < path.length && margins[k] < Infinity;
  for (const [k, e] of path.entries()) {
    const r = edgeReading[e];
    if (r.chosen.length === 0) {
      parts.push(r.ch);
      likely.push(r.ch);
      at += r.ch.length;
      continue;
    }
    const need = dense ? denseMargin(Number(doubtful(k - 1)) + Number(doubtful(k + 1)), readingCounts[k]) : MIN_MARGIN;
    likely.push(margins[k] < MIN_MARGIN ? '\ufffd' : r.ch);
    if (margins[k] < need) {
      if (dense && !r.unknown && r.ch.length === 1) {
        const options = doubtOptions(path, k, edgesStart, endScore);
        if (options.length > 1) doubts.push({ at, restoredAt: restored.length, need, options });
      }
      lost.push({ at, from: edgeAt[e], length: r.length, restoredAt: restored.length });
      parts.push('\ufffd');
      at += 1;
      for (const _ of r.chosen) restored.push('??');
      unrecovered++;
    } else {
      parts.push(r.ch);
      at += r.ch.length;
      for (const b of r.chosen) restored.push(hexByte(b));
    }
  }
  trimScratch();
  return { text: parts.join(''), likely: likely.join(''), restored, unrecovered, doubts, lost };
}
