// The mojibake a Big5 repair left unread, run by run: for each garbled line of the `mojibake big5`
// rows, the stretches of the repaired line that are still mojibake (characters of the garbled line
// that the original does not write), with the text around them and the original they stand for.
//
//   node scripts/eval-repair.mjs --split tuning --kind "mojibake big5" --json out.json
//   node scripts/eval-repair/big5-unread.mjs out.json [--limit N]
//
// Prints each stretch (repaired, with 8 characters each side; the original aligned with it) and a
// summary by what stands right before and after it, to see why a run was not read.
import { readFileSync } from 'node:fs';
import { alignChars } from './alignChars.mjs';

const file = process.argv[2];
if (!file) throw new Error('usage: big5-unread.mjs eval.json [--limit N]');
const limitAt = process.argv.indexOf('--limit');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;
const { failures } = JSON.parse(readFileSync(file, 'utf8'));
const cases = failures.filter((f) => f.kind === 'mojibake big5');

const show = (s) => s.replaceAll('\n', '⏎');
const classOf = (ch) => {
  if (ch === undefined) return 'line edge';
  const cp = ch.codePointAt(0);
  if (ch === '\ufffd' || ch === '?') return 'mark';
  if (cp < 0x80) return /[0-9]/.test(ch) ? 'digit' : /[A-Za-z]/.test(ch) ? 'letter' : ch === ' ' ? 'space' : 'ascii symbol';
  return 'other';
};
let stretches = 0;
let chars = 0;
const byEdges = new Map();
let shown = 0;
for (const c of cases) {
  const o = c.original.split('\n');
  const g = c.garbled.split('\n');
  const r = c.repaired.split('\n');
  if (o.length !== g.length || o.length !== r.length) continue;
  for (let k = 0; k < o.length; k++) {
    if (o[k] === g[k]) continue;
    const inGarbled = new Set([...g[k]]);
    const inOriginal = new Set([...o[k]]);
    const { x, y, ops } = alignChars(o[k], r[k]);
    // For each repaired character, the original character it stands against (-1 when inserted).
    const origOf = new Array(y.length).fill(-1);
    for (const [i, j] of ops) if (j >= 0) origOf[j] = i;
    const left = (ch) => ch !== '\ufffd' && ch.codePointAt(0) >= 0x80 && inGarbled.has(ch) && !inOriginal.has(ch);
    for (let j = 0; j < y.length; ) {
      if (!left(y[j])) {
        j++;
        continue;
      }
      let e = j;
      while (e < y.length && (left(y[e]) || ((y[e] === '\ufffd' || y[e] === '?') && e + 1 < y.length && left(y[e + 1])))) e++;
      stretches++;
      chars += e - j;
      const key = `${classOf(y[j - 1])} | ${classOf(y[e])}`;
      byEdges.set(key, (byEdges.get(key) ?? 0) + 1);
      const os = origOf.slice(j, e).filter((i) => i >= 0);
      const orig = os.length ? x.slice(Math.min(...os), Math.max(...os) + 1).join('') : '';
      if (shown++ < limit)
        console.log(`${c.variant}\t${show(y.slice(Math.max(0, j - 8), j).join(''))}【${show(y.slice(j, e).join(''))}】${show(y.slice(e, e + 8).join(''))}\t= ${show(orig)}`);
      j = e;
    }
  }
}
console.log(`\n${stretches} stretches of mojibake left, ${chars} characters`);
console.log('\n| before | after | stretches |\n| --- | --- | ---: |');
for (const [k, n] of [...byEdges].sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${n} |`);
