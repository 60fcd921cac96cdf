// Where the character error rate of the `misaligned-gbk` rows comes from: every edit between the
// repaired text and the original (an edit-distance alignment) is put in one of three bins by what
// the repair did there, told by a second alignment, of the garbled text with the repaired one:
//  - not found: the repaired text there is the garbled text left as it was (a run not found, or a
//    part of one left out of the run that was);
//  - placeholder: the repair wrote U+FFFD (a lost character it was not sure of);
//  - wrong: the repair wrote another character (a wrong guess for a lost byte, or a run read wrongly).
//
//   node scripts/eval-repair.mjs --split tuning --kind misaligned --json out.json
//   node scripts/eval-repair/misaligned-breakdown.mjs out.json
import { readFileSync } from 'node:fs';
import { alignChars as align } from './alignChars.mjs';

const file = process.argv[2];
if (!file) throw new Error('usage: misaligned-breakdown.mjs eval.json');
const { failures, rows } = JSON.parse(readFileSync(file, 'utf8'));

for (const kind of ['misaligned-gbk doc', 'misaligned-gbk paragraph']) {
  const bins = { 'not found': 0, placeholder: 0, wrong: 0 };
  for (const f of failures.filter((f) => f.kind === kind)) {
    if (f.repaired === f.original) continue;
    // Which repaired characters are the garbled text kept as it was.
    const kept = new Set();
    const g = align(f.garbled ?? '', f.repaired);
    for (const [i, j] of g.ops) if (i >= 0 && j >= 0 && g.x[i] === g.y[j]) kept.add(j);
    const { x, y, ops } = align(f.original, f.repaired);
    let lastJ = -1;
    for (const [i, j] of ops) {
      if (j >= 0) lastJ = j;
      if (i >= 0 && j >= 0 && x[i] === y[j]) continue;
      if (j >= 0 && y[j] === '\ufffd') bins.placeholder++;
      else if (j >= 0) bins[kept.has(j) ? 'not found' : 'wrong']++;
      // A character left out: judged by the repaired characters either side of the gap.
      else bins[(lastJ < 0 || kept.has(lastJ)) && (lastJ + 1 >= y.length || kept.has(lastJ + 1)) ? 'not found' : 'wrong']++;
    }
  }
  const r = rows[kind];
  const total = bins['not found'] + bins.placeholder + bins.wrong;
  const pct = (e) => `${((100 * e) / r.chars).toFixed(2)}%`;
  console.log(`${kind}: ${r.n} cases, ${r.chars} characters, ${total} edits (CER ${pct(total)})`);
  for (const [bin, e] of Object.entries(bins)) console.log(`  ${bin.padEnd(12)} ${String(e).padStart(6)} edits  ${pct(e)} of the characters`);
}
