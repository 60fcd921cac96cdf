import search from 'approx-string-match';
import { toUtf16Offsets } from './codePoints';
import { normaliseForMatching, normalisedString, type NormalisedText } from './normalise';
import type { Note, Placement } from './types';

/**
 * Finding a note's words again in a text that changed where zhlens could not follow the change
 * (another editor, a git checkout, a file replaced on disk):
 *
 * 1. the position check: the text at the stored position (or at `hint`, where the editor last
 *    saw the note) is still the quote: done;
 * 2. otherwise the quote is looked for in the normalised text (normalise.ts: one script, pinyin
 *    annotations gone, fullwidth folded, spacing ignored) with approx-string-match (Myers'
 *    bit-parallel algorithm), allowing an error in four characters; the best places found, then
 *    the next best with those masked, are scored on the quote (50), on the context before (20)
 *    and after (20; the characters next to the quote count for half of it) and, barely, on the
 *    distance from where the note was (2);
 * 3. the best place is taken only when it scores at least MIN_SCORE and beats the second best by
 *    MARGIN. Anything else leaves the note an orphan: listed for the reader, never moved to a
 *    passage that merely looks like its own.
 */
const MAX_ERROR_RATE = 0.25;
const MIN_SCORE = 0.75;
const MARGIN = 0.1;
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
/** Rounds of search; each masks the places found so that the next finds the next best. */
const ROUNDS = 3;
const MAX_CANDIDATES = 2000;

export interface AnchorContext {
  text: string;
  normalised?: NormalisedText;
}

/** One text, normalised at most once however many notes are placed in it. */
export function anchorContext(text: string): AnchorContext {
  return { text };
}

function normalisedOf(ctx: AnchorContext): NormalisedText {
  return (ctx.normalised ??= normaliseForMatching(ctx.text));
}

/** Index of the first normalised unit at or after original offset `offset`. */
function normalisedIndex(n: NormalisedText, offset: number): number {
  let lo = 0;
  let hi = n.origin.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (n.origin[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 1 − edit distance / length, with approx-string-match's semi-global distance of `pattern` in `window`. */
function similarity(pattern: string, window: string): number {
  if (!pattern.length) return 1;
  if (!window.length) return 0;
  const found = search(window, pattern, pattern.length);
  const errors = found.length ? Math.min(...found.map((m) => m.errors)) : pattern.length;
  return Math.max(0, 1 - errors / pattern.length);
}

/** Context next to the quote counts most: the whole context and its NEAR units nearest the quote, half and half. */
const NEAR = 8;

function contextSimilarity(context: string, window: string, side: 'before' | 'after'): number {
  const near = side === 'before' ? [context.slice(-NEAR), window.slice(-NEAR)] : [context.slice(0, NEAR), window.slice(0, NEAR)];
  return (similarity(context, window) + similarity(near[0], near[1])) / 2;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
}

/** Where `note` is in `ctx.text`; `hint` is its last known UTF-16 range, else its stored position. */
export function placeNote(ctx: AnchorContext, note: Note, hint?: { start: number; end: number }): Placement {
  const { text } = ctx;
  const { exact } = note.quote;
  const [hs, he] = hint ? [hint.start, hint.end] : toUtf16Offsets(text, [note.position.start, note.position.end]);
  if (exact.length && text.slice(hs, he) === exact) return { placed: true, start: hs, end: he, how: 'position', score: 1 };

  const n = normalisedOf(ctx);
  const quote = normalisedString(exact);
  if (!quote.length) return { placed: false, reason: 'not-found', score: 0 };
  // The same words at the same place, converted or spaced differently.
  const ns = normalisedIndex(n, hs);
  if (n.text.startsWith(quote, ns) && n.origin[ns] === hs) {
    const r = toOriginal(n, text, ns, ns + quote.length);
    return { placed: true, ...r, how: 'position', score: 1 };
  }

  const prefix = normalisedString(note.quote.prefix);
  const suffix = normalisedString(note.quote.suffix);
  const maxErrors = Math.floor(quote.length * MAX_ERROR_RATE);
  const candidates = findCandidates(n.text, quote, maxErrors);
  if (!candidates.length) return { placed: false, reason: 'not-found', score: 0 };
  const hintN = normalisedIndex(n, hs);
  for (const c of candidates) {
    let total = WEIGHTS.quote * (1 - c.errors / quote.length);
    let weight = WEIGHTS.quote;
    // An empty context means the quote began (ended) the text.
    const before = prefix.length ? contextSimilarity(prefix, n.text.slice(Math.max(0, c.start - prefix.length), c.start), 'before') : c.start === 0 ? 1 : 0;
    const after = suffix.length ? contextSimilarity(suffix, n.text.slice(c.end, c.end + suffix.length), 'after') : c.end === n.text.length ? 1 : 0;
    total += WEIGHTS.prefix * before + WEIGHTS.suffix * after;
    weight += WEIGHTS.prefix + WEIGHTS.suffix;
    total += WEIGHTS.position * (1 - Math.abs(c.start - hintN) / Math.max(1, n.text.length));
    weight += WEIGHTS.position;
    c.score = total / weight;
  }
  candidates.sort((a, b) => b.score - a.score || a.errors - b.errors);
  const [best, second] = candidates;
  if (best.score < MIN_SCORE) return { placed: false, reason: 'weak', score: best.score };
  if (second && best.score - second.score < MARGIN) return { placed: false, reason: 'ambiguous', score: best.score };
  const r = toOriginal(n, text, best.start, best.end);
  return { placed: true, ...r, how: best.errors === 0 && text.slice(r.start, r.end) === exact ? 'quote' : 'fuzzy', score: best.score };
}

/** The best matches, then the next best with those masked, one place per overlapping group. */
function findCandidates(haystack: string, quote: string, maxErrors: number): Candidate[] {
  const out: Candidate[] = [];
  let masked = haystack;
  for (let round = 0; round < ROUNDS && out.length < MAX_CANDIDATES; round++) {
    const matches = search(masked, quote, maxErrors).sort((a, b) => a.start - b.start || a.end - b.end);
    if (!matches.length) break;
    // Overlapping matches are one place: the one with the fewest errors, then the closest in length.
    const groups: { from: number; to: number; best: Candidate }[] = [];
    for (const m of matches) {
      const c = { start: m.start, end: m.end, errors: m.errors, score: 0 };
      const g = groups[groups.length - 1];
      if (g && m.start < g.to) {
        g.to = Math.max(g.to, m.end);
        const closer = Math.abs(c.end - c.start - quote.length) < Math.abs(g.best.end - g.best.start - quote.length);
        if (c.errors < g.best.errors || (c.errors === g.best.errors && closer)) g.best = c;
      } else {
        groups.push({ from: m.start, to: m.end, best: c });
      }
    }
    out.push(...groups.map((g) => g.best));
    const parts: string[] = [];
    let pos = 0;
    for (const g of groups) {
      parts.push(masked.slice(pos, g.from), '\u0000'.repeat(g.to - g.from));
      pos = g.to;
    }
    parts.push(masked.slice(pos));
    masked = parts.join('');
  }
  return out.slice(0, MAX_CANDIDATES);
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;

function toOriginal(n: NormalisedText, text: string, start: number, end: number): { start: number; end: number } {
  const s = n.origin[start];
  let e = end > start ? n.origin[end - 1] + 1 : s;
  if (isHigh(text.charCodeAt(e - 1)) && e < text.length) e++;
  return { start: s, end: e };
}

/** Places every note in one text. */
export function placeNotes(text: string, notes: readonly Note[], hints?: ReadonlyMap<string, { start: number; end: number }>): Placement[] {
  const ctx = anchorContext(text);
  return notes.map((note) => placeNote(ctx, note, hints?.get(note.id)));
}
