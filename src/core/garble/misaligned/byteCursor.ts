import type { CharLanguageModel } from '../../model/charLanguageModel';
import type { GbkGuesses } from './gbkGuesses';
import { LENGTH_BONUS } from './searchTuning';
import { NO_BYTE, type RunState } from './runState';

/**
 * A state being read on byte by byte, as the decoder of the garbled file did: scored as it goes,
 * and turned into a RunState only when the beam would keep it.
 */
export class ByteCursor {
  score = 0;
  prev = '';
  pending = NO_BYTE;
  lastByte = NO_BYTE;
  /** What the bytes read since `from` produced. */
  text = '';

  constructor(
    private readonly guesses: GbkGuesses,
    private readonly lm: CharLanguageModel,
  ) {}

  from(s: RunState): this {
    return this.at(s.score, s.prev, s.pending, s.lastByte, '');
  }

  at(score: number, prev: string, pending: number, lastByte: number, text: string): this {
    this.score = score;
    this.prev = prev;
    this.pending = pending;
    this.lastByte = lastByte;
    this.text = text;
    return this;
  }

  /** Reads one byte; false when the decoder could not have read it here. */
  feed(b: number): boolean {
    if (this.pending !== NO_BYTE) {
      const ch = this.guesses.decodePair(this.pending, b);
      // The ideographic space A1A1 never comes out of a garbled run; as a guess it only ever
      // stands in for a lost sentence end.
      if (!ch || ch === '\u3000') return false;
      this.pending = NO_BYTE;
      this.lastByte = b;
      this.emit(ch);
      return true;
    }
    this.lastByte = b;
    if (b < 0x80) this.emit(String.fromCharCode(b));
    else if (b === 0x80) this.emit('€');
    else if (b <= 0xfe) this.pending = b;
    else return false;
    return true;
  }

  feedAll(bytes: readonly number[]): boolean {
    // Indexed: `for … of` in a text's first, interpreted analysis makes an iterator and a result object per byte.
    for (let i = 0; i < bytes.length; i++) if (!this.feed(bytes[i])) return false;
    return true;
  }

  /** Every character comes with LENGTH_BONUS, in the beam as in the final ranking. */
  private emit(ch: string): void {
    this.score = this.score + this.lm.bigram(this.prev, ch) + LENGTH_BONUS;
    this.prev = ch;
    this.text += ch;
  }
}
