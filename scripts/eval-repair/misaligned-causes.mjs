// The `misaligned-gbk` rows' edits by cause, finer than misaligned-breakdown.mjs: each edit between
// the repaired text and the original is placed on the garbled stretch of the original it falls in
// (the characters the misreading changed, told by aligning the original with the garbled text) and
// put in one bin by where in that stretch it is and what the repair wrote there:
//  - run not found: the repair left the whole stretch as it was shown;
//  - start missed / end missed: the repair read part of the stretch, but left garbled characters
//    before its first repaired one (the run's start found too late) or after its last (its end
//    too early); middle left: garbled characters left between repaired ones (a U+FFFD the
//    decoder printed and the repair left counts as a hole, below);
//  - first / last / inside, each as a hole (U+FFFD left) or wrong (another character written, or
//    one left out): the stretch's first character (its lead byte lost), its last one (the lone
//    trailing byte: `?` filled, dropped, or an ASCII byte swallowed) and those between (the
//    characters straddling the pair boundary, read one byte off);
//  - fullwidth as ASCII: a fullwidth form of the original that came out as ASCII;
//  - outside runs: an edit where the misreading changed nothing (clean text changed, or a run
//    read past its end); `before a lone mark` when that character is shown, unchanged, right
//    before a `?` or U+FFFD (a run of one character shown read over a clean character and the
//    mark after it: `杨艺�展` repaired `杨��展`, `哉?弗` repaired `哉��弗`).
//
//   npm run eval:repair -- --split tuning --kind "misaligned-gbk doc" --json out.json
//   node scripts/eval-repair/misaligned-causes.mjs out.json [--show bin] [--limit n] [--variants | --sources]
import { readFileSync } from 'node:fs';
import { alignChars as align } from './alignChars.mjs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!file) throw new Error('usage: misaligned-causes.mjs eval.json [--show bin] [--limit n]');
const flag = (name) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const show = flag('--show');
let left = Number(flag('--limit') ?? 20);
const { failures, rows } = JSON.parse(readFileSync(file, 'utf8'));

const BINS = [
  'run not found',
  'start missed',
  'end missed',
  'middle left',
  'first hole',
  'first wrong',
  'last hole',
  'last wrong',
  'inside hole',
  'inside wrong',
  'fullwidth as ASCII',
  'outside runs',
  'before a lone mark',
];

const isFullwidth = (c) => c !== undefined && c.codePointAt(0) >= 0xff01 && c.codePointAt(0) <= 0xff5e;
const isAscii = (c) => c !== undefined && c.codePointAt(0) < 0x80;

/**
 * Per index of the original: whether the misreading changed it (substituted or lost; a character
 * added before it counts too), and whether it is shown unchanged right before a lone `?` or U+FFFD.
 */
function garbledMask(o, g) {
  const { x, y, ops } = align(o, g);
  const mask = new Uint8Array(x.length);
  const beforeMark = new Uint8Array(x.length);
  let lastI = -1;
  for (const [i, j] of ops) {
    if (i >= 0) {
      lastI = i;
      if (j < 0 || x[i] !== y[j]) mask[i] = 1;
      else if (y[j + 1] === '?' || y[j + 1] === '\ufffd') beforeMark[i] = 1;
    } else if (j >= 0) mask[Math.min(lastI + 1, x.length - 1)] = 1;
  }
  return { mask, beforeMark };
}

/** Stretches [a, b) of garbled indices, a stretch id per index (-1 outside). */
function stretchesOf(mask) {
  const id = new Int32Array(mask.length).fill(-1);
  const list = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    if (i > 0 && mask[i - 1]) {
      id[i] = list.length - 1;
      list.at(-1).b = i + 1;
    } else {
      id[i] = list.length;
      list.push({ a: i, b: i + 1 });
    }
  }
  return { id, list };
}

for (const kind of Object.keys(rows).filter((k) => k.startsWith('misaligned-gbk'))) {
  const bins = Object.fromEntries(BINS.map((b) => [b, 0]));
  const byVariant = {};
  for (const f of failures.filter((f) => f.kind === kind)) {
    if (f.repaired === f.original) continue;
    const o = f.original;
    const { mask, beforeMark } = garbledMask(o, f.garbled ?? '');
    const { id, list } = stretchesOf(mask);
    // Which repaired characters are the garbled text kept as it was.
    const kept = new Set();
    const gr = align(f.garbled ?? '', f.repaired);
    for (const [i, j] of gr.ops) if (i >= 0 && j >= 0 && gr.x[i] === gr.y[j]) kept.add(j);
    const { x, y, ops } = align(o, f.repaired);
    // Per stretch: the original indices the repair changed (its output there is not the garbled text).
    const repairedAt = list.map(() => []);
    const errors = [];
    let lastI = -1;
    for (const [i, j] of ops) {
      if (i >= 0) lastI = i;
      const at = i >= 0 ? i : Math.min(lastI + 1, x.length - 1);
      const s = id[at];
      if (s >= 0 && j >= 0 && !kept.has(j)) repairedAt[s].push(at);
      if (i >= 0 && j >= 0 && x[i] === y[j]) continue;
      errors.push({ at, s, got: j >= 0 ? y[j] : undefined, keptHere: j >= 0 && kept.has(j), want: i >= 0 ? x[i] : undefined });
    }
    for (const e of errors) {
      let bin;
      if (e.s < 0) bin = e.at >= 0 && beforeMark[e.at] && e.want !== undefined ? 'before a lone mark' : 'outside runs';
      else {
        const { a, b } = list[e.s];
        const done = repairedAt[e.s];
        if (done.length === 0) bin = 'run not found';
        // A U+FFFD the decoder printed and the repair left is a hole, not a part left unread.
        else if (e.keptHere && e.got !== '\ufffd') bin = e.at < Math.min(...done) ? 'start missed' : e.at > Math.max(...done) ? 'end missed' : 'middle left';
        else if (isFullwidth(e.want) && isAscii(e.got)) bin = 'fullwidth as ASCII';
        else {
          const where = e.at === a ? 'first' : e.at === b - 1 ? 'last' : 'inside';
          bin = `${where} ${e.got === '\ufffd' ? 'hole' : 'wrong'}`;
        }
      }
      bins[bin]++;
      const group = args.includes('--sources') ? f.doc.split('/')[0] : f.variant;
      (byVariant[group] ??= {})[bin] = (byVariant[group][bin] ?? 0) + 1;
      if (show === bin && left-- > 0) {
        const { a, b } = e.s >= 0 ? list[e.s] : { a: e.at, b: e.at + 1 };
        const ctx = (s) => [...s].slice(Math.max(0, a - 6), b + 6).join('');
        console.log(`${f.variant} [${a},${b}) at ${e.at}: want ${e.want ?? '∅'} got ${e.got ?? '∅'}\n  original ${ctx(o)}\n  garbled  ${[...(f.garbled ?? '')].slice(Math.max(0, a - 6), b + 6).join('')}\n  repaired ${[...f.repaired].slice(Math.max(0, a - 6), b + 6).join('')}`);
      }
    }
  }
  const r = rows[kind];
  const total = Object.values(bins).reduce((s, e) => s + e, 0);
  const pct = (e) => `${((100 * e) / r.chars).toFixed(2)}%`;
  console.log(`${kind}: ${r.n} cases, ${r.chars} characters, ${total} edits (CER ${pct(total)}; the row says ${pct(r.editsAfter)})`);
  for (const [bin, e] of Object.entries(bins)) console.log(`  ${bin.padEnd(20)} ${String(e).padStart(6)} edits  ${pct(e)}`);
  if (args.includes('--variants') || args.includes('--sources')) for (const [v, b] of Object.entries(byVariant)) console.log(`  ${v}: ${JSON.stringify(b)}`);
}
