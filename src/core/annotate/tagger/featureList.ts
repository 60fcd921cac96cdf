/**
 * The list of every feature of each character, which training reads (scripts/orgs/train.ts); the
 * tagger (orgTagger.ts) computes the same sums without listing them, and a unit test holds the two
 * equal.
 */
import {
  BIGRAM_OFFSETS, bigramHash, DENSE_FEATURES, denseFeatures, denseHash, FEATURES_PER_CHAR, hashedFeatures, PAD, Piece, UNIGRAM_OFFSETS, unigramHash, WORD_ROLES, wordFeatures,
} from './features';

const scratch = new Piece();
const dense = new Int32Array(DENSE_FEATURES);

/**
 * All features of each character of folded text `s`, FEATURES_PER_CHAR per character, into
 * `out`: the unigrams, the bigrams, the words, the dense features, then the hashed ones. This is what training reads; the
 * tagger computes the same sums without listing them.
 */
export function extractFeatures(s: string, out: Uint32Array): void {
  scratch.read(s);
  const { codes } = scratch;
  for (let i = 0; i < s.length; i++) {
    const o = i * FEATURES_PER_CHAR;
    const k = i + PAD;
    UNIGRAM_OFFSETS.forEach((offset, u) => {
      out[o + u] = unigramHash(u, codes[k + offset]);
    });
    BIGRAM_OFFSETS.forEach((offset, b) => {
      out[o + UNIGRAM_OFFSETS.length + b] = bigramHash(b, codes[k + offset], codes[k + offset + 1]);
    });
    let at = o + UNIGRAM_OFFSETS.length + BIGRAM_OFFSETS.length;
    wordFeatures(scratch, i, out, at);
    at += WORD_ROLES;
    denseFeatures(scratch, i, dense, 0);
    for (let d = 0; d < DENSE_FEATURES; d++) out[at + d] = denseHash(d, dense[d]);
    hashedFeatures(scratch, i, out, at + DENSE_FEATURES);
  }
}
