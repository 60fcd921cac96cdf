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

interface State {
  out: string;
  score: number;
  prev: string;
  /** Continuation bytes still expected, and the code point gathered so far. */
  need: number;
  cp: number;
  /** Smallest code point the current sequence may encode (rejects overlong forms). */
  min: number;
  filled: string;
}

const BEAM = 32;

function step(s: State, b: number, lm: CharLanguageModel, filled: string): State | undefined {
  if (s.need > 0) {
    if (b < 0x80 || b > 0xbf) return undefined;
    const cp = (s.cp << 6) | (b & 0x3f);
    if (s.need > 1) return { ...s, need: s.need - 1, cp, filled };
    if (cp < s.min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return undefined;
    const ch = String.fromCodePoint(cp);
    return { ...s, need: 0, cp: 0, out: s.out + ch, prev: ch, score: s.score + lm.bigram(s.prev, ch), filled };
  }
  if (b < 0x80) {
    const ch = String.fromCharCode(b);
    return { ...s, out: s.out + ch, prev: ch, score: s.score + lm.bigram(s.prev, ch), filled };
  }
  if (b >= 0xc2 && b <= 0xdf) return { ...s, need: 1, cp: b & 0x1f, min: 0x80, filled };
  if (b >= 0xe0 && b <= 0xef) return { ...s, need: 2, cp: b & 0x0f, min: 0x800, filled };
  if (b >= 0xf0 && b <= 0xf4) return { ...s, need: 3, cp: b & 0x07, min: 0x10000, filled };
  return undefined;
}

export interface Utf8Decoding {
  text: string;
  /** The bytes chosen for the holes, in order, as hex. */
  filled: string[];
  score: number;
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

/**
 * Decode `bytes` (HOLE marks an unknown byte, DROPPED one of Windows-1252's five undefined bytes) as UTF-8; undefined when no filling is valid.
 * `prev` is the character before the stream, for the first bigram.
 */
export function decodeUtf8WithHoles(bytes: readonly number[], lm: CharLanguageModel, prev = ''): Utf8Decoding | undefined {
  let beam: State[] = [{ out: '', score: 0, prev, need: 0, cp: 0, min: 0, filled: '' }];
  for (const b of bytes) {
    const next: State[] = [];
    for (const s of beam) {
      if (b === DROPPED) {
        for (const x of DROPPABLE) {
          const n = step(s, x, lm, s.filled + (s.filled ? ' ' : '') + x.toString(16).toUpperCase());
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
        const n = step(s, x, lm, s.filled + (s.filled ? ' ' : '') + x.toString(16).toUpperCase());
        if (n) next.push(n);
      }
    }
    if (next.length === 0) return undefined;
    // A state in the middle of a sequence has not been scored for it yet: prune the complete
    // states to the beam, and keep the partial ones until their character is known.
    next.sort((a, b) => b.score - a.score);
    const complete = next.filter((s) => s.need === 0).slice(0, BEAM);
    const partial = next.filter((s) => s.need > 0).slice(0, BEAM * 64);
    beam = complete.concat(partial);
  }
  const done = beam.filter((s) => s.need === 0);
  if (done.length === 0) return undefined;
  const best = done[0];
  return { text: best.out, filled: best.filled ? best.filled.split(' ') : [], score: best.score };
}
