// How right the guesses for a character lost alone are, by margin (the lone traces of a misaligned
// GBK run: loneMarks.ts, a lone U+FFFD; loneTrails.ts, a lone trail shown as ASCII), as
// scripts/calibrate-run-guesses.mjs measures a run's end guesses. Two sources, the repair
// evaluation's tuning part only unless told:
//  - lines as written: every EVERY-th Chinese character between two Chinese characters that the
//    channel can lose alone is taken in turn as lost (a U+FFFD where its trail makes a gap with the
//    next lead; its trail as ASCII where the trail is 0x41–0x7E), the text around it as written;
//  - the misaligned-GBK cases: every lone U+FFFD and lone trail the garbling made, its neighbours
//    as the garbled text shows them, the character aligned with it in the original the truth;
//    `lone` where both neighbours are as the original writes them, `by a run` where one is not
//    (the mark ends or starts a run, which the repair reads with it when it finds the run).
// Each guess is read as the repair reads it (silentGuesses.ts rereadLone: bigrams with the line's
// prior and the document's pairs, the word model, the margin scaled by the line's fit). For a
// lone U+FFFD it prints, per scaled margin, how many guesses reach it and how many of those are
// right (FFFD_WRITTEN_MARGIN is set where those written are 96 % right), once for every guess and
// once for those loneMark's gate (FFFD_MIN_SHARE) takes. For a lone trail's Han guess on a line
// the character model reads, the same by whether the bigrams alone and the word model alone both
// pick it (LONE_FIRST_AGREED, GUESS_MARGIN). Last, for every lone mark and trail of the cases,
// what the repair itself (findMisalignedGbk) wrote there: written right, written wrong, left as
// shown, read inside a longer run, or not found; by `lone` / `by a run` and by whether a neighbour
// lies inside another span the repair keeps (`found beside`: rereadLone's `others`).
//
//   node scripts/eval-repair/calibrate-lone-marks.mjs [--split tuning] [--every 3] [--dump out.json]
import { requireBundle } from '../nodeBundle.mjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocuments } from './corpus.mjs';
import { alignChars } from './alignChars.mjs';
import { arg, decodedMisalignedCases } from './markCases.mjs';

const split = arg('--split', 'tuning');
const every = Number(arg('--every', '3'));
const dump = arg('--dump', '');
const MARGINS = [0, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6];
/** Text kept each side of a guess: the line (rereadLone reads up to 120 characters) and the document's pairs (2,000). */
const REACH = 2100;

const core = await requireBundle(join('out', 'calibrate-lone-marks', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { loneMark, lostBefore, isChinese } from './src/core/garble/misaligned/loneMarks';
    export { weighLoneTrail } from './src/core/garble/misaligned/loneTrails';
    export { rereadLone } from './src/core/garble/misaligned/silentGuesses';
    export { findMisalignedGbk } from './src/core/garble/misalignedGbk';
    export { DisjointSpans } from './src/core/text/spanOverlap';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();
const isHan = (ch) => /[\u3400-\u9fff]/.test(ch);

/** A lone U+FFFD at `i` of `v`: its guess and whether loneMark's gate takes it. */
function fffdGuess(v, i, others) {
  const code = table.codeOf(v.charCodeAt(i + 1));
  if (code < 0x100) return undefined;
  const options = core.lostBefore(code >> 8, table, lm);
  const g = core.rereadLone(options, v, i, lm, others);
  if (!g) return undefined;
  return { ch: g.ch, margin: g.margin, gated: core.loneMark(v, i, table, lm) !== undefined };
}

/** A lone `?` at `i` of `v`: its guess and whether loneMark's gate takes it, at the gate's lowest (a document's rate lowers it by up to 4 nats). */
function markGuess(v, i, others) {
  const code = table.codeOf(v.charCodeAt(i + 1));
  if (code < 0x100) return undefined;
  const options = core.lostBefore(code >> 8, table, lm);
  const g = core.rereadLone(options, v, i, lm, others);
  if (!g) return undefined;
  return { ch: g.ch, margin: g.margin, gated: core.loneMark(v, i, table, lm, 4) !== undefined };
}

/**
 * A lone trail at `i` of `v`: its guess, its margin scaled by the line's fit, and its bar
 * (rereadLone with `agreement` gives the margin on GUESS_MARGIN's scale, 2 / bar times the scaled
 * one: 1.5 agreed, 2 disputed, classical 1.25 / 2.5; punctuation 2).
 */
function trailGuess(v, i, others) {
  const c = v.charCodeAt(i);
  const options = table.leadsOf(c === 0x20ac ? 0x80 : c);
  const g = core.rereadLone(options, v, i, lm, others);
  const a = core.rereadLone(options, v, i, lm, others, true);
  if (!g || !a) return undefined;
  const ratio = g.margin > 0 ? a.margin / g.margin : 1;
  const bar = !isHan(a.ch) ? 'punct' : Math.abs(ratio - 2 / 1.5) < 1e-6 ? 'agreed' : Math.abs(ratio - 1) < 1e-6 ? 'disputed' : Math.abs(ratio - 2 / 1.25) < 1e-6 ? 'classical agreed' : 'classical disputed';
  const w = core.weighLoneTrail(v, i, table, lm);
  return { ch: a.ch, margin: g.margin, bar, kind: w?.kind ?? '-' };
}

const rows = []; // [source, task, class, margin, right, context]
const push = (source, task, cls, margin, right, context) => rows.push([source, task, cls, +margin.toFixed(3), right ? 1 : 0, context]);

// ---- lines as written ----
const docs = loadDocuments().filter((d) => d.split === split);
let seen = 0;
for (const doc of docs) {
  const t = doc.text;
  for (let i = 1; i + 1 < t.length; i++) {
    const [b, c, n] = [t.charCodeAt(i - 1), t.charCodeAt(i), t.charCodeAt(i + 1)];
    if (!core.isChinese(b) || !core.isChinese(n)) continue;
    const code = table.codeOf(c);
    if (code < 0x100) continue;
    const next = table.codeOf(n);
    const trail = code & 0xff;
    const asFffd = next >= 0x100 && core.lostBefore(next >> 8, table, lm).some(([, ch]) => ch === t[i]);
    const asTrail = trail >= 0x41 && trail <= 0x7e;
    if (!asFffd && !asTrail) continue;
    if (seen++ % every !== 0) continue;
    const a = Math.max(0, i - REACH);
    const at = i - a;
    const around = (mark) => t.slice(a, i) + mark + t.slice(i + 1, i + 1 + REACH);
    const context = (mark) => `${t.slice(Math.max(0, i - 5), i)}${mark}${t.slice(i + 1, i + 6)} (${t[i]})`.replace(/\n/g, '⏎');
    if (asFffd) {
      const g = fffdGuess(around('\ufffd'), at);
      if (g) push('written', g.gated ? 'fffd gated' : 'fffd', isHan(g.ch) ? 'han' : 'punct', g.margin, g.ch === t[i], context(`�→${g.ch}`));
    }
    if (asFffd) {
      const g = markGuess(around('?'), at);
      if (g) push('written', g.gated ? '? gated' : '?', isHan(g.ch) ? 'han' : 'punct', g.margin, g.ch === t[i], context(`?→${g.ch}`));
    }
    if (asTrail) {
      const mark = String.fromCharCode(trail);
      const g = trailGuess(around(mark), at);
      if (g) push('written', `trail ${g.kind}`, g.bar, g.margin, g.ch === t[i], context(`${mark}→${g.ch}`));
    }
  }
}

// ---- the misaligned-GBK cases: the lone marks and trails the garbling made ----
// `beside` rows: every lone mark or trail the garbling made in a misaligned-GBK case (as below),
// with what the repair wrote there (findMisalignedGbk: a span of one character at it, `written`
// right or wrong, or the mark left; `in a run` where a longer span covers it, `unfound` where
// none does), and whether a neighbour lies inside another span the repair keeps (`found beside`:
// rereadLone's `others`), the guess read with those spans as the repair reads it.
const beside = []; // [class, task, margin, right, outcome, context]
for (const { g, o, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length || [...o].length !== o.length) continue;
  const { x, y, ops } = alignChars(o, g);
  const issues = core.findMisalignedGbk(g);
  const others = new core.DisjointSpans();
  for (const s of issues) others.take({ start: s.start, end: s.end });
  const okAt = new Uint8Array(y.length);
  for (const [i, j] of ops) if (i >= 0 && j >= 0 && x[i] === y[j]) okAt[j] = 1;
  for (const [i, j] of ops) {
    if (j < 1 || j + 1 >= y.length || i < 0 || x[i] === y[j]) continue;
    if (!core.isChinese(g.charCodeAt(j - 1)) || !core.isChinese(g.charCodeAt(j + 1))) continue;
    const mark = y[j];
    const c = mark.charCodeAt(0);
    const task = mark === '?' ? '?' : mark === '\ufffd' ? 'fffd' : (c >= 0x40 && c <= 0x7e) || c === 0x20ac ? 'trail' : '';
    if (!task || (task === 'trail' && !core.weighLoneTrail(g, j, table, lm))) continue;
    const issue = issues.find((s) => s.start <= j && j < s.end);
    const foundBeside = others.within(j - 1, j + 2).some((s) => s.start !== j || s.end !== j + 1);
    const cls = `${okAt[j - 1] && okAt[j + 1] ? 'lone' : 'by a run'}${foundBeside ? ', found beside' : ''}`;
    const r = task === '?' ? markGuess(g, j, others) : task === 'fffd' ? fffdGuess(g, j, others) : trailGuess(g, j, others);
    const outcome = !issue ? 'unfound' : issue.end - issue.start > 1 ? 'in a run' : issue.replacement === '\ufffd' || issue.replacement === mark ? 'left' : issue.replacement === x[i] ? 'right' : 'wrong';
    const context = `${g.slice(Math.max(0, j - 5), j + 6)} (${x[i]}) ${where}`.replace(/\n/g, '⏎');
    beside.push([cls, task, r ? r.margin : -1, r && r.ch === x[i] ? 1 : 0, outcome, `${context} → ${r?.ch} wrote ${issue && issue.end - issue.start === 1 ? issue.replacement : '-'}`]);
  }
}

for (const { g, o, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length || [...o].length !== o.length) continue;
  const { x, y, ops } = alignChars(o, g);
  // Per offset of g: whether it is aligned with an equal character of the original.
  const intact = new Uint8Array(y.length);
  for (const [i, j] of ops) if (i >= 0 && j >= 0 && x[i] === y[j]) intact[j] = 1;
  for (const [i, j] of ops) {
    if (j < 1 || j + 1 >= y.length || i < 0 || x[i] === y[j]) continue;
    if (!core.isChinese(g.charCodeAt(j - 1)) || !core.isChinese(g.charCodeAt(j + 1))) continue;
    const context = `${g.slice(Math.max(0, j - 5), j + 6)} (${x[i]}) ${where}`.replace(/\n/g, '⏎');
    // Lone: both neighbours as the original writes them; else the mark ends or starts a run.
    const source = `cases ${intact[j - 1] && intact[j + 1] ? 'lone' : 'by a run'}`;
    if (y[j] === '?') {
      const r = markGuess(g, j);
      if (r) push(source, r.gated ? '? gated' : '?', isHan(r.ch) ? 'han' : 'punct', r.margin, r.ch === x[i], `${context} → ${r.ch}`);
    } else if (y[j] === '\ufffd') {
      const r = fffdGuess(g, j);
      if (r) push(source, r.gated ? 'fffd gated' : 'fffd', isHan(r.ch) ? 'han' : 'punct', r.margin, r.ch === x[i], `${context} → ${r.ch}`);
    } else if (core.weighLoneTrail(g, j, table, lm)) {
      const r = trailGuess(g, j);
      if (r) push(source, `trail ${r.kind}`, r.bar, r.margin, r.ch === x[i], `${context} → ${r.ch}`);
    }
  }
}

if (dump) writeFileSync(dump, JSON.stringify(rows));

const pct = (k, n) => (n ? ((100 * k) / n).toFixed(1) : '-');
/** Per margin: guesses reaching it, and the share of them right. */
function curve(title, list) {
  if (list.length === 0) return;
  const right = list.filter((r) => r[4]).length;
  console.log(`| ${title} | ${list.length} | ${pct(right, list.length)}% | ${MARGINS.map((m) => {
    const at = list.filter((r) => r[3] >= m);
    return `${at.length} / ${pct(at.filter((r) => r[4]).length, at.length)}%`;
  }).join(' | ')} |`);
}
/** Per margin band [m, next m): guesses in it and the share right. */
function bands(title, list) {
  if (list.length === 0) return;
  console.log(`| ${title} | ${MARGINS.map((m, k) => {
    const hi = MARGINS[k + 1] ?? Infinity;
    const at = list.filter((r) => r[3] >= m && r[3] < hi);
    return `${at.length} / ${pct(at.filter((r) => r[4]).length, at.length)}%`;
  }).join(' | ')} |`);
}

console.log(`guesses for a character lost alone, ${split} part (lines as written: every ${every}th place)`);
console.log(`\nreaching each margin (written at that bar): guesses / right`);
console.log(`| source, task, class | guesses | top right | ${MARGINS.map((m) => `≥${m}`).join(' | ')} |`);
console.log(`| --- | ---: | ---: | ${MARGINS.map(() => '---:').join(' | ')} |`);
const keys = [...new Set(rows.map((r) => `${r[0]}\u0000${r[1]}\u0000${r[2]}`))].sort();
for (const k of keys) curve(k.replace(/\u0000/g, ', '), rows.filter((r) => `${r[0]}\u0000${r[1]}\u0000${r[2]}` === k));
// The lone U+FFFD's gated guesses of both sources together, Han and punctuation together.
for (const task of ['fffd gated', '? gated']) for (const src of ['written', 'cases lone', 'cases by a run']) curve(`${src}, ${task}, all`, rows.filter((r) => r[0].startsWith(src) && r[1] === task));
curve('written, trail, agreed', rows.filter((r) => r[0] === 'written' && r[1].startsWith('trail') && r[2] === 'agreed'));
curve('written, trail lower, agreed', rows.filter((r) => r[0] === 'written' && r[1] === 'trail lower' && r[2] === 'agreed'));
console.log(`\nper margin band [m, next): guesses / right`);
console.log(`| source, task, class | ${MARGINS.map((m, k) => `${m}–${MARGINS[k + 1] ?? '∞'}`).join(' | ')} |`);
console.log(`| --- | ${MARGINS.map(() => '---:').join(' | ')} |`);
for (const k of keys) bands(k.replace(/\u0000/g, ', '), rows.filter((r) => `${r[0]}\u0000${r[1]}\u0000${r[2]}` === k));
for (const task of ['fffd gated', '? gated']) for (const src of ['written', 'cases lone', 'cases by a run']) bands(`${src}, ${task}, all`, rows.filter((r) => r[0].startsWith(src) && r[1] === task));
console.log(`\nlone marks and trails the garbling made, as the repair reads them: class, task | count | written right / written wrong / left / in a run / unfound | written ones' guesses reaching each margin / right`);
for (const cls of [...new Set(beside.map((r) => r[0]))].sort()) {
  for (const task of ['fffd', '?', 'trail']) {
    const list = beside.filter((r) => r[0] === cls && r[1] === task);
    if (!list.length) continue;
    const n = (w) => list.filter((r) => r[4] === w).length;
    const lone = list.filter((r) => r[4] === 'right' || r[4] === 'wrong' || r[4] === 'left');
    console.log(`| ${cls}, ${task} | ${list.length} | ${n('right')} / ${n('wrong')} / ${n('left')} / ${n('in a run')} / ${n('unfound')} | ${MARGINS.map((m) => {
      const at = lone.filter((r) => r[2] >= m);
      return `${at.length} / ${pct(at.filter((r) => r[3]).length, at.length)}%`;
    }).join(' | ')} |`);
  }
}
for (const r of beside.filter((r) => r[4] === 'right' || r[4] === 'wrong')) console.log(`  ${r[0]} ${r[1]} ${r[2].toFixed(2).padStart(6)} ${r[4].padEnd(5)} ${r[5]}`);
const wrongCases = rows.filter((r) => r[0].startsWith('cases') && r[1].startsWith('fffd') && !r[4] && r[3] >= 2).sort((a, b) => b[3] - a[3]);
console.log(`\nwrong lone U+FFFD guesses of the cases at a margin of 2 or more: ${wrongCases.length}`);
for (const r of wrongCases.slice(0, 20)) console.log(`  ${r[3].toFixed(2).padStart(6)}  ${r[1]}  ${r[5]}`);
