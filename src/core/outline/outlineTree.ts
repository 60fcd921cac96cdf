import type { TextLine } from './textLines';
import { type HeadingMark, isEndMatter, type Section } from './types';

/**
 * Gives each heading its level and nests the sections. Markdown headings keep their `#` count.
 * Otherwise the title is level 1 and the body sits under it: the lead and unnumbered subheadings
 * one level down, numbered headings one level further per marker type in the order the document
 * first uses the types (一、 before （一） before 1.). The end matter (copyright, editor credits,
 * related links) is not part of the body: it is level 1, after the title's section.
 */
function assignLevels(marks: readonly HeadingMark[]): number[] {
  const base = marks.some((m) => m.kind === 'title') ? 2 : 1;
  const numberTypes: string[] = [];
  return marks.map((m) => {
    if (m.rank.startsWith('md-')) return Number(m.rank.slice(3));
    if (m.kind === 'title' || isEndMatter(m.kind)) return 1;
    if (m.kind !== 'numbered' && m.kind !== 'chapter') return base;
    let index = numberTypes.indexOf(m.rank);
    if (index < 0) index = numberTypes.push(m.rank) - 1;
    return base + index;
  });
}

/** Builds the section tree; `marks` must be in line order. */
export function buildOutline(marks: readonly HeadingMark[], lines: readonly TextLine[], textLength: number): Section[] {
  const levels = assignLevels(marks);
  const roots: Section[] = [];
  const open: Section[] = [];
  marks.forEach((m, k) => {
    const start = lines[m.line].start;
    const section: Section = { title: m.title, line: m.line, level: levels[k], start, end: textLength, kind: m.kind, children: [] };
    while (open.length && open[open.length - 1].level >= section.level) open.pop()!.end = start;
    (open.length ? open[open.length - 1].children : roots).push(section);
    open.push(section);
  });
  return roots;
}

/** The tree in document order (pre-order). */
export function flattenOutline(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const visit = (list: readonly Section[]) => {
    for (const s of list) {
      out.push(s);
      visit(s.children);
    }
  };
  visit(sections);
  return out;
}
