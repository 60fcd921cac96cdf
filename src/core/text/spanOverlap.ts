/** A span of a text, [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** Below this many spans to miss, each item is checked against every one of them. */
const FEW = 8;

/**
 * The items that overlap none of `others` (`a.start < b.end && b.start < a.end`), in their order.
 * Thousands of findings checked against thousands of others (GBK mojibake of a large file) were
 * quadratic as `items.filter((i) => !others.some(…))`; here `others` are sorted by start once, with
 * the furthest end among each prefix: an item overlaps one of them exactly when some span starting
 * before the item's end ends after its start.
 */
export function withoutOverlaps<T extends Span>(items: readonly T[], others: readonly Span[]): T[] {
  if (others.length === 0) return items.slice();
  if (others.length < FEW) return items.filter((i) => !others.some((o) => o.start < i.end && i.start < o.end));
  const sorted = [...others].sort((a, b) => a.start - b.start);
  const starts = sorted.map((o) => o.start);
  const furthest: number[] = [];
  let end = -Infinity;
  for (const o of sorted) furthest.push((end = Math.max(end, o.end)));
  return items.filter((i) => {
    const n = startingBefore(starts.length, (k) => starts[k], i.end);
    return n === 0 || furthest[n - 1] <= i.start;
  });
}

/**
 * The spans of `sorted` (sorted by start, none longer than `longest`) that overlap [start, end), in
 * their order: only those starting from `start - longest + 1` on and before `end` can, found by a
 * binary search instead of a pass over all of them for every span asked about.
 */
export function overlapping<T extends Span>(sorted: readonly T[], longest: number, start: number, end: number): T[] {
  const out: T[] = [];
  for (let k = startingBefore(sorted.length, (i) => sorted[i].start, start - longest + 1); k < sorted.length && sorted[k].start < end; k++) {
    if (sorted[k].end > start) out.push(sorted[k]);
  }
  return out;
}

/** How many of `count` spans, sorted by start (`startAt(k)`), start before `end`. */
function startingBefore(count: number, startAt: (k: number) => number, end: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startAt(mid) < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Non-empty spans taken one by one, none overlapping another (`a.start < b.end && b.start <
 * a.end`), kept in text order: their ends are then in order too, so the one starting last before a
 * span's end is the only one that can reach past its start.
 */
export class DisjointSpans {
  private readonly spans: Span[] = [];
  private readonly startAt = (k: number) => this.spans[k].start;

  /** Whether `span` overlaps none of the spans taken. */
  free(span: Span): boolean {
    const n = startingBefore(this.spans.length, this.startAt, span.end);
    return n === 0 || this.spans[n - 1].end <= span.start;
  }

  /** The spans taken that overlap [from, to), in text order. */
  within(from: number, to: number): Span[] {
    let k = startingBefore(this.spans.length, this.startAt, from);
    if (k > 0 && this.spans[k - 1].end > from) k--;
    const out: Span[] = [];
    for (; k < this.spans.length && this.spans[k].start < to; k++) out.push(this.spans[k]);
    return out;
  }

  /** Takes `span`, which must be free. */
  take(span: Span): void {
    this.spans.splice(startingBefore(this.spans.length, this.startAt, span.start), 0, span);
  }
}
