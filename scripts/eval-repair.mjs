// The independent repair evaluation (`npm run eval:repair`): public text in both scripts (news,
// Wikipedia, spoken, technical, classical and literary; scripts/eval-repair/corpus.mjs), garbled by
// real decoders and annotators (scripts/eval-repair/garble.mjs), repaired by the core. Per kind:
// how often the garbling is detected, how often the repair is exact, and the character error rate
// after repair against the rate of leaving the text alone; and whether clean documents stay
// untouched.
//
//   node scripts/eval-repair.mjs [--split test|tuning] [--kind prefix] [--limit docs] [--show N] [--json file]
//
// Tune on `--split tuning` only; `test` (the default) is the held-out part that is reported.
// docs/repair-eval.md says where the sources come from and how to fetch them.
import { requireBundle } from './nodeBundle.mjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCases } from './eval-repair/cases.mjs';
import { foldFullwidth } from './eval-repair/garble.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const split = arg('--split', 'test');
const kindFilter = arg('--kind', '');
const show = Number(arg('--show', '0'));
const jsonOut = arg('--json', '');
const limit = Number(arg('--limit', '0'));

// The core, bundled as the extension bundles it, inside the repository (out/), where it finds
// data/ as it does from dist/.
const core = await requireBundle(join('out', 'eval-repair', 'core.cjs'), 'src/core/index.ts');

const { docs, cases: usable } = buildCases(split, kindFilter, limit);

// ---------------------------------------------------------------------------------------------
// Scoring

/** Levenshtein distance in code points, the shared prefix and suffix set aside. */
function editDistance(a, b) {
  const x = [...a];
  const y = [...b];
  let s = 0;
  while (s < x.length && s < y.length && x[s] === y[s]) s++;
  let ex = x.length;
  let ey = y.length;
  while (ex > s && ey > s && x[ex - 1] === y[ey - 1]) {
    ex--;
    ey--;
  }
  const p = x.slice(s, ex);
  const q = y.slice(s, ey);
  if (p.length === 0) return q.length;
  if (q.length === 0) return p.length;
  let prev = new Int32Array(q.length + 1);
  let cur = new Int32Array(q.length + 1);
  for (let j = 0; j <= q.length; j++) prev[j] = j;
  for (let i = 1; i <= p.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= q.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (p[i - 1] === q[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[q.length];
}

const rows = new Map();
const failures = [];
const t0 = process.cpuUsage();
for (const c of usable) {
  const row = rows.get(c.kind) ?? { n: 0, detected: 0, exact: 0, chars: 0, editsAfter: 0, editsBefore: 0, changedClean: 0, flaggedClean: 0 };
  rows.set(c.kind, row);
  row.n++;
  let repaired;
  let detected;
  let before = c.garbled;
  if (c.bytes) {
    const a = core.analyzeFile(c.bytes);
    detected = a.detection.encoding === c.expectEncoding;
    repaired = a.detection.text;
    // Leaving it alone: the bytes read as UTF-8, as an editor shows them.
    before = new TextDecoder('utf-8').decode(c.bytes);
  } else {
    const issues = core.analyzeText(c.garbled);
    repaired = core.repairText(c.garbled).text;
    if (c.kind === 'clean') {
      detected = issues.length === 0;
      if (repaired !== c.original) row.changedClean++;
      if (issues.length) row.flaggedClean++;
    } else {
      detected = issues.some((i) => c.expect.includes(i.kind));
    }
  }
  // Folding fullwidth forms to ASCII happened to the whole text after the misreading: no repair
  // can tell which `,` was `，`. Such cases are compared with both sides folded.
  if (c.fold) {
    repaired = foldFullwidth(repaired);
    c.original = foldFullwidth(c.original);
  }
  const exact = repaired === c.original;
  if (detected) row.detected++;
  if (exact) row.exact++;
  const len = [...c.original].length;
  row.chars += len;
  row.editsAfter += editDistance(repaired, c.original);
  row.editsBefore += editDistance(before, c.original);
  if (!exact || !detected) failures.push({ kind: c.kind, variant: c.variant, doc: c.doc.id, detected, garbled: c.bytes ? undefined : c.garbled, repaired, original: c.original });
}
const cpu = process.cpuUsage(t0);

const pct = (a, b) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`zhlens repair evaluation, ${split} part: ${docs.length} documents, ${usable.length} cases, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU\n`);
console.log('| kind | cases | detected | exact | CER after repair | CER left alone |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [kind, r] of [...rows].sort((a, b) => a[0].localeCompare(b[0]))) {
  if (kind === 'clean') {
    console.log(`| clean (untouched) | ${r.n} | ${r.n - r.flaggedClean} not flagged | ${r.n - r.changedClean} unchanged | ${pct(r.editsAfter, r.chars)} | 0.0% |`);
    continue;
  }
  console.log(`| ${kind} | ${r.n} | ${pct(r.detected, r.n)} | ${pct(r.exact, r.n)} | ${pct(r.editsAfter, r.chars)} | ${pct(r.editsBefore, r.chars)} |`);
}

if (show > 0) {
  const byKind = new Map();
  for (const f of failures) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  for (const [kind, list] of byKind) {
    console.log(`\n## ${kind}: ${list.length} not exact or not detected`);
    for (const f of list.slice(0, show)) {
      console.log(`- ${f.doc} [${f.variant}] detected=${f.detected}`);
      if (f.garbled !== undefined) console.log(`  garbled:  ${JSON.stringify(f.garbled.slice(0, 240))}`);
      const at = firstDifference(f.repaired, f.original);
      console.log(`  repaired: …${JSON.stringify(f.repaired.slice(Math.max(0, at - 20), at + 60))}`);
      console.log(`  original: …${JSON.stringify(f.original.slice(Math.max(0, at - 20), at + 60))}`);
    }
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ split, rows: Object.fromEntries(rows), failures }, null, 1));

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
