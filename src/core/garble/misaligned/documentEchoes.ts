/**
 * The search both echo readers share (endEchoes.ts: a found run's lost end; echoedTraces.ts: a
 * lone trace): characters lost at one place, read where the document writes the same neighbours
 * around characters that could have stood there. Every other place near it that writes the pair
 * before the loss or the pair after it offers the characters it writes there, weighed by the
 * characters matched in a row on each side; the one with the most wins, unless another has as
 * much. What may stand there (a trace's byte, a run end's options) is the caller's `fits`.
 */

/** Characters each side compared, at most. */
export const ECHO_REACH = 4;
/** Characters each side of the lost place its echoes are looked for in: the document around it. */
const ECHO_WINDOW = 10_000;
/** Occurrences of an anchor looked at, at most (a pair written more often tells nothing). */
const MAX_OCCURRENCES = 64;

/** Characters matched in a row before (`left`) and after (`right`) an echo. */
export interface EchoContext {
  left: number;
  right: number;
}

/** The characters an echo reads, with their context. */
export interface EchoReading extends EchoContext {
  ch: string;
}

/** How the search is made beyond its context. */
export interface EchoSearch {
  /** Look for an anchor pair that holds a line break too (echoedTraces.ts does; endEchoes.ts does not). */
  anchorsOverLines?: boolean;
  /** The places of the pair after, kept for the next call with the same pair and window (the same trace, more characters shown before it). */
  after?: { places?: number[] };
}

/**
 * The best echo in `v` of `k` characters lost near `near`, between `before` (the characters just
 * before them, nearest last) and `after` (just after, nearest first): every place within
 * ECHO_WINDOW of `near` that writes the last two of `before` (the characters after them) or the
 * first two of `after` (the `k` before them), up to MAX_OCCURRENCES each, whose `k` characters
 * `fits` (told their offset too, to refuse the loss's own place), weighed by the characters
 * matched in a row on each side (up to ECHO_REACH, never across a line break). Undefined where
 * two readings tie (bestReading); no bar applied.
 */
export function documentEcho(v: string, near: number, k: number, before: string, after: string, fits: (ch: string, at: number) => boolean, search: EchoSearch = {}): EchoReading | undefined {
  const found = new Map<string, EchoContext>();
  const offer = (p: number) => {
    if (p < 0 || p + k > v.length) return;
    const ch = v.slice(p, p + k);
    if (!fits(ch, p)) return;
    let left = 0;
    while (left < ECHO_REACH && left < before.length && p - 1 - left >= 0 && before[before.length - 1 - left] !== '\n' && v[p - 1 - left] === before[before.length - 1 - left]) left++;
    let right = 0;
    while (right < ECHO_REACH && right < after.length && p + k + right < v.length && after[right] !== '\n' && v[p + k + right] === after[right]) right++;
    const known = found.get(ch);
    if (!known || left + right > known.left + known.right) found.set(ch, { left, right });
  };
  // Looked for near the loss alone (anchors starting within ECHO_WINDOW of it): in a long text, an
  // anchor written nowhere near is not looked for to its end. The window is a slice, which V8 makes
  // a view of the text, not a copy, and which bounds the native search: indexOf on the whole text
  // from the window's start runs on past its end to the next occurrence (4.6 times the time on the
  // calls of the speed bench's misaligned text: docs/performance.md).
  const lo = Math.max(0, near - ECHO_WINDOW);
  const window = v.slice(lo, near + ECHO_WINDOW + 2);
  const looked = (anchor: string) => anchor.length === 2 && (search.anchorsOverLines || !anchor.includes('\n'));
  const pairBefore = before.slice(-2);
  if (looked(pairBefore)) for (const q of anchorPlaces(window, lo, pairBefore)) offer(q + 2);
  const pairAfter = after.slice(0, 2);
  if (looked(pairAfter)) for (const q of search.after ? (search.after.places ??= anchorPlaces(window, lo, pairAfter)) : anchorPlaces(window, lo, pairAfter)) offer(q - k);
  return bestReading(found);
}

/** The first MAX_OCCURRENCES places of `anchor` in `window` (the text from `lo`), as offsets in the text. */
function anchorPlaces(window: string, lo: number, anchor: string): number[] {
  const out: number[] = [];
  for (let q = window.indexOf(anchor); q >= 0 && out.length < MAX_OCCURRENCES; q = window.indexOf(anchor, q + 1)) out.push(lo + q);
  return out;
}

/** The reading with the most context (both sides together), when no other has as much; undefined on a tie. */
export function bestReading(found: ReadonlyMap<string, EchoContext>): EchoReading | undefined {
  let best: EchoReading | undefined;
  let tie = false;
  for (const [ch, { left, right }] of found) {
    const total = left + right;
    if (!best || total > best.left + best.right) [best, tie] = [{ ch, left, right }, false];
    else if (total === best.left + best.right) tie = true;
  }
  return tie ? undefined : best;
}
