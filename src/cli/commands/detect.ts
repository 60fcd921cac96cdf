import { ALL_GARBLE_KINDS, analyzeFile, languageOfPath, type AnalyzeOptions, type FileAnalysis, type GarbleKind } from '../../core';
import { forEachFile, summaryLine } from '../batch';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, maxSizeOption, pieceSizeOption, PIECE_OPTIONS, PIECE_OPTIONS_HELP, requireFiles, type Command } from '../command';
import { detectJsonLine, detectTableHeader, detectTableRows, issueRows, TABLE_HEADER, type IssueRow } from '../detectReport';
import { detectInPieces } from '../fileInPieces';
import { displayWidth } from '../displayWidth';
import { UsageError } from '../errors';
import { expandInputs } from '../expandInputs';
import type { ParsedArgs } from '../parseArgs';
import { DETECT_JSONL_OPTIONS, jsonlOptionsHelp, runJsonl, wantsJsonl } from '../stream/jsonlMode';
import type { Terminal } from '../terminal';

/** The widest file column before long paths are left to overflow the table. */
const MAX_FILE_COLUMN = 60;

export const detectCommand: Command = {
  name: 'detect',
  summary: 'tell which files are garbled, and where',
  usage: 'zhlens detect [--json] [--verbose] [--kinds KIND,...] FILE|DIR|GLOB...|-\n       zhlens detect --jsonl [--kinds KIND,...] [--report FILE] [--jobs N] [FILE.jsonl|-]...',
  help: `Reads each file's bytes, works out their encoding (utf-8, gb18030, big5, utf-16le,
utf-16be), and looks for garbled spans in the decoded text. A file that is not UTF-8 is itself a
'wrong-encoding' finding. Folders are searched recursively (skipping .git and node_modules);
quote globs so that zhlens expands them: 'crawl/**/*.txt'. '-' reads standard input.

Options:
  --json           one JSON object per file and line:
                   {"file","encoding","garbled","issues":[{"kind","start","end","confidence"}],"confidence"}
                   start/end are UTF-16 offsets into the text decoded with "encoding"
  -v, --verbose    list every issue and the steps that would repair it
  --kinds LIST     look only for these kinds, comma-separated:
                   ${ALL_GARBLE_KINDS.join(', ')}
${PIECE_OPTIONS_HELP}
${COMMON_OPTIONS_HELP}

${jsonlOptionsHelp('detect')}

Binary files are not analysed: their line says "garbled": false with no issues, and the
summary counts them as skipped. Exit status: 0 when every file was read (garbled or not),
1 when a file could not be read, 2 on bad usage.

Examples:
  zhlens detect article.txt
  zhlens detect --json corpus/ > report.jsonl
  zhlens detect 'crawl/**/*.txt'
  zhlens detect --jsonl --no-text --report report.json < crawl.jsonl > findings.jsonl`,
  options: {
    ...COMMON_OPTIONS,
    ...PIECE_OPTIONS,
    json: { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
    kinds: { type: 'string' },
    ...DETECT_JSONL_OPTIONS,
  },
  run: runDetect,
};

function runDetect(args: ParsedArgs, term: Terminal): number | Promise<number> {
  if (wantsJsonl(args, 'detect')) return runJsonl(args, term, { command: 'detect', kinds: kindsOption(args) });
  const maxSize = maxSizeOption(args, 'detect');
  const pieceBytes = pieceSizeOption(args, 'detect');
  const analyzeOptions: AnalyzeOptions = { kinds: kindsOption(args) };
  const json = args.flag('json');
  const verbose = args.flag('verbose');
  const { files, problems, batch } = expandInputs(requireFiles(args, 'detect'));
  for (const p of problems) term.warn(p);

  const widest = files.reduce((w, f) => Math.max(w, displayWidth(f.path)), TABLE_HEADER[0].length);
  const fileWidth = Math.min(MAX_FILE_COLUMN, widest);
  let headerPrinted = json;

  let garbled = 0;
  let clean = 0;
  let binary = 0;
  const errors = forEachFile(files, term, { maxSize, wholeLimit: pieceBytes }, (file, input) => {
    let analysis: FileAnalysis;
    let rows: IssueRow[] | undefined;
    // The file's language from its name, as the editor knows it: in source code only comments
    // and strings are looked at.
    const options: AnalyzeOptions = { ...analyzeOptions, languageId: languageOfPath(file.path) };
    if (input.kind === 'whole') {
      analysis = analyzeFile(input.bytes, options);
    } else {
      ({ analysis, rows } = detectInPieces(input, pieceBytes, options, !json));
    }
    if (analysis.detection.binary) {
      binary++;
      if (json) term.warn(`${file.path}: binary file, not analysed`);
    } else if (analysis.detection.otherLegacy) {
      clean++;
      if (json) term.warn(`${file.path}: looks like ${analysis.detection.otherLegacy} text, not Chinese: not analysed`);
    } else if (analysis.garbled) garbled++;
    else clean++;
    if (!headerPrinted) {
      term.print(detectTableHeader(fileWidth));
      headerPrinted = true;
    }
    if (json) term.print(`${detectJsonLine(file.path, analysis)}\n`);
    else term.print(detectTableRows(file.path, analysis, rows ?? issueRows(analysis.detection.text, analysis.issues), fileWidth, verbose));
  });

  const failed = errors + problems.length;
  if (batch) {
    const counts = [['garbled', garbled], ['clean', clean], ['binary skipped', binary], ['errors', failed]] as const;
    term.warn(summaryLine(files.length, counts));
  }
  return failed > 0 ? 1 : 0;
}

function kindsOption(args: ParsedArgs): GarbleKind[] | undefined {
  const text = args.value('kinds');
  if (text === undefined) return undefined;
  const kinds = text.split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = kinds.filter((k) => !(ALL_GARBLE_KINDS as readonly string[]).includes(k));
  if (unknown.length || kinds.length === 0) {
    throw new UsageError(`unknown kind '${unknown[0] ?? text}' (known: ${ALL_GARBLE_KINDS.join(', ')})`, 'detect');
  }
  return kinds as GarbleKind[];
}
