import type { GarbleIssue, RepairOptions, RepairResult, TextEdit } from './types';
import { analyzeText } from './analyzeText';
import { convertScript } from './script/convertScript';
import { composeEdits, editsBetween, spanEdits } from './textEdits';

/** Passes over the text: mojibake of mojibake (UTF-8 read as GBK twice) unwinds one layer a pass. */
const MAX_PASSES = 3;

/** Replace each issue's span with its replacement; issues are sorted and do not overlap. */
export function applyIssues(text: string, issues: readonly GarbleIssue[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const i of issues) {
    if (i.replacement === undefined || i.start < pos) continue;
    parts.push(text.slice(pos, i.start), i.replacement);
    pos = i.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/**
 * Undo every recoverable garbled span, then convert the script when asked. Lossy spans (锟斤拷,
 * U+FFFD) and mixed script are reported in `flagged` and left as they are. A text with nothing to
 * repair comes back as the very same string.
 */
export function repairText(text: string, options: RepairOptions = {}): RepairResult {
  let current = text;
  let applied: GarbleIssue[] = [];
  let flagged: GarbleIssue[] = [];
  let edits: TextEdit[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const issues = analyzeText(current, options);
    const fixable = issues.filter((i) => i.replacement !== undefined);
    if (pass === 0) {
      applied = fixable;
      flagged = issues.filter((i) => i.replacement === undefined);
    }
    if (fixable.length === 0) break;
    edits = composeEdits(text, edits, spanEdits(current, fixable));
    current = applyIssues(current, fixable);
  }
  if (options.script && options.script !== 'keep') {
    const converted = convertScript(current, options.script);
    edits = composeEdits(text, edits, editsBetween(current, converted));
    current = converted;
  }
  return { text: current, applied, edits, flagged };
}
