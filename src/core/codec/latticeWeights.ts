/**
 * What a reading of lost bytes gains or pays in lostByteLattice.ts beyond the character model's
 * bigrams: the cache models (the characters and pairs the stream and the document write
 * elsewhere) and the penalties for forms the model folds away.
 */

/** Characters the stream writes whole elsewhere (a guess among them gains SEEN_IN_RUN). */
export interface SeenChars {
  has(ch: string): boolean;
  /** Whether the document writes `a` right before `b` elsewhere (a reading through that pair gains SEEN_PAIR). */
  pair?(a: string, b: string): boolean;
  /**
   * Whether `ch` is a character of the document's pairs: `pair` can hold only for two of them (a
   * dense code page's guess among them gains SEEN_IN_DOCUMENT).
   */
  inDocument?(ch: string): boolean;
}

/** A cache model over the document's character pairs: a name or a word it writes elsewhere. */
export const SEEN_PAIR = 2;
/**
 * Where a code page loses bytes densely (Big5), a lost character's neighbours are often lost too
 * and the document's pairs are much of what is left to go by. Calibrated on the repair
 * evaluation's tuning part (Big5 mojibake, characters of one lost byte, docs/repair-eval.md): a
 * pair worth 2 / 4 / 6 nats restores 30 / 68 / 92 more characters rightly for 1 / 4 / 10 more
 * wrong ones than no pair at all; past 4 the new guesses are right four times in five, under the
 * 95 % the margins keep.
 */
export const DENSE_SEEN_PAIR = 4;

/**
 * A guess that the stream itself writes elsewhere (a quotation's 」 after its 「, a name said twice)
 * gains this much: a cache model over the characters of the known bytes, for what a bigram
 * model cannot see.
 */
export const SEEN_IN_RUN = 1.5;
/**
 * Where a code page loses bytes densely, a guess the stream does not write but the document does
 * (in a pair of its own: its clean text, or its mojibake read back where no byte is lost) gains
 * this much. On the repair evaluation's tuning part (Big5 mojibake, characters of one lost byte)
 * 1 / 2 nats restore 48 / 97 more characters rightly for 0 / 10 more wrong ones.
 */
export const SEEN_IN_DOCUMENT = 1;

/** Flags of a reading's character: seen in the stream, or only elsewhere in the document; in the document's pairs at all. */
export const IN_STREAM = 1;
export const IN_DOCUMENT = 2;
export const IN_PAIRS = 4;

/**
 * The character model folds U+3000 into the ASCII space, which is common before digits and Latin
 * letters; inside a line of Chinese the ideographic space is rare (it indents paragraphs), so as a
 * guess for a lost byte it pays this much unless it opens a line.
 */
export const MID_LINE_IDEOGRAPHIC_SPACE = -8;
/**
 * The model folds fullwidth letters and digits into ASCII ones, which are common next to Chinese;
 * a fullwidth `Ａ` or `５` alone is not (a text that writes figures fullwidth writes several).
 */
export const LONE_FULLWIDTH_ALNUM = -8;

export function isFullwidthAlnum(ch: string): boolean {
  const cp = ch.charCodeAt(0);
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}
