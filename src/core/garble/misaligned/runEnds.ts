import type { DbcsTable } from '../../codec/gbkTable';
import { gbkGapClass, isGbkGap } from '../../codec/gbkGaps';
import { marksNear } from './nearby';

/**
 * Where a misaligned run ends: the decoder falls back into step there (silentRuns.ts).
 *  - `ascii`: at a trail byte 0x40–0x7E, which it reads as ASCII (`Y`, `c`, `~`), or 0x80 (`€`);
 *  - `mark`: at a trail byte it cannot pair with the byte after it (ASCII below 0x40, a line
 *    end, a pair it has no character for): it prints `?` or U+FFFD there;
 *  - `dropped`: the same, but the decoder dropped that byte without a mark (errors='ignore'), so
 *    the run stops right before ASCII or the line's end; before a lead its trail has no pair
 *    with, the `lead` end is read either way (lastAtLead), so no end is added for it;
 *  - `lead`: a second lead byte was lost, which puts the stream back in step without any mark:
 *    the last character shown is (trail, trail), and the text after it reads in step;
 *  - `swallow`: the run's last trail met an ASCII letter written after it (the first of a word,
 *    whose rest follows), and the two were read as one character (`图械腟afe` for 图森市的Safe: 的 = B5 C4, and C4 53
 *    is 腟, the `S` gone into it); the decoder is in step after it.
 */
export type EndKind = 'ascii' | 'mark' | 'dropped' | 'lead' | 'swallow';

/** Where a run ends: the shown characters stop at `at`; the garbled text at `garbledEnd`. */
export interface End {
  at: number;
  kind: EndKind;
  garbledEnd: number;
  /** The trail byte an `ascii` end shows; the ASCII byte a `swallow` end's last character holds. */
  trail: number;
  /** What follows the garbled text (a line break at the end). */
  next: string;
  /** Its first byte when it is ASCII or a GBK lead, else undefined. */
  nextByte: number | undefined;
}

function isWordByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/** The most marks a run's end has within nearby.ts's neighbourhood of it. */
const MAX_MARKS_NEARBY = 2;

/** How many readings of one offset as an end there are (`option` of endAt runs below it). */
export const END_OPTIONS = 2;

/**
 * The end of reading `option` at `at` (the character before it double-byte, `code` its bytes),
 * filled into `e`, or undefined. Option 0 is what the character at `at` says (ASCII, a mark, a
 * byte below 0x40, a lead); 1, a `swallow` end when the character before `at` has an ASCII trail.
 */
export function endAt(v: string, at: number, option: number, code: (i: number) => number, e: End): End | undefined {
  const c = at < v.length ? v.charCodeAt(at) : -1;
  if (option === 1) {
    // The byte swallowed begins or continues an ASCII word, whose rest follows (`Safe`, `encl`):
    // a letter alone between Chinese characters is the lone trail's reading (loneTrails.ts).
    const t = code(at - 1) & 0xff;
    return isWordByte(t) && isWordByte(c) ? fill(e, at, 'swallow', at, t) : undefined;
  }
  if ((c >= 0x40 && c <= 0x7e) || c === 0x20ac) return fill(e, at, 'ascii', at + 1, c === 0x20ac ? 0x80 : c);
  if (c === 0x3f || c === 0xfffd) {
    // Two marks in a row are not the end of a run, nor is a mark among many: U+FFFD all
    // around is legacy bytes read as UTF-8 (replacement-char).
    if (v[at + 1] === '?' || v[at + 1] === '\ufffd' || marksNear(v, at) > MAX_MARKS_NEARBY) return undefined;
    return fill(e, at, 'mark', at + 1, -1);
  }
  if (c < 0x40) return fill(e, at, 'dropped', at, -1);
  if (code(at) >= 0) return fill(e, at, 'lead', at, -1);
  return undefined;
}

function fill(e: End, at: number, kind: EndKind, garbledEnd: number, trail: number): End {
  e.at = at;
  e.kind = kind;
  e.garbledEnd = garbledEnd;
  e.trail = trail;
  return e;
}

/** Tags a guessed byte that is a trail dropped without a mark (lastAtLead). */
export const DROPPED = 0x100;

type Options = ReadonlyArray<readonly [number, string]>;
/**
 * lastAtLead's lists, per (last shown byte, class of the next lead by gbkGapClass: the trails
 * dropped before it are the same for every byte of a class), for the one GBK table there is.
 * One list per next byte kept ten times as many, each weighed apart (guessBound.ts's tables).
 */
const atLeadLists = new Map<number, Options>();

/**
 * The last character of a run that ends silently before a lead `nextLead`, its last shown byte
 * `b`: b is its trail (a second lead lost, the stream back in step: a `lead` end) or its lead
 * (its trail dropped without a mark, errors='ignore', because it made no pair with `nextLead`),
 * weighed together: the dropped trails are tagged DROPPED in their byte.
 */
export function lastAtLead(table: DbcsTable, b: number, nextLead: number | undefined): Options {
  const key = (b << 8) | (nextLead === undefined ? 0 : gbkGapClass(nextLead));
  let list = atLeadLists.get(key);
  if (!list) {
    const dropped = nextLead === undefined ? [] : table.trailsOf(b).filter(([t]) => t >= 0x81 && isGbkGap(t, nextLead));
    // With no trail dropped, the list is the table's own (and so are the tables kept per list).
    list = dropped.length === 0 ? table.leadsOf(b) : [...table.leadsOf(b), ...dropped.map(([t, ch]) => [DROPPED | t, ch] as const)];
    atLeadLists.set(key, list);
  }
  return list;
}
