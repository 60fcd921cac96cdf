import { ALL_GARBLE_KINDS } from '../../core';
import { formatByteSize } from '../byteSize';
import { padToWidth } from '../displayWidth';
import type { DocumentSummary, Example, StreamCommand } from './streamDocument';
import { parseJson } from './parseJson';

/**
 * The corpus report: what a `--jsonl` run found over the whole stream, for the data engineer who
 * decides whether to write the repaired corpus back. Built from the documents' summaries in
 * input order, written by `--report FILE` as one JSON line, and merged across partitions by
 * `zhlens report` (a Dask or Spark job writes one per partition). Its size does not grow with
 * the corpus: examples, ids and sources are capped, and the caps are counted.
 */

export const REPORT_FORMAT = 'zhlens corpus report';

export interface Counts {
  documents: number;
  garbled: number;
  changed: number;
}

export interface CorpusReport {
  report: typeof REPORT_FORMAT;
  version: 1;
  command: StreamCommand;
  /** Lines read that were not blank. */
  lines: number;
  /** Records analysed (lines minus errors). */
  documents: number;
  /** Lines that were not usable records; each got an error record. */
  errors: number;
  /** UTF-8 bytes of the text members analysed. */
  bytes: number;
  garbled: number;
  /** repair: documents whose text changed. detect: documents with a repairable finding, which repair would change. */
  changed: number;
  lossy: { documents: number; spans: number; chars: number };
  kinds: Record<string, { documents: number; spans: number; repairable: number; lossy: number }>;
  /** How the text had been misread (`utf-8 read as gbk`), from the repair plans. */
  misreadings: Record<string, { documents: number; spans: number }>;
  /** Per text member (`--text-field title,text`). */
  fields: Record<string, Counts>;
  /** Per value of `--source-field`; past MAX_SOURCES values, the rest are summed in `others`. */
  sources?: { field: string; values: Record<string, Counts>; others: Counts & { values: number } };
  /** The ids (line numbers for records without one) of the first changed documents. */
  changedDocuments: { ids: unknown[]; more: number };
  /** The first findings of each kind, in input order. */
  examples: Example[];
  errorLines: { line: number; id?: unknown; error: string }[];
}

const MAX_SOURCES = 1000;
const MAX_CHANGED_IDS = 1000;
const EXAMPLES_PER_KIND = 5;
const MAX_ERROR_LINES = 20;

const zero = (): Counts => ({ documents: 0, garbled: 0, changed: 0 });

export function emptyReport(command: StreamCommand, sourceField?: string): CorpusReport {
  return {
    report: REPORT_FORMAT,
    version: 1,
    command,
    lines: 0,
    documents: 0,
    errors: 0,
    bytes: 0,
    garbled: 0,
    changed: 0,
    lossy: { documents: 0, spans: 0, chars: 0 },
    kinds: {},
    misreadings: {},
    fields: {},
    sources: sourceField === undefined ? undefined : { field: sourceField, values: {}, others: { ...zero(), values: 0 } },
    changedDocuments: { ids: [], more: 0 },
    examples: [],
    errorLines: [],
  };
}

/** Adds one document, in input order. */
export function addDocument(report: CorpusReport, doc: DocumentSummary): void {
  report.lines++;
  if (doc.error !== undefined) {
    report.errors++;
    if (report.errorLines.length < MAX_ERROR_LINES) report.errorLines.push({ line: doc.line, id: doc.id, error: doc.error });
    return;
  }
  report.documents++;
  report.bytes += doc.bytes;
  const kinds = Object.entries(doc.kinds);
  // What repair would change, for a detect run: a finding with a replacement.
  const changed = report.command === 'repair' ? doc.changed : kinds.some(([, c]) => c.repairable > 0);
  if (doc.garbled) report.garbled++;
  if (changed) {
    report.changed++;
    if (report.changedDocuments.ids.length < MAX_CHANGED_IDS) report.changedDocuments.ids.push(doc.id ?? { line: doc.line });
    else report.changedDocuments.more++;
  }
  let lossy = false;
  for (const [kind, c] of kinds) {
    const k = (report.kinds[kind] ??= { documents: 0, spans: 0, repairable: 0, lossy: 0 });
    k.documents++;
    k.spans += c.spans;
    k.repairable += c.repairable;
    k.lossy += c.lossy;
    if (c.lossy > 0) {
      lossy = true;
      report.lossy.spans += c.lossy;
      report.lossy.chars += c.lossyChars;
    }
  }
  if (lossy) report.lossy.documents++;
  for (const [how, spans] of Object.entries(doc.misreadings)) {
    const m = (report.misreadings[how] ??= { documents: 0, spans: 0 });
    m.documents++;
    m.spans += spans;
  }
  for (const f of doc.fields) {
    const counts = (report.fields[f.field] ??= zero());
    counts.documents++;
    if (f.garbled) counts.garbled++;
    if (report.command === 'repair' ? f.changed : f.garbled && changed) counts.changed++;
  }
  if (report.sources && doc.source !== undefined) {
    addCounts(sourceCounts(report.sources, doc.source), { documents: 1, garbled: doc.garbled ? 1 : 0, changed: changed ? 1 : 0 });
  }
  for (const e of doc.examples) addExample(report, e);
}

function sourceCounts(sources: NonNullable<CorpusReport['sources']>, source: string): Counts {
  const known = sources.values[source];
  if (known) return known;
  if (Object.keys(sources.values).length < MAX_SOURCES) return (sources.values[source] = zero());
  sources.others.values++;
  return sources.others;
}

function addCounts(into: Counts, from: Counts): void {
  into.documents += from.documents;
  into.garbled += from.garbled;
  into.changed += from.changed;
}

function addExample(report: CorpusReport, e: Example): void {
  let same = 0;
  for (const x of report.examples) if (x.kind === e.kind) same++;
  if (same < EXAMPLES_PER_KIND) report.examples.push(e);
}

export class ReportFormatError extends Error {}

/** A report read back from its JSON, checked enough that merging it cannot go wrong silently. */
export function readReport(json: string): CorpusReport {
  const r = parseJson(json, (m) => new ReportFormatError(m)) as Partial<CorpusReport> | null;
  if (!r || r.report !== REPORT_FORMAT) throw new ReportFormatError(`not a ${REPORT_FORMAT} (written by --report FILE)`);
  if (r.version !== 1) throw new ReportFormatError(`report version ${String(r.version)}, this zhlens reads version 1`);
  return r as CorpusReport;
}

/** The reports of a corpus's partitions as one, in the order given (examples and ids keep that order). */
export function mergeReports(reports: readonly CorpusReport[]): CorpusReport {
  if (reports.length === 0) throw new ReportFormatError('no report to merge');
  const commands = new Set(reports.map((r) => r.command));
  if (commands.size > 1) throw new ReportFormatError(`the reports come from different commands (${[...commands].join(', ')})`);
  const sourceFields = new Set(reports.map((r) => r.sources?.field));
  if (sourceFields.size > 1) throw new ReportFormatError('the reports count sources by different fields');
  const field = reports[0].sources?.field;
  const out = emptyReport(reports[0].command, field);
  for (const r of reports) {
    out.lines += r.lines;
    out.documents += r.documents;
    out.errors += r.errors;
    out.bytes += r.bytes;
    out.garbled += r.garbled;
    out.changed += r.changed;
    out.lossy.documents += r.lossy.documents;
    out.lossy.spans += r.lossy.spans;
    out.lossy.chars += r.lossy.chars;
    for (const [kind, c] of Object.entries(r.kinds)) {
      const k = (out.kinds[kind] ??= { documents: 0, spans: 0, repairable: 0, lossy: 0 });
      k.documents += c.documents;
      k.spans += c.spans;
      k.repairable += c.repairable;
      k.lossy += c.lossy;
    }
    for (const [how, c] of Object.entries(r.misreadings)) {
      const m = (out.misreadings[how] ??= { documents: 0, spans: 0 });
      m.documents += c.documents;
      m.spans += c.spans;
    }
    for (const [name, c] of Object.entries(r.fields)) addCounts((out.fields[name] ??= zero()), c);
    if (out.sources && r.sources) {
      for (const [value, c] of Object.entries(r.sources.values)) addCounts(sourceCounts(out.sources, value), c);
      addCounts(out.sources.others, r.sources.others);
      out.sources.others.values += r.sources.others.values;
    }
    for (const id of r.changedDocuments.ids) {
      if (out.changedDocuments.ids.length < MAX_CHANGED_IDS) out.changedDocuments.ids.push(id);
      else out.changedDocuments.more++;
    }
    out.changedDocuments.more += r.changedDocuments.more;
    for (const e of r.examples) addExample(out, e);
    for (const e of r.errorLines) if (out.errorLines.length < MAX_ERROR_LINES) out.errorLines.push(e);
  }
  return out;
}

const rank = (kind: string) => {
  const i = (ALL_GARBLE_KINDS as readonly string[]).indexOf(kind);
  return i < 0 ? ALL_GARBLE_KINDS.length : i;
};

const pct = (n: number, of: number) => (of === 0 ? '' : ` (${((100 * n) / of).toFixed(n * 1000 < of ? 2 : 1)}%)`);

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells.map((r) => `  ${r.map((cell, c) => (c === 0 ? padToWidth(cell, widths[c]) : cell.padStart(widths[c]))).join('  ')}`.trimEnd()).join('\n');
}

/** The report as a person reads it: totals, then one table per way of counting, then examples. */
export function formatReport(r: CorpusReport): string {
  const changedWord = r.command === 'repair' ? 'changed' : 'repair would change';
  const lines: string[] = [];
  lines.push(`${r.documents} document${r.documents === 1 ? '' : 's'} (${formatByteSize(r.bytes)} of text)${r.errors ? `, ${r.errors} line${r.errors === 1 ? '' : 's'} not usable records` : ''}`);
  lines.push(`garbled ${r.garbled}${pct(r.garbled, r.documents)}, ${changedWord} ${r.changed}${pct(r.changed, r.documents)}, with lost bytes ${r.lossy.documents} (${r.lossy.spans} spans, ${r.lossy.chars} characters: flagged, left as they are)`);

  const kinds = Object.entries(r.kinds).sort(([a], [b]) => rank(a) - rank(b));
  if (kinds.length) {
    lines.push('', 'By kind:');
    lines.push(table(['kind', 'documents', 'spans', 'repairable', 'lossy'], kinds.map(([k, c]) => [k, c.documents, c.spans, c.repairable, c.lossy])));
  }
  const misreadings = Object.entries(r.misreadings).sort(([, a], [, b]) => b.documents - a.documents);
  if (misreadings.length) {
    lines.push('', 'By encoding (how the text had been misread, from the repair plans):');
    lines.push(table(['misreading', 'documents', 'spans'], misreadings.map(([how, c]) => [how, c.documents, c.spans])));
  }
  const fields = Object.entries(r.fields);
  if (fields.length > 1 || (fields.length === 1 && fields[0][0] !== 'text')) {
    lines.push('', 'By text field:');
    lines.push(table(['field', 'documents', 'garbled', changedWord], fields.map(([f, c]) => [f, c.documents, c.garbled, c.changed])));
  }
  if (r.sources) {
    const top = Object.entries(r.sources.values).sort(([, a], [, b]) => b.garbled - a.garbled || b.documents - a.documents);
    const shown = top.slice(0, 20);
    const rows: (string | number)[][] = shown.map(([v, c]) => [v, c.documents, c.garbled, c.changed]);
    const rest = top.slice(20).reduce((acc, [, c]) => (addCounts(acc, c), acc), zero());
    addCounts(rest, r.sources.others);
    const restValues = top.length - shown.length + r.sources.others.values;
    if (restValues > 0) rows.push([`(${restValues} more)`, rest.documents, rest.garbled, rest.changed]);
    lines.push('', `By ${r.sources.field} (most garbled first):`);
    lines.push(table([r.sources.field, 'documents', 'garbled', changedWord], rows));
  }
  if (r.examples.length) {
    lines.push('', 'Examples (the first of each kind):');
    for (const e of [...r.examples].sort((a, b) => rank(a.kind) - rank(b.kind))) {
      const who = e.id === undefined ? `line ${e.line}` : `${JSON.stringify(e.id)}`;
      const fix = e.replacement !== undefined ? ` → ${JSON.stringify(clip(e.replacement))}` : ' (flagged)';
      lines.push(`  ${e.kind}  ${who} ${e.field} ${e.start}-${e.end}  ${JSON.stringify(clip(e.text))}${fix}`);
      if (e.plan.length) lines.push(`      plan: ${e.plan.join(' → ')}`);
    }
  }
  if (r.changedDocuments.ids.length) {
    const ids = r.changedDocuments.ids.slice(0, 20).map((id) => JSON.stringify(id));
    const more = r.changed - ids.length;
    lines.push('', `Documents ${changedWord}: ${ids.join(', ')}${more > 0 ? ` and ${more} more (--json lists ${Math.min(r.changed, MAX_CHANGED_IDS)})` : ''}`);
  }
  if (r.errorLines.length) {
    lines.push('', 'Lines that are not usable records:');
    for (const e of r.errorLines) lines.push(`  line ${e.line}${e.id === undefined ? '' : ` (${JSON.stringify(e.id)})`}: ${e.error}`);
    if (r.errors > r.errorLines.length) lines.push(`  … ${r.errors - r.errorLines.length} more`);
  }
  return `${lines.join('\n')}\n`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
