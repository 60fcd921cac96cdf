import { endsWithClosingPunct, hasLabelColon, isBulleted, isProse, MIN_WRAPPED_LINE } from './lineShape';
import type { TextLine } from './textLines';

/**
 * Whether running text starts at line `i`: the line is prose, or it is the full first line of a
 * hard-wrapped paragraph whose next lines are prose (Debian 贡献者们可能会通过与您不一样的方式来
 * 达成我们对于自由操作 / 系统的共同目标。…). A byline (作者：杜甫) or a list item does not count.
 */
export function opensRunningText(lines: readonly TextLine[], verbatim: readonly boolean[], i: number): boolean {
  const s = lines[i].trimmed;
  if (isProse(s)) return true;
  if (s.length < MIN_WRAPPED_LINE || hasLabelColon(s) || isBulleted(s)) return false;
  for (let j = i + 1; j < Math.min(i + 4, lines.length) && !verbatim[j] && lines[j].trimmed; j++) {
    if (isProse(lines[j].trimmed)) return true;
  }
  return false;
}

/**
 * Whether line `i` carries on the paragraph above it: the line right above is a full line that
 * stops without punctuation, as hard-wrapped text does mid-sentence
 * (…自由分发其拷贝、您已收到，或在需要的时 / 候能够获得其源代码…).
 */
export function continuesParagraph(lines: readonly TextLine[], verbatim: readonly boolean[], i: number): boolean {
  if (i === 0 || verbatim[i - 1]) return false;
  const above = lines[i - 1].trimmed;
  return above.length >= MIN_WRAPPED_LINE && !endsWithClosingPunct(above);
}
