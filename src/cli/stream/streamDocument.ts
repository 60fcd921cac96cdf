import { fileVerdict, repairTextInWindows, type FileAnalysis, type GarbleIssue, type GarbleKind, type ScriptTarget } from '../../core';
import { parseRecord, RecordError, writeRecord, type JsonRecord } from './jsonRecord';

/**
 * One line of a JSON Lines stream through `zhlens detect --jsonl` or `zhlens repair --jsonl`:
 * the record comes back with its text fields repaired (repair) and a `zhlens` member holding
 * the findings and their plans; a line that is not a usable record comes back as an error
 * record, so that the output has one line per input line and the stream goes on.
 */

export type StreamCommand = 'detect' | 'repair';

export interface StreamSettings {
  command: StreamCommand;
  /** The members that hold text, in the order their findings are listed. */
  textFields: readonly string[];
  /** The member that names a record in the report's examples. */
  idField: string;
  /** The member the report counts documents by (a site, a crawl, a language), if any. */
  sourceField?: string;
  /** detect only: false leaves the text members out of the output (findings only). */
  keepText: boolean;
  kinds?: readonly GarbleKind[];
  script: ScriptTarget;
  /** Whether to make the summary the corpus report is built from. */
  summarize: boolean;
}

/** The member zhlens adds to each record. */
export const RESULT_MEMBER = 'zhlens';

/** What the corpus report needs from one document (src/cli/stream/corpusReport.ts). */
export interface DocumentSummary {
  line: number;
  id?: unknown;
  /** Why the line is not a usable record. */
  error?: string;
  /** UTF-8 bytes of the text members. */
  bytes: number;
  garbled: boolean;
  changed: boolean;
  fields: FieldSummary[];
  source?: string;
  kinds: Partial<Record<GarbleKind, KindCounts>>;
  /** Spans per misreading (`utf-8 read as gbk`), from the repair plans. */
  misreadings: Record<string, number>;
  /** The first finding of each kind in this document. */
  examples: Example[];
}

export interface FieldSummary {
  field: string;
  garbled: boolean;
  changed: boolean;
}

export interface KindCounts {
  spans: number;
  /** Spans with a replacement (repaired by `repair`). */
  repairable: number;
  /** Spans whose bytes are lost: flagged, never guessed. */
  lossy: number;
  /** UTF-16 code units covered by the lossy spans. */
  lossyChars: number;
}

export interface Example {
  id?: unknown;
  line: number;
  field: string;
  kind: GarbleKind;
  start: number;
  end: number;
  text: string;
  replacement?: string;
  plan: string[];
}

export interface StreamedLine {
  /** The output line, without its line end. */
  out: string;
  /** Set when the line is not a usable record (`out` is then its error record). */
  error?: string;
  summary?: DocumentSummary;
}

/** Confidences are computed scores; four decimals keep them comparable without float noise (as `detect --json`). */
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Longest excerpt of a finding kept in the report's examples. */
const EXAMPLE_CHARS = 200;

export function streamLine(line: string, lineNumber: number, settings: StreamSettings): StreamedLine {
  let record: JsonRecord;
  try {
    record = parseRecord(line);
  } catch (err) {
    const message = err instanceof RecordError ? err.message : `internal error: ${String(err)}`;
    return failed(message, lineNumber, undefined, settings);
  }
  const id = idOf(record, settings.idField);
  try {
    return streamRecord(record, lineNumber, id, settings);
  } catch (err) {
    const message = err instanceof RecordError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    return failed(message, lineNumber, record, settings, id);
  }
}

function streamRecord(record: JsonRecord, lineNumber: number, id: unknown, settings: StreamSettings): StreamedLine {
  const present = settings.textFields.filter((f) => Object.hasOwn(record.value, f));
  if (present.length === 0) {
    const names = settings.textFields.map((f) => `'${f}'`).join(' or ');
    throw new RecordError(`no ${names} member`);
  }
  for (const f of present) {
    const v = record.value[f];
    if (typeof v !== 'string') throw new RecordError(`'${f}' is ${v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`}, not a string`);
  }

  const replace = new Map<string, string | undefined>([[RESULT_MEMBER, undefined]]);
  const issuesOut: string[] = [];
  const summary: DocumentSummary | undefined = settings.summarize
    ? { line: lineNumber, id, bytes: 0, garbled: false, changed: false, fields: [], kinds: {}, misreadings: {}, examples: [] }
    : undefined;
  if (summary && settings.sourceField !== undefined) summary.source = sourceOf(record.value[settings.sourceField]);
  let garbled = false;
  let changed = false;

  for (const field of present) {
    const text = record.value[field] as string;
    let issues: GarbleIssue[];
    let fieldChanged = false;
    if (settings.command === 'repair') {
      // As `zhlens repair FILE` on a UTF-8 file of this text: the same windows, the same passes.
      const result = repairTextInWindows(text, { script: settings.script });
      issues = mergeByStart(result.applied, result.flagged);
      if (result.text !== text) {
        fieldChanged = true;
        replace.set(field, JSON.stringify(result.text));
      }
    } else {
      issues = textVerdict(text, settings.kinds).issues;
      if (!settings.keepText) replace.set(field, undefined);
    }
    garbled ||= issues.length > 0;
    changed ||= fieldChanged;
    for (const issue of issues) issuesOut.push(issueJson(field, issue, text));
    if (summary) summarizeField(summary, field, text, issues, fieldChanged, id, lineNumber);
  }

  const result =
    settings.command === 'repair'
      ? `{"changed":${changed},"garbled":${garbled},"issues":[${issuesOut.join(',')}]}`
      : `{"garbled":${garbled},"issues":[${issuesOut.join(',')}]}`;
  if (summary) {
    summary.garbled = garbled;
    summary.changed = changed;
  }
  return { out: writeRecord(record.members, replace, [[RESULT_MEMBER, result]]), summary };
}

/** The verdict `zhlens detect FILE` gives a UTF-8 file of this text (fileVerdict, window by window, run to its end). */
function textVerdict(text: string, kinds: readonly GarbleKind[] | undefined): FileAnalysis {
  const steps = fileVerdict({ text }, { kinds });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The error record: the record's own members when it is one (ids intact), and why zhlens left it alone. */
function failed(message: string, lineNumber: number, record: JsonRecord | undefined, settings: StreamSettings, id?: unknown): StreamedLine {
  const result = JSON.stringify({ error: message, line: lineNumber });
  const out = writeRecord(record?.members ?? [], new Map([[RESULT_MEMBER, undefined]]), [[RESULT_MEMBER, result]]);
  const summary: DocumentSummary | undefined = settings.summarize
    ? { line: lineNumber, id, error: message, bytes: 0, garbled: false, changed: false, fields: [], kinds: {}, misreadings: {}, examples: [] }
    : undefined;
  return { out, error: message, summary };
}

/** `{"field","kind","start","end","confidence","text","replacement","plan","lossy"}`; offsets are UTF-16 code units into the field's text as it came in. */
function issueJson(field: string, issue: GarbleIssue, text: string): string {
  return JSON.stringify({
    field,
    kind: issue.kind,
    start: issue.start,
    end: issue.end,
    confidence: round(issue.confidence),
    text: text.slice(issue.start, issue.end),
    replacement: issue.replacement,
    plan: issue.plan,
    lossy: issue.lossy || undefined,
  });
}

function mergeByStart(a: readonly GarbleIssue[], b: readonly GarbleIssue[]): GarbleIssue[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  return [...a, ...b].sort((x, y) => x.start - y.start);
}

function summarizeField(summary: DocumentSummary, field: string, text: string, issues: readonly GarbleIssue[], changed: boolean, id: unknown, line: number): void {
  summary.bytes += Buffer.byteLength(text, 'utf8');
  summary.fields.push({ field, garbled: issues.length > 0, changed });
  for (const issue of issues) {
    let counts = summary.kinds[issue.kind];
    if (!counts) {
      counts = summary.kinds[issue.kind] = { spans: 0, repairable: 0, lossy: 0, lossyChars: 0 };
      summary.examples.push({
        id,
        line,
        field,
        kind: issue.kind,
        start: issue.start,
        end: issue.end,
        text: text.slice(issue.start, Math.min(issue.end, issue.start + EXAMPLE_CHARS)),
        replacement: issue.replacement?.slice(0, EXAMPLE_CHARS),
        plan: issue.plan,
      });
    }
    counts.spans++;
    if (issue.replacement !== undefined) counts.repairable++;
    if (issue.lossy) {
      counts.lossy++;
      counts.lossyChars += issue.end - issue.start;
    }
    const misreading = misreadingOf(issue.plan);
    if (misreading) summary.misreadings[misreading] = (summary.misreadings[misreading] ?? 0) + 1;
  }
}

/**
 * How a span's bytes were misread, from its repair plan: the plan encodes with the code page
 * the text was wrongly decoded with and decodes with the true one, so `encode gbk → … → decode
 * utf-8` is `utf-8 read as gbk`, and `encode gbk → … → decode gbk in step` is GBK read one byte
 * out of step; a plan with two such pairs is named by its first. Plans without both steps (pinyin,
 * lossy debris, mixed script) name none.
 */
export function misreadingOf(plan: readonly string[]): string | undefined {
  let encoded: string | undefined;
  let decoded: string | undefined;
  for (const step of plan) {
    const e = /^encode (\S+)/.exec(step);
    if (e && encoded === undefined) encoded = e[1];
    // The first decode after it: a span repaired in two steps (GBK mojibake whose last bytes were
    // then read out of step) was misread the first way first.
    const d = /^decode (\S+)/.exec(step);
    if (d && encoded !== undefined && decoded === undefined) decoded = d[1];
  }
  if (!encoded || !decoded) return undefined;
  return encoded === decoded ? `${decoded} read out of step` : `${decoded} read as ${encoded}`;
}

/**
 * The record's id for the report: its value, or its JSON text when it is a number JavaScript
 * cannot hold exactly (a 64-bit id), so that it is shown as written.
 */
function idOf(record: JsonRecord, idField: string): unknown {
  if (!Object.hasOwn(record.value, idField)) return undefined;
  const v = record.value[idField];
  if (typeof v === 'number' && !Number.isSafeInteger(v) && Number.isInteger(v)) {
    // The last member of that name is the one JSON.parse kept.
    for (let i = record.members.length - 1; i >= 0; i--) if (record.members[i].key === idField) return record.members[i].rawValue;
  }
  return v;
}

/** The source a document is counted under: strings as they are, other values as JSON. */
function sourceOf(v: unknown): string {
  if (v === undefined) return '(none)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
