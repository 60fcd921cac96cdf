import { version } from '../../package.json';
import { annotateCommand } from './commands/annotate';
import { detectCommand } from './commands/detect';
import { notesCommand } from './commands/notes';
import { repairCommand } from './commands/repair';
import { reportCommand } from './stream/reportCommand';
import type { Command } from './command';
import { debugEnabled, InputError, UsageError } from './errors';
import { parseArgs } from './parseArgs';
import type { Terminal } from './terminal';

const COMMANDS: readonly Command[] = [detectCommand, repairCommand, annotateCommand, notesCommand, reportCommand];

const GENERAL_USAGE = `zhlens ${COMMANDS.map((c) => c.name).join('|')} [OPTIONS] FILE|DIR|GLOB...`;

function generalHelp(): string {
  const width = Math.max('help CMD'.length, ...COMMANDS.map((c) => c.name.length)) + 3;
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n');
  return `zhlens ${version}: find and repair garbled Chinese text (乱码): files in the wrong encoding,
mojibake, misaligned GBK runs, pinyin annotations, mixed Simplified and Traditional script.

usage: ${GENERAL_USAGE}

Commands:
${rows}
  ${'help CMD'.padEnd(width)}the options and examples of one command

Options:
  -h, --help       show this help
  -V, --version    print the version

Exit status: 0 success, 1 a file could not be read or decoded, 2 bad usage.
ZHLENS_DEBUG=1 prints stack traces of internal errors.
ZHLENS_CODE_CACHE=DIR keeps zhlens's compiled code in DIR, for a faster start (default: the
user's cache folder, e.g. ~/.cache/zhlens; off: none).
`;
}

function commandHelp(command: Command): string {
  return `usage: ${command.usage}\n\n${command.help}\n`;
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  throw new UsageError(name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`);
}

/**
 * Runs one command line and returns the exit status: 0 done, 1 a file failed, 2 bad usage. A
 * command that streams (`--jsonl`) returns a promise of it.
 */
export function runCli(argv: readonly string[], term: Terminal): number | Promise<number> {
  try {
    const code = dispatch(argv, term);
    return typeof code === 'number' ? code : code.catch((err: unknown) => exitCodeOf(err, term));
  } catch (err) {
    return exitCodeOf(err, term);
  }
}

/** What a command's failure tells the user, and the exit status it ends with. */
function exitCodeOf(err: unknown, term: Terminal): number {
  if (err instanceof UsageError) {
    const command = err.command ? COMMANDS.find((c) => c.name === err.command) : undefined;
    term.warn(err.message);
    term.printError(
      command
        ? `usage: ${command.usage}\nTry 'zhlens help ${command.name}' for more.\n`
        : `usage: ${GENERAL_USAGE}\nTry 'zhlens --help' for more.\n`,
    );
    return 2;
  }
  if (err instanceof InputError) {
    term.warn(err.message);
    return 1;
  }
  term.warn(`internal error: ${err instanceof Error ? err.message : String(err)}`);
  if (debugEnabled() && err instanceof Error && err.stack) term.printError(`${err.stack}\n`);
  else term.printError('(ZHLENS_DEBUG=1 shows where)\n');
  return 1;
}

function dispatch(argv: readonly string[], term: Terminal): number | Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('no command given');
  if (first === '-h' || first === '--help') {
    term.print(generalHelp());
    return 0;
  }
  if (first === '-V' || first === '--version') {
    term.print(`zhlens ${version}\n`);
    return 0;
  }
  if (first === 'help') {
    term.print(rest.length ? commandHelp(findCommand(rest[0])) : generalHelp());
    return 0;
  }
  const command = findCommand(first);
  const args = parseArgs(rest, command.options, command.name);
  if (args.flag('help')) {
    term.print(commandHelp(command));
    return 0;
  }
  return command.run(args, term);
}
