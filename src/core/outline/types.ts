/** What a section of an outline is, as the editor's symbol list and the CLI name it. */
export type SectionKind =
  | 'title'
  | 'lead'
  | 'heading'
  | 'markdown-heading'
  | 'numbered'
  | 'chapter'
  | 'footer'
  | 'credits'
  | 'related-links';

/** The end matter of an article: copyright and disclaimers, editor credits, related links. */
export function isEndMatter(kind: SectionKind): boolean {
  return kind === 'footer' || kind === 'credits' || kind === 'related-links';
}

/**
 * One section of an article. Offsets are UTF-16 code units (what JavaScript strings and VS Code
 * use); `line` is 0-based. A section runs from its heading to the start of the next section at the
 * same or a higher level (a smaller `level` number), or to the end of the text.
 */
export interface Section {
  title: string;
  line: number;
  /** 1 = top. */
  level: number;
  start: number;
  end: number;
  kind: SectionKind;
  children: Section[];
}

/** A heading found in the text, before levels and ranges are worked out. */
export interface HeadingMark {
  line: number;
  title: string;
  kind: SectionKind;
  /**
   * Which family of marker made the heading, for ranking: headings of the same rank are siblings.
   * Markdown headings rank by `#` count; numbered and chapter headings by marker type
   * (`一、`, `（一）`, `1.`, `1.1.` ...) in order of first appearance.
   */
  rank: string;
}
