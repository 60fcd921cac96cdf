import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { analyzedRegions, repairRegion, runFileDetectors, type AnalyzeOptions, type ByteDetection, type FileAnalysis, type GarbleIssue, type ScriptTarget, type TextRegion } from '../core';
import type { IssueRow } from './detectReport';
import type { LargeInput } from './readInput';
import { TextPositions } from './textPosition';
import { detectFromSample, readPieces, type PieceDetection, type PieceReader, type TextPiece } from './textPieces';
import { planWholeFile, repairWholeFileInPieces } from './wholeFileInPieces';

/**
 * `detect` and `repair` for a file read in pieces (`textPieces.ts`) and analysed in the core's
 * overlapping windows (`src/core/pipeline/textWindows.ts`): memory stays at a few pieces whatever the file's size, and the
 * findings and the repaired bytes are those of the whole file, offsets included.
 */

/** The default size of a piece: large enough that the windows' overlap costs nothing measurable. */
export const DEFAULT_PIECE_BYTES = 1 << 20;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NO_PLAN: string[] = [];

export interface FileInPieces {
  detection: ByteDetection;
  regions: Iterable<TextRegion>;
  /** Bytes that did not decode, counted as the pieces are read. */
  undecodable(): number;
  sha256(): string;
}

function withFile<T>(input: LargeInput, use: (fd: number) => T): T {
  const fd = fs.openSync(input.path, 'r');
  try {
    return use(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function openPieces(fd: number, { detection, bomLength }: PieceDetection, pieceBytes: number, options: AnalyzeOptions): FileInPieces {
  // Binary, or another language's encoding: no text of it is judged (analyzeFile makes no finding either).
  if (detection.binary || detection.otherLegacy) return { detection, regions: [], undecodable: () => 0, sha256: () => '' };
  const reader: PieceReader = readPieces(fd, detection.encoding, bomLength, pieceBytes);
  let undecodable = 0;
  function* texts(pieces: Iterable<TextPiece>): Generator<string> {
    for (const piece of pieces) {
      undecodable += piece.undecodable;
      yield piece.text;
    }
  }
  return { detection, regions: analyzedRegions(texts(reader.pieces), options), undecodable: () => undecodable, sha256: reader.sha256 };
}

export interface DetectedInPieces {
  /**
   * As `analyzeFile` gives it, except that `detection.text` is empty (the text is never held
   * whole) and, without rows, the issues carry no plan or replacement.
   */
  analysis: FileAnalysis;
  /** The table rows of the issues, when asked for. */
  rows?: IssueRow[];
}

/** `analyzeFile` for a large file. */
export function detectInPieces(input: LargeInput, pieceBytes: number, options: AnalyzeOptions, withRows: boolean): DetectedInPieces {
  return withFile(input, (fd) => {
    const file = openPieces(fd, detectFromSample(fd, Number(input.stat.size)), pieceBytes, options);
    const issues: GarbleIssue[] = [];
    const rows = withRows ? new RowsInPieces() : undefined;
    let length = 0;
    let head = '';
    const regions: FileAnalysis['regions'] = [];
    for (const region of file.regions) {
      regions.push({ start: region.offset, end: region.offset + region.text.length });
      // Without rows only what the JSON line shows is kept: a large file can have 10⁵ issues.
      for (const issue of region.issues) issues.push(rows ? issue : { kind: issue.kind, start: issue.start, end: issue.end, confidence: issue.confidence, plan: NO_PLAN });
      rows?.add(region);
      if (length === 0) head = region.text.slice(0, 64);
      length += region.text.length;
    }
    const { detection } = file;
    const fileLevel = runFileDetectors(detection, length, options);
    for (const wrong of fileLevel.reverse()) {
      issues.unshift(wrong);
      rows?.rows.unshift({ issue: wrong, where: `1:1-${rows.format(length)}`, excerpt: head });
    }
    const garbled = issues.length > 0;
    const confidence = garbled ? issues.reduce((m, i) => Math.max(m, i.confidence), 0) : detection.confidence;
    return { analysis: { detection: { ...detection, text: '', undecodable: file.undecodable() }, issues, regions, garbled, confidence }, rows: rows?.rows };
  });
}

/** Line:column positions carried from region to region, so that rows name lines of the whole file. */
class RowsInPieces {
  readonly rows: IssueRow[] = [];
  private lines = 0; // line breaks before the current region
  private lineStart = 0; // whole-text offset of the line the current region starts in
  private regionOffset = 0;
  private positions = new TextPositions('');

  add(region: TextRegion): void {
    this.positions = new TextPositions(region.text);
    this.regionOffset = region.offset;
    for (const issue of region.issues) {
      const excerpt = region.text.slice(issue.start - region.offset, issue.end - region.offset);
      this.rows.push({ issue, where: `${this.format(issue.start)}-${this.format(issue.end)}`, excerpt });
    }
    const lastBreak = region.text.lastIndexOf('\n');
    if (lastBreak >= 0) this.lineStart = region.offset + lastBreak + 1;
    for (let i = region.text.indexOf('\n'); i >= 0; i = region.text.indexOf('\n', i + 1)) this.lines++;
    this.regionOffset = region.offset + region.text.length;
    this.positions = new TextPositions('');
  }

  /** `line:column` of a whole-text offset inside the current region (or at its end). */
  format(offset: number): string {
    const { line, column } = this.positions.at(offset - this.regionOffset);
    const firstLine = line === 1;
    return `${this.lines + line}:${firstLine ? offset - this.lineStart + 1 : column}`;
  }
}

export interface RepairedInPieces {
  detection: ByteDetection;
  applied: number;
  flagged: number;
  undecodable: number;
  /** False when the bytes written are the input's own, byte for byte. */
  changed: boolean;
  sha256: string;
}

/** `repairFileBytes` for a large file: the repaired bytes go to `write` as each region is done. */
export function repairInPieces(input: LargeInput, pieceBytes: number, script: ScriptTarget, write: (bytes: Uint8Array) => void, languageId?: string): RepairedInPieces {
  return withFile(input, (fd) => {
    // The encoding is detected once, on a sample, for the three ways a file can go.
    const sample = detectFromSample(fd, Number(input.stat.size));
    const other = copiedAsItIs(fd, sample.detection, write);
    if (other) return other;
    const whole = repairedWhole(fd, sample, pieceBytes, script, write, languageId);
    if (whole) return whole;
    const file = openPieces(fd, sample, pieceBytes, { languageId });
    const { detection } = file;
    let applied = 0;
    let flagged = 0;
    let changed = detection.encoding !== 'utf-8';
    if (!detection.binary && detection.encoding === 'utf-8' && detection.bom) write(UTF8_BOM);
    for (const region of file.regions) {
      const r = repairRegion(region, { script, languageId });
      applied += r.applied.length;
      flagged += r.flagged.length;
      if (r.repaired !== region.text) changed = true;
      write(Buffer.from(r.repaired, 'utf8'));
    }
    const undecodable = file.undecodable();
    // Valid UTF-8 decoded and encoded again is the same bytes; U+FFFD written for bad bytes is not.
    if (undecodable > 0) changed = true;
    return { detection: { ...detection, text: '', undecodable }, applied, flagged, undecodable, changed, sha256: file.sha256() };
  });
}

/**
 * A file in another language's legacy encoding (Shift_JIS, Windows-1251…), as `repairFileBytes`
 * treats it: its bytes are written as they are, a chunk at a time; undefined for any other file.
 */
function copiedAsItIs(fd: number, detection: ByteDetection, write: (bytes: Uint8Array) => void): RepairedInPieces | undefined {
  if (!detection.otherLegacy) return undefined;
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1 << 20);
  for (let position = 0; ; ) {
    const n = fs.readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) break;
    hash.update(chunk.subarray(0, n));
    write(Buffer.from(chunk.subarray(0, n)));
    position += n;
  }
  return { detection: { ...detection, text: '', undecodable: 0 }, applied: 0, flagged: 0, undecodable: 0, changed: false, sha256: hash.digest('hex') };
}

/** A file that is mojibake from end to end (wholeFileInPieces.ts): read back piece by piece, as repairText reads the whole text. */
function repairedWhole(fd: number, { detection, bomLength }: PieceDetection, pieceBytes: number, script: ScriptTarget, write: (bytes: Uint8Array) => void, languageId?: string): RepairedInPieces | undefined {
  const plan = planWholeFile(fd, detection, bomLength, pieceBytes, languageId);
  if (!plan) return undefined;
  if (detection.encoding === 'utf-8' && detection.bom) write(UTF8_BOM);
  const reader = readPieces(fd, detection.encoding, bomLength, pieceBytes);
  const r = repairWholeFileInPieces(reader, plan, script, write);
  return { detection: { ...detection, text: '', undecodable: r.undecodable }, applied: r.applied, flagged: 0, undecodable: r.undecodable, changed: true, sha256: reader.sha256() };
}
