// `npm run eval:orgs`: bundles scripts/orgs/eval.ts with the core and runs it (options are passed
// on: --errors, --corpus NAME, --split dev). The corpora are read from ZHLENS_NER_DATA (default
// /work/data/ner); docs/annotate-data.md says where each comes from.
import { runBundled } from './nodeBundle.mjs';

await runBundled('eval-orgs', 'scripts/orgs/eval.ts');
