// Trains the second stage over the organization tagger's spans: bundles scripts/orgs/spans.ts with
// the core and runs it (options are passed on; see that file). Writes orgSpans.json for
// `npm run eval:orgs -- --model FILE` to read beside FILE; none ships.
import { runBundled } from './nodeBundle.mjs';

await runBundled('train-org-spans', 'scripts/orgs/spans.ts', ['--max-old-space-size=4000']);
