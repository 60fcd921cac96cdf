import type { GarbleIssue, TextEdit } from '../../core';

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

/** Edits an editor applies at once without trouble; more are joined with their neighbours. */
const MAX_DOCUMENT_EDITS = 1000;

/** The edit list in at most MAX_DOCUMENT_EDITS pieces: runs of neighbouring edits joined, the text between them kept. */
export function coarsened(edits: readonly TextEdit[], text: string, maxEdits = MAX_DOCUMENT_EDITS): readonly TextEdit[] {
  if (edits.length <= maxEdits) return edits;
  const per = Math.ceil(edits.length / maxEdits);
  const out: TextEdit[] = [];
  for (let k = 0; k < edits.length; k += per) {
    const group = edits.slice(k, k + per);
    const parts: string[] = [];
    group.forEach((e, j) => {
      if (j > 0) parts.push(text.slice(group[j - 1].end, e.start));
      parts.push(e.text);
    });
    out.push({ start: group[0].start, end: group[group.length - 1].end, text: parts.join('') });
  }
  return out;
}
