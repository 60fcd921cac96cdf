/**
 * What each corpus labels as an organization, read from the training splits only: how many names,
 * how many end with an ending of the suffix grammar (orgSuffixes.ts), how long they are, how many
 * the other corpora's training splits also label, and, for the names labelled most often, how
 * many of their occurrences in the split are labelled. docs/annotate-data.md quotes it (what Weibo
 * labels that the tagger does not find).
 *
 *   node scripts/org-label-stats.mjs [--top 12]
 */
import { CORPORA, readSplit } from './corpora';
import { foldToSimplified } from '../../src/core/annotate/scriptFold';
import { SUFFIXES_BY_LAST_CHAR } from '../../src/core/annotate/orgSuffixes';

const args = process.argv.slice(2);
const top = Number(args.includes('--top') ? args[args.indexOf('--top') + 1] : '12');

const hasEnding = (name: string) => (SUFFIXES_BY_LAST_CHAR.get(name[name.length - 1]) ?? []).some(({ suffix }) => name.length > suffix.length && name.endsWith(suffix));
const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

const names = new Map<string, string[]>();
const texts = new Map<string, string[]>();
for (const corpus of CORPORA) {
  const sentences = readSplit(corpus, 'train');
  if (!sentences) throw new Error(`${corpus.name}: training split missing (ZHLENS_NER_DATA)`);
  const folded = sentences.map((s) => foldToSimplified(s.text));
  texts.set(corpus.name, folded);
  names.set(corpus.name, sentences.flatMap((s, i) => s.entities.filter((e) => e.label === 'ORG').map((e) => folded[i].slice(e.start, e.end))));
}
for (const [corpus, list] of names) {
  const elsewhere = new Set([...names].filter(([other]) => other !== corpus).flatMap(([, l]) => l));
  const counts = new Map<string, number>();
  for (const name of list) counts.set(name, (counts.get(name) ?? 0) + 1);
  const withEnding = list.filter(hasEnding).length;
  const bare = list.filter((name) => !hasEnding(name) && !elsewhere.has(name)).length;
  console.log(`${corpus}: ${list.length} names (${counts.size} distinct), ${percent(withEnding, list.length)} with an ending of the suffix grammar, ` +
    `mean length ${(list.reduce((a, n) => a + n.length, 0) / list.length).toFixed(1)}, ${percent(list.filter((n) => elsewhere.has(n)).length, list.length)} labelled in another corpus's training split, ` +
    `${percent(bare, list.length)} neither`);
  const text = texts.get(corpus)!;
  const occurrences = (name: string) => text.reduce((a, t) => a + t.split(name).length - 1, 0);
  console.log(`  labelled most often (labelled / occurrences in the split): ${[...counts].sort((a, b) => b[1] - a[1]).slice(0, top).map(([n, c]) => `${n} ${c}/${occurrences(n)}`).join(', ')}`);
}
