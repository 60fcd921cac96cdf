import { analyzeText, applyIssues, convertScript, type AnalyzeOptions, type GarbleIssue, type RepairOptions } from '../core';

/**
 * Analysis of a text that arrives in pieces, with the same findings as analysing it whole. The
 * text is analysed in windows that overlap: each window sees `CONTEXT` characters before the
 * region it decides on and at least `CONTEXT` after it, and the region ends at a line end where
 * it can (the detectors look within a line) and never inside a finding: a run that crosses the
 * planned end moves the end to the run's start, and the next window finds it whole.
 *
 * Two judgements are the document's, not the line's: which script is the majority (mixed
 * script) and whether the annotations look like a converter's (pinyin annotations). A window
 * makes them for its own text, so on a file that changes character between megabytes they can
 * differ from the whole file's (docs/reliability.md).
 */

/** Characters of context on each side of a region: several times the longest misaligned run or annotation. */
const CONTEXT = 1024;

export interface TextRegion {
  /** UTF-16 offset of the region in the whole text. */
  offset: number;
  /** The region's original text. */
  text: string;
  /** The findings inside the region, with whole-text offsets, as `analyzeText` orders them. */
  issues: GarbleIssue[];
}

/** The text of `pieces` as consecutive regions with their findings. */
export function* analyzedRegions(pieces: Iterable<string>, options: AnalyzeOptions, context = CONTEXT): Generator<TextRegion> {
  let before = ''; // already decided text just before `pending`, as context
  let pending = ''; // text not yet decided
  let offset = 0; // whole-text offset of `pending`
  const decide = (last: boolean): TextRegion | undefined => {
    const planned = last ? pending.length : plannedEnd(pending, pending.length - context);
    if (planned <= 0) return undefined;
    const window = before + pending;
    const issues = analyzeText(window, options);
    const end = regionEnd(issues, before.length, before.length + planned) - before.length;
    const region: TextRegion = {
      offset,
      text: pending.slice(0, end),
      issues: issues
        .filter((i) => i.start >= before.length && i.end <= before.length + end && (i.start < before.length + end || end === pending.length))
        .map((i) => ({ ...i, start: i.start - before.length + offset, end: i.end - before.length + offset })),
    };
    before = contextBefore(window.slice(0, before.length + end), context);
    pending = pending.slice(end);
    offset += end;
    return region;
  };
  for (const piece of pieces) {
    pending += piece;
    while (pending.length > 2 * context) {
      const region = decide(false);
      if (!region) break;
      yield region;
    }
  }
  if (pending.length) yield decide(true)!;
}

/** Just after the last line end at or before `limit`; in a line longer than that, `limit` itself (not between the halves of a surrogate pair). */
function plannedEnd(text: string, limit: number): number {
  if (limit <= 0) return 0;
  const lineEnd = text.lastIndexOf('\n', limit - 1);
  if (lineEnd >= 0 && lineEnd + 1 > limit / 2) return lineEnd + 1;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/**
 * The planned region end, moved back to the start of a finding that crosses it, or past a
 * finding that starts at the region's start (it cannot be moved back beyond it).
 */
function regionEnd(issues: readonly GarbleIssue[], start: number, planned: number): number {
  let end = planned;
  for (let moved = true; moved; ) {
    moved = false;
    for (const i of issues) {
      if (i.start >= start && i.start < end && i.end > end) {
        end = i.start > start ? i.start : i.end;
        moved = true;
      }
    }
  }
  return end;
}

/** The last `context` characters of `text`, from a line start when one is among them. */
function contextBefore(text: string, context: number): string {
  const tail = text.slice(Math.max(0, text.length - context));
  const lineStart = tail.indexOf('\n') + 1;
  return lineStart > 0 && lineStart < tail.length ? tail.slice(lineStart) : tail;
}

export interface RepairedRegion extends TextRegion {
  /** The region repaired (and converted to the asked script). */
  repaired: string;
  applied: GarbleIssue[];
  flagged: GarbleIssue[];
}

/** The passes of `repairText` (mojibake of mojibake unwinds one layer a pass). */
const REPAIR_PASSES = 3;

/**
 * `repairText` over regions, pass for pass: the findings of the first pass come from the
 * overlapping windows; the further passes and the script conversion run on the region alone.
 */
export function repairRegion(region: TextRegion, options: RepairOptions): RepairedRegion {
  const applied = region.issues.filter((i) => i.replacement !== undefined);
  const flagged = region.issues.filter((i) => i.replacement === undefined);
  let repaired = region.text;
  let fixable: GarbleIssue[] = applied.map((i) => ({ ...i, start: i.start - region.offset, end: i.end - region.offset }));
  for (let pass = 1; pass < REPAIR_PASSES && fixable.length; pass++) {
    repaired = applyIssues(repaired, fixable);
    fixable = analyzeText(repaired, options).filter((i) => i.replacement !== undefined);
  }
  if (fixable.length) repaired = applyIssues(repaired, fixable);
  if (options.script && options.script !== 'keep') repaired = convertScript(repaired, options.script);
  return { ...region, repaired, applied, flagged };
}
