/**
 * The organization tagger: a linear-chain model over the features of features.ts, trained by
 * scripts/orgs/train.ts on public NER corpora (docs/annotate-data.md) and shipped as
 * data/annotate/orgTagger.bin, which is read (through the data host) and decoded the first time a text is tagged.
 *
 * Text is tagged sentence by sentence (the corpora are sentences): a piece ends at a newline or
 * a sentence-final mark, and pieces without a Han character are skipped. The score of a tag at a
 * character is the sum of its features' weights; each character's unigram weights and each
 * pair's bigram weights are read once and added to the positions that see them. A row of weights
 * is kept less its weight for O (adding one number to every tag of a position changes no path's
 * rank), so four tags remain, summed two to a 32-bit word: a row is 8 bytes. The result is the sum
 * training computes from the features' list (featureList.ts extractFeatures) less that of O, to the last bit.
 */
import { B, E, I, S, BIGRAM_OFFSETS, DENSE_FEATURES, denseFeatures, markHashes, PAD, Piece, TAG_COUNT, type TextKind, UNIGRAM_OFFSETS, WORD_POSITIONS, WORD_SHAPE_LENGTH } from './features';
import { spansOf, viterbi } from './viterbi';
import { inHanRange } from '../../text/chars';
import { FINE_VALUES } from './charClusters';
import { hashedSlot, type LoadedModel, model, NO_ROWS, selfBlock, selfShapeRow, W, wordRows } from './taggerTables';

export { TAGGER_MODEL_FILE, useNameBonus, useTaggerModel } from './taggerTables';

const T = TAG_COUNT;
const U = UNIGRAM_OFFSETS.length;
const BG = BIGRAM_OFFSETS.length;

const isSentenceEnd = (c: number) => c === 0x0a || c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */ || c === 0x21 || c === 0x3f || c === 0x0d;
const MAX_PIECE = 400;
const MAX_GAP = 6;

/** Whether s[from, to) holds a code unit of the tagger's Han range (chars.ts inHanRange). */
function hasHan(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (inHanRange(s.charCodeAt(i))) return true;
  return false;
}

/** Buffers kept from one piece to the next. */
class Scratch {
  piece = new Piece();
  /** Packed sums per position (W words). */
  sums = new Int32Array(0);
  /** By padded character, where its unigram rows start in m.unigrams (−1: none); by pair starting there, where its bigram rows start (−1: none). */
  unigramAt = new Int32Array(0);
  pairAt = new Int32Array(0);
  /** By position, where its character's own block starts in m.selfRows (taggerTables.ts selfBlock). */
  selfAt = new Int32Array(0);
  dense = new Int32Array(DENSE_FEATURES);
  /** The two hashed features read by hash (markHashes); the other two are in the character's own block. */
  hashed = new Uint32Array(2);
  emission = new Float32Array(0);
  tags = new Uint8Array(0);
  /** Tags of the paths marginOf scores. */
  other = new Uint8Array(0);

  grow(n: number): void {
    if (this.tags.length >= n) return;
    const size = Math.max(n, this.tags.length * 2, 256);
    this.sums = new Int32Array(size * W);
    this.unigramAt = new Int32Array(size + 2 * PAD);
    this.pairAt = new Int32Array(size + 2 * PAD);
    this.selfAt = new Int32Array(size);
    this.emission = new Float32Array(size * T);
    this.tags = new Uint8Array(size);
    this.other = new Uint8Array(size);
  }
}

const scratch = new Scratch();

/** Adds the packed row at `at` of `table` to position i's sums. */
function addRow(sums: Int32Array, i: number, table: Int32Array, at: number): void {
  sums[i * W] += table[at];
  sums[i * W + 1] += table[at + 1];
}

/** Tag scores of every character of the piece in `sc.piece`, into `sc.emission`. */
function score(m: LoadedModel, sc: Scratch): void {
  const p = sc.piece;
  const n = p.n;
  const { codes, wordEnd, wordOf, position } = p;
  const sums = sc.sums;
  // Every position has the bias and the rows of index 0 of the dense templates (taggerTables.ts base): they start the sums.
  const { denseRowOf, denseRows, denseStart, base } = m;
  for (let i = 0; i < n; i++) {
    sums[i * W] = base[0];
    sums[i * W + 1] = base[1];
  }
  // Each character's unigram rows and each pair's bigram rows are looked up once (character k of
  // the padded codes is position k − PAD); each position then reads those its templates see.
  // Each character's own rows (the unigram at offset 0, its fine class, the ending ahead and word-shape
  // features) are one block, whose start sits beside its unigram rows' in m.charRows; a character
  // met before has its block already, so that only a first meeting calls selfBlock.
  const { charRows, unigrams, bigrams, pairIndex } = m;
  const { unigramAt, pairAt, selfAt } = sc;
  for (let k = 0; k < n + 2 * PAD; k++) {
    const code = codes[k];
    unigramAt[k] = charRows[code * 2];
    if (k < PAD || k >= n + PAD) continue;
    const known = charRows[code * 2 + 1];
    selfAt[k - PAD] = known >= 0 ? known : selfBlock(m, code);
  }
  for (let k = 0; k + 1 < n + 2 * PAD; k++) {
    const entry = pairIndex.find((codes[k] << 16) | codes[k + 1]);
    pairAt[k] = entry < 0 ? -1 : entry * BG * W;
  }
  const selfRows = m.selfRows;
  const { suffixAhead, wordStart } = p;
  // Words: each word's rows go to its own characters (role 0), to the characters of the next
  // word (role 1: the word before them) and of the previous word (role 2: the word after them).
  const words = m.words;
  let previousStart = -1;
  let previousRows = m.startRows;
  for (let ws = 0; ws < n; ) {
    const we = wordEnd[ws];
    const rows = wordRows(m, wordOf[ws]);
    for (let i = ws; i < we; i++) {
      if (rows !== NO_ROWS) addRow(sums, i, words, rows + position[i] * W);
      if (previousRows !== NO_ROWS) addRow(sums, i, words, previousRows + (WORD_POSITIONS + position[i]) * W);
    }
    if (previousStart >= 0 && rows !== NO_ROWS) {
      for (let i = previousStart; i < ws; i++) addRow(sums, i, words, rows + (2 * WORD_POSITIONS + position[i]) * W);
    }
    previousStart = ws;
    previousRows = rows;
    ws = we;
  }
  const endRows = m.endRows;
  if (endRows !== NO_ROWS) for (let i = Math.max(previousStart, 0); i < n; i++) addRow(sums, i, words, endRows + (2 * WORD_POSITIONS + position[i]) * W);
  // Fine-class pairs: the pair at k, k + 1 gives FINE_AFTER to position k − PAD and FINE_BEFORE to the next.
  const { fine } = p;
  const { finePairOf, finePairs } = m;
  let pairBefore = finePairOf[fine[PAD - 1] * FINE_VALUES + fine[PAD]] * 2 * W;
  const { hashed, densePerPosition } = m;
  const denseIndex = sc.dense;
  const hashedKeys = sc.hashed;
  const emission = sc.emission;
  for (let i = 0; i < n; i++) {
    // The features of this position alone are summed in registers, then added to what the characters and words gave.
    let a0 = sums[i * W], a1 = sums[i * W + 1];
    let at: number;
    const k = i + PAD;
    const self = selfAt[i];
    const length = wordEnd[i] - wordStart[i];
    at = self + selfShapeRow(length > WORD_SHAPE_LENGTH ? WORD_SHAPE_LENGTH : length, position[i]) * W;
    a0 += selfRows[at];
    a1 += selfRows[at + 1];
    const ahead = suffixAhead[i];
    if (ahead !== 0) {
      at = self + (ahead & 7) * W;
      a0 += selfRows[at];
      a1 += selfRows[at + 1];
    }
    // Unigram 0 (the character itself) is in its block.
    for (let u = 1; u < U; u++) {
      at = unigramAt[k + UNIGRAM_OFFSETS[u]];
      if (at < 0) continue;
      a0 += unigrams[at + u * W];
      a1 += unigrams[at + u * W + 1];
    }
    for (let b = 0; b < BG; b++) {
      at = pairAt[k + BIGRAM_OFFSETS[b]];
      if (at < 0) continue;
      a0 += bigrams[at + b * W];
      a1 += bigrams[at + b * W + 1];
    }
    const pairAfter = finePairOf[fine[k] * FINE_VALUES + fine[k + 1]] * 2 * W;
    a0 += finePairs[pairBefore] + finePairs[pairAfter + W];
    a1 += finePairs[pairBefore + 1] + finePairs[pairAfter + W + 1];
    pairBefore = pairAfter;
    denseFeatures(p, i, denseIndex, 0);
    for (let j = 0; j < densePerPosition.length; j++) {
      const d = densePerPosition[j];
      const v = denseIndex[d];
      // Index 0 (no mark, no ending, five Han characters) is in the base already.
      if (v === 0) continue;
      at = denseRowOf[denseStart[d] + v] * W;
      a0 += denseRows[at];
      a1 += denseRows[at + 1];
    }
    markHashes(p, i, hashedKeys, 0);
    for (let f = 0; f < 2; f++) {
      const key = hashedKeys[f] | 0;
      if (key === 0) continue;
      at = hashedSlot(m, key);
      if (at < 0) continue;
      a0 += hashed[at];
      a1 += hashed[at + 1];
    }
    // Lanes: a sum packs Σ(w1 − w0) + Σ(w2 − w0)·65536; the low lane is read sign-extended, the high one is what remains.
    const o = i * T;
    const low0 = (a0 << 16) >> 16, low1 = (a1 << 16) >> 16;
    emission[o] = 0;
    emission[o + 1] = low0;
    emission[o + 2] = (a0 - low0) / 65536;
    emission[o + 3] = low1;
    emission[o + 4] = (a1 - low1) / 65536;
  }
}

/**
 * How far the model prefers the name [a, b) of the piece to its best reading without it: the
 * best path's score less the best of the paths where no name starts at a or none ends at b − 1
 * (in units of the weights; an upper bound of the margin over every other reading).
 */
function marginOf(m: LoadedModel, sc: Scratch, n: number, a: number, b: number, best: number): number {
  const e = sc.emission;
  const forbid = (at: number, t1: number, t2: number): number => {
    const v1 = e[at + t1], v2 = e[at + t2];
    e[at + t1] = e[at + t2] = -Infinity;
    const score = viterbi(e, n, m.transition, sc.other);
    e[at + t1] = v1;
    e[at + t2] = v2;
    return score;
  };
  return best - Math.max(forbid(a * T, B, S), forbid((b - 1) * T, E, S));
}

/**
 * A piece as the model reads it, for a second stage over its names: its features, its text, the
 * emission scores of its tags (T per position) and the model's transitions, and the best
 * reading's names.
 */
export interface PieceReading {
  piece: Piece;
  text: string;
  emission: Float32Array;
  transition: Float32Array;
  spans: Array<[number, number]>;
}

/**
 * A second stage over a piece's names for news (the span stage of scripts/orgs/spanChoice.ts,
 * given only by the evaluation scripts). None ships: on the held-out tenth it did not gain news
 * (docs/annotate-data.md, A second stage over spans), so the tagger's best reading is its answer.
 */
export interface SpanStage {
  /** The names chosen in the piece: [a, b), whether it is a name of the best reading, and otherwise how far the model is from reading it (≤ 0). */
  choose(reading: PieceReading): Array<{ a: number; b: number; best: boolean; gap: number }>;
}

let spanStage: SpanStage | undefined;
/** For the evaluation and training scripts: tag news through a second stage, or not (undefined). */
export function useSpanStage(stage: SpanStage | undefined): void {
  spanStage = stage;
}

/** Reads and scores folded[start, end) as a piece of its own (into scratch), returning the best reading's score and spans. */
function readPiece(m: LoadedModel, folded: string, start: number, end: number): { best: number; spans: Array<[number, number]> } {
  const n = end - start;
  const sc = scratch;
  sc.grow(n);
  sc.piece.read(folded.slice(start, end));
  score(m, sc);
  const best = viterbi(sc.emission, n, m.transition, sc.tags);
  return { best, spans: spansOf(sc.tags, n) };
}

/**
 * Tags folded[start, end) as a piece of its own; with `margins`, pushes each name's margin
 * (marginOf) to it. With a second stage (useSpanStage), its chosen spans instead; a chosen span
 * that is not one of the best reading's gets as margin how far the model is from reading it (≤ 0).
 */
function tagPiece(m: LoadedModel, kind: TextKind, folded: string, start: number, end: number, out: Array<[number, number]>, margins?: number[]): void {
  const n = end - start;
  if (n < 2 || !hasHan(folded, start, end)) return;
  const { best, spans } = readPiece(m, folded, start, end);
  const stage = kind === 'news' ? spanStage : undefined;
  if (stage) {
    for (const c of stage.choose({ piece: scratch.piece, text: folded.slice(start, end), emission: scratch.emission, transition: m.transition, spans })) {
      out.push([start + c.a, start + c.b]);
      if (margins) margins.push(c.best ? marginOf(m, scratch, n, c.a, c.b, best) : c.gap);
    }
    return;
  }
  for (const [a, b] of spans) {
    out.push([start + a, start + b]);
    if (margins) margins.push(marginOf(m, scratch, n, a, b, best));
  }
}

/** The pieces the tagger reads in folded text: a sentence, cut where MAX_GAP characters or more hold no Han character. */
function eachPiece(folded: string, visit: (start: number, end: number) => void): void {
  let pieceStart = 0;
  let gapStart = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 0x0a;
    if (inHanRange(c)) {
      if (gapStart >= 0 && i - gapStart >= MAX_GAP) {
        visit(pieceStart, gapStart);
        pieceStart = i;
      }
      gapStart = -1;
    } else if (gapStart < 0) {
      gapStart = i;
    }
    if (isSentenceEnd(c) || i - pieceStart >= MAX_PIECE) {
      const end = Math.min(i + 1, folded.length);
      visit(pieceStart, gapStart >= 0 && i - gapStart >= MAX_GAP ? gapStart : end);
      pieceStart = end;
      gapStart = -1;
    }
  }
}

/**
 * For the scripts of the second stage (scripts/orgs/spanChoice.ts): each piece of folded text of
 * `kind` as the model reads it, with its offset in `folded`. The reading's buffers are reused by
 * the next piece.
 */
export function eachPieceReading(folded: string, kind: TextKind, visit: (start: number, reading: PieceReading) => void): void {
  const m = model(kind);
  eachPiece(folded, (start, end) => {
    if (end - start < 2 || !hasHan(folded, start, end)) return;
    const { spans } = readPiece(m, folded, start, end);
    visit(start, { piece: scratch.piece, text: folded.slice(start, end), emission: scratch.emission, transition: m.transition, spans });
  });
}

/**
 * Organization spans the model finds in folded text of `kind` (features.ts TEXT_KINDS: the
 * conventions of that kind's corpus), as [start, end) pairs in order. A sentence
 * is also cut where MAX_GAP characters or more hold no Han character (code, addresses, English):
 * the corpora hardly have such runs, and Latin names are latinNames.ts' part.
 */
export function tagOrganizations(folded: string, margins?: number[], kind: TextKind = 'news'): Array<[number, number]> {
  const m = model(kind);
  const out: Array<[number, number]> = [];
  eachPiece(folded, (start, end) => tagPiece(m, kind, folded, start, end, out, margins));
  return out;
}

/**
 * How far the model is from reading folded[start, end) as a name where it stands: the score of
 * the best reading of its sentence that holds that name, less the best reading's (0 when the
 * model reads it so, more negative the less it does; in units of the weights). Document
 * consistency (organizations.ts) asks it of the other mentions of a name found elsewhere.
 */
export function nameSupport(folded: string, start: number, end: number, kind: TextKind = 'news'): number {
  let a = start;
  while (a > 0 && start - a < MAX_PIECE && !isSentenceEnd(folded.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < folded.length && b - end < MAX_PIECE && !isSentenceEnd(folded.charCodeAt(b))) b++;
  const n = b - a;
  const m = model(kind);
  const sc = scratch;
  sc.grow(n);
  sc.piece.read(folded.slice(a, b));
  score(m, sc);
  const best = viterbi(sc.emission, n, m.transition, sc.tags);
  const e = sc.emission;
  for (let p = start - a; p < end - a; p++) {
    const wanted = end - start === 1 ? S : p === start - a ? B : p === end - a - 1 ? E : I;
    for (let t = 0; t < T; t++) if (t !== wanted) e[p * T + t] = -Infinity;
  }
  return viterbi(e, n, m.transition, sc.other) - best;
}
