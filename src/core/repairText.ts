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
  // Each step's text before and after it, and how: the edit list is worked out only when asked for.
  const steps: { before: string; after: string; issues?: GarbleIssue[] }[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const issues = analyzeText(current, options);
    const fixable = issues.filter((i) => i.replacement !== undefined);
    if (pass === 0) {
      applied = fixable;
      flagged = issues.filter((i) => i.replacement === undefined);
    }
    if (fixable.length === 0) break;
    const next = applyIssues(current, fixable);
    steps.push({ before: current, after: next, issues: fixable });
    current = next;
  }
  if (options.script && options.script !== 'keep') {
    const converted = convertScript(current, options.script);
    steps.push({ before: current, after: converted });
    current = converted;
  }
  let edits: TextEdit[] | undefined;
  return {
    text: current,
    applied,
    get edits(): TextEdit[] {
      edits ??= steps.reduce<TextEdit[]>((sofar, step) => composeEdits(text, sofar, step.issues ? spanEdits(step.before, step.issues) : editsBetween(step.before, step.after), step.after), []);
      return edits;
    },
    flagged,
  };
}
