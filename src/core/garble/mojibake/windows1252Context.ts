import type { GarbleIssue } from '../../types';

/**
 * The context the readings that only follow other Windows-1252 mojibake (folded no-break spaces,
 * lone C1 controls; decision's showsWindows1252 says which findings are such mojibake) are
 * weighed in.
 */

/**
 * The words text[start, end) touches hold a character, outside that span, that `passes` does not
 * let by and no repair of `found` reads: all of a token or none of it.
 */
export function tokenLeavesUnread(
  text: string,
  start: number,
  end: number,
  found: readonly GarbleIssue[],
  passes: (code: number) => boolean,
): boolean {
  let from = start;
  while (from > 0 && !/\s/.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !/\s/.test(text[to])) to++;
  for (let i = from; i < to; i++) {
    if (i === start) i = end;
    if (i >= to || passes(text.charCodeAt(i))) continue;
    const issue = found.find((f) => f.start <= i && i < f.end && f.replacement !== undefined);
    if (!issue) return true;
    i = issue.end - 1;
  }
  return false;
}
