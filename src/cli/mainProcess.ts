// The `zhlens` command line, bundled to dist/cli-main.js, which dist/cli.js (src/cli.ts) starts
// through a V8 code cache. See `zhlens --help`, or src/cli/main.ts. The same bundle runs the worker
// threads of `--jsonl --jobs N` (src/cli/stream/streamWorkers.ts).
import { runCli } from './main';
import { isStreamWorker, runStreamWorker } from './stream/streamWorkers';
import { Terminal } from './terminal';
import { boundHeapGrowth } from './heapGrowth';

// Before any large piece of work: the heap's growth, for the main thread and the stream workers.
boundHeapGrowth();

if (isStreamWorker()) {
  runStreamWorker();
} else {
  // `zhlens detect --json corpus/ | head` closes the pipe early: stop quietly, as cat and grep do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`zhlens: cannot write output: ${err.message}\n`);
    process.exit(1);
  });

  const code = runCli(process.argv.slice(2), new Terminal());
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}
