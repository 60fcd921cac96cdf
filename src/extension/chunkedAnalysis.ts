import type * as vscode from 'vscode';
import { analyzeText, repairText, type AnalyzeOptions, type GarbleIssue, type RepairOptions, type TextEdit } from '../core';

/**
 * `analyzeText` is synchronous and the extension host runs every extension on one thread. It
 * costs about 1 ms per KB of clean text but some 45 ms per KB of text dense with misaligned runs
 * and annotations (measured on the samples). Documents are therefore cut at line ends into
 * chunks of about this many UTF-16 units, and the event loop gets a turn between chunks: a
 * chunk of dense garbling then holds the host for under a second. The detectors look within a
 * line, so the chunks find what the whole text would; only the mixed-script detector's sense of
 * which script is the majority is then taken per chunk (every sample finds the same spans either way).
 */
const CHUNK_UNITS = 4 * 1024;

/** Thrown when the token is cancelled between two chunks. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

/** Start offsets of the chunks of `text`, each ending after a line break (the last at the end). */
export function chunkStarts(text: string, chunkUnits = CHUNK_UNITS): number[] {
  const starts = [0];
  let from = 0;
  while (text.length - from > chunkUnits) {
    const lineEnd = text.indexOf('\n', from + chunkUnits);
    if (lineEnd < 0 || lineEnd + 1 >= text.length) break;
    starts.push((from = lineEnd + 1));
  }
  return starts;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function eachChunk(text: string, token: vscode.CancellationToken | undefined, visit: (chunk: string, offset: number) => void): Promise<void> {
  const starts = chunkStarts(text);
  for (let i = 0; i < starts.length; i++) {
    if (i > 0) await nextTurn();
    if (token?.isCancellationRequested) throw new AnalysisCancelled();
    visit(text.slice(starts[i], starts[i + 1] ?? text.length), starts[i]);
  }
}

/** The garbled spans of `text`, offsets into `text`, found chunk by chunk. */
export async function analyzeInChunks(text: string, options: AnalyzeOptions, token?: vscode.CancellationToken): Promise<GarbleIssue[]> {
  const issues: GarbleIssue[] = [];
  await eachChunk(text, token, (chunk, offset) => {
    for (const i of analyzeText(chunk, options)) issues.push({ ...i, start: i.start + offset, end: i.end + offset });
  });
  return issues;
}

export interface ChunkedRepair {
  text: string;
  /** Issues applied in the first pass, offsets into the input. */
  applied: GarbleIssue[];
  /** The repair's edit list, offsets into the input. */
  edits: TextEdit[];
  flagged: GarbleIssue[];
}

/** `repairText` chunk by chunk; the chunks' repairs joined. */
export async function repairInChunks(text: string, options: RepairOptions, token?: vscode.CancellationToken): Promise<ChunkedRepair> {
  const parts: string[] = [];
  const applied: GarbleIssue[] = [];
  const flagged: GarbleIssue[] = [];
  const edits: TextEdit[] = [];
  const shift = (offset: number) => (i: GarbleIssue) => ({ ...i, start: i.start + offset, end: i.end + offset });
  await eachChunk(text, token, (chunk, offset) => {
    const r = repairText(chunk, options);
    parts.push(r.text);
    applied.push(...r.applied.map(shift(offset)));
    flagged.push(...r.flagged.map(shift(offset)));
    edits.push(...r.edits.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })));
  });
  return { text: parts.join(''), applied, edits, flagged };
}
