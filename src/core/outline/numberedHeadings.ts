import { countHan, endsWithClosingPunct, isProse, lastMark, MAX_TITLE_LENGTH } from './lineShape';
import { parseNumberingMarker } from './numberingMarkers';
import { continuesParagraph } from './runningText';
import type { TextLine } from './textLines';
import type { HeadingMark } from './types';

const MAX_NUMBERED_LENGTH = 50;
/**
 * A numbered line ending in punctuation is a list item or a lead-in (下列情形：), not a heading,
 * unless the mark is a question or exclamation mark (1.2. 什么是 Debian GNU/Linux？).
 */
const QUESTION_OR_EXCLAMATION = new Set('？！?!');

/**
 * Numbered and chapter headings (一、 （一） 1. （1） ① 1.1. 第X章). A numbered line is a heading
 * only when running text follows it before the next number of its own type: that keeps tables of
 * contents (1. 定义和概览 / 2. 获取和安装…, one under the other) and short enumerations
 * (1、高端汽车 / 2、新能源) out of the outline.
 */
export function findNumberedHeadings(lines: readonly TextLine[], verbatim: readonly boolean[], from: number, to: number): HeadingMark[] {
  const candidates: (HeadingMark & { isChapter: boolean })[] = [];
  for (let i = from; i < to; i++) {
    if (verbatim[i]) continue;
    const s = lines[i].trimmed;
    const parsed = s ? parseNumberingMarker(s) : undefined;
    if (!parsed) continue;
    const { marker, rest } = parsed;
    const isChapter = marker.kind === 'chapter';
        // A semicolon may sit inside a question (…空白很大；有时没有空白…), a full stop may not.
    if (s.length > (isChapter ? MAX_TITLE_LENGTH : MAX_NUMBERED_LENGTH) || s.includes('。')) continue;
    if (endsWithClosingPunct(s) && !QUESTION_OR_EXCLAMATION.has(lastMark(s))) continue;
    // A bare "1." list over Latin text (1. foo) is a list; decimal numbers (4.1. control) are headings.
    if (!isChapter && !/\p{L}/u.test(rest)) continue;
    if (marker.type === 'arabic' && countHan(rest) === 0) continue;
    candidates.push({ line: i, title: s.replace(/\s+/g, ' '), kind: marker.kind, rank: marker.type, isChapter });
  }
  // Walk backwards so that the next heading of each type is known without a search per line.
  const valid: HeadingMark[] = [];
  const nextOfType = new Map<string, number>();
  let nextChapter = to;
  for (let k = candidates.length - 1; k >= 0; k--) {
    const c = candidates[k];
    const limit = Math.min(nextOfType.get(c.rank) ?? to, c.isChapter ? to : nextChapter);
    if (hasProseBetween(lines, verbatim, c.line + 1, limit)) valid.push({ line: c.line, title: c.title, kind: c.kind, rank: c.rank });
    nextOfType.set(c.rank, c.line);
    if (c.isChapter) nextChapter = c.line;
  }
  return valid.reverse();
}

/**
 * Running text between two lines. Other numbered lines do not count (a table of contents asks
 * questions: 1.2. 什么是 Debian GNU/Linux？), nor do the other lines of a numbered line that was
 * wrapped (1.5. …为什么我应该选 / 择 Debian，而不是其他发行版？).
 */
function hasProseBetween(lines: readonly TextLine[], verbatim: readonly boolean[], from: number, to: number): boolean {
  let inNumberedLine = true; // `from` is the line under a numbered heading
  for (let i = from; i < to; i++) {
    if (verbatim[i]) continue;
    const s = lines[i].trimmed;
    if (parseNumberingMarker(s)) {
      inNumberedLine = true;
      continue;
    }
    inNumberedLine &&= continuesParagraph(lines, verbatim, i);
    if (!inNumberedLine && isProse(s)) return true;
  }
  return false;
}
