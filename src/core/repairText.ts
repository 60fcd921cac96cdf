import type { RepairOptions, RepairResult } from './types';

/** Undo every recoverable garbled span. (Placeholder until the detectors land.) */
export function repairText(text: string, _options: RepairOptions = {}): RepairResult {
  return { text, applied: [], flagged: [] };
}
