import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, maxSizeOption, requireFiles, type Command } from '../command';
import { describeFsError, InputError } from '../errors';
import type { ParsedArgs } from '../parseArgs';
import type { Terminal } from '../terminal';
import { formatReport, mergeReports, readReport, ReportFormatError, type CorpusReport } from './corpusReport';
import { checkStdinUse, readInputOrStdin } from './stdinInput';

export const reportCommand: Command = {
  name: 'report',
  summary: 'read (and merge) the corpus reports of --jsonl runs',
  usage: 'zhlens report [--json] REPORT.json...|-',
  help: `Reads the reports that 'zhlens detect --jsonl --report FILE' and 'zhlens repair --jsonl
--report FILE' write, merges them (one per partition of a corpus, in the order given), and
prints what a data engineer needs before writing a repaired corpus back: documents garbled and
changed, counts per kind, per encoding (how the text had been misread, from the repair plans),
per text field and per source (--source-field), the spans whose bytes are lost, examples of each
kind with their plans, and the ids of the changed documents. '-' reads reports from standard
input, one JSON object per line (cat parts/*.report.json | zhlens report -).

Options:
  --json           print the merged report as one JSON object (the format --report writes)
${COMMON_OPTIONS_HELP}

Examples:
  zhlens repair --jsonl --report report.json < crawl.jsonl > repaired.jsonl
  zhlens report report.json
  zhlens report --json parts/*.report.json > corpus.report.json`,
  options: { ...COMMON_OPTIONS, json: { type: 'boolean' } },
  run: runReport,
};

function runReport(args: ParsedArgs, term: Terminal): number {
  const maxSize = maxSizeOption(args, 'report');
  const files = requireFiles(args, 'report');
  checkStdinUse(files, 'report', false);
  const reports: CorpusReport[] = [];
  for (const file of files) {
    const name = file === '-' ? 'standard input' : file;
    let text: string;
    try {
      const input = readInputOrStdin(file, maxSize, maxSize);
      if (input.kind !== 'whole') throw new InputError('too large');
      text = input.bytes.toString('utf8');
    } catch (err) {
      throw new InputError(`cannot read ${name}: ${describeFsError(err)}`);
    }
    try {
      reports.push(...reportsIn(text));
    } catch (err) {
      if (err instanceof ReportFormatError) throw new InputError(`${name}: ${err.message}`);
      throw err;
    }
  }
  let merged: CorpusReport;
  try {
    merged = mergeReports(reports);
  } catch (err) {
    if (err instanceof ReportFormatError) throw new InputError(err.message);
    throw err;
  }
  term.print(args.flag('json') ? `${JSON.stringify(merged)}\n` : formatReport(merged));
  return 0;
}

/** One report (as --report writes it, or pretty-printed), or one per line. */
function reportsIn(text: string): CorpusReport[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new ReportFormatError('empty: no report');
  try {
    return [readReport(text)];
  } catch (whole) {
    if (lines.length === 1) throw whole;
    return lines.map((l, i) => {
      try {
        return readReport(l);
      } catch (err) {
        throw new ReportFormatError(`line ${i + 1}: ${(err as Error).message}`);
      }
    });
  }
}
