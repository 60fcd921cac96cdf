import { countHan, hanShare } from './lineShape';
import type { TextLine } from './textLines';

/** Classical lines break into clauses of 3–9 characters: 兰叶春葳蕤，桂华秋皎洁。 */
const MAX_CLAUSE = 9;
const MAX_VERSE_LINE = 34;
/** A poem or a collection of poems shows itself within its first lines; long texts are not read through. */
const SAMPLE_LINES = 400;

/**
 * Whether the text reads as poetry: most of its lines are short and made of short clauses, as in
 * 下马饮君酒，问君何所之。 or the unpunctuated lines of a modern poem. In a poem every short line
 * looks like a heading (其一, 其二 set apart between stanzas), so poems get a title and nothing else.
 */
export function readsAsVerse(lines: readonly TextLine[], verbatim: readonly boolean[], from: number): boolean {
  let verse = 0;
  let other = 0;
  for (let i = from; i < lines.length && verse + other < SAMPLE_LINES; i++) {
    const s = lines[i].trimmed;
    if (verbatim[i] || !s) continue;
    if (s.length > MAX_VERSE_LINE) other++;
    else if (countHan(s) >= 2) {
      if (isVerseLine(s)) verse++;
      else other++;
    }
  }
  return verse >= 4 && verse >= 1.5 * other;
}

function isVerseLine(s: string): boolean {
  if (hanShare(s) < 0.8) return false;
  return s.split(/[，。？！；：、,.?!;:\s]+/).every((clause) => clause.length <= MAX_CLAUSE);
}
