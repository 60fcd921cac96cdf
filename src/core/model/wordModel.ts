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
  readonly maxLength: number;
}

class PackedWordModel implements WordModel {
  readonly maxLength: number;
  private readonly words: Uint16Array[] = [];
  private readonly costs: Uint8Array[] = [];

  constructor(bytes: Uint8Array) {
    const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
    if (magic !== 'ZHWM' || bytes[4] !== 1) throw new Error('wordModel.bin: unknown format');
    this.maxLength = bytes[5];
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
    const len = w.length;
    const list = this.words[len];
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length / len - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      let c = 0;
      for (let i = 0; i < len && c === 0; i++) c = list[mid * len + i] - w.charCodeAt(i);
      if (c === 0) return -this.costs[len][mid] / 10;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  logProb(text: string, single: (ch: string) => number): number {
    const n = text.length;
    const alpha = new Float64Array(n + 1);
    for (let j = 1; j <= n; j++) {
      const one = this.word(text[j - 1]) ?? single(text[j - 1]);
      let top = alpha[j - 1] + one;
      const terms = [top];
      for (let len = 2; len <= this.maxLength && len <= j; len++) {
        const p = this.word(text.slice(j - len, j));
        if (p === undefined) continue;
        const s = alpha[j - len] + p;
        terms.push(s);
        if (s > top) top = s;
      }
      let sum = 0;
      for (const s of terms) sum += Math.exp(s - top);
      alpha[j] = top + Math.log(sum);
    }
    return alpha[n];
  }
}

let instance: WordModel | undefined;

/** The shared word model, read from data/wordModel.bin on first use. */
export function getWordModel(): WordModel {
  instance ??= new PackedWordModel(dataBytes('wordModel.bin'));
  return instance;
}
