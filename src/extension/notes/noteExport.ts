import * as vscode from 'vscode';
import { notesDigest, outlineText, selectorsOfRanges, toAnnotationCollection, type AnchoredNote, type DigestLabels, type Note } from '../../core';
import type { ArticleNotes } from './notesManager';
import { colourLabel } from './noteLabels';

/** The article's notes with selectors of the text as it is now (orphans as they were stored). */
export function currentNotes(a: ArticleNotes): Note[] {
  const placed = a.notes.filter((n) => n.range);
  const selectors = new Map(selectorsOfRanges(a.text, placed.map((n) => n.range!)).map((s, k) => [placed[k], s]));
  return a.notes.map((n) => ({ ...n.note, ...selectors.get(n) }));
}

function anchored(a: ArticleNotes): AnchoredNote[] {
  const notes = currentNotes(a);
  return a.notes.map((n, k) => ({
    note: notes[k],
    placement: n.range ? { placed: true as const, start: n.range.start, end: n.range.end, how: 'position' as const, score: 1 } : { placed: false as const, reason: 'not-found' as const, score: 0 },
  }));
}

function fileName(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.slice(uri.path.lastIndexOf('/') + 1));
}

function labels(): DigestLabels {
  return {
    colours: { 'key-fact': colourLabel('key-fact'), question: colourLabel('question'), quote: colourLabel('quote'), 'to-check': colourLabel('to-check') },
    orphans: vscode.l10n.t('Notes whose words were not found'),
    line: (line) => vscode.l10n.t('line {0}', line),
    beforeSections: vscode.l10n.t('Before the first section'),
    resolved: vscode.l10n.t('resolved'),
  };
}

/** The Markdown digest: by section, quote, note, meaning and tags, a link back to the line. */
export function markdownDigest(a: ArticleNotes): string {
  return notesDigest({
    title: vscode.l10n.t('Notes on {0}', fileName(a.uri)),
    text: a.text,
    sections: outlineText(a.text),
    notes: anchored(a),
    link: (line, column) => `${a.uri.with({ fragment: '' }).toString()}#L${line},${column}`,
    labels: labels(),
  });
}

/** The notes as a W3C Web Annotation collection (JSON-LD), the article named by its full URI. */
export function jsonLdCollection(a: ArticleNotes): string {
  return `${JSON.stringify(toAnnotationCollection(currentNotes(a), a.uri.toString(), vscode.l10n.t('Notes on {0}', fileName(a.uri))), null, 2)}\n`;
}
