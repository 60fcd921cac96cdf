import type { GarbleIssue } from '../types';
import { getTextLikelihood } from './textLikelihood';
import { isHan } from '../text/chars';
import { NEIGHBOURHOOD } from './weighRepair';

/**
 * A reading that says less than the text. A repair replaces characters the text shows with what
 * the garbling is read back as; when most of what it puts in their place is placeholders — U+FFFD
 * for a character it could not read, a private-use code point, or characters neither model has
 * ever seen (Han of the newest extensions, which a four-byte UTF-8 reading of two GBK characters
 * lands on: `鸨。` → `𱡣`) — the reading carries no evidence of its own: what it reads back is
 * too little to tell a garbled span from rare characters the models underrate (a classical poem's
 * `蠲忿` read as a misaligned run `�梅�`). Such a repair is not made: the span is flagged as
 * lossy, with what it would read as (`reading`), and the text left alone.
 *
 * Thin: the reading's placeholders (less those the span already shows) at least as many as its
 * other characters, and those MAX_READ_BACK or fewer. A reading that reads back more is left to its
 * detector's decision, and so is a thin one beside a repair of its kind that is not (`supported`).
 */
export const MAX_READ_BACK = 2;

export function withoutThinReadings(text: string, issues: GarbleIssue[]): GarbleIssue[] {
  let out: GarbleIssue[] | undefined;
  let thin: boolean[] | undefined;
  for (let k = 0; k < issues.length; k++) {
    const issue = issues[k];
    // Each issue is judged once: one at a time until the first thin one, then all of them.
    if (!(thin ? thin[k] : issue.replacement !== undefined && isThin(issue.replacement, text.slice(issue.start, issue.end)))) continue;
    thin ??= issues.map((i) => i.replacement !== undefined && isThin(i.replacement, text.slice(i.start, i.end)));
    if (supported(issues, thin, k)) continue;
    out ??= issues.slice();
    const { replacement, ...rest } = issue;
    out[k] = { ...rest, lossy: true, reading: replacement };
  }
  return out ?? issues;
}

/**
 * Whether a repair of the same kind that is not thin lies within NEIGHBOURHOOD characters of issue
 * k: then the channel shows itself beside the span (a paragraph of Big5 mojibake, where readings
 * of one character between lost ones sit among longer ones), and the thin reading stands on it.
 */
function supported(issues: GarbleIssue[], thin: boolean[], k: number): boolean {
  const { kind, start, end } = issues[k];
  // The issues are in text order; one that starts far before may still end near (a long run).
  for (let j = k - 1; j >= 0 && issues[j].start > start - 8 * NEIGHBOURHOOD; j--) {
    if (issues[j].end > start - NEIGHBOURHOOD && issues[j].kind === kind && issues[j].replacement !== undefined && !thin[j]) return true;
  }
  for (let j = k + 1; j < issues.length && issues[j].start < end + NEIGHBOURHOOD; j++) {
    if (issues[j].kind === kind && issues[j].replacement !== undefined && !thin[j]) return true;
  }
  return false;
}

/**
 * Whether cp stands for a character rather than being one that is evidence: U+FFFD, private use,
 * or a Han character neither model has seen. Emoji, symbols and combining marks the models do not
 * know are read back by UTF-8 readings (`í ½í¸` → 😍) and are not counted.
 */
export function isPlaceholder(cp: number): boolean {
  if (cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return true;
  return (isHan(cp) || (cp >= 0x31350 && cp <= 0x323af)) && !getTextLikelihood().knows(cp);
}

function placeholders(s: string): { count: number; others: number } {
  let count = 0;
  let others = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp <= 0x20 || cp === 0x3000) continue;
    if (isPlaceholder(cp)) count++;
    else others++;
  }
  return { count, others };
}

function isThin(reading: string, shown: string): boolean {
  const read = placeholders(reading);
  if (read.count === 0) return false;
  const added = read.count - placeholders(shown).count;
  return added > 0 && added >= read.others && read.others <= MAX_READ_BACK;
}
