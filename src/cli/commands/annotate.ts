import { detectEncoding } from '../../core';
import { annotateText, textKinds, type TextKind } from '../../core/annotate';
import { flattenOutline, outlineText, readArticleHead } from '../../core/outline';
import { annotateJson, annotateListing } from '../annotateReport';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, maxSizeOption, requireFiles, type Command } from '../command';
import { describeFsError, InputError, UsageError } from '../errors';
import type { ParsedArgs } from '../parseArgs';
import { readWhole } from '../readInput';
import type { Terminal } from '../terminal';

export const annotateCommand: Command = {
  name: 'annotate',
  summary: 'list the figures, organizations and sections of an article',
  usage: 'zhlens annotate [--json] [--text-kind KIND] FILE',
  help: `Decodes the file with the encoding zhlens detects and lists what an article reader wants
to find at a glance: the article's head (source, place, date, author), figures (amounts,
percentages, measures, counts, dates, ranges, ordinals), organizations, and the outline of
sections with the end matter (copyright, credits, related links) apart. The text is read as it is: run 'zhlens repair' first on a garbled file.

Options:
  --json           one JSON object:
                   {"figures":[{"start","end","text","kind","value","unit"}],
                    "organizations":[{"start","end","text"}],
                    "sections":[{"title","line","level","start","end"}]}
                   start/end are UTF-16 offsets into the decoded text; "line" is 0-based
  --text-kind KIND news (the default), resume or social: the kind of text, whose
                   conventions the organization tagger follows (résumés name 本公司,
                   social media names shops and brands)
${COMMON_OPTIONS_HELP}

Example:
  zhlens annotate --json article.txt`,
  options: { ...COMMON_OPTIONS, json: { type: 'boolean' }, 'text-kind': { type: 'string' } },
  run: runAnnotate,
};

function runAnnotate(args: ParsedArgs, term: Terminal): number {
  const maxSize = maxSizeOption(args, 'annotate');
  const files = requireFiles(args, 'annotate');
  if (files.length > 1) throw new UsageError('annotate takes one file', 'annotate');
  const kind = (args.value('text-kind') ?? 'news') as TextKind;
  if (!textKinds().includes(kind)) throw new UsageError(`--text-kind: one of ${textKinds().join(', ')}`, 'annotate');
  const file = files[0];
  let bytes: Buffer;
  try {
    bytes = readWhole(file, maxSize).bytes;
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${describeFsError(err)}`);
  }
  const detection = detectEncoding(bytes);
  if (detection.binary) throw new InputError(`cannot annotate ${file}: binary file`);
  const { figures, organizations } = annotateText(detection.text, kind);
  const annotations = { figures, organizations, sections: flattenOutline(outlineText(detection.text)), head: readArticleHead(detection.text) };
  term.print(args.flag('json') ? `${annotateJson(annotations)}\n` : annotateListing(detection.text, annotations));
  return 0;
}
