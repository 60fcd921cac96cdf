import type { GarbleIssue } from '../types';
import { getTextLikelihood } from './textLikelihood';
import { codePointStartBefore, isHan } from '../text/chars';
import { NEIGHBOURHOOD, weighRepair } from './weighRepair';

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
 * Thin: the reading's placeholders (less those the span already shows and the reading keeps) at
 * least as many as its other characters, and those MAX_READ_BACK or fewer. Or framed: the reading
 * says bytes were lost at both of its ends (a placeholder first and last) and reads back
 * MAX_FRAMED_READ_BACK characters or fewer between them, and the shared decision (weighRepair, the
 * text read more like itself repaired) does not accept it: two losses a few characters apart, and
 * nothing but the run's own evidence for what lies between (a poem's `鸾绫谥诰` read as
 * `�界壁众�`). A reading that reads back more is left to its detector's decision, and so is a thin
 * one beside a repair of its kind that is not (`supported`).
 */
export const MAX_READ_BACK = 2;
export const MAX_FRAMED_READ_BACK = 4;

export function withoutThinReadings(text: string, issues: GarbleIssue[]): GarbleIssue[] {
  let out: GarbleIssue[] | undefined;
  let thin: boolean[] | undefined;
  for (let k = 0; k < issues.length; k++) {
    const issue = issues[k];
    // Each issue is judged once: one at a time until the first thin one, then all of them.
    if (!(thin ? thin[k] : isThin(text, issue))) continue;
    thin ??= issues.map((i) => isThin(text, i));
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
  // The ideographic planes (U+20000–U+3FFFF) hold Han only, the newest extensions past isHan's.
  return (isHan(cp) || (cp >= 0x20000 && cp <= 0x3ffff)) && !getTextLikelihood().knows(cp);
}

/** The placeholders of s, each with how many times it occurs, and how many other characters s has. */
function placeholders(s: string): { count: number; others: number; each: Map<number, number> } {
  let count = 0;
  let others = 0;
  const each = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp <= 0x20 || cp === 0x3000) continue;
    if (isPlaceholder(cp)) {
      count++;
      each.set(cp, (each.get(cp) ?? 0) + 1);
    } else others++;
  }
  return { count, others, each };
}

/** Whether the first and the last character of s that are not spaces are both placeholders. */
function framed(s: string): boolean {
  const t = s.trim();
  if (t.length < 2) return false;
  return isPlaceholder(t.codePointAt(0)!) && isPlaceholder(t.codePointAt(codePointStartBefore(t, t.length))!);
}

function isThin(text: string, issue: GarbleIssue): boolean {
  const reading = issue.replacement;
  if (reading === undefined) return false;
  const read = placeholders(reading);
  if (read.count === 0) return false;
  const shown = text.slice(issue.start, issue.end);
  // The placeholders the span already shows and the reading keeps are not the reading's claim;
  // others it puts in their place are (private-use characters read as two lost bytes: `�躬�`).
  let kept = 0;
  for (const [cp, n] of placeholders(shown).each) kept += Math.min(n, read.each.get(cp) ?? 0);
  const added = read.count - kept;
  if (added <= 0) return false;
  if (added >= read.others && read.others <= MAX_READ_BACK) return true;
  if (added < 2 || read.others > MAX_FRAMED_READ_BACK || !framed(reading)) return false;
  const before = text.slice(Math.max(0, issue.start - NEIGHBOURHOOD), issue.start);
  const after = text.slice(issue.end, issue.end + NEIGHBOURHOOD);
  return !weighRepair({ before, original: shown, reading, after }).accept;
}
