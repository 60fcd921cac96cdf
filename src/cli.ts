// The `zhlens` command line (bundled to dist/cli.js). See `zhlens --help`, or src/cli/main.ts.
import { runCli } from './cli/main';
import { Terminal } from './cli/terminal';

// `zhlens detect --json corpus/ | head` closes the pipe early: stop quietly, as cat and grep do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`zhlens: cannot write output: ${err.message}\n`);
  process.exit(1);
});

process.exitCode = runCli(process.argv.slice(2), new Terminal());
