import { dataBytes } from '../data/dataFiles';

/**
 * The word model (data/wordModel.bin, written by scripts/build-word-model.mjs): words of one to
 * four characters, folded to Simplified, with their probabilities from two word-frequency lists.
 * It says how likely a short stretch of text is as a sequence of words, summed over every way of
 * cutting it (a word-unigram model): the second opinion the characters guessed for a misaligned
 * GBK run's lost bytes are weighed with, where two bigrams cannot tell `当地报` from `当回报`.
 *
 * It is read only when a run's guesses are read, never for clean text. The file is searched as
 * it is (per length, words sorted by code unit, binary search): nothing is built on load.
 */
export interface WordModel {
  /** ln P of a folded word (one to maxLength characters), or undefined when it is not listed. */
  word(w: string): number | undefined;
  /**
   * ln P of `text` (folded) as a sequence of words, every way of cutting it summed; a character
   * that is no listed word alone costs `single(ch)` (the caller's unigram).
   */
  logProb(text: string, single: (ch: string) => number): number;
  /**
   * The same, for `prefix + rest`, with the sums over `prefix` (`prefixSums(prefix)`) worked out
   * once for the many `rest`s weighed after one prefix: the same arithmetic, the same result.
   */
  logProbAfter(prefix: PrefixSums, rest: string, single: (ch: string) => number): number;
  /** The forward sums over `prefix`, for logProbAfter. */
  prefixSums(prefix: string, single: (ch: string) => number): PrefixSums;
  readonly maxLength: number;
}

/** A prefix and its forward sums (alpha[j]: ln P of its first j characters, every cut summed). */
export interface PrefixSums {
  readonly text: string;
  readonly alpha: Float64Array;
}

class PackedWordModel implements WordModel {
  readonly maxLength: number;
  private readonly words: Uint16Array[] = [];
  private readonly costs: Uint8Array[] = [];
  /** The sums' terms at one place (one per word length), reused. */
  private readonly terms: Float64Array;

  constructor(bytes: Uint8Array) {
    const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
    if (magic !== 'ZHWM' || bytes[4] !== 1) throw new Error('wordModel.bin: unknown format');
    this.maxLength = bytes[5];
    this.terms = new Float64Array(this.maxLength);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Typed-array views need aligned offsets; a Buffer from a file read may start anywhere.
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
    let o = 6;
    for (let len = 1; len <= this.maxLength; len++) {
      const n = view.getUint32(o, true);
      o += 4;
      this.words[len] = new Uint16Array(aligned.buffer, aligned.byteOffset + o, n * len);
      o += n * len * 2;
      this.costs[len] = bytes.subarray(o, o + n);
      o += n;
    }
    if (o !== bytes.length) throw new Error('wordModel.bin: wrong length');
  }

  word(w: string): number | undefined {
    return this.wordAt(w, 0, w.length);
  }

  /** ln P of the word `text.slice(start, start + len)`, without cutting it out. */
  private wordAt(text: string, start: number, len: number): number | undefined {
    const list = this.words[len];
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length / len - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      let c = 0;
      for (let i = 0; i < len && c === 0; i++) c = list[mid * len + i] - text.charCodeAt(start + i);
      if (c === 0) return -this.costs[len][mid] / 10;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  logProb(text: string, single: (ch: string) => number): number {
    return this.logProbAfter(EMPTY_PREFIX, text, single);
  }

  prefixSums(prefix: string, single: (ch: string) => number): PrefixSums {
    const alpha = new Float64Array(prefix.length + 1);
    this.forward(prefix, alpha, 1, single);
    return { text: prefix, alpha };
  }

  logProbAfter(prefix: PrefixSums, rest: string, single: (ch: string) => number): number {
    const text = prefix.text + rest;
    const alpha = new Float64Array(text.length + 1);
    alpha.set(prefix.alpha);
    this.forward(text, alpha, prefix.text.length + 1, single);
    return alpha[text.length];
  }

  /** alpha[j] for j = from … text.length, every word ending at j (alpha[0 … from − 1] given). */
  private forward(text: string, alpha: Float64Array, from: number, single: (ch: string) => number): void {
    const terms = this.terms;
    for (let j = from; j <= text.length; j++) {
      const one = this.wordAt(text, j - 1, 1) ?? single(text[j - 1]);
      let top = alpha[j - 1] + one;
      terms[0] = top;
      let count = 1;
      for (let len = 2; len <= this.maxLength && len <= j; len++) {
        const p = this.wordAt(text, j - len, len);
        if (p === undefined) continue;
        const s = alpha[j - len] + p;
        terms[count++] = s;
        if (s > top) top = s;
      }
      let sum = 0;
      for (let k = 0; k < count; k++) sum += Math.exp(terms[k] - top);
      alpha[j] = top + Math.log(sum);
    }
  }

}

const EMPTY_PREFIX: PrefixSums = { text: '', alpha: new Float64Array(1) };

let instance: WordModel | undefined;

/** The shared word model, read from data/wordModel.bin on first use. */
export function getWordModel(): WordModel {
  instance ??= new PackedWordModel(dataBytes('wordModel.bin'));
  return instance;
}
