/**
 * How a code point becomes a model token. The model is trained on folded text
 * (scripts/build-char-model.mjs mirrors these rules), so scoring must fold the same way:
 * - fullwidth ASCII U+FF01–FF5E is folded to ASCII: `，` and `,` are one token;
 * - every ASCII letter is the token `a`, every digit `0`, every whitespace (including the
 *   ideographic space U+3000 that indents Chinese paragraphs) a space: `SMC` reads as `aaa`;
 * - Traditional characters are mapped to Simplified, so `經濟` scores like `经济`.
 */
export const SPACE_TOKEN = 0x20;
export const LETTER_TOKEN = 0x61;
export const DIGIT_TOKEN = 0x30;
/** The ASCII symbol a decoration symbol the training text never wrote is read as (charLanguageModel.ts). */
export const SYMBOL_TOKEN = 0x2a;

/**
 * Blocks of decoration symbols (inclusive ranges): arrows, box drawing, block elements,
 * geometric shapes, miscellaneous symbols, dingbats. Files write them as rules, bullets and marks;
 * running Chinese text seldom does.
 */
export const DECORATION_BLOCKS: readonly (readonly [number, number])[] = [
  [0x2190, 0x21ff],
  [0x2500, 0x27bf],
];

export function foldCodePoint(cp: number, t2s: ReadonlyMap<number, number>): number {
  if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
  if (cp < 0x80) {
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return SPACE_TOKEN;
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return LETTER_TOKEN;
    if (cp >= 0x30 && cp <= 0x39) return DIGIT_TOKEN;
    return cp;
  }
  if (cp === 0x3000 || cp === 0xa0 || cp === 0x85 || cp === 0x2028 || cp === 0x2029) return SPACE_TOKEN;
  return t2s.get(cp) ?? cp;
}
