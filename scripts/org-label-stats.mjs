// What each NER corpus's training split labels as an organization (scripts/orgs/labelStats.ts):
// names with and without an ending, shared with the other corpora, labelled at each occurrence or not.
import { runBundled } from './nodeBundle.mjs';

await runBundled('org-label-stats', 'scripts/orgs/labelStats.ts');
