/**
 * The text as shown, weighed with what the document itself writes: an ASCII symbol the text writes
 * after Chinese again and again (a table's `|`, the `{` of a packed data file, a separator) is the
 * text's own there, however rarely the character model saw it after a Chinese character. A
 * misaligned run whose last trail shows as a symbol (`矣|` read as `�觸`, `良{` as `至納`) gains by
 * replacing that bigram with the reading's; in a table or a packed file, the bigram it replaces
 * is what the document writes on every line.
 *
 * A cache model beside the character model, on the noisy channel's "text as it stands" side only:
 * the bigram of a non-ASCII character and a symbol after it is ln(P_model + P_document), with
 * P_document the share of the text's characters that are that symbol written after a non-ASCII
 * one, the occurrence weighed left out (a symbol written there once explains nothing). The
 * reading has no such bigram (the symbol is the trail it pairs again), so only the side as shown
 * is weighed with it. Letters and digits are left to the model (it folds each to one class,
 * common beside Chinese), and so is `?`, the channel's own mark for a lost byte. Counted once per
 * symbol, at the first bigram that asks.
 */
export class WrittenSymbols {
  /** Per symbol code (0x21–0x7E): how often the text writes it after a non-ASCII character. */
  private readonly afterChinese: Array<number | undefined> = [];

  private constructor(private readonly v: string) {}

  private static last: WrittenSymbols | undefined;

  /** The counts of a text: one object for the stretches of one text searched in turn (silentRuns.ts). */
  static of(v: string): WrittenSymbols {
    if (WrittenSymbols.last?.v !== v) WrittenSymbols.last = new WrittenSymbols(v);
    return WrittenSymbols.last;
  }

  /** The bigram `a` `b` of the text as shown, whose model score is `model`, with the document's word for it. */
  weigh(a: number, b: number, model: number): number {
    if (a < 0x80 || !isSymbol(b)) return model;
    const others = this.countOf(b) - 1;
    return others > 0 ? Math.log(Math.exp(model) + others / this.v.length) : model;
  }

  private countOf(s: number): number {
    let n = this.afterChinese[s];
    if (n === undefined) {
      const { v } = this;
      const ch = String.fromCharCode(s);
      n = 0;
      for (let i = v.indexOf(ch, 1); i >= 0; i = v.indexOf(ch, i + 1)) if (v.charCodeAt(i - 1) >= 0x80) n++;
      this.afterChinese[s] = n;
    }
    return n;
  }
}

/** An ASCII symbol the document may write as its own: printable, not a letter, a digit or `?`. */
export function isSymbol(c: number): boolean {
  return c >= 0x21 && c <= 0x7e && c !== 0x3f && !(c >= 0x30 && c <= 0x39) && !((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}
