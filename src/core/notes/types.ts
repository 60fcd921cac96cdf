import type { HighlightColour } from '../types';

/**
 * A reader's highlight or note on an article, as zhlens keeps it. It is stored as a W3C Web
 * Annotation (webAnnotation.ts): the quote as a TextQuoteSelector, the position as a
 * TextPositionSelector in code points, the Markdown body, tags and colour as bodies.
 */
export interface NoteQuote {
  /** The annotated text itself. */
  exact: string;
  /** Up to CONTEXT_CODE_POINTS before it, and after it. */
  prefix: string;
  suffix: string;
}

export interface Note {
  /** `urn:uuid:…` */
  id: string;
  /** `highlighting` for a highlight, `commenting` for a note. */
  motivation: 'highlighting' | 'commenting';
  /** A highlight's meaning; a note may have none. */
  colour?: HighlightColour;
  /** Markdown; empty for a bare highlight. */
  body: string;
  tags: string[];
  /** ISO 8601 times. */
  created: string;
  modified: string;
  resolved: boolean;
  quote: NoteQuote;
  /** Code points from the start of the text (the TextPositionSelector's unit). */
  position: { start: number; end: number };
}

/** Where a note sits in a text now (UTF-16 offsets), or why it has no place. */
export type Placement =
  | { placed: true; start: number; end: number; how: 'position' | 'quote' | 'fuzzy'; score: number }
  | { placed: false; reason: 'not-found' | 'ambiguous' | 'weak'; score: number };

/** A note with its placement in the text it was anchored in. */
export interface AnchoredNote {
  note: Note;
  placement: Placement;
}
