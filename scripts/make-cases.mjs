// Generates the case tables test/cases/*.json from the real-text corpus (test/corpus/) and the
// Yizhuang sample, with the garbling simulators of test/garblers/ and a fixed seed, so that the
// tables come out byte-identical on every run:
//   node scripts/make-cases.mjs
// Cases are made here as { label, original, fixed, kinds, source } (byte cases: bytes, encoding,
// bom, text) and written in the tables' one schema (test/unit/caseTable.ts): `original` becomes
// `input` (what a reader finds), `bytes` becomes `input: { base64 }`; `fixed` is what a repair
// must give; a clean case has fixed === input and no kinds. test/cases/known-failures.json (cases
// move in and out of it as the detectors change) and the hand-picked tables such as
// encoding-short.json are not written here.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import iconv from 'iconv-lite';

const SEED = 20240611;
const CORPUS = 'test/corpus';
const CASES = 'test/cases';

// The garblers are TypeScript; bundle them once so this script can call them.
mkdirSync('out/make-cases', { recursive: true });
await esbuild.build({
  entryPoints: ['test/garblers/index.ts'], bundle: true, platform: 'node', format: 'cjs',
  outfile: 'out/make-cases/garblers.cjs', packages: 'external', logLevel: 'warning',
});
const g = createRequire(import.meta.url)('../out/make-cases/garblers.cjs');
const random = g.seededRandom(SEED);

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const HAN = /\p{Script=Han}/u;
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

// ---- snippets: real lines (or sentences of long lines), 10–200 characters, with their origin ----

function sentencesUpTo(line, max) {
  if ([...line].length <= max) return [line];
  const parts = line.match(/[^。！？；!?;]+[。！？；!?;]*/g) ?? [line];
  const out = [];
  let cur = '';
  for (const p of parts) {
    if ([...cur + p].length > max && cur) { out.push(cur); cur = ''; }
    cur += p;
  }
  if (cur) out.push(cur);
  return out.filter((s) => [...s].length <= max);
}

function loadSnippets(path, file) {
  const out = [];
  readFileSync(path, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!HAN.test(line)) return;
    for (const s of sentencesUpTo(line, 200)) {
      const text = s.trim();
      if ([...text].length >= 10 && HAN.test(text)) out.push({ text, source: `${file}:${i + 1}` });
    }
  });
  return out;
}

const files = readdirSync(CORPUS).filter((f) => /\.(txt|md)$/.test(f)).sort();
const snippets = files.flatMap((f) => loadSnippets(join(CORPUS, f), `test/corpus/${f}`));
const yizhuangSimplified = loadSnippets('samples/yizhuang-article/simplified.txt', 'samples/yizhuang-article/simplified.txt');

/** 'simplified' | 'traditional' | 'mixed' by what opencc would change (mixed: both ways). */
function scriptOf(text) {
  const s = toSimplified(text) === text;
  const t = toTraditional(text) === text;
  return s ? 'simplified' : t ? 'traditional' : 'mixed';
}
for (const s of [...snippets, ...yizhuangSimplified]) s.script = scriptOf(s.text);
const pure = snippets.filter((s) => s.script !== 'mixed');

/** A Han character outside GB2312 level 1 (lead byte ≥ D8, or not in GB2312 at all): 卣 蓓 瓚. */
function hasRareHan(text) {
  for (const c of text) {
    if (!HAN.test(c)) continue;
    const b = iconv.encode(c, 'gbk');
    if (b.length !== 2 || b[0] >= 0xd8 || b[0] < 0xb0 || b[1] < 0xa1) return true;
  }
  return false;
}

function take(pool, n, used) {
  const left = pool.filter((s) => !used.has(s.text));
  const out = [];
  while (out.length < n && left.length) {
    const s = left.splice(random.int(0, left.length - 1), 1)[0];
    used.add(s.text);
    out.push(s);
  }
  return out;
}

const tables = {};
function add(table, c) { (tables[table] ??= []).push({ expect: 'pass', ...c }); }

// ---- clean negatives: the tricky sorts that must pass untouched ----

const usedClean = new Set();
const fromFile = (re) => (s) => re.test(s.source);
const cleanPools = [
  ['real ASCII ?', 18, (s) => /\?/.test(s.text)],
  ['real ASCII !', 6, (s) => /!/.test(s.text)],
  ['real ASCII ;', 8, (s) => /;/.test(s.text)],
  ['Latin in ASCII parentheses', 16, (s) => /\([A-Za-z][^()]*\)/.test(s.text)],
  ['code and options', 14, (s) => /(\$ |%s|%l?u|--\w|\w\(\)|\|)/.test(s.text)],
  ['URL', 8, (s) => /https?:\/\//.test(s.text)],
  ['pinyin with tone marks', 6, (s) => TONE.test(s.text)],
  ['rare Han', 12, (s) => s.script === 'simplified' && hasRareHan(s.text)],
  ['Traditional poetry', 12, (s) => s.script === 'traditional' && fromFile(/poetry-tang-trad/)(s)],
  ['Simplified poetry', 14, (s) => s.script === 'simplified' && fromFile(/poetry-(song|shijing|tang300)/)(s)],
  ['classical prose', 6, fromFile(/lunyu/)],
  ['Traditional biography', 10, fromFile(/biographies/)],
  ['Traditional technical', 10, (s) => s.script === 'traditional' && fromFile(/zh-tw/)(s)],
  ['Simplified technical', 8, (s) => s.script === 'simplified' && fromFile(/zh-cn|fortunes/)(s)],
  ['short snippet', 10, (s) => [...s.text].length <= 16],
];
for (const [what, n, keep] of cleanPools) {
  for (const s of take(pure.filter(keep), n, usedClean)) {
    add('clean', { label: `clean: ${what}`, original: s.text, fixed: s.text, kinds: [], source: s.source });
  }
}
// Hand-picked real lines that sit closest to what the detectors look for.
const handPicked = [
  ['fullwidth parenthesised reading in a poem', '封狼居胥（xū）'],
  ['ASCII parenthesised toneless reading in a poem', '佛(bi)狸祠下'],
  ['pinyin-pro example with tone-marked output', `pinyin("汉语拼音"); // 'hàn yǔ pīn yīn'`],
  ['卣 in the Shijing', '秬鬯一卣'],
];
for (const [what, needle] of handPicked) {
  const s = snippets.find((x) => x.text.includes(needle));
  if (!s) throw new Error(`hand-picked line not found: ${needle}`);
  if (!usedClean.has(s.text)) {
    usedClean.add(s.text);
    add('clean', { label: `clean: ${what}`, original: s.text, fixed: s.text, kinds: [], source: s.source });
  }
}
for (const s of yizhuangSimplified.filter((x) => /\d%|蓓|\(/.test(x.text)).slice(0, 8)) {
  add('clean', { label: 'clean: news with 8.4%, 郭蓓蓓, real parentheses', original: s.text, fixed: s.text, kinds: [], source: s.source });
}
for (const f of ['classics-lunyu-simplified.txt', 'poetry-annotated-reading-simplified.txt']) {
  const text = readFileSync(join(CORPUS, f), 'utf8');
  add('clean', { label: `clean: whole file ${f}`, original: text, fixed: text, kinds: [], source: `test/corpus/${f}` });
}

// ---- garbled spans: a phrase inside a real line, or the whole line ----

/** A span [start, end) of whole characters: `whole` → the line, else 2–10 characters of Han. */
function pickSpan(text, whole) {
  if (whole) return [0, text.length];
  const chars = [...text];
  const hanAt = chars.map((c, i) => (HAN.test(c) ? i : -1)).filter((i) => i >= 0);
  const first = random.pick(hanAt);
  const len = random.int(2, 10);
  const lastChar = Math.min(chars.length, first + len);
  const start = chars.slice(0, first).join('').length;
  return [start, start + chars.slice(first, lastChar).join('').length];
}

function garbleCases(table, n, pool, make) {
  const used = new Set();
  let tries = 0;
  while ((tables[table]?.length ?? 0) < n && tries++ < n * 200) {
    const s = random.pick(pool);
    if (used.has(s.text)) continue;
    const c = make(s, random.next() < 0.25);
    if (!c || c.original === s.text) continue;
    used.add(s.text);
    add(table, { ...c, source: s.source });
  }
}

const simplifiedPool = pure.filter((s) => s.script === 'simplified');
const traditionalPool = pure.filter((s) => s.script === 'traditional');
const splice = (text, [a, b], mid) => text.slice(0, a) + mid + text.slice(b);

garbleCases('mojibake-gbk', 40, pure, (s, whole) => {
  const span = pickSpan(s.text, whole);
  const piece = s.text.slice(...span);
  if (!g.isLosslessGbkMojibake(piece)) return null;
  return { label: `mojibake-gbk (古文码): UTF-8 read as GBK, ${whole ? 'whole line' : 'phrase'}`, original: splice(s.text, span, g.mojibakeGbk(piece)), fixed: s.text, kinds: ['mojibake-gbk'] };
});
// The odd last byte is written as `?`: two of the last character's three UTF-8 bytes survive, so
// the repair restores the third (64 candidates, chosen by the language model in context). The
// expected text is the original; a wrong guess costs one character, as U+FFFD would.
garbleCases('mojibake-gbk-lossy', 12, pure, (s, whole) => {
  const span = pickSpan(s.text, whole);
  const piece = s.text.slice(...span);
  const garbled = g.mojibakeGbk(piece);
  const utf8 = Buffer.from(piece, 'utf8');
  const chars = [...piece];
  if (!garbled.endsWith('?') || !HAN.test(chars.at(-1))) return null;
  if (!iconv.encode(garbled.slice(0, -1), 'gbk').equals(utf8.subarray(0, utf8.length - 1))) return null;
  return { label: 'mojibake-gbk (古文码) with the odd last byte lost as ?', original: splice(s.text, span, garbled), fixed: s.text, kinds: ['mojibake-gbk'] };
});
garbleCases('lossy-kunjinkao', 14, pure, (s, whole) => {
  const span = pickSpan(s.text, whole);
  const garbled = g.mojibakeGbkOfReplacement(g.replacementChar(s.text.slice(...span), 'gbk'));
  if (!garbled.includes('锟')) return null;
  const original = splice(s.text, span, garbled);
  return { label: 'lossy 锟斤拷: GBK read as UTF-8, saved, read as GBK (flag only)', original, fixed: original, kinds: ['mojibake-gbk'] };
});
garbleCases('replacement-char', 30, pure, (s, whole) => {
  const span = pickSpan(s.text, whole);
  const legacy = s.script === 'traditional' && g.isBig5Encodable(s.text.slice(...span)) && random.next() < 0.5 ? 'big5' : 'gbk';
  const garbled = g.replacementChar(s.text.slice(...span), legacy);
  if (!garbled.includes('\uFFFD')) return null;
  const original = splice(s.text, span, garbled);
  return { label: `replacement-char: ${legacy.toUpperCase()} bytes read as UTF-8 and saved (flag only)`, original, fixed: original, kinds: ['replacement-char'] };
});
garbleCases('mojibake-latin1', 45, pure, (s, whole) => {
  const span = pickSpan(s.text, whole);
  const piece = s.text.slice(...span);
  const how = random.pick(['utf8-cp1252', 'utf8-cp1252', 'utf8-latin1', 'gbk-latin1']);
  if (how === 'gbk-latin1' && !g.isGbkEncodable(piece)) return null;
  const garbled = how === 'utf8-cp1252' ? g.mojibakeLatin1(piece, 'cp1252-sloppy')
    : how === 'utf8-latin1' ? g.mojibakeLatin1(piece, 'latin1') : g.gbkAsLatin1(piece, 'latin1');
  const what = { 'utf8-cp1252': 'UTF-8 read as sloppy cp1252 (符号码)', 'utf8-latin1': 'UTF-8 read as Latin-1', 'gbk-latin1': 'GBK read as Latin-1 (拼音码)' }[how];
  return { label: `mojibake-latin1: ${what}, ${whole ? 'whole line' : 'phrase'}`, original: splice(s.text, span, garbled), fixed: s.text, kinds: ['mojibake-latin1'] };
});
// Big5 leaves most UTF-8 pairs unmapped; keep the spans whose mojibake still holds every byte.
garbleCases('mojibake-big5', 20, pure, (s) => {
  const chars = [...s.text];
  for (let k = 0; k < 30; k++) {
    const first = random.int(0, chars.length - 2);
    const len = random.int(1, 4);
    const start = chars.slice(0, first).join('').length;
    const piece = chars.slice(first, first + len).join('');
    if (!HAN.test(piece) || !g.isLosslessBig5Mojibake(piece)) continue;
    const span = [start, start + piece.length];
    return { label: 'mojibake-big5: UTF-8 read as Big5, lossless span', original: splice(s.text, span, g.mojibakeBig5(piece)), fixed: s.text, kinds: ['mojibake-big5'] };
  }
  return null;
});
garbleCases('misaligned-gbk', 45, pure, (s) => {
  if (!g.isGbkEncodable(s.text)) return null;
  const [start, end] = pickSpan(s.text, false);
  if (start === 0 || end - start < 3) return null;
  const original = g.misalignedGbk(s.text, start, end);
  return { label: 'misaligned-gbk: GBK re-paired one byte off, first byte lost', original, fixed: s.text, kinds: ['misaligned-gbk'] };
});
garbleCases('pinyin-annotation', 40, traditionalPool, (s) => {
  const differing = [...s.text].filter((c) => HAN.test(c) && toSimplified(c) !== c).length;
  if (differing < 2) return null;
  const share = [0.3, 0.5, 0.7][random.int(0, 2)];
  const original = g.pinyinAnnotation(s.text, share, random);
  if (original === s.text) return null;
  return { label: `pinyin-annotation: default readings after ${share * 100}% of the characters that differ in Simplified`, original, fixed: s.text, kinds: ['pinyin-annotation'] };
});
// Detection only: conversion is on request, so `fixed` is the mixed text itself.
garbleCases('mixed-script', 36, pure, (s) => {
  const direction = s.script === 'simplified' ? 'to-traditional' : 'to-simplified';
  const chars = [...s.text];
  if (chars.length < 12) return null;
  const cut = random.int(Math.floor(chars.length / 3), Math.floor((2 * chars.length) / 3));
  const [a, b] = random.next() < 0.5 ? [0, cut] : [cut, chars.length];
  const start = chars.slice(0, a).join('').length;
  const end = chars.slice(0, b).join('').length;
  const original = g.mixedScript(s.text, start, end, direction);
  const changed = [...original].filter((c, i) => c !== chars[i]).length;
  if (changed < 2 || scriptOf(original) !== 'mixed') return null;
  return { label: `mixed-script: part of a ${s.script} line converted ${direction} (detect only)`, original, fixed: original, kinds: ['mixed-script'] };
});

// ---- the Yizhuang article, line by line: annotations and misaligned runs together ----

{
  const garbled = readFileSync('samples/yizhuang-article/garbled.txt', 'utf8').split('\n');
  const repaired = readFileSync('samples/yizhuang-article/repaired.txt', 'utf8').split('\n');
  garbled.forEach((line, i) => {
    const kinds = [];
    if (/[?€]/.test(line)) kinds.push('misaligned-gbk');
    // Every `?` and `€` of the file is an artifact of a run; every Latin `(…)` after Han is a reading.
    if (/\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u.test(line)) kinds.push('pinyin-annotation');
    add('yizhuang-lines', { label: `Yizhuang article line ${i + 1}`, original: line, fixed: repaired[i], kinds, source: `samples/yizhuang-article/garbled.txt:${i + 1}` });
    // The same runs as a WHATWG or Python decoder marks them: U+FFFD where this one wrote `?`.
    if (line.includes('?')) {
      add('yizhuang-lines', { label: `Yizhuang article line ${i + 1}, U+FFFD for ?`, original: line.replaceAll('?', '\uFFFD'), fixed: repaired[i], kinds, source: `samples/yizhuang-article/garbled.txt:${i + 1}` });
    }
  });
}

// ---- bytes: which encoding a file is in ----

const b64 = (u8) => Buffer.from(u8).toString('base64');
function byteCase(table, s, encoding, bom, label) {
  add(table, { label, bytes: b64(g.wrongEncoding(s.text, encoding, { bom })), encoding, bom, text: s.text, source: s.source });
}
const encodingPlan = [
  ['gb18030', false, 24, pure.filter((s) => g.isEncodable(s.text, 'gb18030'))],
  ['big5', false, 18, traditionalPool.filter((s) => g.isEncodable(s.text, 'big5'))],
  ['utf-16le', true, 8, pure], ['utf-16le', false, 8, pure],
  ['utf-16be', true, 6, pure], ['utf-16be', false, 6, pure],
  ['utf-8', false, 16, pure], ['utf-8', true, 6, pure],
];
const usedBytes = new Set();
for (const [enc, bom, n, pool] of encodingPlan) {
  for (const s of take(pool, n, usedBytes)) byteCase('encoding', s, enc, bom, `${enc}${bom ? ' with BOM' : ''}, ${[...s.text].length} characters`);
}
// Longer texts (the first 3 KB of a file, whole lines): where byte statistics have enough to go on.
for (const [f, enc] of [['classics-lunyu-simplified.txt', 'gb18030'], ['poetry-tang-traditional.txt', 'big5'], ['tech-debian-reference-zh-tw.txt', 'big5'], ['prose-debian-fortunes-simplified.txt', 'utf-16le']]) {
  const text = readFileSync(join(CORPUS, f), 'utf8').slice(0, 1000).replace(/[^\n]*$/, '');
  if (!g.isEncodable(text, enc)) continue;
  byteCase('encoding', { text, source: `test/corpus/${f}` }, enc, enc === 'utf-16le', `${enc}${enc === 'utf-16le' ? ' with BOM' : ''}, first ${text.length} characters of a file`);
}

// Added after every other table so that their random draws stay as they were: pinyin noise
// inserted by web pages, `人(rén )次(cì )`, on Simplified lines (8 cases after the 40 above).
garbleCases('pinyin-annotation', 48, simplifiedPool, (s) => {
  if ([...s.text].filter((c) => HAN.test(c)).length < 10) return null;
  const original = g.pinyinNoise(s.text, 0.3, random);
  if ((original.match(/ \)/g) ?? []).length < 3) return null;
  return { label: 'pinyin-annotation: web-page noise, reading and a space in parentheses after 30% of the Han characters', original, fixed: s.text, kinds: ['pinyin-annotation'] };
});

// Also last: 古文码 from web pages that dropped the private-use characters of GBK user-defined
// pairs (two bytes lost at a time); lines with at least one such pair and no `?`.
garbleCases('mojibake-gbk-dropped', 20, pure, (s) => {
  if (!g.isLosslessGbkMojibake(s.text)) return null;
  const original = g.mojibakeGbkDroppedPua(s.text);
  if (original === g.mojibakeGbk(s.text)) return null;
  return { label: 'mojibake-gbk (古文码) with the private-use characters of user-defined pairs dropped', original, fixed: s.text, kinds: ['mojibake-gbk'] };
});

// ---- write ----

// C1 controls (from sloppy cp1252 / Latin-1 mojibake) are written escaped so the JSON stays readable.
const json = (v) => JSON.stringify(v, null, 2).replace(/[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
mkdirSync(CASES, { recursive: true });
// Cases that the core fails today live in known-failures.json (moved there by the case-table test
// with ZHLENS_UPDATE_KNOWN_FAILURES=1); a regenerated table leaves them out so none is duplicated.
const knownPath = join(CASES, 'known-failures.json');
const known = existsSync(knownPath) ? JSON.parse(readFileSync(knownPath, 'utf8')) : [];
/** A case in the tables' schema: `original` → `input`, `bytes` → `input: { base64 }`, in place. */
const inSchema = (c) => Object.fromEntries(Object.entries(c).map(([k, v]) => (k === 'original' ? ['input', v] : k === 'bytes' ? ['input', { base64: v }] : [k, v])));
const knownKey = (name, c) => `${name}\u0000${JSON.stringify(c.input)}`;
const knownKeys = new Set(known.filter((c) => c.table).map((c) => knownKey(c.table, c)));
const counts = [];
for (const [name, cases] of Object.entries(tables)) {
  writeFileSync(join(CASES, `${name}.json`), json(cases.map(inSchema).filter((c) => !knownKeys.has(knownKey(name, c)))));
  counts.push(`${name}: ${cases.length}`);
}
console.log(counts.join('\n'));
