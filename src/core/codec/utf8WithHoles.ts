import type { CharLanguageModel } from '../model/charLanguageModel';
import { BestOf } from '../model/bestOf';

/**
 * UTF-8 decoding of a byte stream in which some bytes are unknown (`?` or U+FFFD stood in for them
 * when the bytes were misread). The holes are filled with whatever bytes keep the stream valid
 * UTF-8, and the character language model picks among the fillings (beam search).
 */
export const HOLE = -1;
/**
 * The two bytes of a GBK user-defined pair (lead AA–AF, trail A1–FE) that a decoder turned into a
 * private-use character and a later step dropped: the lead is a UTF-8 continuation byte, the
 * trail a continuation or the lead of the next sequence.
 */
export const PUA_LEAD = -3;
export const PUA_TRAIL = -4;
const PUA_LEADS = [0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf];

/** The bytes chosen for the holes so far, newest first (shared by every state that descends from it). */
interface Filling {
  byte: number;
  before: Filling | undefined;
}

interface State {
  out: string;
  score: number;
  prev: string;
  /** Continuation bytes still expected, and the code point gathered so far. */
  need: number;
  cp: number;
  /** Smallest code point the current sequence may encode (rejects overlong forms). */
  min: number;
  filled: Filling | undefined;
}

const BEAM = 32;

/** What one byte does to a state (advance's answer); the state it leads to is in `advanced`. */
const INVALID = 0;
const PARTIAL = 1;
const COMPLETE = 2;
/** need, cp and min after the byte; for COMPLETE, `char` is the code point completed. */
const advanced = { need: 0, cp: 0, min: 0, char: 0 };

/**
 * One byte through a state's UTF-8 reading, without building the next state: a hole expands a
 * state into up to a thousand, of which the beam keeps 32, so only the kept ones are built.
 */
function advance(s: State, b: number): number {
  if (s.need > 0) {
    if (b < 0x80 || b > 0xbf) return INVALID;
    const cp = (s.cp << 6) | (b & 0x3f);
    if (s.need > 1) return setAdvanced(s.need - 1, cp, s.min, 0, PARTIAL);
    if (cp < s.min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return INVALID;
    return setAdvanced(0, 0, s.min, cp, COMPLETE);
  }
  if (b < 0x80) return setAdvanced(0, s.cp, s.min, b, COMPLETE);
  if (b >= 0xc2 && b <= 0xdf) return setAdvanced(1, b & 0x1f, 0x80, 0, PARTIAL);
  if (b >= 0xe0 && b <= 0xef) return setAdvanced(2, b & 0x0f, 0x800, 0, PARTIAL);
  if (b >= 0xf0 && b <= 0xf4) return setAdvanced(3, b & 0x07, 0x10000, 0, PARTIAL);
  return INVALID;
}

function setAdvanced(need: number, cp: number, min: number, char: number, outcome: number): number {
  advanced.need = need;
  advanced.cp = cp;
  advanced.min = min;
  advanced.char = char;
  return outcome;
}

/**
 * Indices of the `limit` best of `scores[0, count)` in score order, ties in index order: what a
 * stable sort and a slice give (BestOf), without sorting all of them. The children of one state,
 * all carrying its score until their character completes, come already in order.
 */
function bestIndices(scores: Float64Array, count: number, limit: number): number[] {
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) sorted = scores[i] <= scores[i - 1];
  if (sorted) return indexRange(Math.min(limit, count));
  const best = new BestOf<number>(limit);
  for (let i = 0; i < count; i++) if (best.length < limit || best.admits(scores[i])) best.add(scores[i], i);
  return best.sorted();
}

function indexRange(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** The states one byte leads to, as (parent, byte) pairs before any is built. */
class Expansion {
  completeParent: number[] = [];
  completeByte: number[] = [];
  completeChar: string[] = [];
  completeScore = new Float64Array(64);
  partialParent: number[] = [];
  partialByte: number[] = [];

  addComplete(parent: number, byte: number, ch: string, score: number): void {
    const k = this.completeParent.length;
    if (k === this.completeScore.length) {
      const grown = new Float64Array(k * 2);
      grown.set(this.completeScore);
      this.completeScore = grown;
    }
    this.completeParent.push(parent);
    this.completeByte.push(byte);
    this.completeChar.push(ch);
    this.completeScore[k] = score;
  }

  addPartial(parent: number, byte: number): void {
    this.partialParent.push(parent);
    this.partialByte.push(byte);
  }
}

/** The filled bytes in stream order, as hex. */
function filledBytes(f: Filling | undefined): string[] {
  const out: string[] = [];
  for (; f; f = f.before) out.push(f.byte.toString(16).toUpperCase());
  return out.reverse();
}

export interface Utf8Decoding {
  text: string;
  /** The bytes chosen for the holes, in order, as hex. */
  filled: string[];
}

/** Bytes of the UTF-8 sequence a lead byte opens; 0 for a byte no sequence starts with. */
export function sequenceLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/**
 * Where the stretch of known bytes from `from` ends on a sequence boundary: the longest prefix of
 * whole sequences before the next hole (a sequence a hole completes is left to the beam).
 */
function knownStretchEnd(bytes: readonly number[], from: number): number {
  let i = from;
  for (;;) {
    const len = i < bytes.length && bytes[i] >= 0 ? sequenceLength(bytes[i]) : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if (bytes[i + k] < 0) return i;
    i += len;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Every state through a stretch of known, whole sequences at once. The stretch has one reading,
 * decoded once (a strict decoder rejects what `step` rejects: overlong forms, surrogates, code
 * points past U+10FFFF). Only its first bigram depends on the state; the bigrams inside the
 * stretch are the same for every state, so they are left out of the scores, which rank states
 * and are never compared across streams. Undefined when the stretch is not valid UTF-8.
 */
function crossKnownStretch(beam: State[], bytes: readonly number[], from: number, to: number, lm: CharLanguageModel): State[] | undefined {
  const known = new Uint8Array(to - from);
  for (let k = 0; k < known.length; k++) known[k] = bytes[from + k];
  let text: string;
  try {
    text = strictUtf8.decode(known);
  } catch {
    return undefined;
  }
  const first = String.fromCodePoint(text.codePointAt(0)!);
  const last = text.slice(/[\udc00-\udfff]$/.test(text) ? -2 : -1);
  const next = beam.map((s) => ({ ...s, out: s.out + text, prev: last, score: s.score + lm.bigram(s.prev, first) }));
  return next.sort((a, b) => b.score - a.score);
}

/**
 * One-character strings of the BMP, made once: a two-byte hole completes a thousand characters,
 * each looked up in the language model by its string.
 */
const bmpChars: Array<string | undefined> = new Array(0x10000);

function charOf(cp: number): string {
  if (cp > 0xffff) return String.fromCodePoint(cp);
  return (bmpChars[cp] ??= String.fromCharCode(cp));
}

/** Records what byte `x` does to state `s` (the beam's p-th) in `expansion`. */
function expand(expansion: Expansion, p: number, s: State, x: number, lm: CharLanguageModel): void {
  const outcome = advance(s, x);
  if (outcome === PARTIAL) expansion.addPartial(p, x);
  else if (outcome === COMPLETE) {
    const ch = charOf(advanced.char);
    expansion.addComplete(p, x, ch, s.score + lm.bigram(s.prev, ch));
  }
}

/** The best BEAM complete and BEAM × 64 partial states of an expansion, built. */
function keptStates(beam: State[], expansion: Expansion, b: number): State[] {
  const fills = b < 0;
  const filling = (s: State, x: number) => (fills ? { byte: x, before: s.filled } : s.filled);
  const kept: State[] = [];
  const complete = expansion.completeParent.length;
  for (const k of bestIndices(expansion.completeScore, complete, BEAM)) {
    const s = beam[expansion.completeParent[k]];
    const x = expansion.completeByte[k];
    advance(s, x);
    const ch = expansion.completeChar[k];
    kept.push({ out: s.out + ch, score: expansion.completeScore[k], prev: ch, need: 0, cp: advanced.cp, min: s.min, filled: filling(s, x) });
  }
  const partial = expansion.partialParent.length;
  const partialScores = new Float64Array(partial);
  for (let k = 0; k < partial; k++) partialScores[k] = beam[expansion.partialParent[k]].score;
  for (const k of bestIndices(partialScores, partial, BEAM * 64)) {
    const s = beam[expansion.partialParent[k]];
    const x = expansion.partialByte[k];
    advance(s, x);
    kept.push({ out: s.out, score: s.score, prev: s.prev, need: advanced.need, cp: advanced.cp, min: advanced.min, filled: filling(s, x) });
  }
  return kept;
}

/**
 * Decode `bytes` (HOLE marks an unknown byte, PUA_LEAD and PUA_TRAIL a dropped GBK user-defined
 * pair) as UTF-8; undefined when no filling is valid.
 * `prev` is the character before the stream, for the first bigram. The beam works only around the
 * holes: stretches of known bytes between them are decoded directly.
 */
export function decodeUtf8WithHoles(bytes: readonly number[], lm: CharLanguageModel, prev = ''): Utf8Decoding | undefined {
  let beam: State[] = [{ out: '', score: 0, prev, need: 0, cp: 0, min: 0, filled: undefined }];
  for (let i = 0; i < bytes.length; i++) {
    if (beam.every((s) => s.need === 0)) {
      const end = knownStretchEnd(bytes, i);
      if (end > i) {
        const crossed = crossKnownStretch(beam, bytes, i, end, lm);
        if (!crossed) return undefined;
        beam = crossed;
        i = end - 1;
        continue;
      }
    }
    const b = bytes[i];
    const expansion = new Expansion();
    for (let p = 0; p < beam.length; p++) {
      const s = beam[p];
      if (b === PUA_LEAD) {
        for (const x of PUA_LEADS) expand(expansion, p, s, x, lm);
      } else if (b === PUA_TRAIL) {
        // A continuation byte when one is due; otherwise the lead of a CJK-range sequence.
        const [lo, hi] = s.need > 0 ? [0xa1, 0xbf] : [0xe0, 0xef];
        for (let x = lo; x <= hi; x++) expand(expansion, p, s, x, lm);
      } else if (b !== HOLE) {
        expand(expansion, p, s, b, lm);
      } else {
        // A continuation byte when one is due; otherwise the lead of a CJK-range sequence.
        const [lo, hi] = s.need > 0 ? [0x80, 0xbf] : [0xe0, 0xef];
        for (let x = lo; x <= hi; x++) expand(expansion, p, s, x, lm);
      }
    }
    if (expansion.completeParent.length + expansion.partialParent.length === 0) return undefined;
    // A state in the middle of a sequence has not been scored for it yet: prune the complete
    // states to the beam, and keep the partial ones until their character is known.
    beam = keptStates(beam, expansion, b);
  }
  const done = beam.filter((s) => s.need === 0);
  if (done.length === 0) return undefined;
  const best = done[0];
  return { text: best.out, filled: filledBytes(best.filled) };
}
