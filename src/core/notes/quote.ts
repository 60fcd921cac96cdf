import { codePointsAfter, codePointsBefore, toCodePointOffsets } from './codePoints';
import type { NoteQuote } from './types';

/** Context kept on each side of a quote, in code points: enough to tell repeated words apart. */
const CONTEXT_CODE_POINTS = 32;

/** The TextQuoteSelector of [start, end) (UTF-16 offsets) of `text`. */
export function quoteAt(text: string, start: number, end: number): NoteQuote {
  return {
    exact: text.slice(start, end),
    prefix: codePointsBefore(text, start, CONTEXT_CODE_POINTS),
    suffix: codePointsAfter(text, end, CONTEXT_CODE_POINTS),
  };
}

/** Both selectors of [start, end): the quote and the position in code points. */
export function selectorsAt(text: string, start: number, end: number): { quote: NoteQuote; position: { start: number; end: number } } {
  const [s, e] = toCodePointOffsets(text, [start, end]);
  return { quote: quoteAt(text, start, end), position: { start: s, end: e } };
}

/** The selectors of many ranges of one text, its code points counted once. */
export function selectorsOfRanges(text: string, ranges: readonly { start: number; end: number }[]): { quote: NoteQuote; position: { start: number; end: number } }[] {
  const points = toCodePointOffsets(text, ranges.flatMap((r) => [r.start, r.end]));
  return ranges.map((r, k) => ({ quote: quoteAt(text, r.start, r.end), position: { start: points[2 * k], end: points[2 * k + 1] } }));
}
