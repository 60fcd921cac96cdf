/**
 * A byte stream to batches of lines, holding no more than one line and one chunk at a time: a
 * line longer than the limit is counted and skipped rather than gathered, so that a stream with
 * a 10 GB line (a dump without line ends) costs no more memory than one with short lines. The
 * stream is read only as fast as the batches are taken, which is what keeps an endless stream
 * bounded: the caller takes the next batch when it has room for it.
 */

/** A line's text, or the byte count of a line above the limit. */
export type Line = string | { tooLong: number };

export interface LineBatch {
  /** The number of the batch's first line in its input (1-based). */
  firstLine: number;
  lines: Line[];
}

const NEWLINE = 0x0a;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** One batch per chunk of input that completes a line (a 64 KB read holds tens of documents). */
export async function* lineBatches(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<LineBatch> {
  const decoder = new TextDecoder('utf-8');
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let skipped = -1; // bytes of a too-long line being skipped; -1 when not skipping
  let lineNumber = 1;
  let atStart = true;

  const add = (piece: Uint8Array) => {
    if (skipped >= 0) skipped += piece.length;
    else if (partBytes + piece.length > maxLineBytes) {
      skipped = partBytes + piece.length;
      parts = [];
      partBytes = 0;
    } else if (piece.length) {
      parts.push(piece);
      partBytes += piece.length;
    }
  };
  const take = (): Line => {
    let line: Line;
    if (skipped >= 0) line = { tooLong: skipped };
    else {
      let bytes = parts.length === 1 ? parts[0] : concat(parts, partBytes);
      if (atStart && bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) bytes = bytes.subarray(3);
      // Not fatal: bytes that are not UTF-8 become U+FFFD, which the replacement-char finding flags.
      line = decoder.decode(bytes);
    }
    atStart = false;
    parts = [];
    partBytes = 0;
    skipped = -1;
    return line;
  };

  for await (const chunk of chunks) {
    const batch: LineBatch = { firstLine: lineNumber, lines: [] };
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE, start); nl >= 0; nl = chunk.indexOf(NEWLINE, start)) {
      add(chunk.subarray(start, nl));
      batch.lines.push(take());
      start = nl + 1;
    }
    // The rest of the chunk starts the next line; copied, since the stream may reuse its buffer.
    if (start < chunk.length) add(skipped >= 0 ? chunk.subarray(start) : chunk.slice(start));
    if (batch.lines.length) {
      lineNumber += batch.lines.length;
      yield batch;
    }
  }
  if (partBytes > 0 || skipped >= 0) yield { firstLine: lineNumber, lines: [take()] };
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
