import { anchorContext, mapRange, placeNote, type Note, type TextEdit } from '../../core';
import type * as vscode from 'vscode';

/**
 * How notes follow the text of their article (notesManager.ts keeps them): moved through each
 * change's edits, orphaned when their words are deleted, and looked for again by quote and
 * context after a change from outside or an undo. Plain data in and out: the editor is only a
 * type here.
 */

/** A note and where it is in the document now. */
export interface TrackedNote {
  /** As stored; its selectors are brought up to date whenever the notes file is written. */
  note: Note;
  /** UTF-16 offsets into the document's current text; undefined for an orphan. */
  range?: { start: number; end: number };
  /** An orphan's last known place, where it is looked for first when the text comes back. */
  lastRange?: { start: number; end: number };
}

/** The notes of one open article. */
export interface ArticleNotes {
  uri: vscode.Uri;
  /** The document's text as the ranges refer to it. */
  text: string;
  notes: TrackedNote[];
  /** Annotations of the notes file that could not be read: written back as they were. */
  kept: unknown[];
  /** The notes file is not JSON: zhlens does not write it until it is mended. */
  broken: boolean;
  /** The notes file is behind what is shown (positions moved, nothing else). */
  behind: boolean;
}

/** Moves every note through `edits` of the text `before`; a note whose words were deleted becomes an orphan. */
export function mapNotes(notes: readonly TrackedNote[], edits: readonly TextEdit[], before: string): void {
  for (const n of notes) {
    if (n.range) {
      const moved = mapRange(edits, n.range.start, n.range.end, before);
      if (moved) n.range = moved;
      else {
        // Its words were deleted: an orphan, remembered where they were.
        const at = mapRange(edits, n.range.start, n.range.start, before)!.start;
        n.lastRange = { start: at, end: at };
        n.range = undefined;
      }
    } else if (n.lastRange) {
      n.lastRange = mapRange(edits, n.lastRange.start, n.lastRange.end, before) ?? n.lastRange;
    }
  }
}

/** Puts a note where `placeNote` found it, or makes it an orphan that remembers its last place. */
function place(n: TrackedNote, p: ReturnType<typeof placeNote>): void {
  if (p.placed) {
    n.range = { start: p.start, end: p.end };
  } else {
    n.lastRange = n.range ?? n.lastRange;
    n.range = undefined;
  }
}

/** Looks for each orphan's words again; true when one was found. */
export function findOrphans(notes: readonly TrackedNote[], ctx: ReturnType<typeof anchorContext>): boolean {
  let found = false;
  for (const n of notes) {
    if (n.range) continue;
    place(n, placeNote(ctx, n.note, n.lastRange));
    found ||= !!n.range;
  }
  return found;
}

/**
 * After a change from outside, a note whose words are not at its mapped place any more is
 * looked for by its quote and context (near where it was), and orphans are looked for again;
 * true when a note moved.
 */
export function placeAfterOutsideChange(a: ArticleNotes, before: ReadonlyMap<TrackedNote, { quote: Note['quote']; range: { start: number; end: number } }>): boolean {
  const ctx = anchorContext(a.text);
  let moved = false;
  for (const n of a.notes) {
    const was = before.get(n);
    if (!was || (n.range && a.text.slice(n.range.start, n.range.end) === was.quote.exact)) continue;
    place(n, placeNote(ctx, { ...n.note, quote: was.quote }, was.range));
    moved = true;
  }
  return findOrphans(a.notes, ctx) || moved;
}
