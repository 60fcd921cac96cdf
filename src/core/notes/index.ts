/** Reader notes and highlights: the W3C model, anchoring that follows the text, export. */
export type { AnchoredNote, Note, NoteQuote, Placement } from './types';
export { placeNote, placeNotes, anchorContext } from './anchor';
export type { AnchorContext } from './anchor';
export { selectorsAt, selectorsOfRanges, quoteAt } from './quote';
export { toCodePointOffsets, toUtf16Offsets } from './codePoints';
export { normaliseForMatching } from './normalise';
export { parseNotes, serialiseNotes, toAnnotationCollection, toWebAnnotation, fromWebAnnotation } from './webAnnotation';
export type { ParsedNotes } from './webAnnotation';
export { notesDigest, sectionPathAt } from './digest';
export type { DigestInput, DigestLabels } from './digest';
export { notesFilePath, isNotesFilePath, relativeIri, resolveIri } from './notesFile';
export { tagsInBody } from './tags';
