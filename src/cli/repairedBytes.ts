import { detectEncoding, repairTextInWindows, repairWholeFile, type ByteDetection, type RepairResult, type ScriptTarget } from '../core';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface RepairedFile {
  detection: ByteDetection;
  repair: RepairResult;
  /** The repaired file: UTF-8, with a BOM only when the input was UTF-8 with one. */
  bytes: Buffer;
  /** False when `bytes` are the input's own, byte for byte. */
  changed: boolean;
}

/**
 * A file's bytes to the repaired UTF-8 file. When the file is valid UTF-8 and repair leaves the
 * text as it is, the output is the input's own bytes, not a re-encoding of the decoded text: the
 * BOM, CRLF line ends and the lack of a final newline all survive, and a clean file comes out
 * byte-identical. Binary files are returned unchanged. `languageId`: see AnalyzeOptions.
 */
export function repairFileBytes(bytes: Buffer, script: ScriptTarget, languageId?: string): RepairedFile {
  const detection = detectEncoding(bytes);
  // A binary file, or one in another language's legacy encoding (Shift_JIS, Windows-1251…): its
  // text as UTF-8 would be a wrong decoding, so its bytes go out as they came in.
  if (detection.binary || detection.otherLegacy) return { detection, repair: { text: '', applied: [], edits: [], flagged: [] }, bytes, changed: false };
  // A file that is mojibake from end to end is read back in one pass (repairWholeFile), as repairText reads it.
  const repair = repairWholeFile(detection.text, { script, languageId }) ?? repairTextInWindows(detection.text, { script, languageId });
  const untouched = detection.encoding === 'utf-8' && detection.undecodable === 0 && repair.text === detection.text;
  if (untouched) return { detection, repair, bytes, changed: false };
  const body = Buffer.from(repair.text, 'utf8');
  const out = detection.encoding === 'utf-8' && detection.bom ? Buffer.concat([UTF8_BOM, body]) : body;
  return { detection, repair, bytes: out, changed: !out.equals(bytes) };
}
