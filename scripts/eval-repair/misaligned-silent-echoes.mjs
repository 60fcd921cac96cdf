// Silent misaligned runs read by the document's own text, with no bar: where a lead was lost and
// the decoder dropped the trail that made no pair with the next lead (Python's `ignore`), nothing
// shows where the run ends: `律框架` for 法律框架 (法 lost whole), `八未有` for 前所未有 (前所 shown as
// 八). Every place between two characters is asked whether the document writes, around the same
// neighbours, k + 1 characters whose bytes less the first lead decode to the k shown there (k = 0
// to 3) and whose last trail makes no pair with the next character's lead. Counted by k and
// context (characters matched in a row, fewer side / both sides), on both sides of the question:
// the repair evaluation's misaligned-GBK cases (tuning part unless told) — right (the original
// writes those characters), wrong, or at a place the garbling did not change — split by whether
// the text shows the channel (documentRate.ts's bonus > 0) and whether a run found already covers
// the place; and clean text (the part's documents as written and folded, the precision corpus's
// tune split; the garbled side is printed first, `--no-clean` stops there).
//
//   node scripts/eval-repair/misaligned-silent-echoes.mjs [--split tuning] [--precision DIR] [--show 3] [--no-clean]
import { join } from 'node:path';
import { requireBundle } from '../nodeBundle.mjs';
import { loadDocuments } from './corpus.mjs';
import { alignChars } from './alignChars.mjs';
import { arg, cleanTexts, decodedMisalignedCases } from './markCases.mjs';
import { partArgs } from './misalignedScripts.mjs';

const { split, precision } = partArgs(20);
const show = Number(arg('--show', '3'));
const core = await requireBundle(join('out', 'misaligned-silent-echoes', 'core.cjs'), {
  exports: `
    export { gbkTable } from './src/core/codec/gbkTable';
    export { getCharModel } from './src/core/model/charLanguageModel';
    export { ordinary } from './src/core/garble/misaligned/silentGuesses';
    export { isHan } from './src/core/text/chars';
    export { analyzeText } from './src/core/index';
    export { observeSearch } from './src/core/garble/misaligned/probes';
    export { bestReading } from './src/core/garble/misaligned/documentEchoes';
  `,
});
const table = core.gbkTable();
const lm = core.getCharModel();

const SHOWN_MAX = 3; // characters shown where one more stood, at most (0: one lost whole)
const REACH = 4; // characters each side compared, at most
const MAX_OCCURRENCES = 64; // an anchor written more often tells nothing
const WINDOW = 10_000; // characters each side of a place its echoes are looked for in
const chinese = (c) => core.isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
const writable = (ch) => {
  const cp = ch.codePointAt(0);
  return chinese(cp) && cp !== 0xfffd && core.ordinary(ch, lm) && table.codeOf(cp) >= 0x100;
};
/** Whether `echo` (k + 1 characters) could be what the k characters `shown` stand for before `next`: bytes less the first lead decode to them, the last trail makes no pair with next's lead. */
function fitsSilent(echo, shown, next) {
  const bytes = [];
  for (const ch of echo) {
    const code = table.codeOf(ch.codePointAt(0));
    if (code < 0x100) return false;
    bytes.push(code >> 8, code & 0xff);
  }
  for (let j = 0; j < shown.length; j++) if (table.decodePair(bytes[2 * j + 1], bytes[2 * j + 2]) !== shown[j]) return false;
  const nextCode = table.codeOf(next);
  return nextCode >= 0x100 && table.decodePair(bytes[bytes.length - 1], nextCode >> 8) === undefined;
}
function pairIndex(v) {
  const index = new Map();
  for (let q = 0; q + 1 < v.length; q++) {
    if (!chinese(v.charCodeAt(q)) || !chinese(v.charCodeAt(q + 1))) continue;
    const key = v.slice(q, q + 2);
    (index.get(key) ?? index.set(key, []).get(key)).push(q);
  }
  return index;
}
/** The best echo of the place before `p` with the characters from `start` shown, when no other fitting reading has as much context. */
function bestEcho(v, pairs, p, start) {
  const k = p - start + 1;
  const shown = v.slice(start, p);
  const next = v.charCodeAt(p);
  const [lo, hi] = [Math.max(0, p - WINDOW), p + WINDOW];
  const context = new Map();
  const offer = (at) => {
    if (at < 0 || at + k > v.length || (at <= p && start <= at + k)) return;
    const ch = v.slice(at, at + k);
    for (const c of ch) if (!writable(c)) return;
    if (!fitsSilent(ch, shown, next)) return;
    let left = 0;
    while (left < REACH && at - 1 - left >= 0 && start - 1 - left >= 0 && v[at - 1 - left] === v[start - 1 - left] && v[start - 1 - left] !== '\n') left++;
    let right = 0;
    while (right < REACH && at + k + right < v.length && p + right < v.length && v[at + k + right] === v[p + right] && v[p + right] !== '\n') right++;
    const known = context.get(ch);
    if (!known || left + right > known.left + known.right) context.set(ch, { left, right });
  };
  const offerAround = (from, shift) => {
    const list = pairs.get(v.slice(from, from + 2));
    if (!list || list.length > MAX_OCCURRENCES) return;
    for (const q of list) if (q !== from && q >= lo && q <= hi) offer(q + shift);
  };
  if (start >= 2) offerAround(start - 2, 2);
  if (p + 2 <= v.length) offerAround(p, -k);
  const best = core.bestReading(context);
  return best && { p, start, ...best };
}
/** Every echo of every place of `v` (k = 0 to SHOWN_MAX characters shown). */
const echoes = (v) => {
  const out = [];
  const pairs = pairIndex(v);
  for (let p = 1; p + 1 < v.length; p++) {
    if (!chinese(v.charCodeAt(p)) || !chinese(v.charCodeAt(p - 1))) continue;
    for (let shown = 0; shown <= SHOWN_MAX; shown++) {
      const start = p - shown;
      if (start < 1 || !chinese(v.charCodeAt(start - 1)) || (shown > 0 && !core.isHan(v.charCodeAt(start)))) break;
      const echo = bestEcho(v, pairs, p, start);
      if (echo) out.push(echo);
    }
  }
  return out;
};
const key = (e) => `k${e.p - e.start} ${Math.min(e.left, e.right)}/${e.left + e.right}`;
const tally = {};
const add = (side, e, text) => {
  const t = (tally[key(e)] ??= { right: 0, wrong: 0, unchanged: 0, covered: 0, rightNoRate: 0, otherNoRate: 0, clean: 0, ex: [] });
  t[side]++;
  if (side !== 'right' && side !== 'covered' && t.ex.length < show) t.ex.push(`${side}: ${text}`);
};
const docs = loadDocuments().filter((d) => d.split === split);
for (const { g, o, c, where } of decodedMisalignedCases(docs)) {
  if (g === o || [...g].length !== g.length) continue;
  const list = echoes(g);
  if (!list.length) continue;
  let bonus = 0;
  const issues = core.observeSearch({ rate: (_n, _len, b) => (bonus = Math.max(bonus, b)) }, () => core.analyzeText(g));
  const runs = issues.filter((i) => i.kind === 'misaligned-gbk');
  const { x, y, ops } = alignChars(o, g);
  const oOf = new Map();
  for (const [i, j] of ops) if (j >= 0 && i >= 0 && x[i] === y[j]) oOf.set(j, i);
  for (const e of list) {
    const ia = oOf.get(e.start - 1);
    const ib = oOf.get(e.p);
    const was = ia === undefined || ib === undefined ? '\u0000' : o.slice(ia + 1, ib);
    const shown = g.slice(e.start, e.p);
    let side = was === shown ? 'unchanged' : was === e.ch ? 'right' : 'wrong';
    if (runs.some((r) => r.start < Math.max(e.p, e.start + 1) && e.start - 1 < r.end && r.start <= e.p)) side = 'covered';
    else if (bonus === 0) side = side === 'right' ? 'rightNoRate' : 'otherNoRate';
    add(side, e, `${JSON.stringify(g.slice(Math.max(0, e.start - 4), e.p + 4))} → ${e.ch} (original ${JSON.stringify(was)}) ${where}`);
  }
}
const print = () => {
  console.log(`silent echoes, ${split} part, by characters shown (k) and context (fewer side / both): at the document's rate right / wrong / unchanged place; covered by a run found; no rate right / other; clean text`);
  for (const [k, t] of Object.entries(tally).sort()) {
    console.log(`${k.padStart(7)}  ${t.right} / ${t.wrong} / ${t.unchanged}; covered ${t.covered}; no rate ${t.rightNoRate} / ${t.otherNoRate}; clean ${t.clean}`);
    for (const ex of t.ex) console.log(`           ${ex}`);
  }
};
print();
if (!process.argv.includes('--no-clean')) {
  for (const [text, where] of cleanTexts(docs, precision)) for (const e of echoes(text)) add('clean', e, `${JSON.stringify(text.slice(Math.max(0, e.start - 4), e.p + 4))} → ${e.ch} ${where}`);
  console.log('\nwith clean text:');
  print();
}
