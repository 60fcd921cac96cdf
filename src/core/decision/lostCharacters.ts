import type { GarbleIssue } from '../types';
import { getTextLikelihood } from './textLikelihood';
import { codePointStartBefore, firstCodePoint, isCjkPunct, isHan, lastCodePoint } from '../text/chars';

/**
 * A `?` the text's own encoder wrote. A text saved through a legacy encoder (GBK, Big5, a code
 * page) has every character the encoder lacks replaced with `?`: one `?` per character, the
 * characters around it intact and ordinary (`迨嘉辰。?芳糗`, `因之酌?醁` in a collection of
 * classical poems whose rare characters its GBK export could not write). A misaligned GBK run
 * (garble/misaligned/) also leaves a `?` where a byte was lost, and so does UTF-8 read as GBK; both
 * readings compete with this process, which explains the text as it stands, and a repair must
 * beat it.
 *
 * The detector that read the span has already beaten the `?` read as a question mark; this is the
 * other way the text as it stands is explained: as the encoder's output, each such `?` a character
 * neither model has seen (the rare characters an encoder lacks are those: scored as the models'
 * floor for an unknown character, U+FFFD standing in for it). The repair is weighed as read, a
 * character it could not read (U+FFFD) scored as the lost character it stands for, as the
 * encoder's `?` is; both are a channel's output at the same price, so the texts decide. A repair
 * that does not win by LOST_CHARACTER_MARGIN is not made: the span is flagged as lossy, with what
 * it would read as (`reading`), and the text left alone. A reading that only turns the encoder's
 * `?` into U+FFFD, or that reads an ordinary character beside it as lost too (`斩?` → `��`), never
 * wins: it says no more than the text, or less.
 */

/**
 * How much (nats) a repair must beat the text read as an encoder's output by: as much as a
 * folded space's two readings must differ before one is chosen
 * (garble/mojibake/foldedSpaces.ts, DECISIVE); set before the evaluations were run, not fitted.
 */
export const LOST_CHARACTER_MARGIN = 3;

/** The stand-in for a character lost to an encoder: neither model knows it (the floor). */
const LOST = '\ufffd';

/** Whether the `?` at `i` stands where a character would: between two CJK characters, one of them Han. */
export function standsForLostCharacter(text: string, i: number): boolean {
  if (i < 1 || i + 1 >= text.length) return false;
  const before = text.codePointAt(codePointStartBefore(text, i))!;
  const after = text.codePointAt(i + 1)!;
  return (isHan(before) || isHan(after)) && (isHan(before) || isCjkPunct(before)) && (isHan(after) || isCjkPunct(after));
}

/**
 * The issues with each repair that reads a span holding an encoder's `?` weighed against that
 * process: kept as they are, or flagged without their replacement.
 */
export function weighLostCharacters(text: string, issues: GarbleIssue[]): GarbleIssue[] {
  let out: GarbleIssue[] | undefined;
  for (let k = 0; k < issues.length; k++) {
    const issue = issues[k];
    if (issue.replacement === undefined || !holdsLostCharacter(text, issue)) continue;
    if (repairWins(text, issue)) continue;
    out ??= issues.slice();
    const { replacement, ...rest } = issue;
    out[k] = { ...rest, lossy: true, reading: replacement };
  }
  return out ?? issues;
}

function holdsLostCharacter(text: string, issue: GarbleIssue): boolean {
  for (let i = text.indexOf('?', issue.start); i >= 0 && i < issue.end; i = text.indexOf('?', i + 1)) {
    if (standsForLostCharacter(text, i)) return true;
  }
  return false;
}

function repairWins(text: string, issue: GarbleIssue): boolean {
  const model = getTextLikelihood();
  const before = issue.start > 0 ? lastCodePoint(text.slice(Math.max(0, issue.start - 2), issue.start)) : '';
  const after = firstCodePoint(text.slice(issue.end, issue.end + 2));
  let lost = '';
  for (let i = issue.start; i < issue.end; i++) lost += text[i] === '?' && standsForLostCharacter(text, i) ? LOST : text[i];
  // Both are a channel's output at the same price (CHANNEL_LOG_PRIOR each): the texts decide.
  const asEncoded = model.logProb(lost + after, before);
  const asRepaired = model.logProb(issue.replacement! + after, before);
  return asRepaired - asEncoded > LOST_CHARACTER_MARGIN;
}
