// Trains the organization tagger: bundles scripts/orgs/train.ts with the core and runs it
// (options are passed on; see that file). Reads the corpora's training splits from
// ZHLENS_NER_DATA (default /work/data/ner) and writes data/annotate/orgTagger.bin. Takes a few minutes;
// run it under `nice` on a shared machine.
import { runBundled } from './nodeBundle.mjs';

await runBundled('train-orgs', 'scripts/orgs/train.ts', ['--max-old-space-size=6000']);
