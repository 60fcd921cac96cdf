import { hexByte } from './hexByte';
import type { Reading } from './latticeReadings';
import { scratch } from './latticeScratch';

/**
 * The doubts of lostByteLattice.ts: a guessed character the bigrams could not decide, with its
 * readings by the best path through each (max-marginals from the lattice's forward and backward
 * scores, still in the scratch arrays), for a second opinion (garble/mojibake/lostWords.ts).
 */

/**
 * A character of one lost byte the bigrams could not decide: where it stands in the text (a code
 * unit offset) and among the `restored` entries, the margin it needed, and its readings within
 * DOUBT_WINDOW of the best, best first, each with its max-marginal score and the bytes it restores.
 */
export interface Doubt {
  at: number;
  restoredAt: number;
  need: number;
  options: Array<{ ch: string; score: number; bytes: string[] }>;
  /**
   * When the next character is a doubt too (right after this one): the readings of the two
   * together, by the best path through each pair, within DOUBT_WINDOW of the best, best first —
   * the pair's bigram is the one the separate options cannot see.
   */
  pairs?: PairOption[];
}

/** Two neighbouring doubts read together: their characters, the path's score through both, their bytes. */
export interface PairOption {
  a: string;
  b: string;
  score: number;
  aBytes: string[];
  bBytes: string[];
}

/** Pairs of readings of two neighbouring doubts kept for a second opinion, at most. */
const MAX_PAIR_OPTIONS = 48;

/** Readings of a doubted character kept for a second opinion: within this many nats of the best… */
const DOUBT_WINDOW = 8;
/** …and at most this many. */
const MAX_DOUBT_OPTIONS = 12;

/**
 * The readings of path character k (one of the Basic Multilingual Plane: a doubt is replaced in
 * place), by the best path through each, within DOUBT_WINDOW of the best: its own first, the
 * best path's. `path` is the best path's edges, `edgesStart` where each position's edges start.
 */
export function doubtOptions(path: readonly number[], k: number, edgesStart: Int32Array, endScore: number): Doubt['options'] {
  const { stAlpha, stBeta, edgeFrom, edgeTo, edgeScore, edgeReading, edgeAt } = scratch;
  const own = edgeReading[path[k]];
  const best = new Map<string, { score: number; reading: Reading }>([[own.ch, { score: 0, reading: own }]]);
  const p = edgeAt[path[k]];
  for (let alt = edgesStart[p]; alt < edgesStart[p + 1]; alt++) {
    // The score first: most edges are far below the window.
    const rest = stBeta[edgeTo[alt]];
    if (rest === -Infinity) continue;
    const score = stAlpha[edgeFrom[alt]] + edgeScore[alt] + rest - endScore;
    if (score < -DOUBT_WINDOW) continue;
    const reading = edgeReading[alt];
    const ch = reading.ch;
    if (ch === own.ch || !sameShape(reading, own)) continue;
    const had = best.get(ch);
    if (!had || score > had.score) best.set(ch, { score, reading });
  }
  return [...best]
    .map(([ch, o]) => ({ ch, score: o.score, bytes: o.reading.chosen }))
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_DOUBT_OPTIONS)
    .map((o) => ({ ch: o.ch, score: o.score, bytes: o.bytes.map(hexByte) }));
}

/** A reading that may stand in for `own`: guessed, as many bytes chosen, one code unit. */
function sameShape(r: Reading, own: Reading): boolean {
  return !r.unknown && r.chosen.length === own.chosen.length && r.ch.length === 1;
}

/**
 * The readings of path characters k and k + 1 together (both doubts), by the best path through
 * each pair, within DOUBT_WINDOW of the best, best first.
 */
export function pairOptions(path: readonly number[], k: number, edgesStart: Int32Array, endScore: number): PairOption[] {
  const { stAlpha, stBeta, edgeFrom, edgeTo, edgeScore, edgeReading, edgeAt } = scratch;
  const ownA = edgeReading[path[k]];
  const ownB = edgeReading[path[k + 1]];
  const p = edgeAt[path[k]];
  const q = edgeAt[path[k + 1]];
  // The edges from q by the state they leave.
  const fromState = new Map<number, number[]>();
  for (let e = edgesStart[q]; e < edgesStart[q + 1]; e++) {
    const r = edgeReading[e];
    if (r.length !== ownB.length || !sameShape(r, ownB)) continue;
    let list = fromState.get(edgeFrom[e]);
    if (!list) fromState.set(edgeFrom[e], (list = []));
    list.push(e);
  }
  const best = new Map<string, { score: number; ra: Reading; rb: Reading }>();
  for (let ea = edgesStart[p]; ea < edgesStart[p + 1]; ea++) {
    const ra = edgeReading[ea];
    if (ra.length !== ownA.length || !sameShape(ra, ownA)) continue;
    const head = stAlpha[edgeFrom[ea]] + edgeScore[ea] - endScore;
    if (head + stBeta[edgeTo[ea]] < -DOUBT_WINDOW) continue;
    for (const eb of fromState.get(edgeTo[ea]) ?? []) {
      const rest = stBeta[edgeTo[eb]];
      if (rest === -Infinity) continue;
      const score = head + edgeScore[eb] + rest;
      if (score < -DOUBT_WINDOW) continue;
      const rb = edgeReading[eb];
      const key = ra.ch + rb.ch;
      const had = best.get(key);
      if (!had || score > had.score) best.set(key, { score, ra, rb });
    }
  }
  return [...best.values()]
    .sort((x, y) => y.score - x.score)
    .slice(0, MAX_PAIR_OPTIONS)
    .map((o) => ({ a: o.ra.ch, b: o.rb.ch, score: o.score, aBytes: o.ra.chosen.map(hexByte), bBytes: o.rb.chosen.map(hexByte) }));
}
