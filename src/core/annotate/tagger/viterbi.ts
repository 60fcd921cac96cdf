/**
 * Best tag sequence of the organization tagger (and of its training), under the constraints of
 * the B/I/E/S tags: a name that opens (B, I) goes on with I or closes with E; anything else
 * is followed by O, B or S; a text does not end inside a name.
 */
import { B, E, I, O, S, TAG_COUNT } from './features';

const T = TAG_COUNT;
let back = new Uint8Array(0);

/**
 * `emission` holds n × T scores; `transition` (T + 1) × T: row a < T is the score of tag b after
 * a, row T the score of b at the start. Writes the tags to `out` (length ≥ n) and returns the
 * best path's score.
 */
export function viterbi(emission: Float32Array, n: number, transition: Float32Array, out: Uint8Array): number {
  if (n === 0) return 0;
  if (back.length < n * T) back = new Uint8Array(n * T * 2);
  const tr = (a: number, b: number) => transition[a * T + b];
  const oo = tr(O, O), eo = tr(E, O), so = tr(S, O);
  const ob = tr(O, B), eb = tr(E, B), sb = tr(S, B);
  const os = tr(O, S), es = tr(E, S), ss = tr(S, S);
  const bi = tr(B, I), ii = tr(I, I), be = tr(B, E), ie = tr(I, E);
  let sO = emission[O] + transition[T * T + O];
  let sB = emission[B] + transition[T * T + B];
  let sS = emission[S] + transition[T * T + S];
  let sI = -Infinity;
  let sE = -Infinity;
  for (let i = 1; i < n; i++) {
    const e = i * T;
    // Predecessors that close or stand outside a name: O, E, S.
    let bestO = sO + oo, argO = O;
    if (sE + eo > bestO) { bestO = sE + eo; argO = E; }
    if (sS + so > bestO) { bestO = sS + so; argO = S; }
    let bestB = sO + ob, argB = O;
    if (sE + eb > bestB) { bestB = sE + eb; argB = E; }
    if (sS + sb > bestB) { bestB = sS + sb; argB = S; }
    let bestS = sO + os, argS = O;
    if (sE + es > bestS) { bestS = sE + es; argS = E; }
    if (sS + ss > bestS) { bestS = sS + ss; argS = S; }
    // Predecessors inside a name: B, I.
    let bestI = sB + bi, argI = B;
    if (sI + ii > bestI) { bestI = sI + ii; argI = I; }
    let bestE = sB + be, argE = B;
    if (sI + ie > bestE) { bestE = sI + ie; argE = I; }
    back[e + O] = argO;
    back[e + B] = argB;
    back[e + S] = argS;
    back[e + I] = argI;
    back[e + E] = argE;
    sO = bestO + emission[e + O];
    sB = bestB + emission[e + B];
    sS = bestS + emission[e + S];
    sI = bestI + emission[e + I];
    sE = bestE + emission[e + E];
  }
  let last = O;
  let best = sO;
  if (sE > best) { best = sE; last = E; }
  if (sS > best) { best = sS; last = S; }
  out[n - 1] = last;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]];
  return best;
}

/** The names in a tag sequence, as [start, end) pairs. */
export function spansOf(tags: Uint8Array, n: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    if (t === S) out.push([i, i + 1]);
    else if (t === B) start = i;
    else if (t === E && start >= 0) {
      out.push([start, i + 1]);
      start = -1;
    } else if (t === O) start = -1;
  }
  return out;
}
