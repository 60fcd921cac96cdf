/**
 * One reading of a misaligned run so far, as the beam search carries it: the decoder's state after
 * the bytes read, the log-probability of what it produced, and how it got there.
 *
 * States are immutable and share their past: the output is the chain of `text`s back to the first
 * state, rebuilt only for the reading that wins, and the guessed hole bytes are a chain as well.
 */

import { hexByte } from '../../codec/hexByte';

export class RunState {
  constructor(
    /** The state this one was read on from (null for the first). */
    readonly parent: RunState | null,
    /** What this step produced (often one character, sometimes none or two). */
    readonly text: string,
    readonly score: number,
    /** The last character produced (or the one before the run), the context of the next bigram. */
    readonly prev: string,
    /** The lead byte waiting for its trail, or NO_BYTE. */
    readonly pending: number,
    readonly lastByte: number,
    /** The latest hole filled on the way here. */
    readonly hole: HoleGuess | null,
  ) {}

  /** Everything produced from the first state on. */
  output(): string {
    const parts: string[] = [];
    for (let s: RunState | null = this; s; s = s.parent) if (s.text) parts.push(s.text);
    return parts.reverse().join('');
  }
}

export const NO_BYTE = -1;

/** The bytes put into one hole, newest first through `prev`. */
export interface HoleGuess {
  /** As the repair plan shows it: `B5`, `FE+84D5`, `(AAA1)` for a dropped pair. */
  label: string;
  /** The byte before the hole in the garbled stream. */
  beforeHole: number;
  /** The hole's first byte. */
  byte: number;
  /** The character the hole's bytes completed, if any. */
  char: string;
  prev: HoleGuess | null;
}

/** The labels of every hole, oldest first. */
export function holeLabels(hole: HoleGuess | null): string[] {
  const out: string[] = [];
  for (let h = hole; h; h = h.prev) out.push(h.label);
  return out.reverse();
}

export const HEX = Array.from({ length: 256 }, (_, b) => hexByte(b));
