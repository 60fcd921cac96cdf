import type { Reading } from './latticeReadings';

/**
 * The working memory of lostByteLattice.ts's decodeLattice: its states and edges in flat typed
 * arrays rather than maps keyed by strings and an object per edge (a Big5 text reads tens of
 * thousands of stretches, a million edges a megabyte).
 */

/**
 * The lattice's states and edges in flat arrays, shared by every call (decodeLattice does not
 * nest) and grown as needed: a Big5 text reads tens of thousands of stretches.
 */
/** The arrays' first sizes. */
const STATES = 256;
const EDGES = 4096;

export const scratch = {
  states: 0,
  stChar: [] as string[],
  stOpen: new Int32Array(STATES),
  stAlpha: new Float64Array(STATES),
  stBeta: new Float64Array(STATES),
  /** The edge a state was best reached by (-1 for the start). */
  stCame: new Int32Array(STATES),
  edges: 0,
  edgeFrom: new Int32Array(EDGES),
  edgeTo: new Int32Array(EDGES),
  /** The position each edge leaves from. */
  edgeAt: new Int32Array(EDGES),
  edgeScore: new Float64Array(EDGES),
  edgeReading: [] as Reading[],
};

/** Arrays one long stretch grew past this many times their first size are given back after it. */
const KEPT_GROWTH = 16;

/** Gives back what a long stretch grew the arrays to (about 30 bytes an edge). */
export function trimScratch(): void {
  const L = scratch;
  if (L.edgeFrom.length > EDGES * KEPT_GROWTH) {
    L.edgeFrom = new Int32Array(EDGES);
    L.edgeTo = new Int32Array(EDGES);
    L.edgeAt = new Int32Array(EDGES);
    L.edgeScore = new Float64Array(EDGES);
    L.edgeReading = [];
  }
  if (L.stOpen.length > STATES * KEPT_GROWTH) {
    L.stChar = [];
    L.stOpen = new Int32Array(STATES);
    L.stAlpha = new Float64Array(STATES);
    L.stBeta = new Float64Array(STATES);
    L.stCame = new Int32Array(STATES);
  }
}

function grown<T extends Int32Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The `max` states of the highest score, best first, ties in the order given (that of a stable
 * sort): the scores above the max-th highest, then as many equal to it as fit.
 */
export function bestStates(states: number[], score: Float64Array, max: number): number[] {
  const values = new Float64Array(states.length);
  for (let k = 0; k < states.length; k++) values[k] = score[states[k]];
  values.sort();
  const cut = values[states.length - max];
  const kept: number[] = [];
  let equal = max;
  for (const s of states) if (score[s] > cut) equal--;
  for (const s of states) {
    if (score[s] > cut) kept.push(s);
    else if (score[s] === cut && equal > 0) {
      kept.push(s);
      equal--;
    }
  }
  return kept.sort((a, b) => score[b] - score[a] || a - b);
}

/** A new state, not reached yet (its score -Infinity); its number. */
export function addState(ch: string, open: number): number {
  const L = scratch;
  const s = L.states++;
  if (s === L.stOpen.length) {
    L.stOpen = grown(L.stOpen);
    L.stAlpha = grown(L.stAlpha);
    L.stBeta = grown(L.stBeta);
    L.stCame = grown(L.stCame);
  }
  L.stChar[s] = ch;
  L.stOpen[s] = open;
  L.stAlpha[s] = -Infinity;
  L.stBeta[s] = -Infinity;
  L.stCame[s] = -1;
  return s;
}

/** A new edge from state `from` at position `at` to state `to`; its number. */
export function addEdge(from: number, to: number, at: number, score: number, reading: Reading): number {
  const L = scratch;
  const e = L.edges++;
  if (e === L.edgeFrom.length) {
    L.edgeFrom = grown(L.edgeFrom);
    L.edgeTo = grown(L.edgeTo);
    L.edgeAt = grown(L.edgeAt);
    L.edgeScore = grown(L.edgeScore);
  }
  L.edgeFrom[e] = from;
  L.edgeTo[e] = to;
  L.edgeAt[e] = at;
  L.edgeScore[e] = score;
  L.edgeReading[e] = reading;
  return e;
}
