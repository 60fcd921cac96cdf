import type { GarbleIssue } from '../../core';

/**
 * What the fix commands pick and replace, as plain data: no editor here, so it is unit-tested on
 * its own (garbleEdits.ts turns it into a WorkspaceEdit).
 */

/** Issues Fix all can undo (lossy spans and mixed script without a preferred script have no replacement). */
export function fixable(issues: readonly GarbleIssue[]): GarbleIssue[] {
  return issues.filter((i) => i.replacement !== undefined);
}

/** The issues that overlap one of the selections ([start, end) offsets); an empty selection holds none. */
export function issuesInSelections(issues: readonly GarbleIssue[], selections: ReadonlyArray<readonly [number, number]>): GarbleIssue[] {
  return issues.filter((i) => selections.some(([s, e]) => s < e && i.start < e && s < i.end));
}

/** The smallest [start, end) of `before` whose replacement turns it into `after`. */
export function changedMiddle(before: string, after: string): { start: number; end: number; replacement: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, end: before.length - tail, replacement: after.slice(start, after.length - tail) };
}
