// Measures how often zhlens touches text that is not garbled: real clean files in many languages
// (the negative corpus, see docs/precision.md) and ftfy's published test cases.
//
//   npm run eval:precision -- [--data /work/data/precision] [--split test|tune|all]
//                             [--show N] [--json report.json] [--source S] [--lang L]
//
// For every file: `changed` when repairText gives other text, `flagged` when analyzeText reports
// any span, `han+` when the repair holds Han characters the file did not. Prints files changed /
// flagged / total per language and per source, and for ftfy's cases: negatives unchanged, and
// for the mojibake cases whether zhlens gave ftfy's fix, left the text alone, or gave something
// else. The data is built by scripts/build-precision-corpus.mjs and add-precision-repos.mjs.
import { requireBundle } from './nodeBundle.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { splitOf } from './precisionSplit.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('data', '/work/data/precision');
const SPLIT = arg('split', 'test');
const SHOW = Number(arg('show', '0'));
const JSON_OUT = arg('json');
const ONLY_SOURCE = arg('source');
const ONLY_LANG = arg('lang');

// Bundled inside the repository (out/), where the core finds data/ as it does from dist/.
const core = await requireBundle(join('out', 'eval-precision', 'core.cjs'), { exports: "export { analyzeText, repairText, languageOfPath } from './src/core';" });

const isHan = (cp) => (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
function inventedHan(before, after) {
  const seen = new Set();
  for (const ch of before) seen.add(ch);
  const out = new Set();
  for (const ch of after) if (isHan(ch.codePointAt(0)) && !seen.has(ch)) out.add(ch);
  return [...out];
}

/** The editor's languageId for a path, when the core knows how to read that language. */
const languageOf = (path) => (core.languageOfPath ? core.languageOfPath(path) : undefined);

function run(text, path) {
  const languageId = languageOf(path);
  const options = languageId ? { languageId } : {};
  const issues = core.analyzeText(text, options);
  const repaired = core.repairText(text, options).text;
  return { issues, repaired };
}

// ---- the corpus ----
const manifest = [];
for (const name of ['manifest-debian.json', 'manifest-repos.json', 'manifest-texts.json', 'manifest-extra.json', 'manifest-more.json']) {
  const p = join(DATA, name);
  if (existsSync(p)) manifest.push(...JSON.parse(readFileSync(p, 'utf8')));
}
if (manifest.length === 0) {
  console.error(`no corpus in ${DATA}: build it with node scripts/build-precision-corpus.mjs (and add-precision-repos.mjs), see docs/precision.md`);
  process.exit(1);
}
// Files garbled in their source (checked by reading) are counted apart: zhlens should flag them.
const garbledInSource = new Map(JSON.parse(readFileSync(new URL('./precision-garbled-in-source.json', import.meta.url), 'utf8')).files.map((f) => [f.path, f]));
const inSplit = manifest.filter((e) => (SPLIT === 'all' || e.split === SPLIT) && (!ONLY_SOURCE || e.source === ONLY_SOURCE) && (!ONLY_LANG || e.lang === ONLY_LANG));
const chosen = inSplit.filter((e) => !garbledInSource.has(e.path));
const garbledChosen = inSplit.filter((e) => garbledInSource.has(e.path));

const tally = (map, key) => {
  let t = map.get(key);
  if (!t) map.set(key, (t = { total: 0, changed: 0, flagged: 0, han: 0 }));
  return t;
};
const byLang = new Map();
const bySource = new Map();
const all = { total: 0, changed: 0, flagged: 0, han: 0 };
const examples = [];
const started = process.cpuUsage();
for (const e of chosen) {
  const text = readFileSync(join(DATA, e.path), 'utf8');
  const { issues, repaired } = run(text, e.path);
  const changed = repaired !== text;
  const flagged = issues.length > 0;
  const han = changed ? inventedHan(text, repaired) : [];
  for (const t of [tally(byLang, e.lang), tally(bySource, e.source), all]) {
    t.total++;
    if (changed) t.changed++;
    if (flagged) t.flagged++;
    if (han.length) t.han++;
  }
  if (flagged && examples.length < 10000) {
    examples.push({
      path: e.path,
      lang: e.lang,
      issues: issues.slice(0, 5).map((i) => ({
        kind: i.kind,
        text: text.slice(Math.max(0, i.start - 12), i.end + 12),
        span: text.slice(i.start, i.end),
        replacement: i.replacement,
      })),
      invented: han.join(''),
    });
  }
}
let garbledFlagged = 0;
for (const e of garbledChosen) if (run(readFileSync(join(DATA, e.path), 'utf8'), e.path).issues.some((i) => i.kind === garbledInSource.get(e.path).kind)) garbledFlagged++;
const cpu = (process.cpuUsage(started).user + process.cpuUsage(started).system) / 1e6;

const pad = (s, n) => String(s).padEnd(n);
const row = (name, t) => `${pad(name, 26)} ${pad(`${t.changed} / ${t.flagged} / ${t.total}`, 20)}${t.han ? ` han+ ${t.han}` : ''}`;
console.log(`negative corpus: ${DATA} (split ${SPLIT}), ${chosen.length} files, ${cpu.toFixed(1)} s CPU`);
console.log(`${pad('source', 26)} changed / flagged / total`);
for (const [k, t] of [...bySource].sort()) console.log(row(k, t));
console.log(row('ALL', all));
console.log('');
console.log(`${pad('language', 26)} changed / flagged / total`);
for (const [k, t] of [...byLang].sort((a, b) => b[1].total - a[1].total)) if (t.total >= 10 || t.flagged) console.log(row(k, t));
const small = [...byLang].filter(([, t]) => t.total < 10 && !t.flagged);
if (small.length) console.log(row(`${small.length} more languages`, small.reduce((s, [, t]) => ({ total: s.total + t.total, changed: s.changed + t.changed, flagged: s.flagged + t.flagged, han: s.han + t.han }), { total: 0, changed: 0, flagged: 0, han: 0 })));
console.log('');
console.log(`garbled in the source (scripts/precision-garbled-in-source.json), counted apart: ${garbledFlagged} of ${garbledChosen.length} flagged with their kind`);

// ---- ftfy's test cases ----
// Split like the corpus (FNV-1a of the case's text, three in ten `tune`): rules are read and
// chosen on the `tune` part (15 negatives, 36 fixes); the `test` part (34, 76) is only counted.
// `--split` picks the part printed (`all`: both and their sum); only `tune` cases are listed.
const ftfyDir = join(DATA, 'ftfy');
const ftfyTally = () => ({ negative: { total: 0, unchanged: 0, flagged: 0 }, fixes: { total: 0, fixed: 0, unchanged: 0, other: 0, han: 0 } });
const ftfy = ftfyTally();
const ftfyParts = { tune: ftfyTally(), test: ftfyTally() };
const ftfyExamples = [];
const ftfyLine = (name, t) => `${name}negatives unchanged ${t.negative.unchanged} / ${t.negative.total} (flagged ${t.negative.flagged});` +
  ` mojibake cases: ftfy's fix ${t.fixes.fixed}, left alone ${t.fixes.unchanged}, other ${t.fixes.other} / ${t.fixes.total}; Han invented in ${t.fixes.han}`;
if (existsSync(ftfyDir)) {
  for (const file of ['negative', 'synthetic', 'in-the-wild', 'language-names', 'known-failures']) {
    const p = join(ftfyDir, `${file}.json`);
    if (!existsSync(p)) continue;
    for (const c of JSON.parse(readFileSync(p, 'utf8'))) {
      const want = c['fixed-encoding'] ?? c.fixed;
      const part = splitOf(c.original);
      const { issues, repaired } = run(c.original, '');
      const kinds = issues.map((i) => i.kind);
      const negative = want === c.original;
      const tallies = [ftfy, ftfyParts[part]];
      if (negative) {
        for (const t of tallies) {
          t.negative.total++;
          if (repaired === c.original) t.negative.unchanged++;
          if (issues.length) t.negative.flagged++;
        }
        if (part === 'tune' && (repaired !== c.original || issues.length)) ftfyExamples.push({ file, label: c.label, original: c.original, got: repaired, kinds });
        continue;
      }
      const han = inventedHan(c.original + want, repaired);
      const outcome = repaired === want ? 'fixed' : repaired === c.original ? 'unchanged' : 'other';
      for (const t of tallies) {
        t.fixes.total++;
        if (han.length) t.fixes.han++;
        t.fixes[outcome]++;
      }
      if (part === 'tune' && outcome !== 'fixed') ftfyExamples.push({ file, label: c.label, original: c.original, want, got: repaired, outcome, kinds });
    }
  }
  console.log('');
  if (SPLIT === 'all') console.log(ftfyLine("ftfy's cases, both parts: ", ftfy));
  if (SPLIT !== 'test') console.log(ftfyLine("ftfy's cases, tune part (read): ", ftfyParts.tune));
  if (SPLIT !== 'tune') console.log(ftfyLine("ftfy's cases, test part (counted only): ", ftfyParts.test));
}

if (SHOW > 0) {
  console.log('');
  for (const x of examples.slice(0, SHOW)) console.log(JSON.stringify(x));
  for (const x of ftfyExamples.slice(0, SHOW)) console.log(JSON.stringify(x));
}
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ split: SPLIT, all, bySource: Object.fromEntries(bySource), byLang: Object.fromEntries(byLang), ftfy: SPLIT === 'all' ? ftfy : ftfyParts[SPLIT], ftfyParts: SPLIT === 'all' ? ftfyParts : { [SPLIT]: ftfyParts[SPLIT] }, examples, ftfyExamples }, null, 1));
