import type { CharLanguageModel } from '../model/charLanguageModel';

/**
 * UTF-8 decoding of a byte stream in which some bytes are unknown (`?` or U+FFFD stood in for them
 * when the bytes were misread). The holes are filled with whatever bytes keep the stream valid
 * UTF-8, and the character language model picks among the fillings (beam search).
 */
export const HOLE = -1;
/**
 * A continuation byte a strict Windows-1252 decoder had no character for and dropped: one of
 * 0x81, 0x8D, 0x8F, 0x90, 0x9D.
 */
export const DROPPED = -2;
const DROPPABLE = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

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

// States are written out field by field, not spread: a two-byte hole expands into a thousand of them.
function step(s: State, b: number, lm: CharLanguageModel, filled: Filling | undefined): State | undefined {
  if (s.need > 0) {
    if (b < 0x80 || b > 0xbf) return undefined;
    const cp = (s.cp << 6) | (b & 0x3f);
    if (s.need > 1) return { out: s.out, score: s.score, prev: s.prev, need: s.need - 1, cp, min: s.min, filled };
    if (cp < s.min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return undefined;
    const ch = String.fromCodePoint(cp);
    return { out: s.out + ch, score: s.score + lm.bigram(s.prev, ch), prev: ch, need: 0, cp: 0, min: s.min, filled };
  }
  if (b < 0x80) {
    const ch = String.fromCharCode(b);
    return { out: s.out + ch, score: s.score + lm.bigram(s.prev, ch), prev: ch, need: 0, cp: s.cp, min: s.min, filled };
  }
  if (b >= 0xc2 && b <= 0xdf) return { out: s.out, score: s.score, prev: s.prev, need: 1, cp: b & 0x1f, min: 0x80, filled };
  if (b >= 0xe0 && b <= 0xef) return { out: s.out, score: s.score, prev: s.prev, need: 2, cp: b & 0x0f, min: 0x800, filled };
  if (b >= 0xf0 && b <= 0xf4) return { out: s.out, score: s.score, prev: s.prev, need: 3, cp: b & 0x07, min: 0x10000, filled };
  return undefined;
}

const byScore = (a: State, b: State) => b.score - a.score;

/**
 * The `limit` best states in score order, ties in the order given: what a stable sort and a
 * slice give, without sorting all of them. A two-byte hole makes a thousand states to keep 32 of,
 * and the children of one state, all carrying its score until their character completes, come
 * already in order.
 */
function bestStates(states: State[], limit: number): State[] {
  let sorted = true;
  for (let i = 1; i < states.length && sorted; i++) sorted = states[i].score <= states[i - 1].score;
  if (sorted) return states.slice(0, limit);
  if (states.length <= limit) return states.sort(byScore);
  const scores = new Float64Array(states.length);
  for (let i = 0; i < states.length; i++) scores[i] = states[i].score;
  scores.sort();
  const threshold = scores[scores.length - limit];
  let ties = limit;
  for (const s of states) if (s.score > threshold) ties--;
  return states.filter((s) => s.score > threshold || (s.score === threshold && ties-- > 0)).sort(byScore);
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

/**
 * Where a UTF-8 sequence is cut short (a lead, then too few continuation bytes), put DROPPED
 * markers for the missing ones; undefined when more than `max` are needed or the stream is broken
 * some other way.
 */
export function restoreDroppedBytes(bytes: readonly number[], max: number): number[] | undefined {
  const out: number[] = [];
  let need = 0;
  let added = 0;
  const fill = () => {
    added += need;
    for (; need > 0; need--) out.push(DROPPED);
  };
  for (const b of bytes) {
    if (need > 0 && (b < 0x80 || b > 0xbf)) fill();
    if (need > 0) {
      need--;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else if (b >= 0x80) return undefined;
    out.push(b);
  }
  fill();
  return added > 0 && added <= max ? out : undefined;
}

/** Length of the UTF-8 sequence a byte opens; 0 for a continuation byte or a byte that opens none. */
function sequenceLength(b: number): number {
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
 * Decode `bytes` (HOLE marks an unknown byte, DROPPED one of Windows-1252's five undefined bytes) as UTF-8; undefined when no filling is valid.
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
    const next: State[] = [];
    for (const s of beam) {
      if (b === DROPPED) {
        for (const x of DROPPABLE) {
          const n = step(s, x, lm, { byte: x, before: s.filled });
          if (n) next.push(n);
        }
        continue;
      }
      if (b !== HOLE) {
        const n = step(s, b, lm, s.filled);
        if (n) next.push(n);
        continue;
      }
      // A continuation byte when one is due; otherwise the lead of a CJK-range sequence.
      const [lo, hi] = s.need > 0 ? [0x80, 0xbf] : [0xe0, 0xef];
      for (let x = lo; x <= hi; x++) {
        const n = step(s, x, lm, { byte: x, before: s.filled });
        if (n) next.push(n);
      }
    }
    if (next.length === 0) return undefined;
    // A state in the middle of a sequence has not been scored for it yet: prune the complete
    // states to the beam, and keep the partial ones until their character is known.
    const complete = bestStates(next.filter((s) => s.need === 0), BEAM);
    const partial = bestStates(next.filter((s) => s.need > 0), BEAM * 64);
    beam = complete.concat(partial);
  }
  const done = beam.filter((s) => s.need === 0);
  if (done.length === 0) return undefined;
  const best = done[0];
  return { text: best.out, filled: filledBytes(best.filled) };
}
