import { dataBytes } from '../data/dataFiles';
import { readCharModelTables, type CharModelTables } from './charModelData';
import { DECORATION_BLOCKS, foldCodePoint, SYMBOL_TOKEN } from './tokenFold';
import { QuantizedTables, UNKNOWN, type BigramRows, type FlatBigrams } from './quantizedTables';
import { readBigramBounds } from './charModelBounds';

/**
 * The character language model: how Chinese does a string read?
 *
 * Interface contract (implementation and data come from scripts/build-char-model.mjs):
 * - Scores are natural-log probabilities; higher is more Chinese-like.
 * - Both scripts are scored alike: Traditional characters are mapped to Simplified through the
 *   opencc-derived table shipped with the model before lookup.
 * - Fullwidth forms U+FF01–FF5E are folded to ASCII, ASCII letters to one class, digits to one class.
 */
export interface CharLanguageModel {
  /** ln P(c); a floor for characters the model has never seen. */
  unigram(c: string): number;
  /** ln P(b | a), backing off to the unigram. */
  bigram(a: string, b: string): number;
  /**
   * For loops that read a text by code point, without making strings: a code point's vocabulary
   * index (folded; UNKNOWN when unseen), and ln P(b | a) of two indexes, the unigram of b when a
   * is UNKNOWN (as at the start of a text).
   */
  indexOfCodePoint(cp: number): number;
  bigramOfIndexes(a: number, b: number): number;
  /** Sum of ln P over the string (first char unigram, then bigrams), code point by code point. */
  score(text: string): number;
  /** bigram() by code points (a lone surrogate or any unknown code point is an unknown character). */
  bigramOf(a: number, b: number): number;
  /** The highest bigram(a, x) over every character x, by code point (an upper bound for one not guessed yet). */
  bestAfter(a: number): number;
  /** The highest bigram(x, b) over every character x, by code point. */
  bestBefore(b: number): number;
  /**
   * The bigrams the tables list after code point `a`: `each(x, lnP)` for each, x a vocabulary
   * index, in ascending order of x. Any other x scores the returned backoff plus its unigram (the backoff is 0 after a
   * context the tables do not hold), exactly as bigram() does.
   */
  listedAfter(a: number, each: (x: number, lnP: number) => void): number;
  /** ln P of a vocabulary index alone (the floor for UNKNOWN). */
  unigramOfIndex(x: number): number;
  /**
   * What bigramOfIndexes reads, for a loop that walks the bigrams listed after a context in one
   * pass (guessBound.ts): the stored rows, and the backoff of a context index (0 for UNKNOWN);
   * bigramOfIndexes(a, x) of an x not listed after a is backoffOfIndex(a) + unigramOfIndex(x).
   */
  bigramRows(): BigramRows;
  backoffOfIndex(a: number): number;
  /**
   * The tables as flat arrays, for a loop over many code units (misaligned/runGate.ts):
   * quantizedTables.bigramOfUnits of two code units is bigramOf of them, and `after` / `before`
   * at index + 1 are bestAfter / bestBefore.
   */
  flatBigrams(): FlatBigrams;
  /** score(text) / number of code points (0 for the empty string). */
  perChar(text: string): number;
  /** 1-based frequency rank of a character (after script folding); Infinity when unknown. */
  rank(c: string): number;
  /** True when the character occurs in the training data. */
  known(c: string): boolean;
  /** The character the model looks up for c: `經` → `经`, `Ｓ` → `a`, `７` → `0`, `　` → ` `. */
  fold(c: string): string;
  /** Simplified form of one Traditional character (opencc's table), or the character itself. */
  toSimplifiedChar(c: string): string;
}

/** Unigram/bigram model over folded code points, read from the shipped quantized tables. */
class QuantizedCharModel implements CharLanguageModel {
  /** Vocabulary indexes with folding already applied. */
  private readonly tables: QuantizedTables;

  constructor(private readonly t: CharModelTables) {
    const tables = new QuantizedTables(t, () => readBigramBounds(dataBytes('charModelBounds.bin'), t));
    this.tables = tables;
    // Fold once here rather than per lookup (these lookups run inside beam searches). Folding
    // changes only ASCII, fullwidth forms, a few spaces and Traditional characters.
    for (let cp = 0; cp < 0x80; cp++) tables.setIndex(cp, tables.indexOf(foldCodePoint(cp, t.t2s)));
    for (let cp = 0xff01; cp <= 0xff5e; cp++) tables.setIndex(cp, tables.indexOf(foldCodePoint(cp, t.t2s)));
    for (const cp of [0x85, 0xa0, 0x2028, 0x2029, 0x3000]) tables.setIndex(cp, tables.indexOf(foldCodePoint(cp, t.t2s)));
    // A Traditional character folds to its Simplified form (foldCodePoint's last rule), in the
    // table's order; it runs once over 3,700 of them, before the compiler has reached it, where
    // `for (const [trad, simplified] of …)` made an entry array and iterators for every one.
    t.t2s.forEach((simplified, trad) => tables.setIndex(trad, tables.indexOf(simplified)));
    // Decoration symbols the running text never wrote (■, ★, ═, ◆, →): each would score the
    // floor of an unknown character (below the rarest Han), and so would a row of them, which a
    // real file writes as a rule or a bullet (`■■■`). Read as the ASCII symbol class (`*`), as
    // fullwidth forms already are: a symbol, and repeated, is then as likely as `**` is. Symbols
    // the text did write (○, □, §) keep their own counts.
    const symbol = tables.indexOf(SYMBOL_TOKEN);
    if (symbol !== UNKNOWN) {
      for (const [from, to] of DECORATION_BLOCKS) {
        for (let cp = from; cp <= to; cp++) if (tables.indexOf(cp) === UNKNOWN) tables.setIndex(cp, symbol);
      }
    }
  }

  // The look-ups below call the tables directly, one call each instead of a chain of this
  // class's helpers: the searches make hundreds of thousands of them in a text's first analysis,
  // much of it before the compiler has inlined anything, where every call of a chain is paid.

  unigram(c: string): number {
    const t = this.tables;
    return t.unigramAt(c.length === 0 ? UNKNOWN : t.indexOf(c.codePointAt(0)!));
  }

  bigram(a: string, b: string): number {
    const t = this.tables;
    return t.bigramAt(a.length === 0 ? UNKNOWN : t.indexOf(a.codePointAt(0)!), b.length === 0 ? UNKNOWN : t.indexOf(b.codePointAt(0)!));
  }

  bigramOf(a: number, b: number): number {
    const t = this.tables;
    return t.bigramAt(t.indexOf(a), t.indexOf(b));
  }

  bestAfter(a: number): number {
    const t = this.tables;
    return t.bestAfterAt(t.indexOf(a));
  }

  bestBefore(b: number): number {
    const t = this.tables;
    return t.bestBeforeAt(t.indexOf(b));
  }

  bigramOfIndexes(a: number, b: number): number {
    return this.tables.bigramAt(a, b);
  }

  listedAfter(a: number, each: (x: number, lnP: number) => void): number {
    return this.tables.listedAfterAt(this.indexOfCodePoint(a), each);
  }

  unigramOfIndex(x: number): number {
    return this.tables.unigramAt(x);
  }

  bigramRows(): BigramRows {
    return this.tables.rows();
  }

  backoffOfIndex(a: number): number {
    return this.tables.backoffAt(a);
  }

  flatBigrams(): FlatBigrams {
    return this.tables.flat();
  }

  score(text: string): number {
    const t = this.tables;
    let sum = 0;
    let prev = UNKNOWN;
    let first = true;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const cur = t.indexOf(cp);
      sum += first ? t.unigramAt(cur) : t.bigramAt(prev, cur);
      first = false;
      prev = cur;
    }
    return sum;
  }

  perChar(text: string): number {
    let n = 0;
    for (let i = 0; i < text.length; i++, n++) if (text.codePointAt(i)! > 0xffff) i++;
    return n === 0 ? 0 : this.score(text) / n;
  }

  rank(c: string): number {
    const i = this.indexOfChar(c);
    return i === UNKNOWN ? Infinity : i + 1;
  }

  known(c: string): boolean {
    return this.indexOfChar(c) !== UNKNOWN;
  }

  fold(c: string): string {
    return String.fromCodePoint(foldCodePoint(c.codePointAt(0) ?? 0, this.t.t2s));
  }

  toSimplifiedChar(c: string): string {
    const s = this.t.t2s.get(c.codePointAt(0) ?? 0);
    return s === undefined ? c : String.fromCodePoint(s);
  }

  private indexOfChar(c: string): number {
    return c.length === 0 ? UNKNOWN : this.indexOfCodePoint(c.codePointAt(0)!);
  }

  indexOfCodePoint(cp: number): number {
    return this.tables.indexOf(cp);
  }
}

let instance: CharLanguageModel | undefined;

/** The shared model, read from the bundled tables on first use. */
export function getCharModel(): CharLanguageModel {
  instance ??= new QuantizedCharModel(readCharModelTables(dataBytes('charModel.bin')));
  return instance;
}
