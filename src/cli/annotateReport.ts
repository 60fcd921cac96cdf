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
  /** Listing only: what a measure measures (area), and what 近, 约, 超过 say (nearly). */
  dimension?: string;
  qualifier?: string;
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
  /** Listing only: footer, credits and related-links sections are listed apart as end matter. */
  kind?: string;
}

/** Listing only: the article's head as its dateline and metadata lines give it. */
export interface HeadFields {
  source?: string;
  place?: string;
  date?: string;
  author?: string;
  editor?: string;
}

export interface Annotations {
  figures: readonly FigureSpan[];
  organizations: readonly OrganizationSpan[];
  /** In reading order, nested sections after their parent; `level` keeps the nesting. */
  sections: readonly OutlineSection[];
  head?: HeadFields;
}

const END_MATTER = new Set(['footer', 'credits', 'related-links']);
const HEAD_FIELDS = ['source', 'place', 'date', 'author', 'editor'] as const;

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
 * The article's head, then three lists, positions as line:column (from the Yizhuang sample,
 * shortened); the end matter (copyright, credits, related links) is listed after the body:
 *
 *     Head: source 人民網 · place 北京 · date 2月25日 · author 孟竹
 *     Sections (5)
 *       協同發展邁出新步伐 北京亦莊助力打造京津冀高精尖產業經濟帶   line 1
 *         實現京津冀三地高端汽車和新能源智能汽車產…   line 2
 *     End matter (2)
 *       版權聲明   line 20
 *     Figures (55)
 *       2:49    179項  count 179 项
 *       2:115   近800項  count 800 项, nearly
 *     Organizations (41)
 *       2:1     人民網
 */
export function annotateListing(text: string, a: Annotations): string {
  const positions = new TextPositions(text);
  const { sections } = a;
  const posWidth = [...a.figures, ...a.organizations].reduce((w, s) => Math.max(w, positions.format(s.start).length), 0);
  const at = (offset: number) => positions.format(offset).padEnd(posWidth);
  const head = HEAD_FIELDS.filter((k) => a.head?.[k]).map((k) => `${k} ${a.head![k]}`);
  let out = head.length ? `Head: ${head.join(' · ')}\n` : '';
  const body = sections.filter((s) => !END_MATTER.has(s.kind ?? ''));
  const end = sections.filter((s) => END_MATTER.has(s.kind ?? ''));
  const list = (items: readonly OutlineSection[]) => {
    for (const s of items) out += `${'  '.repeat(Math.max(1, s.level))}${clipToWidth(s.title, TITLE_WIDTH)}   line ${s.line + 1}\n`;
  };
  out += `Sections (${body.length})\n`;
  list(body);
  if (end.length) {
    out += `End matter (${end.length})\n`;
    list(end);
  }
  out += `Figures (${a.figures.length})\n`;
  for (const f of a.figures) {
    const reading = [f.kind, f.value ?? '', f.unit ?? '', f.dimension ?? ''].filter((x) => x !== '').join(' ');
    out += `  ${at(f.start)}  ${f.text}  ${reading}${f.qualifier ? `, ${f.qualifier}` : ''}\n`;
  }
  out += `Organizations (${a.organizations.length})\n`;
  for (const o of a.organizations) out += `  ${at(o.start)}  ${o.text}\n`;
  return out;
}
