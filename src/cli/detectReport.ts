import type { FileAnalysis, GarbleIssue, GarbleKind } from '../core';
import { ALL_GARBLE_KINDS } from '../core';
import { clipToWidth, padToWidth } from './displayWidth';
import { TextPositions } from './textPosition';

/**
 * What `zhlens detect` prints for one file: a JSON line (the machine contract) or rows of the
 * readable table.
 */

/** Confidences are computed scores; four decimals keep them comparable without float noise. */
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * `{"file","encoding","garbled","issues":[{"kind","start","end","confidence"}],"confidence"}`,
 * exactly these keys in this order. Offsets are UTF-16 code units into the text decoded with
 * `encoding`. A binary file gives `"garbled": false, "issues": []`: it was not analysed. A file in
 * another language's legacy encoding gives the same, with one more key after `encoding`:
 * `"otherEncoding"`, that encoding's WHATWG name (`shift_jis`, `windows-1251`…); zhlens neither
 * repairs nor converts it.
 */
export function detectJsonLine(file: string, analysis: FileAnalysis): string {
  return JSON.stringify({
    file,
    encoding: analysis.detection.encoding,
    ...(analysis.detection.otherLegacy ? { otherEncoding: analysis.detection.otherLegacy } : {}),
    garbled: analysis.garbled,
    issues: analysis.issues.map((i) => ({ kind: i.kind, start: i.start, end: i.end, confidence: round(i.confidence) })),
    confidence: round(analysis.confidence),
  });
}

export const TABLE_HEADER = ['FILE', 'ENCODING', 'VERDICT', 'ISSUES'] as const;

const ENCODING_WIDTH = 10;
const VERDICT_WIDTH = 9;
/** Issue rows shown per file unless `--verbose`; a wrongly decoded file can have thousands. */
const ISSUE_ROWS = 20;
const EXCERPT_WIDTH = 24;

export function detectTableHeader(fileWidth: number): string {
  const [file, encoding, verdict, issues] = TABLE_HEADER;
  return `${padToWidth(file, fileWidth)}  ${encoding.padEnd(ENCODING_WIDTH)}${verdict.padEnd(VERDICT_WIDTH)}${issues}\n`;
}

/**
 * One summary row, then one row per issue:
 *
 *     notes.txt  utf-8     garbled  mojibake-gbk 1
 *       3:7-3:10      mojibake-gbk  0.97  "鍙傛暟" → "参数"
 *                     plan: encode gbk → decode utf-8      (with --verbose)
 */
export function detectTableRows(file: string, analysis: FileAnalysis, rows: readonly IssueRow[], fileWidth: number, verbose: boolean): string {
  const { detection, issues } = analysis;
  const verdict = detection.binary ? 'binary' : detection.otherLegacy ? 'other' : analysis.garbled ? 'garbled' : 'clean';
  const counts = detection.binary
    ? 'not analysed'
    : detection.otherLegacy
      ? `looks like ${detection.otherLegacy} text, not Chinese: not analysed`
      : countsByKind(issues) || '-';
  let out = `${padToWidth(file, fileWidth)}  ${detection.encoding.padEnd(ENCODING_WIDTH)}${verdict.padEnd(VERDICT_WIDTH)}${counts}\n`;
  if (rows.length === 0) return out;

  const shown = verbose ? rows : rows.slice(0, ISSUE_ROWS);
  const kindWidth = shown.reduce((w, r) => Math.max(w, r.issue.kind.length), 0);
  for (const { issue, where, excerpt } of shown) {
    const fix =
      issue.replacement === '' ? ' → (removed)' : issue.replacement !== undefined ? ` → ${quote(issue.replacement)}` : issue.lossy ? ' (lost)' : '';
    out += `  ${where.padEnd(13)} ${issue.kind.padEnd(kindWidth)}  ${issue.confidence.toFixed(2)}  ${quote(excerpt)}${fix}\n`;
    if (verbose && issue.plan.length) out += `  ${''.padEnd(13)} plan: ${issue.plan.join(' → ')}\n`;
  }
  if (shown.length < rows.length) out += `  … ${rows.length - shown.length} more (--verbose shows all)\n`;
  return out;
}

/** One issue as the table shows it: where (`line:column-line:column`) and the text it covers. */
export interface IssueRow {
  issue: GarbleIssue;
  where: string;
  excerpt: string;
}

/** The rows of issues whose offsets are into `text`. */
export function issueRows(text: string, issues: readonly GarbleIssue[]): IssueRow[] {
  const positions = new TextPositions(text);
  return issues.map((issue) => ({
    issue,
    where: `${positions.format(issue.start)}-${positions.format(issue.end)}`,
    excerpt: text.slice(issue.start, issue.end),
  }));
}

/** `mojibake-gbk 3, pinyin-annotation 12`, in the order the kinds are declared. */
function countsByKind(issues: readonly GarbleIssue[]): string {
  const counts = new Map<GarbleKind, number>();
  for (const i of issues) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  // A kind the table does not know yet goes last rather than missing.
  const rank = (k: GarbleKind) => {
    const i = ALL_GARBLE_KINDS.indexOf(k);
    return i < 0 ? ALL_GARBLE_KINDS.length : i;
  };
  return [...counts]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

/** A span as a short one-line excerpt: line breaks and tabs made visible, long spans cut. */
function quote(text: string): string {
  const visible = text.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return `"${clipToWidth(visible, EXCERPT_WIDTH)}"`;
}
