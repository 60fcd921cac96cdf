/**
 * A second stage over the tagger's names (docs/annotate-data.md, A second stage over spans): the
 * spans the character tagger nearly reads as names are scored again with what a span shows and a
 * character does not: its length, whether the whole span is a name of the training splits' list
 * or of the lexicon, its ending, the characters and words around it, whether it cuts a word of the
 * segmentation, and how far the tagger is from reading it so. The weights (a logistic model, a
 * JSON file) are trained by scripts/orgs/spans.ts on the tagger's readings of training sentences
 * it was not trained on (cross-fitted models), never on the tagger's own. None ships: on the
 * held-out tenth it cost news what it gained CLUENER (docs/annotate-data.md), so it lives with
 * the scripts, out of the core: the evaluation script measures one placed beside a model
 * (orgSpans.json) through the tagger's hook (orgTagger.ts useSpanStage).
 *
 * A candidate is a span [a, b) whose best path (the best reading of the piece that holds it as a
 * name: a forward and a backward Viterbi pass, max-marginals) scores at most `reach` below the
 * best reading; the spans of the best reading are always candidates. The chosen names are the set
 * of candidates that do not overlap with the largest sum of scores above 0.
 */
import { B, E, I, O, PAD, type Piece, S, TAG_COUNT, type TextKind, isTrainedName } from '../../src/core/annotate/tagger/features';
import { organizationNames } from '../../src/core/annotate/lexicon';
import { eachPieceReading, type SpanStage, useSpanStage } from '../../src/core/annotate/tagger/orgTagger';

const T = TAG_COUNT;

export interface SpanModel {
  /** How far below the best reading (in units of the tagger's weights) a candidate's best reading may score. */
  reach: number;
  /** Longest candidate that is not a span of the best reading. */
  maxLength: number;
  weights: Map<string, number>;
  /**
   * What the stage may change: 'all' (drop, add or move names), or 'boundaries': only where a name
   * of the best reading starts and ends (each is kept or replaced by the best-scoring candidate
   * overlapping it and no other name of the best reading).
   */
  changes: 'all' | 'boundaries';
}

export interface Candidate {
  a: number;
  b: number;
  /** The best reading holding [a, b) as a name, less the best reading (≤ 0). */
  gap: number;
  /** A span of the best reading. */
  best: boolean;
  features: string[];
  score: number;
}

export function parseSpanModel(text: string): SpanModel {
  const json = JSON.parse(text) as { reach: number; maxLength: number; changes?: 'all' | 'boundaries'; weights: Record<string, number> };
  return { reach: json.reach, maxLength: json.maxLength, changes: json.changes ?? 'all', weights: new Map(Object.entries(json.weights)) };
}

const follows = (a: number, b: number) => (a === B || a === I ? b === I || b === E : b === O || b === B || b === S);

let alpha = new Float64Array(0);
let beta = new Float64Array(0);

/** alpha[i·T + t]: best score of the readings of [0, i] with tag t at i; beta[i·T + t]: best score of what follows i given t at i. */
function forwardBackward(e: Float32Array, n: number, tr: Float32Array): number {
  if (alpha.length < n * T) {
    alpha = new Float64Array(n * T * 2);
    beta = new Float64Array(n * T * 2);
  }
  for (let t = 0; t < T; t++) alpha[t] = follows(T, t) ? tr[T * T + t] + e[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let m = -Infinity;
      for (let p = 0; p < T; p++) {
        if (!follows(p, t)) continue;
        const v = alpha[(i - 1) * T + p] + tr[p * T + t];
        if (v > m) m = v;
      }
      alpha[i * T + t] = m + e[i * T + t];
    }
  }
  for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = t === O || t === E || t === S ? 0 : -Infinity;
  for (let i = n - 2; i >= 0; i--) {
    for (let t = 0; t < T; t++) {
      let m = -Infinity;
      for (let q = 0; q < T; q++) {
        if (!follows(t, q)) continue;
        const v = tr[t * T + q] + e[(i + 1) * T + q] + beta[(i + 1) * T + q];
        if (v > m) m = v;
      }
      beta[i * T + t] = m;
    }
  }
  let best = -Infinity;
  for (const t of [O, E, S]) best = Math.max(best, alpha[(n - 1) * T + t]);
  return best;
}

const bin = (x: number, edges: readonly number[]) => {
  let k = 0;
  while (k < edges.length && x >= edges[k]) k++;
  return k;
};
const GAP_EDGES = [10, 25, 50, 100, 200];
const SUPPORT_EDGES = [-200, -100, -50, -20, 0, 20, 50, 100, 200];

/**
 * How far the best reading with a name starting at i (B or S there) is above the best without
 * (marginOf's first half, from the forward and backward scores), and the same for a name ending at i.
 */
function startSupport(i: number): number {
  const yes = Math.max(alpha[i * T + B] + beta[i * T + B], alpha[i * T + S] + beta[i * T + S]);
  const no = Math.max(alpha[i * T + O] + beta[i * T + O], alpha[i * T + I] + beta[i * T + I], alpha[i * T + E] + beta[i * T + E]);
  return yes - no;
}
function endSupport(i: number): number {
  const yes = Math.max(alpha[i * T + E] + beta[i * T + E], alpha[i * T + S] + beta[i * T + S]);
  const no = Math.max(alpha[i * T + O] + beta[i * T + O], alpha[i * T + I] + beta[i * T + I], alpha[i * T + B] + beta[i * T + B]);
  return yes - no;
}

/**
 * The candidates of a piece (`s` its folded text, `p` read from it) with their features and, when
 * `model` has weights, their scores; `bestSpans` are the spans of the best reading.
 */
export function spanCandidates(p: Piece, s: string, e: Float32Array, tr: Float32Array, bestSpans: ReadonlyArray<readonly [number, number]>, model: SpanModel): Candidate[] {
  const n = p.n;
  const best = forwardBackward(e, n, tr);
  const out: Candidate[] = [];
  const isBest = new Set(bestSpans.map(([a, b]) => a * 4096 + b));
  const bestEnd = new Map(bestSpans.map(([a, b]) => [a, b]));
  const floor = best - model.reach - 1e-6;
  for (let a = 0; a < n; a++) {
    const single = alpha[a * T + S] + beta[a * T + S];
    if (single >= floor || isBest.has(a * 4096 + a + 1)) out.push({ a, b: a + 1, gap: Math.min(0, single - best), best: isBest.has(a * 4096 + a + 1), features: [], score: 0 });
    let acc = alpha[a * T + B];
    if (acc === -Infinity) continue;
    let prev = B;
    for (let b = a + 2; b <= n; b++) {
      const end = acc + tr[prev * T + E] + e[(b - 1) * T + E] + beta[(b - 1) * T + E];
      const onBest = isBest.has(a * 4096 + b);
      if ((end >= floor && b - a <= model.maxLength) || onBest) out.push({ a, b, gap: Math.min(0, end - best), best: onBest, features: [], score: 0 });
      acc += tr[prev * T + I] + e[(b - 1) * T + I];
      prev = I;
      // No longer candidate comes back above the floor, nor is one past maxLength, unless it is a span of the best reading.
      if ((b - a >= model.maxLength || acc + beta[(b - 1) * T + I] < floor) && (bestEnd.get(a) ?? 0) <= b) break;
    }
  }
  for (const c of out) {
    c.features = featuresOf(p, s, c, out, bestSpans);
    let score = model.weights.get('bias') ?? 0;
    for (const f of c.features) score += model.weights.get(f) ?? 0;
    c.score = score;
  }
  return out;
}

/**
 * The 'boundaries' stage's choice: each name of the best reading, or the best-scoring candidate
 * that overlaps it and no other (where two such overlap each other, the names of the best reading).
 */
export function chooseBoundaries(candidates: readonly Candidate[], bestSpans: ReadonlyArray<readonly [number, number]>): Candidate[] {
  const chosen: Candidate[] = [];
  for (const [x, y] of bestSpans) {
    let pick: Candidate | undefined;
    let own: Candidate | undefined;
    for (const c of candidates) {
      if (c.a === x && c.b === y) own = c;
      if (!(c.a < y && x < c.b) || bestSpans.some(([u, v]) => (u !== x || v !== y) && u < c.b && c.a < v)) continue;
      if (!pick || c.score > pick.score) pick = c;
    }
    const last = chosen[chosen.length - 1];
    if (pick && last && last.b > pick.a) pick = own;
    if (pick) chosen.push(pick);
  }
  return chosen;
}

function featuresOf(p: Piece, s: string, c: Candidate, all: readonly Candidate[], bestSpans: ReadonlyArray<readonly [number, number]>): string[] {
  const { a, b } = c;
  const n = p.n;
  const len = b - a;
  const f: string[] = [];
  const gapBin = c.best ? 'best' : `g${bin(-c.gap, GAP_EDGES)}`;
  f.push(`gap=${gapBin}`);
  // How it stands to the best reading's spans.
  const overlapping = bestSpans.filter(([x, y]) => x < b && a < y);
  let rel: string;
  if (c.best) rel = 'exact';
  else if (overlapping.length === 0) rel = 'new';
  else if (overlapping.length > 1) rel = 'multi';
  else {
    const [x, y] = overlapping[0];
    rel = `${a < x ? 'L+' : a > x ? 'L-' : 'L='}${b > y ? 'R+' : b < y ? 'R-' : 'R='}`;
  }
  f.push(`rel=${rel}`, `rel=${rel}|${gapBin}`);
  // The strongest rival: another candidate overlapping this one.
  let rival = -Infinity;
  for (const o of all) if (o !== c && o.a < b && a < o.b && o.gap > rival) rival = o.gap;
  const rivalBin = rival === -Infinity ? 'none' : `r${bin(-rival, GAP_EDGES)}`;
  f.push(`rival=${rivalBin}`, `rival=${rivalBin}|${gapBin}`);
  const starts = `s${bin(startSupport(a), SUPPORT_EDGES)}`, ends = `e${bin(endSupport(b - 1), SUPPORT_EDGES)}`;
  f.push(`start=${starts}`, `end=${ends}`, `ends=${starts}${ends}`);
  const lenBin = len >= 10 ? '10+' : String(len);
  f.push(`len=${lenBin}`);
  const trained = len >= 2 && isTrainedName(s, a, b);
  const lexicon = len >= 2 && organizationNames().has(s, a, b);
  if (trained) f.push('trained', `trained|${gapBin}`);
  if (lexicon) f.push('lexicon', `lexicon|${gapBin}`);
  const suffix = p.suffixEnd[b - 1];
  const bare = suffix !== 0 && (suffix & 7) >= len;
  f.push(`suffix=${suffix >> 3}`, `suffix=${suffix ? (bare ? 'bare' : 'some') : 'none'}|len=${lenBin}`);
  const ws = (p.wordStart[a] === a ? 'S' : 's') + (p.wordEnd[b - 1] === b ? 'E' : 'e');
  f.push(`words=${ws}`, `words=${ws}|${gapBin}`);
  const k = a + PAD;
  if (a === 0) f.push('before=start');
  else {
    f.push(`before=c${p.classes[k - 1]}`, `before=${s[a - 1]}`);
    if (p.placeEnd[a - 1]) f.push('before=place');
    if (p.functionEnd[a - 1]) f.push('before=function');
    if (p.suffixEnd[a - 1]) f.push('before=ending');
    if (p.orgEnd[a - 1]) f.push('before=org');
  }
  if (b === n) f.push('after=end');
  else {
    f.push(`after=c${p.classes[b + PAD]}`, `after=${s[b]}`);
    const ahead = p.suffixAhead[b];
    if (ahead) f.push(`after=ending${Math.min(ahead >> 3, 4)}`);
    if (p.functionStart[b]) f.push('after=function');
  }
  f.push(`first=${s[a]}`, `last=${s[b - 1]}`);
  if (p.placeStart[a] >= 2 && p.placeStart[a] < len) f.push('head=place');
  if (p.placeEnd[b - 1] >= len) f.push('whole=place');
  if (p.commonEnd[b - 1] >= len) f.push('whole=common');
  return f;
}

/** The candidates that do not overlap with the largest sum of scores above 0, in order. */
export function chooseSpans(candidates: readonly Candidate[], n: number): Candidate[] {
  const total = new Float64Array(n + 1);
  const from: Array<Candidate | undefined> = new Array(n + 1);
  const byEnd: Candidate[][] = Array.from({ length: n + 1 }, () => []);
  for (const c of candidates) if (c.score > 0) byEnd[c.b].push(c);
  for (let i = 1; i <= n; i++) {
    total[i] = total[i - 1];
    from[i] = undefined;
    for (const c of byEnd[i]) {
      const v = total[c.a] + c.score;
      if (v > total[i]) {
        total[i] = v;
        from[i] = c;
      }
    }
  }
  const chosen: Candidate[] = [];
  for (let i = n; i > 0; ) {
    const c = from[i];
    if (c) {
      chosen.push(c);
      i = c.a;
    } else i--;
  }
  return chosen.reverse();
}

/** The stage of a model's JSON (scripts/orgs/spans.ts), as the tagger's hook takes it. */
export function spanStageOf(model: SpanModel): SpanStage {
  return {
    choose: (r) => {
      const candidates = spanCandidates(r.piece, r.text, r.emission, r.transition, r.spans, model);
      return model.changes === 'boundaries' ? chooseBoundaries(candidates, r.spans) : chooseSpans(candidates, r.text.length);
    },
  };
}

/** For the evaluation and training scripts: tag news through a second stage (its JSON), or not (null, undefined). */
export function useSpanModel(json: string | null | undefined): void {
  useSpanStage(json ? spanStageOf(parseSpanModel(json)) : undefined);
}

/** For the training script of the stage (spans.ts): the candidates of every piece of folded text of `kind`, with their features and offsets into `folded`. */
export function spanCandidatesOf(folded: string, kind: TextKind, reach: number, maxLength: number): Candidate[] {
  const out: Candidate[] = [];
  const empty: SpanModel = { reach, maxLength, changes: 'all', weights: new Map() };
  eachPieceReading(folded, kind, (start, r) => {
    for (const c of spanCandidates(r.piece, r.text, r.emission, r.transition, r.spans, empty)) out.push({ ...c, a: start + c.a, b: start + c.b });
  });
  return out;
}
