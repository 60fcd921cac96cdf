// Character alignment of two texts by edit distance (Levenshtein), shared by the breakdown scripts.

/**
 * Edit operations turning `a` into `b`, by code point: [i, j] pairs in order, -1 for a gap (a match
 * or substitution has both), and the edit distance.
 */
export function alignChars(a, b) {
  const x = [...a];
  const y = [...b];
  const n = x.length;
  const m = y.length;
  const w = m + 1;
  const d = new Int32Array((n + 1) * w);
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i;
    for (let j = 1; j <= m; j++) d[i * w + j] = Math.min(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
  }
  const ops = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    if (i > 0 && j > 0 && d[i * w + j] === d[(i - 1) * w + j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1)) ops.push([--i, --j]);
    else if (i > 0 && d[i * w + j] === d[(i - 1) * w + j] + 1) ops.push([--i, -1]);
    else ops.push([-1, --j]);
  }
  return { x, y, ops: ops.reverse(), edits: d[n * w + m] };
}
