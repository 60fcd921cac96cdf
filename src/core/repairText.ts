import { ALL_GARBLE_KINDS, type GarbleIssue, type GarbleKind, type RepairOptions, type RepairResult, type TextEdit } from './types';
import { analyzeText } from './analyzeText';
import { convertScript } from './script/convertScript';
import { composeEdits, editsBetween, spanEdits } from './textEdits';
import { CUT_LAST_CHARACTER } from './garble/utf8Mojibake';
import { readWholeFileLatin1, wholeFileLatin1Issues } from './garble/mojibake/wholeFileLatin1';
import { readWholeFileDbcs, wholeFileDbcsIssues } from './garble/mojibake/wholeFileDbcs';

/** Passes over the text: mojibake of mojibake (UTF-8 read as GBK twice) unwinds one layer a pass. */
const MAX_PASSES = 3;

/** Replace each issue's span with its replacement; issues are sorted and do not overlap. */
export function applyIssues(text: string, issues: readonly GarbleIssue[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const i of issues) {
    if (i.replacement === undefined || i.start < pos) continue;
    parts.push(text.slice(pos, i.start), i.replacement);
    pos = i.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * A stretch of the text being repaired: either the input's own text (`changed` false) or what
 * the repairs so far made of the input's [origStart, origEnd).
 */
interface Piece {
  text: string;
  origStart: number;
  origEnd: number;
  changed: boolean;
  /** The repairs that made a changed piece, in the order applied. */
  issues: GarbleIssue[];
}

/**
 * The pieces after one pass's repairs (offsets into the pieces' joined text, sorted, apart).
 * A repair that reaches into a changed piece takes all of it, so every changed piece stays one
 * span of the input: later passes never move an edit outside the spans reported.
 */
function applyPass(pieces: Piece[], issues: readonly GarbleIssue[]): Piece[] {
  const out: Piece[] = [];
  let k = 0;
  let pieceStart = 0;
  /** Unconsumed start of pieces[k] (a piece may be split by a repair). */
  let offset = 0;
  const emitRest = (upTo: number) => {
    // Copy pieces (or their unchanged remainders) that end at or before `upTo`.
    while (k < pieces.length && pieceStart + pieces[k].text.length <= upTo) {
      const p = pieces[k];
      if (offset === 0) out.push(p);
      else if (offset < p.text.length) out.push({ ...p, text: p.text.slice(offset), origStart: p.origStart + offset });
      pieceStart += p.text.length;
      k++;
      offset = 0;
    }
  };
  for (const issue of issues) {
    emitRest(issue.start);
    // Now pieces[k] (if any) contains issue.start, or starts after it for an empty span at a boundary.
    let origStart: number;
    let head = '';
    if (k < pieces.length && pieceStart + offset < issue.start) {
      const p = pieces[k];
      const at = issue.start - pieceStart;
      if (p.changed) {
        head = p.text.slice(offset, at);
        origStart = p.origStart;
      } else {
        out.push({ ...p, text: p.text.slice(offset, at), origStart: p.origStart + offset, origEnd: p.origStart + at });
        origStart = p.origStart + at;
      }
      offset = at;
    } else {
      origStart = k < pieces.length ? (pieces[k].changed ? pieces[k].origStart : pieces[k].origStart + offset) : pieces.length ? pieces[pieces.length - 1].origEnd : 0;
    }
    const made: GarbleIssue[] = [];
    let origEnd = origStart;
    let tail = '';
    // Take every piece the repair covers; a changed piece is taken whole.
    while (k < pieces.length && (pieceStart + pieces[k].text.length <= issue.end || (pieces[k].changed && pieceStart < issue.end) || (pieces[k].changed && pieceStart + offset === issue.start && issue.start === issue.end))) {
      const p = pieces[k];
      if (p.changed) made.push(...p.issues);
      const end = pieceStart + p.text.length;
      if (p.changed && end > issue.end) tail = p.text.slice(issue.end - pieceStart);
      origEnd = p.origEnd;
      pieceStart = end;
      k++;
      offset = 0;
      if (p.changed && end >= issue.end) break;
    }
    if (k < pieces.length && pieceStart < issue.end) {
      // An unchanged piece split by the repair's end.
      const at = issue.end - pieceStart;
      origEnd = pieces[k].origStart + at;
      offset = at;
    }
    out.push({ text: head + issue.replacement! + tail, origStart, origEnd: Math.max(origEnd, origStart), changed: true, issues: [...made, issue] });
  }
  emitRest(Infinity);
  return out.filter((p) => p.changed || p.text.length > 0);
}

function readsLatin1AsDoubleByte(issue: GarbleIssue): boolean {
  return issue.kind === 'mojibake-latin1' && issue.plan.some((step) => step === 'decode gbk' || step === 'decode big5');
}

/**
 * The pieces of one pass with where each ends in their joined text, so that the pieces a finding
 * reaches are found by binary search: a further pass asks this of each of its findings, and a
 * large file has hundreds of thousands of pieces (walking them all from the first, finding after
 * finding, was quadratic: a tenth of a 10 MB GBK mojibake repair).
 */
class PieceEnds {
  /** ends[k]: the end of pieces[k] in the joined text (non-decreasing: a piece may be empty). */
  private readonly ends: Float64Array;

  constructor(readonly pieces: readonly Piece[]) {
    this.ends = new Float64Array(pieces.length);
    let at = 0;
    for (let k = 0; k < pieces.length; k++) {
      at += pieces[k].text.length;
      this.ends[k] = at;
    }
  }

  /** The start of pieces[k] in the joined text. */
  startOf(k: number): number {
    return k === 0 ? 0 : this.ends[k - 1];
  }

  /** The first piece that ends at or after `offset` (pieces.length when none does). */
  firstEndingFrom(offset: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Whether some piece from the first ending at or after `from` on, up to the first starting after
   * `to`, passes `test` (given the piece and its start and end). A piece before those ends before
   * `from`; one after starts after `to`.
   */
  some(from: number, to: number, test: (p: Piece, at: number, end: number) => boolean): boolean {
    for (let k = this.firstEndingFrom(from); k < this.pieces.length; k++) {
      const at = this.startOf(k);
      if (at > to) return false;
      if (test(this.pieces[k], at, this.ends[k])) return true;
    }
    return false;
  }
}

/** Whether an issue (offsets into the pieces' joined text) overlaps or touches a changed piece. */
function touchesChanged(pieces: PieceEnds, issue: GarbleIssue): boolean {
  return pieces.some(issue.start, issue.end, (p, at, end) => p.changed && issue.start <= end && issue.end >= at);
}

/** The repairs as spans of the input: a piece made by one repair of the first pass is that repair. */
function appliedSpans(pieces: readonly Piece[], firstPass: ReadonlySet<GarbleIssue>): GarbleIssue[] {
  const out: GarbleIssue[] = [];
  for (const p of pieces) {
    if (!p.changed) continue;
    const [first] = p.issues;
    if (p.issues.length === 1 && firstPass.has(first)) {
      out.push(first);
      continue;
    }
    const plan: string[] = [];
    for (const i of p.issues) for (const step of i.plan) if (!plan.includes(step)) plan.push(step);
    out.push({
      kind: first.kind,
      start: p.origStart,
      end: p.origEnd,
      confidence: Math.min(...p.issues.map((i) => i.confidence)),
      replacement: p.text,
      plan,
      ...(p.issues.some((i) => i.lossy) ? { lossy: true } : {}),
    });
  }
  return out;
}

/**
 * Undo every recoverable garbled span, then convert the script when asked. Lossy spans (锟斤拷,
 * U+FFFD) and mixed script are reported in `flagged` and left as they are. A text with nothing to
 * repair comes back as the very same string.
 *
 * `applied` are spans of the input, and the repaired text differs from the input only inside
 * them: a span a later pass reached (mojibake of mojibake, an annotation after an annotation) is
 * reported with every step that made it.
 */
export function repairText(text: string, options: RepairOptions = {}): RepairResult {
  return repairWholeFile(text, options) ?? repairFrom(text, analyzeText(text, options), options);
}

/**
 * The repair of a text that is mojibake of Chinese from end to end, in one pass: Windows-1252
 * (garble/mojibake/wholeFileLatin1.ts, every layer undone), GBK or Big5 with no byte lost
 * (wholeFileDbcs.ts); undefined when the text is none of these. The reading is final, so no
 * further pass analyses it again. Its findings, one per run of characters above ASCII, and its
 * edits are worked out when read: on a large file they cost more than the repair.
 */
export function repairWholeFile(text: string, options: RepairOptions = {}): RepairResult | undefined {
  const latin1 = readWholeFileLatin1(text, options);
  const dbcs = latin1 === undefined ? readWholeFileDbcs(text, options) : undefined;
  const reading = latin1 ?? dbcs?.reading;
  if (reading === undefined) return undefined;
  const converted = options.script && options.script !== 'keep' ? convertScript(reading, options.script) : reading;
  let applied: GarbleIssue[] | undefined;
  let edits: TextEdit[] | undefined;
  return {
    text: converted,
    get applied(): GarbleIssue[] {
      applied ??= dbcs ? wholeFileDbcsIssues(text, dbcs) : wholeFileLatin1Issues(text, reading);
      return applied;
    },
    get edits(): TextEdit[] {
      edits ??= composeEdits(text, spanEdits(text, this.applied), editsBetween(reading, converted), converted);
      return edits;
    },
    flagged: [],
  };
}

/**
 * A misaligned GBK run read again over what a misaligned run's repair, or a lossy Windows-1252
 * one, made: that text is back in step, and a byte it could not restore shows as U+FFFD, which
 * reads like a lost lead byte but is not one (`�。回到�` must not be paired again into
 * `选，然氐结`, nor `一�` left by a Windows-1252 repair into `家机`, nor `夫�7樓�` left by a GBK
 * one into `夫。翻臉区`, nor `人�` left by a Big5 repair into `度�`; nor is a Big5 run opened again
 * on such a mark). The same holds for the
 * U+FFFD a cut last character left (`こんにちは、世�` is not `こんにちは、��`).
 */
function repairsRunAgain(issue: GarbleIssue, pieces: PieceEnds): boolean {
  if (issue.kind !== 'misaligned-gbk' && issue.kind !== 'mojibake-big5') return false;
  return pieces.some(issue.start, issue.end, (p, at, end) => p.changed && at < issue.end && issue.start < end && p.issues.some(madeInStep));
}

function madeInStep(i: GarbleIssue): boolean {
  return (
    i.kind === 'misaligned-gbk' ||
    (i.lossy && (i.kind === 'mojibake-latin1' || i.kind === 'mojibake-big5' || readBackInStep(i))) ||
    i.plan.some((step) => step.startsWith(CUT_LAST_CHARACTER))
  );
}

/**
 * A GBK or Big5 mojibake repair this long reads back as UTF-8 in step: a short one in a
 * misaligned run may be that run's characters read as mojibake by chance, and the misaligned
 * reading of the next pass is then the better one.
 */
const IN_STEP_READING = 8;

function readBackInStep(i: GarbleIssue): boolean {
  return (i.kind === 'mojibake-gbk' || i.kind === 'mojibake-big5') && i.replacement !== undefined && i.replacement.length >= IN_STEP_READING;
}

/**
 * `repairText` with the first pass's findings already made (what the reader sees, a window's
 * findings): they are applied as they are, and only the further passes analyse the text again.
 */
export function repairFrom(text: string, firstPassIssues: readonly GarbleIssue[], options: RepairOptions = {}): RepairResult {
  let current = text;
  let pieces: Piece[] = [{ text, origStart: 0, origEnd: text.length, changed: false, issues: [] }];
  let firstPass = new Set<GarbleIssue>();
  let flagged: GarbleIssue[] = [];
  // What each further pass found per stretch it read, for the pass after it (ReadStretches).
  let read = new ReadStretches();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let issues = firstPassIssues;
    if (pass > 0) {
      const earlier = read;
      read = new ReadStretches();
      issues = analyzeAroundRepairs(current, pieces, options, earlier, read);
    }
    // A further pass unwinds a further layer of what was repaired (`Ã¤Â¸Â­` → `ä¸­` → `中`) and
    // may read what the repairs gave new context. But the channel the first pass saw in the whole
    // text stands: Latin-1 letters it left alone as no GBK or Big5 bytes (their text's other
    // mojibake was UTF-8 read as Windows-1252) are not read so once that mojibake is repaired.
    const ends = pass > 0 ? new PieceEnds(pieces) : undefined;
    const fixable = issues.filter((i) => i.replacement !== undefined && (!ends || ((!readsLatin1AsDoubleByte(i) || touchesChanged(ends, i)) && !repairsRunAgain(i, ends))));
    if (pass === 0) {
      firstPass = new Set(fixable);
      flagged = issues.filter((i) => i.replacement === undefined);
    }
    if (fixable.length === 0) break;
    pieces = applyPass(pieces, fixable);
    current = pieces.map((p) => p.text).join('');
  }
  const applied = appliedSpans(pieces, firstPass);
  const repaired = current;
  if (options.script && options.script !== 'keep') current = convertScript(current, options.script);
  const converted = current;
  // The edit list is worked out only when read (the editor's Fix all, the reader's notes).
  let edits: TextEdit[] | undefined;
  return {
    text: current,
    applied,
    get edits(): TextEdit[] {
      edits ??= composeEdits(text, spanEdits(text, applied), editsBetween(repaired, converted), converted);
      return edits;
    },
    flagged,
  };
}

/**
 * Kinds whose findings are never repaired (flagged only) and which no detector before them reads:
 * a further pass has no use for them, as its flagged findings are not reported (the first pass's are).
 */
const FLAGGED_ONLY: ReadonlySet<GarbleKind> = new Set(['replacement-char', 'mixed-script']);

/** Lines of context on each side of a line a repair changed, read again with it. */
const CONTEXT_LINES = 1;

/**
 * A further pass's findings in `text` (the pieces' joined text): what the detectors find on the
 * lines the repairs so far changed, with CONTEXT_LINES lines on each side, each stretch of such
 * lines read as a text of its own. The rest of the text is as the first pass read it, and the
 * detectors look within a line: on it they find again what the first pass found there, all of it
 * repaired then or left alone. (A whole text re-read per pass was most of a large file's repair.)
 */
function analyzeAroundRepairs(text: string, pieces: readonly Piece[], options: RepairOptions, earlier: ReadStretches, read: ReadStretches): GarbleIssue[] {
  const kinds = (options.kinds ?? ALL_GARBLE_KINDS).filter((k) => !FLAGGED_ONLY.has(k));
  const further = { ...options, kinds };
  const stretches: Array<[number, number]> = [];
  let at = 0;
  for (const p of pieces) {
    const end = at + p.text.length;
    if (p.changed) {
      const from = linesBefore(text, at, CONTEXT_LINES);
      const to = linesAfter(text, at, end, CONTEXT_LINES);
      const last = stretches[stretches.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else stretches.push([from, to]);
    }
    at = end;
  }
  const out: GarbleIssue[] = [];
  for (const [from, to] of stretches) {
    const stretch = from === 0 && to === text.length ? text : text.slice(from, to);
    const known = earlier.take(stretch);
    const found = known ?? analyzeText(stretch, further);
    read.put(stretch, found);
    // A finding kept from the pass before is copied: each pass's findings are its own objects.
    for (const i of found) out.push(from === 0 && !known ? i : { ...i, start: i.start + from, end: i.end + from });
  }
  return out;
}

/**
 * The findings of the stretches one further pass read, by the stretch's text. A pass after it
 * reads again every stretch around every repair so far, most of them as the pass before left them
 * (it changed only the lines of its own repairs): a stretch whose text is unchanged has the same
 * findings (analyzeText reads the text alone), so they are taken from here. Each reading serves
 * one stretch of the next pass: a text that repeats a stretch elsewhere gains nothing from it.
 */
class ReadStretches {
  private readonly byText = new Map<string, GarbleIssue[][]>();

  put(stretch: string, found: GarbleIssue[]): void {
    const list = this.byText.get(stretch);
    if (list) list.push(found);
    else this.byText.set(stretch, [found]);
  }

  take(stretch: string): GarbleIssue[] | undefined {
    return this.byText.get(stretch)?.pop();
  }
}

/** Start of the line `count` lines before the one holding `at`. */
function linesBefore(text: string, at: number, count: number): number {
  let start = at > 0 ? text.lastIndexOf('\n', at - 1) + 1 : 0;
  for (let k = 0; k < count && start > 0; k++) start = start >= 2 ? text.lastIndexOf('\n', start - 2) + 1 : 0;
  return start;
}

/** End (after its line break) of the line `count` lines after the one holding the last character of [start, end). */
function linesAfter(text: string, start: number, end: number, count: number): number {
  const nl = text.indexOf('\n', end > start ? end - 1 : end);
  let after = nl < 0 ? text.length : nl + 1;
  for (let k = 0; k < count && after < text.length; k++) {
    const next = text.indexOf('\n', after);
    after = next < 0 ? text.length : next + 1;
  }
  return after;
}
