import { detectEncoding } from './bytes/detectEncoding';
import { analyzeText } from './analyzeText';
import { runFileDetectors } from './pipeline/runDetectors';
import type { AnalyzeOptions, ByteDetection, GarbleIssue } from './types';

export interface FileAnalysis {
  detection: ByteDetection;
  /** Offsets are into `detection.text`. */
  issues: GarbleIssue[];
  garbled: boolean;
  /** 0..1: confidence of the verdict `garbled` (for a clean file, that it is clean). */
  confidence: number;
}

/**
 * Bytes to verdict: which encoding the bytes are in, and what is garbled in the text they carry.
 * A file that is not UTF-8 is itself a `wrong-encoding` finding (any editor that assumes UTF-8
 * shows it as 乱码); the text-level detectors then run on the correctly decoded text.
 */
export function analyzeFile(bytes: Uint8Array, options: AnalyzeOptions = {}): FileAnalysis {
  const detection = detectEncoding(bytes);
  if (detection.binary) return { detection, issues: [], garbled: false, confidence: detection.confidence };
  const issues = runFileDetectors(detection, detection.text.length, options);
  // No spread of the issues into a call: a large file has more of them than a call has room for arguments.
  for (const issue of analyzeText(detection.text, options)) issues.push(issue);
  const garbled = issues.length > 0;
  const confidence = garbled ? issues.reduce((m, i) => Math.max(m, i.confidence), 0) : detection.confidence;
  return { detection, issues, garbled, confidence };
}
