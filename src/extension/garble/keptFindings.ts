import type { GarbleIssue } from '../../core';

/**
 * Which findings of a document's last analysis come back in its next one, as the reader sees
 * them: for each new finding, the index of the old finding it repeats, or -1. An edit changes the
 * findings of the window it was made in; those before it come back as they were, and those after
 * it come back moved by the edit's length (the windowed analysis keeps them: pipeline/textWindows.ts).
 * So the findings are paired from the start while they are the same at the same offset, and from
 * the end while they are the same moved by one distance. Plain data, no editor: the diagnostics
 * keep the entries of the paired findings (garbleDiagnostics.ts).
 */
export function keptFindings(before: readonly GarbleIssue[], after: readonly GarbleIssue[]): Int32Array {
  const kept = new Int32Array(after.length).fill(-1);
  let head = 0;
  while (head < before.length && head < after.length && before[head].start === after[head].start && sameShown(before[head], after[head])) {
    kept[head] = head;
    head++;
  }
  const moved = after.length && before.length ? after[after.length - 1].start - before[before.length - 1].start : 0;
  for (let a = after.length - 1, b = before.length - 1; a >= head && b >= head; a--, b--) {
    if (after[a].start - before[b].start !== moved || !sameShown(before[b], after[a])) break;
    kept[a] = b;
  }
  return kept;
}

/** Whether two findings show the same to the reader (their entry's text and length), wherever they are. */
export function sameShown(a: GarbleIssue, b: GarbleIssue): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.end - a.start !== b.end - b.start || a.replacement !== b.replacement || a.lossy !== b.lossy || a.plan.length !== b.plan.length) return false;
  for (let k = 0; k < a.plan.length; k++) if (a.plan[k] !== b.plan[k]) return false;
  return true;
}
