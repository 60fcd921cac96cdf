import type { TextEdit } from './types';

/**
 * Edit lists: what a repair or a conversion changed, as replacements of the text it started from.
 * A reader's note, a cursor or a bookmark is moved through them: text outside the edits keeps its
 * place exactly, text inside an edit of the same length (a character converted to the other
 * script) keeps its place character for character, and a position inside any other edit (a
 * mojibake run read back) goes to the edit's start or end.
 */

/** Applies a sorted, non-overlapping edit list. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const parts: string[] = [];
  let pos = 0;
  for (const e of edits) {
    parts.push(text.slice(pos, e.start), e.text);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/**
 * The replacement of [start, end) of `text` by `replacement`, trimmed of what the two share at
 * either end (`發(fā)展` → `發展` is the removal of `(fā)`), never cutting a surrogate pair.
 * Undefined when nothing changes.
 */
export function minimalEdit(text: string, start: number, end: number, replacement: string): TextEdit | undefined {
  const old = text.slice(start, end);
  if (old === replacement) return undefined;
  let head = 0;
  const most = Math.min(old.length, replacement.length);
  while (head < most && old.charCodeAt(head) === replacement.charCodeAt(head)) head++;
  if (head > 0 && isHigh(old.charCodeAt(head - 1))) head--;
  let tail = 0;
  while (tail < most - head && old.charCodeAt(old.length - 1 - tail) === replacement.charCodeAt(replacement.length - 1 - tail)) tail++;
  if (tail > 0 && isLow(old.charCodeAt(old.length - tail))) tail--;
  return { start: start + head, end: end - tail, text: replacement.slice(head, replacement.length - tail) };
}

/**
 * The edits that replace each span by its text, each as small as it can be (a span converted to
 * the other script character for character); sorted spans, an overlapping one skipped (as
 * `applyIssues` does).
 */
export function spanEdits(text: string, spans: readonly { start: number; end: number; replacement?: string }[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.replacement === undefined || s.start < pos) continue;
    for (const e of editsBetween(text.slice(s.start, s.end), s.replacement)) edits.push({ start: e.start + s.start, end: e.end + s.start, text: e.text });
    pos = s.end;
  }
  return edits;
}

/** Edits that turn `before` into `after` when they differ only in places (a script conversion keeps lines and mostly lengths). */
export function editsBetween(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const oldLines = before.split('\n');
  const newLines = after.split('\n');
  if (oldLines.length !== newLines.length) {
    const e = minimalEdit(before, 0, before.length, after);
    return e ? [e] : [];
  }
  const edits: TextEdit[] = [];
  let offset = 0;
  for (let k = 0; k < oldLines.length; k++) {
    const a = oldLines[k];
    const b = newLines[k];
    if (a !== b) edits.push(...lineEdits(a, b, offset));
    offset += a.length + 1;
  }
  return edits;
}

/** Character-for-character runs of change when both lines have as many code points; else one trimmed edit. */
function lineEdits(a: string, b: string, offset: number): TextEdit[] {
  if (a.length === b.length) {
    // The common case (a conversion keeps each character's length): compared unit by unit,
    // a surrogate pair as one character.
    const edits: TextEdit[] = [];
    let run: TextEdit | undefined;
    for (let i = 0; i < a.length; ) {
      const width = isHigh(a.charCodeAt(i)) || isHigh(b.charCodeAt(i)) ? 2 : 1;
      if (a.charCodeAt(i) !== b.charCodeAt(i) || (width === 2 && a.charCodeAt(i + 1) !== b.charCodeAt(i + 1))) {
        const ch = b.slice(i, i + width);
        if (run && run.end === offset + i) {
          run.end += width;
          run.text += ch;
        } else {
          run = { start: offset + i, end: offset + i + width, text: ch };
          edits.push(run);
        }
      }
      i += width;
    }
    return edits;
  }
  const ca = [...a];
  const cb = [...b];
  if (ca.length !== cb.length) {
    const e = minimalEdit(a, 0, a.length, b);
    return e ? [{ start: e.start + offset, end: e.end + offset, text: e.text }] : [];
  }
  const edits: TextEdit[] = [];
  let pa = offset;
  let run: TextEdit | undefined;
  for (let i = 0; i < ca.length; i++) {
    const next = pa + ca[i].length;
    if (ca[i] !== cb[i]) {
      if (run && run.end === pa) {
        run.end = next;
        run.text += cb[i];
      } else {
        run = { start: pa, end: next, text: cb[i] };
        edits.push(run);
      }
    }
    pa = next;
  }
  return edits;
}

function codePointCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!(isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)))) n++;
  return n;
}

/** The offset in `to` that is `n` code points into it. */
function advanceCodePoints(to: string, n: number): number {
  let i = 0;
  for (let k = 0; k < n && i < to.length; k++) i += isHigh(to.charCodeAt(i)) && isLow(to.charCodeAt(i + 1)) ? 2 : 1;
  return i;
}

/** Cumulative length changes of an edit list, kept while the list lives: many offsets are mapped through one list. */
const prefixCache = new WeakMap<readonly TextEdit[], Float64Array>();

function prefixDeltas(edits: readonly TextEdit[]): Float64Array {
  let sums = prefixCache.get(edits);
  if (!sums) {
    sums = new Float64Array(edits.length);
    let d = 0;
    edits.forEach((e, k) => (sums![k] = d += e.text.length - (e.end - e.start)));
    prefixCache.set(edits, sums);
  }
  return sums;
}

/**
 * Where offset `p` of the text before the edits is in the text after them. `side` says which
 * end of a range `p` is: a range's start stays after text inserted right at it and its end
 * before, so a range never grows at its ends by an insertion; inside a replaced span, a range
 * grows to cover the whole replacement, unless both have as many code points, when `p` keeps
 * its place. `oldText` (the text before) is needed only for that last case.
 */
export function mapOffset(edits: readonly TextEdit[], p: number, side: 'start' | 'end', oldText?: string): number {
  let delta = 0;
  // Binary search for the first edit ending at or after p; those before it only shift p.
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edits[mid].end < p) lo = mid + 1;
    else hi = mid;
  }
  delta = lo > 0 ? prefixDeltas(edits)[lo - 1] : 0;
  for (let k = lo; k < edits.length; k++) {
    const e = edits[k];
    if (e.start > p) break;
    const newStart = e.start + delta;
    if (e.start === e.end) {
      // An insertion exactly at p: a start goes after it, an end stays before it.
      if (side === 'end') return newStart;
    } else if (p === e.start) {
      return newStart;
    } else if (p < e.end) {
      // Strictly inside a replaced span.
      if (oldText !== undefined) {
        const old = oldText.slice(e.start, e.end);
        if (codePointCount(old) === codePointCount(e.text)) return newStart + advanceCodePoints(e.text, codePointCount(oldText.slice(e.start, p)));
      }
      return side === 'start' ? newStart : newStart + e.text.length;
    }
    delta += e.text.length - (e.end - e.start);
  }
  return p + delta;
}

/** A range through the edits; undefined when the edits removed all of a non-empty range. */
export function mapRange(edits: readonly TextEdit[], start: number, end: number, oldText?: string): { start: number; end: number } | undefined {
  const s = mapOffset(edits, start, 'start', oldText);
  const e = Math.max(s, mapOffset(edits, end, 'end', oldText));
  if (e === s && end > start) return undefined;
  return { start: s, end: e };
}

/**
 * Offsets through an edit list, asked in non-decreasing order: edits wholly before the offsets
 * asked so far are passed once, so a whole sorted list of offsets costs one sweep.
 */
class ForwardCursor {
  private next = 0;
  private delta = 0;

  constructor(private readonly edits: readonly TextEdit[]) {}

  /** `p` through the edits, insertions at `p` kept after it (`left`) or before it (`right`); inside a replacement, to its start or end. */
  map(p: number, bias: 'left' | 'right'): number {
    const { edits } = this;
    while (this.next < edits.length && edits[this.next].end < p) {
      const e = edits[this.next++];
      this.delta += e.text.length - (e.end - e.start);
    }
    let delta = this.delta;
    for (let k = this.next; k < edits.length; k++) {
      const e = edits[k];
      if (e.start > p) break;
      const newStart = e.start + delta;
      if (e.start === e.end) {
        if (bias === 'left') return newStart;
      } else if (p === e.start) {
        return newStart;
      } else if (p < e.end) {
        return bias === 'left' ? newStart : newStart + e.text.length;
      }
      delta += e.text.length - (e.end - e.start);
    }
    return p + delta;
  }
}

/** Offsets of the text after an edit list taken back to the text before it, asked in non-decreasing order. */
class BackCursor {
  private next = 0;
  private delta = 0;

  constructor(private readonly edits: readonly TextEdit[]) {}

  /** `q` back through the edits; inside a replacement, to its start (`start`) or end (`end`). */
  map(q: number, side: 'start' | 'end'): number {
    const { edits } = this;
    for (;;) {
      const e = edits[this.next];
      if (!e) return q - this.delta;
      const newStart = e.start + this.delta;
      const newEnd = newStart + e.text.length;
      if (q < newStart) return q - this.delta;
      if (q === newStart) return e.start;
      if (q < newEnd) return side === 'start' ? e.start : e.end;
      if (q === newEnd) return e.end;
      this.delta = newEnd - e.end;
      this.next++;
    }
  }
}

/**
 * One edit list for `a` then `b` (`b`'s offsets are into `applyEdits(original, a)`), with
 * offsets into `original`. Edits of the two that overlap or touch become one. `final`, the text
 * after both, may be passed when the caller has it.
 */
export function composeEdits(original: string, a: readonly TextEdit[], b: readonly TextEdit[], final?: string): TextEdit[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  final ??= applyEdits(applyEdits(original, a), b);
  // b's edits taken back to the original, in order (their starts and ends never decrease).
  const back = new BackCursor(a);
  const fromB: [number, number][] = b.map((e) => [back.map(e.start, 'start'), back.map(e.end, 'end')]);
  // Both lists sorted: merged in one pass, overlapping or touching spans joined.
  const merged: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < fromB.length) {
    const takeA = j >= fromB.length || (i < a.length && (a[i].start < fromB[j][0] || (a[i].start === fromB[j][0] && a[i].end <= fromB[j][1])));
    const span: [number, number] = takeA ? [a[i].start, a[i++].end] : [fromB[j][0], fromB[j++][1]];
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  const throughA = new ForwardCursor(a);
  const throughB = new ForwardCursor(b);
  const out: TextEdit[] = [];
  for (const [s, e] of merged) {
    const from = throughB.map(throughA.map(s, 'left'), 'left');
    const to = throughB.map(throughA.map(e, 'right'), 'right');
    const text = final.slice(from, to);
    const trimmed = minimalEdit(original, s, e, text);
    if (trimmed) out.push(trimmed);
  }
  return out;
}
