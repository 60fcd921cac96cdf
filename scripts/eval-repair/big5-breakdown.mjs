// Where the character error rate of the `mojibake big5` rows comes from: each original character of
// a garbled paragraph is put against the bytes its decoder lost (a model of the decoder built from
// the decoder itself, pair by pair, and checked against what it printed), and against what the
// repair gave for it (an edit-distance alignment of the repaired line with the original).
//
//   node scripts/eval-repair.mjs --split tuning --kind "mojibake big5" --json out.json
//   node scripts/eval-repair/big5-breakdown.mjs out.json [--readings]
//
// Prints, per number of bytes a character lost (0–3), how many characters there are and what the
// repair made of them: right, U+FFFD (a visible placeholder), another character (a wrong
// restoration, or a misreading of a character whose bytes are all there), text left in mojibake,
// or nothing; and the characters the repair inserted. The floor under the trust rule is the share
// of characters with two or three bytes lost (restored only with a calibrated margin).
import { readFileSync } from 'node:fs';
import { alignChars } from './alignChars.mjs';
import { decoderNamed, decoderOf, modelDecode } from './big5Decoders.mjs';

const file = process.argv[2];
if (!file) throw new Error('usage: big5-breakdown.mjs eval.json');
const { failures } = JSON.parse(readFileSync(file, 'utf8'));
const cases = failures.filter((f) => f.kind === 'mojibake big5');

// ---------------------------------------------------------------------------------------------
// Alignment of the repaired line with the original: for each original character, the repaired
// character put against it ('' when deleted), and the characters inserted.

function align(orig, rep) {
  const { x, y, ops, edits } = alignChars(orig, rep);
  const got = new Array(x.length).fill('');
  const inserted = [];
  for (const [i, j] of ops) {
    if (i < 0) inserted.push(y[j]);
    else if (j >= 0) got[i] = y[j];
  }
  return { got, inserted, edits };
}

// ---------------------------------------------------------------------------------------------
// How many characters a character with one byte lost could have been: the values of that byte
// that make a well-formed UTF-8 character and that the decoder prints exactly as it printed the
// line (decoded again from the token before the byte until the two decodings meet).

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function tokensOf(bytes, d) {
  // Where the decoder's tokens start, and how many code units it printed before each.
  const starts = new Map();
  let out = 0;
  for (let i = 0; i < bytes.length; ) {
    starts.set(i, out);
    const b = bytes[i];
    if (b < 0x80 || d.single.has(b)) {
      out += b < 0x80 ? 1 : d.single.get(b).length;
      i++;
    } else if (i + 1 < bytes.length && d.pairs.has(b * 256 + bytes[i + 1])) {
      out += d.pairs.get(b * 256 + bytes[i + 1]).length;
      i += 2;
    } else {
      out += d.mark.length;
      i += d.swallow && i + 1 < bytes.length && bytes[i + 1] >= 0x80 ? 2 : 1;
    }
  }
  starts.set(bytes.length, out);
  return starts;
}

function readingsOfOneLost(bytes, charStart, len, j, d, starts, printed) {
  let from = j - 1;
  while (from > 0 && !starts.has(from)) from--;
  if (from < 0) from = 0;
  let n = 0;
  const seq = bytes.slice(charStart, charStart + len);
  for (let v = 0x80; v <= 0xff; v++) {
    seq[j - charStart] = v;
    try {
      STRICT_UTF8.decode(new Uint8Array(seq));
    } catch {
      continue;
    }
    const b2 = bytes.slice();
    b2[j] = v;
    const m = modelDecode(b2.slice(from), d);
    // The decodings are in step again at the first token start past j both share.
    const again = tokensOf(b2.slice(from), d);
    let same = false;
    for (const [p, outAt] of again) {
      const at = from + p;
      if (at <= j || !starts.has(at)) continue;
      same = m.out.slice(0, outAt) === printed.slice(starts.get(from), starts.get(at));
      break;
    }
    if (same) n++;
  }
  return n;
}

const OUTCOMES = ['right', 'placeholder', 'wrong', 'mojibake', 'deleted'];
const table = [0, 1, 2, 3].map(() => Object.fromEntries(OUTCOMES.map((o) => [o, 0])));
const byDecoder = new Map();
let chars = 0;
let garbledChars = 0;
let edits = 0;
let insertedMojibake = 0;
let insertedMarks = 0;
let insertedOther = 0;
let modelAgrees = 0;
let lines = 0;
const lostChars = [0, 0, 0, 0];
/** With --readings: per character with one byte lost, how many characters it could have been. */
const readingsWanted = process.argv.includes('--readings');
const readingCounts = [];
const oneLost = [0, 1, 2].map(() => Object.fromEntries(OUTCOMES.map((o) => [o, 0])));
for (const c of cases) {
  const decoder = decoderNamed(c.variant);
  const d = decoderOf(decoder);
  const o = c.original.split('\n');
  const g = c.garbled.split('\n');
  const r = c.repaired.split('\n');
  chars += [...c.original].length;
  const row = byDecoder.get(c.variant) ?? { chars: 0, edits: 0, lost2: 0, cases: 0 };
  byDecoder.set(c.variant, row);
  row.cases++;
  row.chars += [...c.original].length;
  if (o.length !== g.length || o.length !== r.length) {
    // Lines joined or split by the repair: counted whole.
    const a = align(c.original, c.repaired);
    edits += a.edits;
    row.edits += a.edits;
    continue;
  }
  for (let k = 0; k < o.length; k++) {
    const a = align(o[k], r[k]);
    edits += a.edits;
    row.edits += a.edits;
    if (o[k] === g[k]) continue;
    lines++;
    const bytes = [...new TextEncoder().encode(o[k])];
    const m = modelDecode(bytes, d);
    if (m.out === g[k]) modelAgrees++;
    const starts = readingsWanted ? tokensOf(bytes, d) : undefined;
    const origChars = [...o[k]];
    const inGarbled = new Set([...g[k]]);
    const inOriginal = new Set(origChars);
    let at = 0;
    const lostOf = [];
    const outcomeOf = [];
    origChars.forEach((ch, i) => {
      const len = new TextEncoder().encode(ch).length;
      let lost = 0;
      for (let j = at; j < at + len; j++) lost += m.lost[j];
      if (starts && lost === 1) {
        const j = m.lost.indexOf(1, at);
        readingCounts.push(readingsOfOneLost(bytes, at, len, j, d, starts, g[k]));
      }
      at += len;
      lost = Math.min(lost, 3);
      garbledChars++;
      lostChars[lost]++;
      if (lost >= 2) row.lost2++;
      const got = a.got[i];
      const outcome = got === ch ? 'right' : got === '' ? 'deleted' : got === '\ufffd' || got === '?' ? 'placeholder' : inGarbled.has(got) && !inOriginal.has(got) ? 'mojibake' : 'wrong';
      table[lost][outcome]++;
      lostOf.push(lost);
      outcomeOf.push(outcome);
    });
    // Characters with one byte lost, by how many of their two neighbours are whole.
    lostOf.forEach((lost, i) => {
      if (lost !== 1) return;
      const whole = (i > 0 && lostOf[i - 1] === 0 ? 1 : 0) + (i + 1 < lostOf.length && lostOf[i + 1] === 0 ? 1 : 0);
      oneLost[whole][outcomeOf[i]]++;
    });
    for (const ch of a.inserted) {
      if (inGarbled.has(ch) && !inOriginal.has(ch)) {
        insertedMojibake++;
        if (ch === '\ufffd') insertedMarks++;
      }
      else insertedOther++;
    }
  }
}

const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`${cases.length} cases, ${chars} original characters (${garbledChars} in garbled lines), ${edits} edits: CER ${pct(edits, chars)}`);
console.log(`decoder model agrees with the decoder on ${modelAgrees} of ${lines} garbled lines\n`);
console.log('| bytes lost | characters | right | U+FFFD | wrong character | left in mojibake | deleted |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
table.forEach((t, lost) => {
  const n = OUTCOMES.reduce((s, o) => s + t[o], 0);
  console.log(`| ${lost} | ${n} (${pct(n, garbledChars)}) | ${t.right} | ${t.placeholder} | ${t.wrong} | ${t.mojibake} | ${t.deleted} |`);
});
console.log('\n| one byte lost, whole neighbours | characters | right | U+FFFD | wrong character | right of those restored |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
oneLost.forEach((t, whole) => {
  const n = OUTCOMES.reduce((s, o) => s + t[o], 0);
  console.log(`| ${whole} | ${n} | ${t.right} | ${t.placeholder} | ${t.wrong} | ${pct(t.right, t.right + t.wrong)} |`);
});
if (readingsWanted) {
  const sorted = [...readingCounts].sort((a, b) => a - b);
  const mean = readingCounts.reduce((a, b) => a + b, 0) / readingCounts.length;
  console.log(`\ncharacters with one byte lost: the decoder's output allows ${mean.toFixed(1)} readings on average (median ${sorted[sorted.length >> 1]}, least ${sorted[0]}, ${readingCounts.filter((n) => n <= 16).length} of ${readingCounts.length} have 16 or fewer)`);
}
console.log(`\ninserted characters: ${insertedMojibake} of the mojibake (${insertedMarks} of them U+FFFD), ${insertedOther} others`);
const errorsOf = (o) => table.reduce((s, t) => s + t[o], 0);
console.log(`edits by cause (share of all original characters): placeholders ${pct(errorsOf('placeholder'), chars)}, wrong ${pct(errorsOf('wrong'), chars)}, mojibake left ${pct(errorsOf('mojibake') + insertedMojibake, chars)}, deleted ${pct(errorsOf('deleted'), chars)}, other inserted ${pct(insertedOther, chars)}`);
console.log(`floor if every character with 2–3 bytes lost stays U+FFFD: ${pct(lostChars[2] + lostChars[3], chars)}; with 3 lost only: ${pct(lostChars[3], chars)}`);
console.log('\n| variant | cases | CER | floor (2–3 bytes lost) |');
console.log('| --- | ---: | ---: | ---: |');
for (const [v, r] of [...byDecoder].sort()) console.log(`| ${v} | ${r.cases} | ${pct(r.edits, r.chars)} | ${pct(r.lost2, r.chars)} |`);
