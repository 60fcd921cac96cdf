import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  anchorContext,
  detectEncoding,
  notesDigest,
  notesFilePath,
  outlineText,
  parseNotes,
  placeNote,
  relativeIri,
  selectorsAt,
  serialiseNotes,
  toAnnotationCollection,
  type AnchoredNote,
} from '../../core';
import { writeFileAtomic } from '../../files/replaceFile';
import { COMMON_OPTIONS, COMMON_OPTIONS_HELP, maxSizeOption, requireFiles, type Command } from '../command';
import { describeFsError, InputError, UsageError } from '../errors';
import type { ParsedArgs } from '../parseArgs';
import { readWhole } from '../readInput';
import type { Terminal } from '../terminal';

export const notesCommand: Command = {
  name: 'notes',
  summary: "export a reader's highlights and notes on an article (Markdown digest or JSON-LD)",
  usage: 'zhlens notes [--jsonld] [--notes-file PATH] [--update] FILE',
  help: `Reads the notes the zhlens editor keeps beside an article (.zhlens/FILE.annotations.json,
W3C Web Annotations), finds each note's words in the article as it is now (by position,
else by its quote and context, in any script, with or without pinyin annotations), and
prints them: a Markdown digest grouped by the article's sections (quote, note, meaning,
tags, a link back to the line), or the annotation collection as JSON-LD. Notes whose
words are not found are listed as orphans, never moved to look-alike words.

Options:
  --jsonld             the W3C Web Annotation collection (JSON-LD) instead of Markdown,
                       the article named by its file: URL
  --notes-file PATH    the notes file (default: .zhlens/NAME.annotations.json beside FILE)
  --update             also write the notes' new places back to the notes file (atomically)
${COMMON_OPTIONS_HELP}

Exit status: 0 done (orphans are reported on stderr), 1 FILE or its notes file cannot be read.

Examples:
  zhlens notes article.txt > article.notes.md
  zhlens notes --jsonld article.txt > article.jsonld`,
  options: { ...COMMON_OPTIONS, jsonld: { type: 'boolean' }, 'notes-file': { type: 'string' }, update: { type: 'boolean' } },
  run: runNotes,
};

function runNotes(args: ParsedArgs, term: Terminal): number {
  const maxSize = maxSizeOption(args, 'notes');
  const files = requireFiles(args, 'notes');
  if (files.length > 1) throw new UsageError('notes takes one file', 'notes');
  const file = files[0];
  const absolute = path.resolve(file);
  const notesFile = args.value('notes-file') ?? notesFilePath(absolute.split(path.sep).join('/'), '.zhlens')!;
  let bytes: Buffer;
  try {
    bytes = readWhole(file, maxSize).bytes;
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${describeFsError(err)}`);
  }
  let stored: string;
  try {
    stored = fs.readFileSync(notesFile, 'utf8');
  } catch (err) {
    throw new InputError(`no notes for ${file}: cannot read ${notesFile}: ${describeFsError(err)}`);
  }
  const detection = detectEncoding(bytes);
  if (detection.binary) throw new InputError(`cannot read notes on ${file}: binary file`);
  const text = detection.text;
  const { notes, problems, kept, broken } = parseNotes(stored);
  if (broken) throw new InputError(`cannot read ${notesFile}: ${problems.join('; ')}`);
  for (const p of problems) term.warn(`${notesFile}: an annotation zhlens cannot read (kept as it is): ${p}`);

  const ctx = anchorContext(text);
  const anchored: AnchoredNote[] = notes.map((note) => {
    const placement = placeNote(ctx, note);
    // A placed note is described by the text as it is now.
    return { note: placement.placed ? { ...note, ...selectorsAt(text, placement.start, placement.end) } : note, placement };
  });
  const orphans = anchored.filter((a) => !a.placement.placed).length;
  if (orphans) term.warn(`${orphans} of ${notes.length} notes on ${file}: words not found (listed as orphans)`);

  const current = anchored.map((a) => a.note);
  if (args.flag('update')) {
    try {
      writeFileAtomic(notesFile, new TextEncoder().encode(serialiseNotes(current, relativeIri(path.resolve(notesFile).split(path.sep).join('/'), absolute.split(path.sep).join('/')), `zhlens notes on ${path.basename(file)}`, kept)));
    } catch (err) {
      throw new InputError(`cannot write ${notesFile}: ${describeFsError(err)}`);
    }
  }
  if (args.flag('jsonld')) {
    term.print(`${JSON.stringify(toAnnotationCollection(current, pathToFileURL(absolute).href, `zhlens notes on ${path.basename(file)}`), null, 2)}\n`);
    return 0;
  }
  const link = file.split(path.sep).map(encodeURIComponent).join('/');
  term.print(
    notesDigest({
      title: `Notes on ${path.basename(file)}`,
      text,
      sections: outlineText(text),
      notes: anchored,
      link: (line, column) => `${link}#L${line},${column}`,
    }),
  );
  return 0;
}
