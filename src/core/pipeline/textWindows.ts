import type { AnalyzeOptions, ByteDetection, GarbleIssue, RepairOptions, RepairResult, TextEdit } from '../types';
import { analyzeText } from '../analyzeText';
import { repairFrom } from '../repairText';
import { SearchMemo, withSearchMemo } from '../garble/misaligned/searchMemo';

/**
 * The analysis of a document, window by window: the one the CLI (whole files and files read in
 * pieces) and the editor share, so that they report the same spans on the same text.
 *
 * A document is cut into regions of about `regionUnits` UTF-16 units, ending at a line end where
 * they can (the detectors look within a line) and never inside a finding: a run that crosses the
 * planned end moves the end to the run's start, and the next window finds it whole. Which line end
 * is chosen depends on the text around it, not on where the region started: an edit moves the
 * ends of later regions along with their text, so typing reads only the window typed in again. Each window
 * is its region with `context` units before it and up to `context` after it. The regions depend
 * on the text alone, not on how it arrives (whole, or in pieces of any size), and a window's
 * findings on its own text alone, so a cache keyed by the window's text makes the analysis
 * incremental: after an edit only the windows whose text changed are read again.
 *
 * A text shorter than one region and its context is one window: its findings are
 * `analyzeText(text)`. Two judgements are the window's, not the document's: which script is the
 * majority (mixed script) and whether the annotations look like a converter's (pinyin
 * annotations); on a long document that changes character between windows they can differ from
 * a judgement over the whole text (docs/reliability.md).
 */

/** Units a window decides on: a few milliseconds of analysis of clean text. */
export const REGION_UNITS = 32 * 1024;
/** Units of context on each side of a region: several times the longest misaligned run or annotation. */
export const WINDOW_CONTEXT = 1024;

export interface TextRegion {
  /** UTF-16 offset of the region in the whole text. */
  offset: number;
  /** The region's original text. */
  text: string;
  /** The findings inside the region, with whole-text offsets, as `analyzeText` orders them. */
  issues: GarbleIssue[];
}

/**
 * Findings of windows already analysed, by the window's text: what makes re-analysis incremental.
 * A window is named by `key` (the kinds looked for, its context and where its region ends, with the
 * context's text) and by `body`, its text from the region's start on; both must match. The body is
 * compared, never copied or hashed: a keystroke in a large document looks every window up again.
 */
export interface WindowCache {
  /** The window-relative findings of a window analysed before, if any. */
  get(key: string, body: string): GarbleIssue[] | undefined;
  set(key: string, body: string, issues: GarbleIssue[]): void;
  /** Start of a new analysis of the document: windows used by neither of the two before are let go. */
  nextGeneration(): void;
  /**
   * The regions of the document's last whole analysis, kept by createWindowCache: the next
   * analysis takes a region from it without planning it or looking its window up when the text a
   * region's decision reads is unchanged (the edit was elsewhere).
   */
  lastRun?: DecidedRun;
  /**
   * The file's bytes last judged with the document (a copy) and what they were detected as: the
   * editor hands the bytes on disk with every analysis of a document showing U+FFFD, and they
   * change only when the file does (detectedOnce.ts).
   */
  lastBytes?: { bytes: Uint8Array; detection: ByteDetection };
  /**
   * What the silent-run search left of the lines it found nothing in (searchMemo.ts), made by
   * createWindowCache: a window read again after an edit searches only the lines whose inputs changed.
   */
  searchMemo?: SearchMemo;
}

/** One analysis of a whole text, region by region (WindowCache.lastRun). */
export interface DecidedRun {
  text: string;
  /** The options and window sizes it was made with. */
  settings: string;
  /** Its regions, by their start. */
  regions: Map<number, DecidedRegion>;
}

/** How one region was decided: the context before it, and what its window found. */
interface DecidedRegion {
  before: string;
  /** Decided with less than a region's reach pending: its decision read the text to its end. */
  tail: boolean;
  planned: number;
  /** The window's findings, window-relative (the cache's entry). */
  windowIssues: GarbleIssue[];
  /** The region's length and its findings as yielded (whole-text offsets). */
  end: number;
  issues: GarbleIssue[];
}

interface CachedWindow {
  body: string;
  issues: GarbleIssue[];
}

/**
 * A WindowCache for one document that keeps the windows of its last two analyses, so that a
 * keystroke taken back (typed, analysed, deleted) finds its window again: the windows the
 * running analysis uses, and those of the two before it.
 */
export function createWindowCache(): WindowCache {
  let current = new Map<string, CachedWindow[]>();
  let previous = new Map<string, CachedWindow[]>();
  let older = new Map<string, CachedWindow[]>();
  const find = (windows: Map<string, CachedWindow[]>, key: string, body: string) => windows.get(key)?.find((w) => w.body.length === body.length && w.body === body);
  const add = (key: string, window: CachedWindow) => {
    const list = current.get(key);
    if (!list) current.set(key, [window]);
    else if (!list.includes(window)) list.push(window);
  };
  return {
    get(key, body) {
      const hit = find(current, key, body) ?? find(previous, key, body) ?? find(older, key, body);
      if (hit) add(key, hit);
      return hit?.issues;
    },
    set: (key, body, issues) => add(key, { body, issues }),
    nextGeneration() {
      older = previous;
      previous = current;
      current = new Map();
    },
    lastRun: undefined,
    lastBytes: undefined,
    searchMemo: new SearchMemo(),
  };
}

export interface WindowOptions {
  regionUnits?: number;
  context?: number;
  cache?: WindowCache;
}

/** The text of `pieces` as consecutive regions with their findings. */
export function* analyzedRegions(pieces: Iterable<string>, options: AnalyzeOptions = {}, windows: WindowOptions = {}): Generator<TextRegion> {
  const regionUnits = windows.regionUnits ?? REGION_UNITS;
  const context = windows.context ?? WINDOW_CONTEXT;
  const cache = windows.cache;
  cache?.nextGeneration();
  const kinds = `${options.kinds ? options.kinds.join() : '*'}|${options.languageId ?? ''}`;
  // A text handed whole (a document, a file read at once) takes from the document's last analysis
  // the regions whose decision reads the same text: no planning, no window looked up.
  const whole = cache && Array.isArray(pieces) && pieces.length === 1 ? (pieces[0] as string) : undefined;
  const settings = `${kinds}|${regionUnits}|${context}`;
  const lastRun = whole !== undefined && cache?.lastRun?.settings === settings ? cache.lastRun : undefined;
  const decided = whole !== undefined ? new Map<number, DecidedRegion>() : undefined;
  let before = ''; // already decided text just before the pending text, as context
  // The text not yet decided is buffer[at…]: offsets into one string rather than a copy of the
  // rest per region (a keystroke in a large document reads every region's plan again).
  let buffer = '';
  let at = 0;
  let offset = 0; // whole-text offset of buffer[at]
  const pendingLength = () => buffer.length - at;
  // A region decided with at least `enough` units pending reads its context (`before`) and the
  // `reach` units from its start, no more: plannedEnd up to MAX_REGION, then the window's context.
  // One decided with less (a tail region) reads the text to its end.
  const reach = Math.floor(regionUnits * MAX_REGION) + context;
  /**
   * The region starting here as the last run decided it, if its decision read the same text
   * (where it was, or moved by the edit): a tail region only as far from the text's end.
   */
  const asDecidedBefore = (tail: boolean): { from: DecidedRegion; delta: number } | undefined => {
    if (!lastRun) return undefined;
    const moved = offset - (buffer.length - lastRun.text.length);
    for (const start of moved === offset ? [offset] : [offset, moved]) {
      const from = lastRun.regions.get(start);
      if (!from || from.tail !== tail || from.before !== before || (tail && lastRun.text.length - start !== pendingLength())) continue;
      const reads = tail ? pendingLength() : reach;
      if (lastRun.text.slice(start, start + reads) === buffer.slice(at, at + reads)) return { from, delta: offset - start };
    }
    return undefined;
  };
  const decide = (last: boolean, reaching: boolean): TextRegion => {
    const length = pendingLength();
    const again = decided ? asDecidedBefore(!reaching) : undefined;
    let planned: number;
    let issues: GarbleIssue[] | undefined;
    let region: TextRegion;
    let end: number;
    if (again) {
      ({ planned, windowIssues: issues, end } = again.from);
      // Kept in the cache's current generation, as a window looked up is.
      cache?.set(`${kinds}|${planned}|${before}`, buffer.slice(at, at + planned + context), issues);
      const regionIssues = again.from.issues;
      region = { offset, text: buffer.slice(at, at + end), issues: again.delta ? regionIssues.map(shifted(again.delta)) : regionIssues };
    } else {
      planned = last ? length : plannedEnd(buffer, at, regionUnits, context);
      // The window is `before` + `body`; the body stays a slice of the buffer (no copy) unless the
      // window is analysed.
      const body = buffer.slice(at, at + planned + context);
      const key = `${kinds}|${planned}|${before}`;
      issues = cache?.get(key, body);
      if (!issues) {
        issues = withSearchMemo(cache?.searchMemo, () => analyzeText(before + body, options));
        cache?.set(key, body, issues);
      }
      end = regionEnd(issues, before.length, before.length + planned) - before.length;
      region = {
        offset,
        text: buffer.slice(at, at + end),
        issues: issues
          .filter((i) => i.start >= before.length && i.end <= before.length + end && (i.start < before.length + end || end === length))
          .map(shifted(offset - before.length)),
      };
    }
    decided?.set(offset, { before, tail: !reaching, planned, windowIssues: issues, end, issues: region.issues });
    before = contextBefore(end >= context ? buffer.slice(at + end - context, at + end) : before + buffer.slice(at, at + end), context);
    at += end;
    offset += end;
    return region;
  };
  // A region is decided once the text it may end in (up to MAX_REGION) and its context are there.
  const enough = Math.ceil(regionUnits * MAX_REGION) + context;
  for (const piece of pieces) {
    buffer = at === buffer.length ? piece : buffer.slice(at) + piece;
    at = 0;
    while (pendingLength() >= enough) yield decide(false, true);
  }
  while (pendingLength() >= regionUnits + context) yield decide(false, false);
  if (pendingLength()) yield decide(true, false);
  if (whole !== undefined && decided) cache!.lastRun = { text: whole, settings, regions: decided };
}

/** The shortest and longest region ending at a line end, in `regionUnits`. */
const MIN_REGION = 0.75;
const MAX_REGION = 1.25;
/** Units before a line end that choose it (its line, and the one before when it is short). */
const LINE_KEY = 8;

/**
 * Where a region that starts at `start` of `text` ends, counted from `start`: just after a line
 * end between MIN_REGION and MAX_REGION (leaving `context` after it), the one whose last LINE_KEY
 * units hash highest (the first of equals). The choice depends on the text at the line ends only,
 * so after an edit elsewhere the same line end is chosen, at its new offset. With no line end
 * there, `limit` units in (not between the halves of a surrogate pair).
 */
function plannedEnd(text: string, start: number, limit: number, context: number): number {
  const last = start + Math.min(Math.floor(limit * MAX_REGION), text.length - start - context);
  let best = -1;
  let bestKey = -1;
  for (let nl = text.indexOf('\n', start + Math.ceil(limit * MIN_REGION) - 1); nl >= 0 && nl < last; nl = text.indexOf('\n', nl + 1)) {
    const key = lineKey(text, start, nl + 1);
    if (key > bestKey) {
      best = nl + 1;
      bestKey = key;
    }
  }
  if (best > 0) return best - start;
  const c = text.charCodeAt(start + limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/** FNV-1a of the LINE_KEY units before `end` (none before `start`), as an unsigned 32-bit number. */
function lineKey(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(start, end - LINE_KEY); i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
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

/** What a document's windowed analysis found: its findings, and the regions they were decided in. */
export interface TextFindings {
  issues: GarbleIssue[];
  /** [start, end) of each region, in order, covering the text. */
  regions: Array<{ start: number; end: number }>;
}

/** The windowed analysis of a whole text (analyzedRegions, collected). */
export function analyzeTextInWindows(text: string, options: AnalyzeOptions = {}, windows: WindowOptions = {}): TextFindings {
  const findings: TextFindings = { issues: [], regions: [] };
  for (const region of analyzedRegions([text], options, windows)) addRegion(findings, region);
  return findings;
}

/** Adds one region's findings (no spread into a call: a large file has more issues than a call has room for arguments). */
export function addRegion(findings: TextFindings, region: TextRegion): void {
  for (const issue of region.issues) findings.issues.push(issue);
  findings.regions.push({ start: region.offset, end: region.offset + region.text.length });
}

export interface RepairedRegion extends TextRegion {
  /** The region repaired (and converted to the asked script). */
  repaired: string;
  /** As repairText reports them, with whole-text offsets. */
  applied: GarbleIssue[];
  flagged: GarbleIssue[];
  /** Every change of the region, whole-text offsets (worked out when read). */
  readonly edits: TextEdit[];
}

/**
 * A copy of a finding `delta` units on (the same fields in the same order). Copied whole and then
 * moved rather than spread with the new offsets: V8 clones an object of a known shape fast, while
 * a spread with properties after it builds the copy property by property (a keystroke moves the
 * findings of every region after it: thousands).
 */
const shifted = (delta: number) => (i: GarbleIssue): GarbleIssue => {
  const moved = { ...i };
  moved.start += delta;
  moved.end += delta;
  return moved;
};

/**
 * `repairText` over a region, pass for pass (repairFrom): the findings of the first pass are the
 * region's (from the windows, as the reader saw them); the further passes and the script
 * conversion run on the region alone.
 */
export function repairRegion(region: TextRegion, options: RepairOptions): RepairedRegion {
  const r = repairFrom(region.text, region.issues.map(shifted(-region.offset)), options);
  return {
    ...region,
    repaired: r.text,
    applied: r.applied.map(shifted(region.offset)),
    flagged: r.flagged.map(shifted(region.offset)),
    get edits(): TextEdit[] {
      return r.edits.map((e) => ({ start: e.start + region.offset, end: e.end + region.offset, text: e.text }));
    },
  };
}

/**
 * The repair of `text` from findings already made (what the reader sees, what `zhlens detect`
 * reports): each region's findings applied, then the further passes and the script conversion
 * region by region, as `zhlens repair` does. Nothing is analysed again for the first pass.
 */
export function repairWithFindings(text: string, findings: TextFindings, options: RepairOptions = {}): RepairResult {
  const regions: RepairedRegion[] = [];
  let k = 0;
  findings.regions.forEach(({ start, end }, r) => {
    const last = r === findings.regions.length - 1;
    const issues: GarbleIssue[] = [];
    while (k < findings.issues.length && (last || findings.issues[k].start < end)) issues.push(findings.issues[k++]);
    regions.push(repairRegion({ offset: start, text: text.slice(start, end), issues }, options));
  });
  const applied: GarbleIssue[] = [];
  const flagged: GarbleIssue[] = [];
  for (const r of regions) {
    // No spread into a call: a large file has more issues than a call has room for arguments.
    for (const i of r.applied) applied.push(i);
    for (const i of r.flagged) flagged.push(i);
  }
  let edits: TextEdit[] | undefined;
  return {
    text: regions.map((r) => r.repaired).join(''),
    applied,
    flagged,
    // Worked out when read, as repairText's.
    get edits(): TextEdit[] {
      if (!edits) {
        edits = [];
        for (const r of regions) for (const e of r.edits) edits.push(e);
      }
      return edits;
    },
  };
}

/** `repairText` of a whole document, window by window: the windowed findings, then repairWithFindings. */
export function repairTextInWindows(text: string, options: RepairOptions = {}, windows: WindowOptions = {}): RepairResult {
  return repairWithFindings(text, analyzeTextInWindows(text, options, windows), options);
}
