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
 * text read more like itself repaired) does not accept it, nor its inside alone by
 * FRAMED_INSIDE_GAIN: two losses a few characters apart, and
 * nothing but the run's own evidence for what lies between (a poem's `鸾绫谥诰` read as
 * `�界壁众�`). A reading that reads back more is left to its detector's decision, and so is a thin
 * one beside a repair of its kind that is not (`supported`).
 */
export const MAX_READ_BACK = 2;
export const MAX_FRAMED_READ_BACK = 4;
/**
 * A framed reading whose inside, its lost ends left out, reads better than the span as shown by
 * this many nats or more is applied, its ends shown as U+FFFD: the run read back what lies between
 * its two losses with evidence of its own (`诵胗猩倌曛` → `�须有少年�`). The precision corpus's
 * tune split's framed readings of clean classical lines gain at most 23.7 (`嘤喔嘤喔声` →
 * `�余膏余干�`); the tuning part's garbled ones 19–41, most above 27.
 */
export const FRAMED_INSIDE_GAIN = 27;
export const FRAMED_SURE = 0.9;

/** How a reading is judged: like any other, thin, or framed and applied on its inside alone. */
const enum Judged {
  Full,
  Thin,
  OwnInside,
}

export function withoutThinReadings(text: string, issues: GarbleIssue[]): GarbleIssue[] {
  let out: GarbleIssue[] | undefined;
  let judged: Judged[] | undefined;
  for (let k = 0; k < issues.length; k++) {
    const issue = issues[k];
    // Each issue is judged once: one at a time until the first thin one, then all of them.
    if ((judged ? judged[k] : judge(text, issue)) !== Judged.Thin) continue;
    judged ??= issues.map((i) => judge(text, i));
    if (supported(text, issues, judged, k)) continue;
    out ??= issues.slice();
    const { replacement, ...rest } = issue;
    out[k] = { ...rest, lossy: true, reading: replacement };
  }
  return out ?? issues;
}

/**
 * Whether a repair of the same kind that is not thin lies within NEIGHBOURHOOD characters of issue
 * k: then the channel shows itself beside the span (a paragraph of Big5 mojibake, where readings
 * of one character between lost ones sit among longer ones), and the thin reading stands on it. A
 * framed reading applied on its inside alone stands on its own evidence and lends none, and so
 * does a misaligned run that reads over a U+FFFD the text shows (a run read again over the marks an
 * earlier pass's repair left, `�者也；�`, which the repair then drops).
 */
function supported(text: string, issues: GarbleIssue[], judged: Judged[], k: number): boolean {
  const { kind, start, end } = issues[k];
  // The issues are in text order; one that starts far before may still end near (a long run).
  for (let j = k - 1; j >= 0 && issues[j].start > start - 8 * NEIGHBOURHOOD; j--) {
    if (issues[j].end > start - NEIGHBOURHOOD && issues[j].kind === kind && lends(text, issues[j], judged[j])) return true;
  }
  for (let j = k + 1; j < issues.length && issues[j].start < end + NEIGHBOURHOOD; j++) {
    if (issues[j].kind === kind && lends(text, issues[j], judged[j])) return true;
  }
  return false;
}

function lends(text: string, issue: GarbleIssue, judged: Judged): boolean {
  if (judged !== Judged.Full || issue.replacement === undefined) return false;
  // Only a misaligned run is read again over the marks a repair left; a mojibake repair that
  // restores lost bytes reads over the U+FFFD its decoder wrote, and that is its channel showing.
  return issue.kind !== 'misaligned-gbk' || marks(text.slice(issue.start, issue.end)) <= marks(issue.replacement);
}

/** How many U+FFFD s holds. */
function marks(s: string): number {
  return placeholders(s).each.get(0xfffd) ?? 0;
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

function judge(text: string, issue: GarbleIssue): Judged {
  const reading = issue.replacement;
  if (reading === undefined) return Judged.Full;
  const read = placeholders(reading);
  if (read.count === 0) return Judged.Full;
  const shown = text.slice(issue.start, issue.end);
  // The placeholders the span already shows and the reading keeps are not the reading's claim;
  // others it puts in their place are (private-use characters read as two lost bytes: `�躬�`).
  let kept = 0;
  for (const [cp, n] of placeholders(shown).each) kept += Math.min(n, read.each.get(cp) ?? 0);
  const added = read.count - kept;
  if (added <= 0) return Judged.Full;
  if (added >= read.others && read.others <= MAX_READ_BACK) return Judged.Thin;
  if (added < 2 || read.others > MAX_FRAMED_READ_BACK || !framed(reading)) return Judged.Full;
  const before = text.slice(Math.max(0, issue.start - NEIGHBOURHOOD), issue.start);
  const after = text.slice(issue.end, issue.end + NEIGHBOURHOOD);
  if (weighRepair({ before, original: shown, reading, after }).accept) return Judged.Full;
  // The inside alone, its lost ends left out: what the run reads back with its own evidence.
  const inside = reading.trim();
  const between = inside.slice(inside.codePointAt(0)! > 0xffff ? 2 : 1, codePointStartBefore(inside, inside.length));
  const sure = issue.confidence >= FRAMED_SURE && weighRepair({ before, original: shown, reading: between, after }).margin >= FRAMED_INSIDE_GAIN;
  return sure ? Judged.OwnInside : Judged.Thin;
}
