import { clipToWidth } from './displayWidth';
import { TextPositions } from './textPosition';

/**
 * What `zhlens annotate` prints. The shapes below are the fields the CLI promises; the core's
 * figures and sections carry more (approximation words, section kinds), which stay out of the
 * JSON so that its shape does not change when the core grows.
 */

export interface FigureSpan {
  start: number;
  end: number;
  text: string;
  kind: string;
  value: number | null;
  unit: string | null;
}

export interface OrganizationSpan {
  start: number;
  end: number;
  text: string;
}

export interface OutlineSection {
  title: string;
  /** 0-based, as the core gives it. */
  line: number;
  level: number;
  start: number;
  end: number;
}

export interface Annotations {
  figures: readonly FigureSpan[];
  organizations: readonly OrganizationSpan[];
  /** In reading order, nested sections after their parent; `level` keeps the nesting. */
  sections: readonly OutlineSection[];
}

/** `{"figures":[...],"organizations":[...],"sections":[...]}` with exactly the promised keys. */
export function annotateJson(a: Annotations): string {
  return JSON.stringify({
    figures: a.figures.map(({ start, end, text, kind, value, unit }) => ({ start, end, text, kind, value, unit })),
    organizations: a.organizations.map(({ start, end, text }) => ({ start, end, text })),
    sections: a.sections.map(({ title, line, level, start, end }) => ({ title, line, level, start, end })),
  });
}

const TITLE_WIDTH = 60;

/**
 * Three lists, positions as line:column (from the Yizhuang sample, shortened):
 *
 *     Sections (7)
 *       協同發展邁出新步伐 北京亦莊助力打造京津冀高精尖產業經濟帶   line 1
 *         人民網北京2月25日電 (記者孟竹)   line 2
 *     Figures (52)
 *       2:49    179項  count 179 项
 *     Organizations (41)
 *       2:1     人民網
 */
export function annotateListing(text: string, a: Annotations): string {
  const positions = new TextPositions(text);
  const { sections } = a;
  const posWidth = [...a.figures, ...a.organizations].reduce((w, s) => Math.max(w, positions.format(s.start).length), 0);
  const at = (offset: number) => positions.format(offset).padEnd(posWidth);
  let out = `Sections (${sections.length})\n`;
  for (const s of sections) {
    out += `${'  '.repeat(Math.max(1, s.level))}${clipToWidth(s.title, TITLE_WIDTH)}   line ${s.line + 1}\n`;
  }
  out += `Figures (${a.figures.length})\n`;
  for (const f of a.figures) {
    const reading = [f.kind, f.value ?? '', f.unit ?? ''].filter((x) => x !== '').join(' ');
    out += `  ${at(f.start)}  ${f.text}  ${reading}\n`;
  }
  out += `Organizations (${a.organizations.length})\n`;
  for (const o of a.organizations) out += `  ${at(o.start)}  ${o.text}\n`;
  return out;
}
