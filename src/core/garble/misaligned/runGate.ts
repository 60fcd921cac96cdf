import type { CharLanguageModel } from '../../model/charLanguageModel';
import { bigramOfUnits, type FlatBigrams } from '../../model/quantizedTables';
import type { TrailBounds } from './trailBounds';
import { isSymbol, WrittenSymbols } from './writtenSymbols';

/**
 * The test every end of a possible silent run passes before its starts are weighed one by one
 * (silentRuns.ts, RunScan.bestRun): the most any start could gain, from one running sum.
 *
 * A run shown from `first` to `at` gains what its reading scores over the text as shown. The
 * reading's middle is known (the pairs read again one byte later); its first character, and
 * its last unless an ASCII trail tells it, are guessed, and bounded here by the likeliest
 * bigram the model has after the character before and before the character after (the model's
 * row and column maxima). Per start the bound is
 *
 *   A(first) + Σ_{first ≤ j ≤ at−3} (P[j] − S[j+1]) − S[at−1] + L(at) − T(at)
 *
 * with S[i] the bigram of the text as shown ending at offset i, P[j] the bigram of the pairs
 * read again at j and j + 1, A the first character's bound less the bigram that enters the run,
 * L the last character's bound and T the shown bigrams of the end itself. The best start's value
 * is kept as the ends move on (M(at) = max(M(at−1) + P[at−3] − S[at−2], A(at−2)), a running
 * maximum sum), so each end costs a few additions. An end whose best start cannot reach the
 * minimum gain is not searched; this never drops a run the search would find, since every
 * bound is at least what the search can score.
 */
export class RunGate {
  /** The best start's bound for runs of two characters shown or more, up to the current end. */
  private best = -Infinity;
  /** The offset `best` was last brought to (the `at` of the last advance). */
  private bestAt = -1;
  /**
   * The pair read again at `bestAt` − 2 where `best` is a number (advance() and restore() look
   * it up): the checks of that end read it from here instead of asking again.
   */
  private lastPair = -1;

  constructor(
    private readonly v: string,
    private readonly lm: CharLanguageModel,
    /** The pair read again at an offset (trail there, lead after it), as a code unit. */
    private readonly repairedAt: (i: number) => number,
    /** Per offset i (at i − base), the bigram of the text as shown ending there (NaN: not looked up yet). */
    private readonly shown: Float64Array,
    /** Per offset j (at j − base), the bigram of the pairs read again at j and j + 1 (NaN: not looked up yet). */
    private readonly read: Float64Array,
    /** The offset of the arrays' first entries (scanArrays.ts: the stretch read). */
    private readonly base: number,
  ) {
    this.symbols = WrittenSymbols.of(v);
    this.flat = lm.flatBigrams();
  }

  /**
   * The model's tables read directly: the gate looks up two bigrams and four bounds for each
   * double-byte character of the text, and through the model's methods each number came back
   * from a call of its own (in V8 a heap number made for it: most of what the search allocated).
   */
  private readonly flat: FlatBigrams;

  /** The symbols the text writes after Chinese, which explain the text as shown (writtenSymbols.ts). */
  private readonly symbols: WrittenSymbols;

  /** The code unit at `i` as the search scores it: a line break outside the text. */
  private charAt(i: number): number {
    return i >= 0 && i < this.v.length ? this.v.charCodeAt(i) : 0x0a;
  }

  /**
   * ln P of the bigram of the text as shown that ends at offset `i` (0 ≤ i ≤ length), with the
   * document's own word where it ends in an ASCII symbol (writtenSymbols.ts).
   */
  shownAt(i: number): number {
    const k = i - this.base;
    if (this.shown[k] !== this.shown[k]) this.lookUpShown(i);
    return this.shown[k];
  }

  private lookUpShown(i: number): void {
    const a = this.charAt(i - 1);
    const b = this.charAt(i);
    let s = bigramOfUnits(this.flat, a, b);
    if (isSymbol(b)) {
      s = this.symbols.weigh(a, b, s);
      if (this.consulted && a >= 0x80) this.consulted.push(b);
    }
    this.shown[i - this.base] = s;
  }

  /**
   * Where set, every symbol whose document weight a bigram looked up from now on consulted
   * (searchMemo.ts: a line's search is taken again only where these weigh the same).
   */
  consulted: number[] | undefined;

  /** What the document's word adds to a symbol written after Chinese (-Infinity: nothing), as weigh() reads it. */
  symbolWeight(b: number): number {
    return this.symbols.weigh(0x80, b, -Infinity);
  }

  /**
   * ln P of the bigram of the pairs read again at `j` and `j + 1` (both must be ordinary), with
   * the second one's digit charge (digitCharge).
   */
  readAt(j: number): number {
    const k = j - this.base;
    if (this.read[k] !== this.read[k]) {
      const b = this.repairedAt(j + 1);
      this.read[k] = bigramOfUnits(this.flat, this.repairedAt(j), b) + digitCharge(b);
    }
    return this.read[k];
  }

  /**
   * Brings the running bound to the end at `at` (the character before it double-byte, starts
   * allowed from `segLo` on, every pair read again from there to at − 2 ordinary). Call for
   * every such `at` in order.
   */
  advance(at: number, segLo: number): void {
    const first = at - 2;
    if (first < segLo) {
      this.best = -Infinity;
    } else {
      const { flat, shown, base } = this;
      const p0 = this.repairedAt(first);
      if (shown[first - base] !== shown[first - base]) this.lookUpShown(first);
      // lm.bestAfter(character before) + lm.bestBefore(p0), read from the model's arrays.
      const fresh = flat.after[flat.index[this.charAt(first - 1)] + 1] + flat.before[flat.index[p0] + 1] + digitCharge(p0) - shown[first - base];
      // The starts before at − 2 carry on with one more pair read again (at − 3 with at − 2).
      let carried = -Infinity;
      if (this.bestAt === at - 1 && first - 1 >= segLo) {
        // readAt(first − 1), with both pairs in hand: the one at `first`, and the one at first − 1
        // that the advance to at − 1 looked up (its first was first − 1, at or after segLo then).
        const k = first - 1 - base;
        if (this.read[k] !== this.read[k]) this.read[k] = bigramOfUnits(flat, this.lastPair, p0) + digitCharge(p0);
        carried = this.best + this.read[k] - shown[first - base];
      }
      this.best = Math.max(fresh, carried);
      this.lastPair = p0;
    }
    this.bestAt = at;
  }

  /** The pair read again at `at` − 2, for the end at `at` the bound was last brought to (where it is a number). */
  private pairAt(at: number): number {
    return at === this.bestAt ? this.lastPair : this.repairedAt(at - 2);
  }

  /** The running bound as advance() left it at the current end (for restore()). */
  bound(): number {
    return this.best;
  }

  /** The running bound as bound() gave it at the end `at`, for that end's checks (no advance() after). */
  restore(at: number, best: number): void {
    this.best = best;
    this.bestAt = at;
    if (best > -Infinity) this.lastPair = this.repairedAt(at - 2);
  }

  /**
   * The most a run ending at `at` (its garbled text up to `garbledEnd`) could gain, over every
   * start; `single` when a run of one character shown is allowed (an end that tells where the
   * decoder fell back into step).
   */
  mostGain(at: number, garbledEnd: number, single: boolean): number {
    let tail = 0;
    for (let i = at; i <= garbledEnd; i++) tail += this.shownAt(i);
    const next = this.charAt(garbledEnd);
    let most = -Infinity;
    if (this.best > -Infinity) most = this.best - this.shownAt(at - 1) + this.lm.bestAfter(this.pairAt(at)) + this.lm.bestBefore(next) - tail;
    if (single) most = Math.max(most, this.lm.bestAfter(this.charAt(at - 2)) + this.lm.bestBefore(next) - this.shownAt(at - 1) - tail);
    return most;
  }

  /**
   * Whether any end the offset `at` can be (runEnds.endAt) could reach `gate` with its log prior
   * (`silentPrior` at a second lost lead or a dropped trail, 0 at the others), once advance() has
   * brought the running bound to `at`: an upper bound of mostGain plus the prior, over the kinds;
   * an end after an ASCII letter (a trail shown so, the first kind below) is held to `traceGate` instead.
   * An end that does not is not read at all (most ends of clean text). By the character c at `at`:
   *  - c could be a trail shown as ASCII 0x40–0x7E or `€`, or a mark `?` or U+FFFD (endsAfter):
   *    the garbled text ends after c, and a run of one character shown is allowed;
   *  - c is below 0x40 or the text ends (a dropped trail), or c is double-byte (`leadNext`: a
   *    second lost lead, bounded by mostGainAtLead as well): silent, the garbled text ends at `at`;
   *  - a swallowed byte (`trail`, the last one shown, and c both ASCII letters or digits): the
   *    garbled text ends at `at`.
   * With S[i] the shown bigram ending at i, mostGain is at most
   *   max(best + bestAfter(pair read again at at − 2), [one shown] bestAfter(at − 2)) − S[at − 1]
   *     + bestBefore(character at the garbled end e) − Σ_{at ≤ i ≤ e} S[i],
   * and the sums are compared with BOUND_SLACK to spare for their other order of addition.
   */
  anyEndReaches(at: number, gate: number, traceGate: number, silentPrior: number, trail: number, leadNext: boolean, bounds: TrailBounds): boolean {
    const { flat, shown, base } = this;
    const { index } = flat;
    const least = gate - 2 * BOUND_SLACK;
    const many = this.best > -Infinity ? this.best + flat.after[index[this.pairAt(at)] + 1] : -Infinity;
    const c = at < this.v.length ? this.v.charCodeAt(at) : -1;
    const after = c >= 0 && endsAfter(c);
    // Every other end needs two characters shown: none without a start for them.
    if (many === -Infinity && !after) return false;
    if (shown[at - 1 - base] !== shown[at - 1 - base]) this.lookUpShown(at - 1);
    if (shown[at - base] !== shown[at - base]) this.lookUpShown(at);
    const both = shown[at - 1 - base] + shown[at - base];
    // (Written `!(x < least)`: a bound that is not a number passes, as it does the gate.)
    // A swallowed byte: no price.
    if (isWordByte(trail) && isWordByte(c) && !(many - both + flat.before[index[c] + 1] < least)) return true;
    if (after) {
      if (shown[at + 1 - base] !== shown[at + 1 - base]) this.lookUpShown(at + 1);
      const one = flat.after[index[this.charAt(at - 2)] + 1];
      return !(Math.max(many, one) - both + flat.before[index[this.charAt(at + 1)] + 1] - shown[at + 1 - base] < (isLetterByte(c) ? traceGate - 2 * BOUND_SLACK : least));
    }
    if (c >= 0x40 && !leadNext) return false;
    if (many - both + flat.before[index[this.charAt(at)] + 1] + silentPrior < least) return false;
    return c < 0x40 || !(this.mostGainAtLead(at, trail, bounds) + silentPrior < least);
  }

  /**
   * mostGain for an end at a second lost lead (garbledEnd = at, no run of one character shown),
   * its last character bounded over the characters with the trail shown before the end
   * (trailBounds.ts) instead of over every character: never more than mostGain.
   */
  mostGainAtLead(at: number, trail: number, bounds: TrailBounds): number {
    if (this.best === -Infinity) return -Infinity;
    const last = bounds.after(this.pairAt(at), trail) + Math.min(bounds.bestOut(trail), this.lm.bestBefore(this.charAt(at)));
    return this.best - this.shownAt(at - 1) + last - this.shownAt(at);
  }
}

/**
 * ln P of a digit among the ten, for a fullwidth digit a run's pairs read again make (０–９,
 * pairedAgain.ts). The character model folds every digit into one class, so a stretch of
 * digits read again scores as the class: without this charge the reading is ln 10 per digit
 * likelier than any text that writes those digits, and a clean character with trail A3 before a
 * lead B0–B9 reads as a digit for free (`。埃及法老` → `�００法老`).
 */
export function digitCharge(code: number): number {
  return code >= 0xff10 && code <= 0xff19 ? DIGIT_LOG_PRIOR : 0;
}
const DIGIT_LOG_PRIOR = -Math.log(10);

/**
 * Whether an end at a character `c` can take it into the garbled text (runEnds.endAt: a trail
 * shown as ASCII 0x40–0x7E or `€`, a mark `?` or U+FFFD): every other end's garbled text stops
 * before it.
 */
function endsAfter(c: number): boolean {
  return (c >= 0x40 && c <= 0x7e) || c === 0x20ac || c === 0x3f || c === 0xfffd;
}

/** An ASCII letter. */
export function isLetterByte(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/** An ASCII letter or digit (runEnds.ts: the two bytes of a `swallow` end). */
export function isWordByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/** Sums of bounds and of exact scores are added in different orders: never prune on rounding. */
export const BOUND_SLACK = 1e-6;

/** A run of one character shown: its lead guessed (and its trail, unless the ASCII end tells it), at most. */
export function firstOnlyBound(lm: CharLanguageModel, prev: number, lastKnown: string | undefined, next: string): number {
  const after = lm.bestAfter(prev);
  return lastKnown !== undefined ? after + lm.bestBefore(lastKnown.charCodeAt(0)) + lm.bigram(lastKnown, next) : after + lm.bestBefore(next.charCodeAt(0));
}
