import { hasLabelColon, isHeadlineShaped, MAX_HEADING_LENGTH } from './lineShape';
import { parseNumberingMarker } from './numberingMarkers';
import { continuesParagraph, opensRunningText } from './runningText';
import type { TextLine } from './textLines';
import type { HeadingMark } from './types';

/** Two- and three-character lines are labels (提示, 注意, 其一), not subheadings. */
const MIN_HEADING_LENGTH = 4;

/**
 * Unnumbered subheadings of news articles: one or two short lines without closing punctuation,
 * set between paragraphs, as in
 *     三地產業協同成效明顯
 *     將打造區域優勢產業集群
 * (shown as "三地產業協同成效明顯 / 將打造區域優勢產業集群"). Three or more such lines in a row are
 * a list, a table or verse; a short line not followed by running text is a caption, a signature or
 * the last line of a list; a short line right under a line cut mid-sentence is the end of a
 * hard-wrapped paragraph.
 */
export function findPlainHeadings(lines: readonly TextLine[], verbatim: readonly boolean[], from: number, to: number): HeadingMark[] {
  const marks: HeadingMark[] = [];
  const short = lines.map((l, i) => i >= from && i < to && !verbatim[i] && isHeadingLine(l.trimmed));
  let i = from;
  while (i < to) {
    if (!short[i]) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < to && short[end]) end++;
    if (end - i <= 2 && !continuesParagraph(lines, verbatim, i) && !shortLineBefore(lines, verbatim, i, from, short)
      && proseAfter(lines, verbatim, end, to)) {
      const title = lines.slice(i, end).map((l) => l.trimmed).join(' / ');
      marks.push({ line: i, title, kind: 'heading', rank: 'body' });
    }
    i = end;
  }
  return marks;
}

function isHeadingLine(s: string): boolean {
  return s.length >= MIN_HEADING_LENGTH && isHeadlineShaped(s, MAX_HEADING_LENGTH) && !hasLabelColon(s) && !parseNumberingMarker(s);
}

/** Whether the nearest non-blank line above, across blank lines, is a short line too. */
function shortLineBefore(lines: readonly TextLine[], verbatim: readonly boolean[], i: number, from: number, short: readonly boolean[]): boolean {
  for (let j = i - 1; j >= from; j--) {
    if (verbatim[j] || !lines[j].trimmed) continue;
    return short[j];
  }
  return false;
}

function proseAfter(lines: readonly TextLine[], verbatim: readonly boolean[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    if (verbatim[j] || !lines[j].trimmed) continue;
    return opensRunningText(lines, verbatim, j);
  }
  return false;
}
