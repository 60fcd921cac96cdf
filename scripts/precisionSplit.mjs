// The tune/test split of the evaluation corpora (eval:precision, eval:bytes): by document, never
// by line, so that the same document lands on one side in every language and encoding.

/** FNV-1a over the document key: three in ten documents are for tuning. */
export function splitOf(doc) {
  let h = 0x811c9dc5;
  for (const ch of doc) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 10 < 3 ? 'tune' : 'test';
}
