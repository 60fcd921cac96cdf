import type { GarbleIssue } from '../types';
import type { TextDetector } from '../pipeline/garbleDetector';
import { REPLACEMENT_CHAR } from '../pipeline/textScan';

/**
 * U+FFFD REPLACEMENT CHARACTER in saved text: legacy bytes (GBK, Big5, UTF-16) were read as UTF-8,
 * every invalid sequence became `�`, and the result was saved. The bytes are gone, so each run is
 * flagged and never guessed. (A file that still has its legacy bytes is `wrong-encoding`, repaired
 * from the bytes.)
 */
const RUN = /\ufffd+/g;

export function findReplacementChars(text: string): GarbleIssue[] {
  const issues: GarbleIssue[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    issues.push({
      kind: 'replacement-char',
      start: m.index,
      end: m.index + m[0].length,
      confidence: 0.99,
      lossy: true,
      plan: ['bytes that were not UTF-8 became U+FFFD when the text was saved: the original characters are lost'],
    });
  }
  return issues;
}

export const replacementCharDetector: TextDetector = {
  level: 'text',
  kind: 'replacement-char',
  looksFor: 'runs of U+FFFD (�) saved in the text',
  plan: 'none: the bytes are lost, the run is flagged',
  noun: ['run of U+FFFD', 'runs of U+FFFD'],
  needs: REPLACEMENT_CHAR,
  find: ({ text }) => findReplacementChars(text),
};
