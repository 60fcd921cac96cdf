// Where the `misaligned-gbk` rows' remaining edits sit, by the part of a run the repair got wrong.
// Each edit between the repaired text and the original (an edit-distance alignment) is placed on
// the garbled stretch of the original it falls in (the characters the misreading changed, told by
// aligning the original with the garbled text) and put in one class:
//  - never found: the repair left the whole stretch as it was shown;
//  - start: the run's first character, whose lead byte was lost (a U+FFFD left or another
//    character guessed), garbled characters left before the first one the repair read (the start
//    found too late), or clean characters just before the stretch read as part of it (too early);
//  - inside: characters between the first and the last read wrongly, left as U+FFFD, or left as
//    shown between read ones (a pairing read wrongly, a run cut in two);
//  - end: the last character (its trail shown as `?`, U+FFFD or an ASCII letter, or dropped; a
//    U+FFFD left or another character guessed), garbled characters left after the last one read
//    (the end found too early), or clean characters just after the stretch read with it (too late);
//  - fullwidth as ASCII: a fullwidth form of the original that came out as ASCII;
//  - clean changed: an edit two characters or more away from any garbled stretch.
// A stretch of one character (a lone trail shown, its lead lost) has its start and end in one: its
// edits are counted under start as `one-character run`.
//
//   npm run eval:repair -- --split tuning --kind misaligned --json out.json
//   node scripts/eval-repair/misaligned-edits.mjs out.json [--examples n] [--sources]
import { readFileSync } from 'node:fs';
import { alignChars } from './alignChars.mjs';

const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith('.json'));
if (!file) throw new Error('usage: misaligned-edits.mjs eval.json [--examples n] [--sources]');
const at = args.indexOf('--examples');
const examples = at >= 0 ? Number(args[at + 1]) : 3;
const { failures, rows } = JSON.parse(readFileSync(file, 'utf8'));

const CLASSES = {
  'never found': ['whole stretch'],
  start: ['first hole', 'first wrong', 'one-character run', 'left before', 'clean taken in'],
  inside: ['hole', 'wrong', 'left between'],
  end: ['last hole', 'last wrong', 'left after', 'read past end'],
  'fullwidth as ASCII': ['folded'],
  'clean changed': ['away from runs'],
};
/** How far (characters of the original) a clean edit may lie from a stretch and count as its start or end. */
const NEAR = 2;

const code = (c) => (c === undefined ? -1 : c.codePointAt(0));
const isFullwidth = (c) => code(c) >= 0xff01 && code(c) <= 0xff5e;
const isAscii = (c) => c !== undefined && code(c) < 0x80;

/** What the garbled text shows for a stretch's last character: the trace its end left. */
function traceOf(c) {
  if (c === undefined) return 'dropped';
  if (c === '?') return '?';
  if (c === '\ufffd') return 'U+FFFD';
  if (/[A-Za-z]/.test(c)) return 'letter';
  if (isAscii(c)) return 'sign';
  return 'character';
}

/**
 * The garbled stretches of one case: per index of the original, its stretch (-1 when the
 * misreading left it as it was), each stretch's range [a, b) and what the garbled text shows for
 * its last character (`trace`).
 */
function stretches(o, g) {
  const { x, y, ops } = alignChars(o, g);
  const id = new Int32Array(x.length).fill(-1);
  const list = [];
  let prev = -1;
  const mark = (i) => {
    if (i < 0 || id[i] >= 0) return;
    if (i > 0 && id[i - 1] >= 0) {
      id[i] = id[i - 1];
      list[id[i]].b = i + 1;
    } else {
      id[i] = list.length;
      list.push({ a: i, b: i + 1 });
    }
  };
  for (const [i, j] of ops) {
    if (i >= 0) prev = i;
    if (i >= 0 && (j < 0 || x[i] !== y[j])) {
      mark(i);
      list[id[i]].trace = traceOf(j >= 0 ? y[j] : undefined);
    } else if (i < 0) mark(Math.min(prev + 1, x.length - 1));
  }
  return { id, list };
}

const counts = {};
for (const kind of Object.keys(rows).filter((k) => k.startsWith('misaligned-gbk'))) {
  const tally = new Map();
  const shown = new Map();
  const bySource = {};
  const byTrace = {};
  const guesses = {};
  const add = (f, cls, sub, a, b, e) => {
    const key = `${cls}\u0000${sub}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    const src = f.doc.split('/')[0];
    (bySource[src] ??= {})[cls] = (bySource[src][cls] ?? 0) + 1;
    const list = shown.get(key) ?? [];
    shown.set(key, list);
    if (list.length < examples) {
      // Around the edit, and no further than the stretch's ends.
      const cut = (s) => [...s].slice(Math.max(0, a - 4, e.o - 8), Math.min(b + 4, e.o + 9)).join('');
      list.push(`${f.doc.split("/")[0]} ${f.variant}: want ${e.want ?? '∅'} got ${e.got ?? '∅'}  ${cut(f.original)} | ${cut(f.garbled ?? '')} | ${cut(f.repaired)}`);
    }
  };
  for (const f of failures.filter((f) => f.kind === kind && f.repaired !== f.original)) {
    const { id, list } = stretches(f.original, f.garbled ?? '');
    // Repaired characters that are the garbled text kept as shown.
    const kept = new Set();
    const gr = alignChars(f.garbled ?? '', f.repaired);
    for (const [i, j] of gr.ops) if (i >= 0 && j >= 0 && gr.x[i] === gr.y[j]) kept.add(j);
    const { x, y, ops } = alignChars(f.original, f.repaired);
    const read = list.map(() => []);
    const edits = [];
    const outAt = new Map();
    let prev = -1;
    for (const [i, j] of ops) {
      if (i >= 0) prev = i;
      if (i >= 0) outAt.set(i, j >= 0 ? y[j] : undefined);
      const o = i >= 0 ? i : Math.min(prev + 1, x.length - 1);
      if (id[o] >= 0 && j >= 0 && !kept.has(j)) read[id[o]].push(o);
      if (i >= 0 && j >= 0 && x[i] === y[j]) continue;
      edits.push({ o, got: j >= 0 ? y[j] : undefined, keptHere: j >= 0 && kept.has(j), want: i >= 0 ? x[i] : undefined });
    }
    // The guessed ends of the stretches a run read (two characters or more): written right, a U+FFFD, or wrong.
    for (const [k, { a, b }] of list.entries()) {
      if (read[k].length === 0 || b - a < 2) continue;
      for (const [end, o] of [['first', a], ['last', b - 1]]) {
        const got = outAt.get(o);
        const how = got === x[o] ? 'right' : got === '\ufffd' ? 'hole' : 'wrong';
        (guesses[end] ??= { right: 0, hole: 0, wrong: 0 })[how]++;
      }
    }
    for (const e of edits) {
      const s = id[e.o];
      if (s < 0) {
        // A clean character changed: the start or end of a stretch within NEAR, else clean text.
        let near;
        for (let d = 1; d <= NEAR && near === undefined; d++) {
          if (id[e.o + d] >= 0 && list[id[e.o + d]].a === e.o + d) near = ['start', 'clean taken in', list[id[e.o + d]]];
          else if (e.o - d >= 0 && id[e.o - d] >= 0 && list[id[e.o - d]].b === e.o - d + 1) near = ['end', 'read past end', list[id[e.o - d]]];
        }
        if (near) add(f, near[0], near[1], near[2].a, near[2].b, e);
        else add(f, 'clean changed', 'away from runs', e.o, e.o + 1, e);
        continue;
      }
      const { a, b, trace } = list[s];
      const done = read[s];
      if (done.length === 0) add(f, 'never found', 'whole stretch', a, b, e);
      else if (e.keptHere && e.got !== '\ufffd') {
        const sub = e.o < Math.min(...done) ? ['start', 'left before'] : e.o > Math.max(...done) ? ['end', 'left after'] : ['inside', 'left between'];
        add(f, sub[0], sub[1], a, b, e);
      } else if (isFullwidth(e.want) && isAscii(e.got)) add(f, 'fullwidth as ASCII', 'folded', a, b, e);
      else {
        const hole = e.got === '\ufffd';
        if (b - a === 1) add(f, 'start', 'one-character run', a, b, e);
        else if (e.o === a) add(f, 'start', hole ? 'first hole' : 'first wrong', a, b, e);
        else if (e.o === b - 1) {
          add(f, 'end', hole ? 'last hole' : 'last wrong', a, b, e);
          byTrace[trace] = (byTrace[trace] ?? 0) + 1;
        } else add(f, 'inside', hole ? 'hole' : 'wrong', a, b, e);
      }
    }
  }
  const r = rows[kind];
  const total = [...tally.values()].reduce((s, n) => s + n, 0);
  const pct = (n) => `${((100 * n) / r.chars).toFixed(2)} %`;
  console.log(`\n${kind}: ${r.n} cases, ${r.chars} characters, ${total} edits (CER ${pct(total)}; the row says ${r.editsAfter})`);
  counts[kind] = {};
  for (const [cls, subs] of Object.entries(CLASSES)) {
    const n = subs.reduce((s, sub) => s + (tally.get(`${cls}\u0000${sub}`) ?? 0), 0);
    counts[kind][cls] = n;
    console.log(`  ${cls.padEnd(20)} ${String(n).padStart(6)}  ${pct(n)}`);
    for (const sub of subs) {
      const key = `${cls}\u0000${sub}`;
      if (!tally.get(key)) continue;
      console.log(`    ${sub.padEnd(18)} ${String(tally.get(key)).padStart(6)}`);
      for (const line of shown.get(key)) console.log(`      ${line.replace(/\n/g, '⏎')}`);
    }
  }
  for (const [end, g] of Object.entries(guesses))
    console.log(`  ${end} characters of stretches read (cases not exact): ${g.right} right, ${g.hole} U+FFFD, ${g.wrong} wrong (${((100 * g.right) / (g.right + g.wrong)).toFixed(1)} % of those written right)`);
  console.log(`  last character's edits by the trace after the stretch: ${JSON.stringify(byTrace)}`);
  if (args.includes('--sources')) for (const [src, c] of Object.entries(bySource)) console.log(`  ${src}: ${JSON.stringify(c)}`);
}
