import type { Section } from '../outline/types';
import type { HighlightColour } from '../types';
import type { AnchoredNote } from './types';
import { LineStarts } from '../text/lines';

/** The innermost section holding `offset`, with the sections around it (outermost first). */
export function sectionPathAt(sections: readonly Section[], offset: number): Section[] {
  const path: Section[] = [];
  let level = sections;
  for (;;) {
    const next = level.find((s) => s.start <= offset && offset < s.end);
    if (!next) return path;
    path.push(next);
    level = next.children;
  }
}

export interface DigestLabels {
  colours: Record<HighlightColour, string>;
  /** The heading of the notes that could not be placed. */
  orphans: string;
  /** Text of the link back to a line (1-based). */
  line: (line: number) => string;
  /** Heading of notes before the first section. */
  beforeSections: string;
  resolved: string;
}

const ENGLISH: DigestLabels = {
  colours: { 'key-fact': 'Key fact', question: 'Question', quote: 'Quote', 'to-check': 'To check' },
  orphans: 'Notes whose words were not found',
  line: (line) => `line ${line}`,
  beforeSections: 'Before the first section',
  resolved: 'resolved',
};

export interface DigestInput {
  /** The digest's title (the article's name). */
  title: string;
  /** The article's text, as the notes were placed in it. */
  text: string;
  sections: readonly Section[];
  notes: readonly AnchoredNote[];
  /** The link back to a line of the article (1-based line, 1-based column). */
  link: (line: number, column: number) => string;
  labels?: DigestLabels;
}

/** `> ` before every line, so that a quote over several lines stays one block quote. */
function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => `> ${l}`.trimEnd())
    .join('\n');
}

/** Line and column (1-based) of a UTF-16 offset. */
function lineAndColumn(offset: number, lines: LineStarts): [number, number] {
  const line = lines.lineOf(offset);
  return [line + 1, offset - lines.start(line) + 1];
}

/**
 * The reader's notes as a Markdown digest: under each section of the article (the outline's,
 * innermost), in text order, every highlight and note with its quote, its body, its meaning and
 * tags and a link back; then the notes that could not be placed, with the words they were on.
 */
export function notesDigest(input: DigestInput): string {
  const labels = input.labels ?? ENGLISH;
  const lines = new LineStarts(input.text);
  const placed = input.notes
    .filter((n) => n.placement.placed)
    .sort((a, b) => (a.placement.placed && b.placement.placed ? a.placement.start - b.placement.start || a.placement.end - b.placement.end : 0));
  const orphans = input.notes.filter((n) => !n.placement.placed);
  const out: string[] = [`# ${input.title}`, ''];
  let currentSection: string | undefined;
  const entry = (n: AnchoredNote, link?: string) => {
    out.push(blockQuote(n.note.quote.exact), '');
    if (n.note.body) out.push(n.note.body.trim(), '');
    const facts = [
      n.note.colour && `*${labels.colours[n.note.colour]}*`,
      n.note.tags.length ? n.note.tags.map((t) => `#${t}`).join(' ') : undefined,
      n.note.resolved ? labels.resolved : undefined,
      link,
    ].filter(Boolean);
    if (facts.length) out.push(facts.join(' · '), '');
  };
  for (const n of placed) {
    if (!n.placement.placed) continue;
    let path = sectionPathAt(input.sections, n.placement.start);
    // The article's title is the digest's own: a section under it is named alone.
    if (path.length > 1 && path[0].kind === 'title') path = path.slice(1);
    const title = path.length ? path.map((s) => s.title).join(' › ') : labels.beforeSections;
    if (title !== currentSection) {
      out.push(`## ${title}`, '');
      currentSection = title;
    }
    const [line, column] = lineAndColumn(n.placement.start, lines);
    entry(n, `[${labels.line(line)}](${input.link(line, column)})`);
  }
  if (orphans.length) {
    out.push(`## ${labels.orphans}`, '');
    for (const n of orphans) entry(n);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
