import { findLeadSections, findTitle, skipHeadLines } from './articleHead';
import { findArticleTail } from './articleTail';
import { findMarkdownHeadings } from './markdownHeadings';
import { findNumberedHeadings } from './numberedHeadings';
import { buildOutline } from './outlineTree';
import { findPlainHeadings } from './plainHeadings';
import { markVerbatimLines, splitLines } from './textLines';
import type { HeadingMark, Section } from './types';
import { readsAsVerse } from './verse';

/**
 * The outline of a Chinese article, plain text or Markdown, Simplified or Traditional.
 *
 * Markdown headings, when a text has any, are its whole outline: its author marked the structure,
 * and a `1.` there starts a list. Otherwise the outline is read from the shape of the lines:
 * title, lead, numbered or chapter headings when the text has a numbering system, else
 * unnumbered subheadings, then the end matter: copyright, editor credits and related links.
 */
export function outlineText(text: string): Section[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const lines = splitLines(text);
  const verbatim = markVerbatimLines(lines);
  const markdown = findMarkdownHeadings(lines, verbatim);
  if (markdown.length) return buildOutline(markdown, lines, text.length);

  const title = findTitle(lines, verbatim);
  // The head (title, metadata lines) is no section of its own: readArticleHead reads it.
  const afterTitle = title ? title.lastLine + 1 : 0;
  if (readsAsVerse(lines, verbatim, afterTitle)) return buildOutline(title ? [title.mark] : [], lines, text.length);
  const bodyStart = title ? skipHeadLines(lines, verbatim, afterTitle) : 0;

  const tail = findArticleTail(lines, verbatim, bodyStart);
  const marks: HeadingMark[] = [];
  if (title) {
    marks.push(title.mark);
    marks.push(...findLeadSections(lines, verbatim, bodyStart, tail.start));
  }
  const numbered = findNumberedHeadings(lines, verbatim, bodyStart, tail.start);
  marks.push(...numbered);
  const hasNumbering = numbered.length >= 2 || numbered.some((m) => m.kind === 'chapter');
  if (!hasNumbering) marks.push(...findPlainHeadings(lines, verbatim, bodyStart, tail.start));
  marks.push(...tail.marks);
  marks.sort((a, b) => a.line - b.line);
  return buildOutline(dropSameLine(marks), lines, text.length);
}

/** A line is one section: the lead paragraph is never also taken as a heading, and so on. */
function dropSameLine(marks: HeadingMark[]): HeadingMark[] {
  return marks.filter((m, k) => k === 0 || marks[k - 1].line !== m.line);
}
