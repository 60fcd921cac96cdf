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
    // How many of the others start before the item ends.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < i.end) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 || furthest[lo - 1] <= i.start;
  });
}
