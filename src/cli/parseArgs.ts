import { UsageError } from './errors';

/**
 * A small getopt for the zhlens commands: long options (`--out FILE`, `--out=FILE`), one-letter
 * aliases (`-o FILE`, `-hv`), `--` to end options, and a usage error (exit 2) naming the
 * offending word for anything else. Node's `util.parseArgs` would do the parsing, but its
 * messages tell the user about JavaScript configuration rather than about zhlens.
 */

export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export class ParsedArgs {
  constructor(
    readonly positionals: string[],
    private readonly values: ReadonlyMap<string, string | true>,
  ) {}

  flag(name: string): boolean {
    return this.values.get(name) === true;
  }

  value(name: string): string | undefined {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : undefined;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }
}

export function parseArgs(argv: readonly string[], specs: OptionSpecs, command?: string): ParsedArgs {
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short) byShort.set(spec.short, name);

  const positionals: string[] = [];
  const values = new Map<string, string | true>();
  function fail(message: string): never {
    throw new UsageError(message, command);
  }

  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq < 0 ? undefined : eq);
      const spec = specs[name];
      if (!spec) fail(`unknown option '--${name}'`);
      if (spec.type === 'boolean') {
        if (eq >= 0) fail(`option '--${name}' takes no value`);
        values.set(name, true);
      } else if (eq >= 0) {
        values.set(name, word.slice(eq + 1));
      } else {
        if (i + 1 >= argv.length) fail(`option '--${name}' needs a value`);
        values.set(name, argv[++i]);
      }
      continue;
    }
    // A lone '-' is a positional (by convention standard input), like a negative number would be.
    if (word.startsWith('-') && word.length > 1) {
      // `-hv` is `-h -v`; a string option ends the cluster and takes the rest or the next word.
      for (let j = 1; j < word.length; j++) {
        const name = byShort.get(word[j]);
        if (!name) fail(`unknown option '-${word[j]}'`);
        if (specs[name].type === 'boolean') {
          values.set(name, true);
          continue;
        }
        const rest = word.slice(j + 1);
        if (rest) values.set(name, rest);
        else if (i + 1 < argv.length) values.set(name, argv[++i]);
        else fail(`option '-${word[j]}' needs a value`);
        break;
      }
      continue;
    }
    positionals.push(word);
  }
  return new ParsedArgs(positionals, values);
}
