import type { AnalyzeOptions, GarbleIssue } from './types';

/** Find every garbled span of a decoded text. (Placeholder until the detectors land.) */
export function analyzeText(_text: string, _options: AnalyzeOptions = {}): GarbleIssue[] {
  return [];
}
