/**
 * A bigram this unlikely (nats) is a sign of garbage: every run shows one. Prose has a few
 * (rare names); a run without one is not looked at.
 */
const BAD_BIGRAM = -12;

/** Where the text has a bigram that unlikely, worked out where a run is looked for, once. */
export class BadBigrams {
  constructor(
    private readonly v: string,
    /** ln P of the bigram ending at an offset. */
    private readonly bigramAt: (i: number) => number,
    /** Per offset i (at i − base), the bigram ending there: 0 not looked at yet, 1 bad, 2 not. */
    private readonly flags: Uint8Array,
    private readonly base: number,
  ) {}

  /** Whether a bigram ending at an offset in [from, to) is bad. */
  any(from: number, to: number): boolean {
    for (let i = Math.max(1, from); i < Math.min(to, this.v.length); i++) if (this.at(i)) return true;
    return false;
  }

  private at(i: number): boolean {
    const k = i - this.base;
    if (this.flags[k] === 0) {
      const a = this.v.charCodeAt(i - 1);
      const b = this.v.charCodeAt(i);
      // Not across surrogates or whitespace, nor between two ASCII characters (no run holds them).
      const bad = (a >= 0x80 || b >= 0x80) && a > 0x20 && b > 0x20 && !(a >= 0xd800 && a <= 0xdfff) && !(b >= 0xd800 && b <= 0xdfff) && this.bigramAt(i) <= BAD_BIGRAM;
      this.flags[k] = bad ? 1 : 2;
    }
    return this.flags[k] === 1;
  }
}
