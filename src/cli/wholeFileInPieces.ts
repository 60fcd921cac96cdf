import { convertScript, isWholeFileLatin1, readableLayers, readBackDbcs, readBackLayers, wholeFileDbcsKind, wholeFileHeadUnits, type ByteDetection, type GarbleKind, type ScriptTarget } from '../core';
import { readPieces, type PieceReader } from './textPieces';

/**
 * Whole-file Windows-1252 mojibake (src/core/garble/mojibake/wholeFileLatin1.ts) in a file read
 * in pieces: the repair is the one `repairText` makes of the whole text, piece by piece. A first
 * pass over the pieces finds how many layers every piece reads back (the whole text reads back
 * as many as its least piece, since pieces end at line ends, where no UTF-8 sequence is cut),
 * and judges the reading of the file's first pieces (wholeFileHeadUnits) as `repairText` judges the
 * whole text's start. The second
 * pass reads each piece back that many times. Working memory: a piece and its reading.
 *
 * Whole-file GBK or Big5 mojibake (wholeFileDbcs.ts) the same way: the code page the file's
 * first pieces read back through as Chinese, then every piece read back through it (a piece that
 * does not read back leaves the file to the region-by-region repair).
 */

export type WholeFilePlan = { layers: number; kind?: undefined } | { kind: GarbleKind };

/** The plan for the file's text when it is whole-file mojibake, or undefined (the pieces are then repaired region by region). */
export function planWholeFile(fd: number, detection: ByteDetection, bomLength: number, pieceBytes: number, languageId?: string): WholeFilePlan | undefined {
  if (detection.binary) return undefined;
  return planLatin1(fd, detection, bomLength, pieceBytes, languageId) ?? planDbcs(fd, detection, bomLength, pieceBytes, languageId);
}

function planLatin1(fd: number, detection: ByteDetection, bomLength: number, pieceBytes: number, languageId?: string): WholeFilePlan | undefined {
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

function planDbcs(fd: number, detection: ByteDetection, bomLength: number, pieceBytes: number, languageId?: string): WholeFilePlan | undefined {
  const reader = readPieces(fd, detection.encoding, bomLength, pieceBytes);
  let kind: GarbleKind | undefined;
  let head = '';
  // The code page is judged on the file's start, as repairText judges a whole text's.
  const judge = () => {
    kind = wholeFileDbcsKind(head, { languageId });
    return kind !== undefined && readBackDbcs(head, kind) !== undefined;
  };
  for (const piece of reader.pieces) {
    if (kind) {
      if (readBackDbcs(piece.text, kind) === undefined) return undefined;
      continue;
    }
    head += piece.text;
    if (head.length >= wholeFileHeadUnits() / 4 && !judge()) return undefined;
  }
  if (!kind && !(head && judge())) return undefined;
  return kind ? { kind } : undefined;
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
    const reading = plan.kind ? readBackDbcs(piece.text, plan.kind)! : readBackLayers(piece.text, plan.layers);
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
