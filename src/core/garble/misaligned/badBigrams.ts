import type { CharLanguageModel } from '../../model/charLanguageModel';

/**
 * A bigram this unlikely (nats) is a sign of garbage: every run shows one. Prose has a few
 * (rare names); a run without one is not looked at.
 */
const BAD_BIGRAM = -12;

/** Where the text has a bigram that unlikely, worked out where a run is looked for, once. */
export class BadBigrams {
  /** Per offset, the bigram ending there: 0 not looked at yet, 1 bad, 2 not. */
  private readonly flags: Uint8Array;

  constructor(
    private readonly v: string,
    private readonly lm: CharLanguageModel,
  ) {
    this.flags = new Uint8Array(v.length + 1);
  }

  /** Whether a bigram ending at an offset in [from, to) is bad. */
  any(from: number, to: number): boolean {
    for (let i = Math.max(1, from); i < Math.min(to, this.v.length); i++) if (this.at(i)) return true;
    return false;
  }

  private at(i: number): boolean {
    if (this.flags[i] === 0) {
      const a = this.v.charCodeAt(i - 1);
      const b = this.v.charCodeAt(i);
      // Not across surrogates or whitespace, nor between two ASCII characters (no run holds them).
      const bad = (a >= 0x80 || b >= 0x80) && a > 0x20 && b > 0x20 && !(a >= 0xd800 && a <= 0xdfff) && !(b >= 0xd800 && b <= 0xdfff) && this.lm.bigram(this.v[i - 1], this.v[i]) <= BAD_BIGRAM;
      this.flags[i] = bad ? 1 : 2;
    }
    return this.flags[i] === 1;
  }
}
