import type { AnalyzeOptions, GarbleIssue } from './types';
import { runTextDetectors } from './pipeline/runDetectors';

/**
 * Every garbled span of a decoded text, in text order, without overlaps: the detectors of
 * pipeline/detectors.ts, in their order, over the text classified once (pipeline/runDetectors.ts);
 * then what is written on purpose goes (code outside comments and strings, quoted samples of
 * mojibake, 锟斤拷 written about: decision/deliberateGarbling.ts).
 * One window of text; a document is analysed window by window (pipeline/textWindows.ts).
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}): GarbleIssue[] {
  return runTextDetectors(text, options);
}
