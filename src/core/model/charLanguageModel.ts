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
  /** Sum of ln P over the string (first char unigram, then bigrams), code point by code point. */
  score(text: string): number;
  /** score(text) / number of code points (0 for the empty string). */
  perChar(text: string): number;
  /** 1-based frequency rank of a character (after script folding); Infinity when unknown. */
  rank(c: string): number;
  /** True when the character occurs in the training data. */
  known(c: string): boolean;
}
