import type { HeadingMark } from './types';
import type { TextLine } from './textLines';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
/** A line that cannot be the text of a setext heading: list items, quotes, tables, HTML. */
const NOT_SETEXT_TEXT = /^ {0,3}(?:[-*+>|<]|\d+[.)]\s)/;

/**
 * `# 标题` and setext (`标题` over `===` or `---`) headings, outside code blocks. The level is the
 * `#` count (setext: 1 for `=`, 2 for `-`), as in Markdown itself.
 */
export function findMarkdownHeadings(lines: readonly TextLine[], verbatim: readonly boolean[]): HeadingMark[] {
  const marks: HeadingMark[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (verbatim[i]) continue;
    const atx = ATX.exec(lines[i].text);
    if (atx) {
      const title = inlineText(atx[2] ?? '');
      if (title) marks.push({ line: i, title, kind: 'markdown-heading', rank: `md-${atx[1].length}` });
      continue;
    }
    const next = i + 1 < lines.length && !verbatim[i + 1] ? SETEXT_UNDERLINE.exec(lines[i + 1].text) : null;
    // Only a one-line paragraph counts: the line above is blank (or there is none). Requiring
    // three underline characters keeps a stray `-` under a sentence from making a heading.
    if (next && next[1].length >= 3 && lines[i].trimmed && !NOT_SETEXT_TEXT.test(lines[i].text)
      && (i === 0 || !lines[i - 1].trimmed)) {
      const title = inlineText(lines[i].trimmed);
      if (title) marks.push({ line: i, title, kind: 'markdown-heading', rank: next[1][0] === '=' ? 'md-1' : 'md-2' });
      i++;
    }
  }
  return marks;
}

/** Heading text as a reader sees it: `[文档](url)` → 文档, `**粗体**` → 粗体, `<img …/> zhlint` → zhlint. */
function inlineText(s: string): string {
  return s
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/(\*\*|__|`)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}
