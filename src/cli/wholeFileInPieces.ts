import { convertScript, isWholeFileLatin1, readableLayers, readBackLayers, wholeFileHeadUnits, type ByteDetection, type ScriptTarget } from '../core';
import { readPieces, type PieceReader } from './textPieces';

/**
 * Whole-file Windows-1252 mojibake (src/core/garble/mojibake/wholeFileLatin1.ts) in a file read
 * in pieces: the repair is the one `repairText` makes of the whole text, piece by piece. A first
 * pass over the pieces finds how many layers every piece reads back (the whole text reads back
 * as many as its least piece, since pieces end at line ends, where no UTF-8 sequence is cut),
 * and judges the reading of the file's first pieces (wholeFileHeadUnits) as `repairText` judges the
 * whole text's start. The second
 * pass reads each piece back that many times. Working memory: a piece and its reading.
 */

export interface WholeFilePlan {
  layers: number;
}

/** The plan for the file's text when it is whole-file mojibake, or undefined (the pieces are then repaired region by region). */
export function planWholeFile(fd: number, detection: ByteDetection, bomLength: number, pieceBytes: number, languageId?: string): WholeFilePlan | undefined {
  if (detection.binary) return undefined;
  const reader = readPieces(fd, detection.encoding, bomLength, pieceBytes);
  let layers = Infinity;
  let head = '';
  for (const piece of reader.pieces) {
    const n = readableLayers(piece.text);
    if (n === 0) return undefined;
    layers = Math.min(layers, n);
    if (head.length < wholeFileHeadUnits()) head += piece.text;
  }
  return head && isWholeFileLatin1(layers, readBackLayers(head, layers), { languageId }) ? { layers } : undefined;
}

export interface WholeFileRepair {
  applied: number;
  changed: boolean;
  undecodable: number;
}

/** The second pass: each piece read back and written (converted to `script` when asked). */
export function repairWholeFileInPieces(reader: PieceReader, plan: WholeFilePlan, script: ScriptTarget, write: (bytes: Uint8Array) => void): WholeFileRepair {
  let applied = 0;
  let changed = false;
  let undecodable = 0;
  for (const piece of reader.pieces) {
    undecodable += piece.undecodable;
    const reading = readBackLayers(piece.text, plan.layers);
    applied += runsAboveAscii(piece.text);
    const out = script !== 'keep' ? convertScript(reading, script) : reading;
    if (out !== piece.text) changed = true;
    write(Buffer.from(out, 'utf8'));
  }
  return { applied, changed, undecodable };
}

/** The runs of characters above ASCII: each is one finding of the whole-file reading. */
function runsAboveAscii(text: string): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const above = text.charCodeAt(i) >= 0x80;
    if (above && !inRun) runs++;
    inRun = above;
  }
  return runs;
}
