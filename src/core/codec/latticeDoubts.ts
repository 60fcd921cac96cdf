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
}

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
    if (ch === own.ch || reading.unknown || reading.chosen.length !== own.chosen.length || ch.length !== 1) continue;
    const had = best.get(ch);
    if (!had || score > had.score) best.set(ch, { score, reading });
  }
  return [...best]
    .map(([ch, o]) => ({ ch, score: o.score, bytes: o.reading.chosen }))
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_DOUBT_OPTIONS)
    .map((o) => ({ ch: o.ch, score: o.score, bytes: o.bytes.map(hexByte) }));
}

