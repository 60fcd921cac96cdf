import { formatByteSize } from '../byteSize';
import type { LineBatch } from './lineBatches';
import type { ResultStats } from './streamStats';
import { RESULT_MEMBER, streamLine, type DocumentSummary, type StreamSettings } from './streamDocument';

/** A batch's output: its lines, each ended by `\n`, and the documents' summaries for the report. */
export interface BatchResult {
  out: string;
  /** Lines that were not blank, and those of them that were not usable records. */
  lines: number;
  errors: number;
  summaries: DocumentSummary[];
  /** The worker's time, when ZHLENS_STREAM_STATS asks for it (streamStats.ts). */
  stats?: ResultStats;
}

/**
 * The work of one batch, the same in the main thread (`--jobs 1`) and in a worker. A blank line
 * gives a blank line, so that line N of the output always answers line N of the input.
 */
export function streamBatch(batch: LineBatch, settings: StreamSettings, maxLineBytes: number): BatchResult {
  const out: string[] = [];
  const summaries: DocumentSummary[] = [];
  let lines = 0;
  let errors = 0;
  batch.lines.forEach((line, i) => {
    const lineNumber = batch.firstLine + i;
    if (typeof line !== 'string') {
      const error = `line of ${formatByteSize(line.tooLong)} is above the ${formatByteSize(maxLineBytes)} limit (see --max-size); not read`;
      out.push(JSON.stringify({ [RESULT_MEMBER]: { error, line: lineNumber } }));
      lines++;
      errors++;
      if (settings.summarize) summaries.push({ line: lineNumber, error, bytes: 0, garbled: false, changed: false, fields: [], kinds: {}, misreadings: {}, examples: [] });
      return;
    }
    if (line.trim() === '') {
      out.push('');
      return;
    }
    const r = streamLine(line, lineNumber, settings);
    out.push(r.out);
    lines++;
    if (r.error) errors++;
    if (r.summary) summaries.push(r.summary);
  });
  out.push('');
  return { out: out.join('\n'), lines, errors, summaries };
}
