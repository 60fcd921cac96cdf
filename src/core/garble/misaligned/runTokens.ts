import type { DbcsTable } from '../../codec/gbkTable';
import { PINYIN_SYLLABLE } from '../../text/pinyinReadings';

/** A garbled run, read as the pieces of the byte stream it shows. */
export type RunToken =
  | { type: 'hole'; text: string }
  | { type: 'bytes'; text: string; bytes: readonly number[] }
  /** An ASCII character inside a run: itself, or the fullwidth form it was folded from. */
  | { type: 'ascii'; text: string; byte: number }
  /** `yīng)`: the reading of the character whose last byte was lost together with the `(`. */
  | { type: 'orphan'; text: string; syllable: string };

const MAX_TOKENS = 48;
const MAX_HOLES = 4;

const ORPHAN = new RegExp(`^(${PINYIN_SYLLABLE})\\)`, 'u');

/**
 * The decoder behind these runs wrote `?` (0x3F) for what it could not pair; a WHATWG or Python
 * decoder writes U+FFFD instead. Two marks in a row never come out of one misaligned run (every
 * mark stands for at least one byte met in lead position, and the next byte pairs with it), but
 * they do out of legacy bytes read as UTF-8 (replacement-char): such a mark ends a run.
 */
export function isHoleChar(ch: string): boolean {
  return ch === '?' || ch === '\ufffd';
}

/**
 * The run's tokens from the anchor on, until a line break or a character GBK cannot hold; `ends`
 * holds the view offset after each token.
 */
export function tokenizeRun(view: string, anchor: number, table: DbcsTable): { tokens: RunToken[]; ends: number[] } {
  const tokens: RunToken[] = [];
  const ends: number[] = [];
  let i = anchor;
  let holes = 0;
  while (i < view.length && tokens.length < MAX_TOKENS) {
    const cp = view.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp === 0x0a || cp === 0x0d) break;
    if (isHoleChar(ch) && isHoleChar(view[i + 1] ?? '')) break;
    if (isHoleChar(ch)) {
      // A run has a lost byte at its start, its end and where a pinyin `(` was swallowed; text
      // riddled with `?` or U+FFFD lost its bytes some other way (replacement-char).
      if (++holes > MAX_HOLES) break;
      tokens.push({ type: 'hole', text: ch });
      i += 1;
    } else if (tokens.length > 0 && tokens[tokens.length - 1].type === 'hole' && ORPHAN.test(view.slice(i, i + 8))) {
      const m = ORPHAN.exec(view.slice(i, i + 8))!;
      tokens.push({ type: 'orphan', text: m[0], syllable: m[1] });
      i += m[0].length;
    } else if (cp === 0x20ac) {
      tokens.push({ type: 'bytes', text: ch, bytes: [0x80] });
      i += 1;
    } else if (cp >= 0x21 && cp <= 0x7e) {
      tokens.push({ type: 'ascii', text: ch, byte: cp });
      i += 1;
    } else {
      const bytes = table.bytesOf(ch);
      if (!bytes || bytes.length !== 2) break;
      tokens.push({ type: 'bytes', text: ch, bytes });
      i += ch.length;
    }
    ends.push(i);
  }
  return { tokens, ends };
}
