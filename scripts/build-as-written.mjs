// Builds data/asWritten.json: two estimates of the text as it stands that the character models
// cannot give (src/core/decision/asWritten.ts, docs/precision.md "Letter words and digit-like
// symbols").
//
//   node scripts/build-as-written.mjs [--precision /work/data/precision] [--ner /work/data/ner] [--out data/asWritten.json]
//
// - Letter words. Chinese writes one or two Latin letters as a word between Han characters
//   (C语言, A股, B超, X光, T恤, K线, IP地址). The character model folds every letter into one token,
//   after which another letter takes nearly all the mass, so it scores such a word as very
//   unlikely (ln P(语 | letter) = −15.2). Counted here: every run of ASCII letters (fullwidth
//   folded) that starts right after a CJK character; for runs of one or two letters followed by a
//   CJK character and starting with a capital (the shapes Chinese writes as words: A股, Q版, IP地址),
//   the run itself and that character. Other runs count in the total only.
// - Digit-like symbols. Superscripts and vulgar fractions (² ³ ¹ ¼ ½ ¾ ⁰–⁹ ₀–₉ ⅐–⅞) are
//   digits written otherwise; both models have seen too few to score them. Counted: how often
//   each is written against the ASCII and fullwidth digits.
//
// Sources, all public clean text of training and tuning splits only:
// - the training files of the NER corpora (/work/data/ner: MSRA, Weibo, Resume, CLUENER; news,
//   social media, résumés), running Chinese text;
// - the `tune` split of the negative corpus (scripts/build-precision-corpus.mjs,
//   add-precision-repos.mjs): for letter words its Chinese files of running text (catalogues,
//   READMEs, documentation, technical writing, code comments, subtitles, Cantonese and classical
//   text), not its tables and dictionaries (input methods, readings, pinyin and divisions data,
//   whose letters are codes) and not manpages-zh (held out for the character model and the repair
//   evaluation); for digit-like symbols every `tune` file in every language.
// The output depends only on the inputs: files are read in manifest order, keys sorted.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const PRECISION = arg('precision', '/work/data/precision');
const NER = arg('ner', '/work/data/ner');
const OUT = arg('out', 'data/asWritten.json');
/** Letter words and followers seen fewer times are left to the smoothing. */
const MIN_COUNT = 2;
/** Sources of the negative corpus whose letters are codes, not words. */
const NOT_RUNNING_TEXT = new Set(['repo:input-method', 'repo:data', 'repo:jyutping', 'repo:pinyin', 'repo:wade-giles']);

/** Han and CJK punctuation, fullwidth letters and digits aside (src/core/text/chars.ts: isHan, isCjkPunct). */
function isCjk(cp) {
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return false;
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f)
    || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xff65)
    || cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d || cp === 0x2026 || cp === 0x2014 || cp === 0xb7;
}
/** An ASCII letter, fullwidth ones folded; undefined for anything else. */
function letterOf(cp) {
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return String.fromCharCode(cp);
  if ((cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return String.fromCharCode(cp - 0xfee0);
  return undefined;
}
const DIGIT_LIKE = [0xb2, 0xb3, 0xb9, 0xbc, 0xbd, 0xbe];
for (let cp = 0x2070; cp <= 0x2079; cp++) if (cp !== 0x2071 && cp !== 0x2072 && cp !== 0x2073) DIGIT_LIKE.push(cp);
for (let cp = 0x2080; cp <= 0x2089; cp++) DIGIT_LIKE.push(cp);
for (let cp = 0x2150; cp <= 0x215e; cp++) DIGIT_LIKE.push(cp);

// --- the texts ---------------------------------------------------------------------------------
const running = []; // Chinese running text: letter words
const all = []; // every file: digit-like symbols
function nerColumns(file, texts) {
  let cur = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const ch = line.split(/[\t ]/)[0];
    if (!ch) {
      if (cur) texts.push(cur);
      cur = '';
    } else cur += ch.length === 1 ? ch : String.fromCodePoint(ch.codePointAt(0));
  }
  if (cur) texts.push(cur);
}
for (const line of readFileSync(join(NER, 'cluener/train.json'), 'utf8').split('\n')) if (line.trim()) running.push(JSON.parse(line).text);
nerColumns(join(NER, 'msra/msra_train_bio'), running);
nerColumns(join(NER, 'weibo/weiboNER_2nd_conll.train'), running);
nerColumns(join(NER, 'resume/train.char.bmes'), running);
const nerTexts = running.length;
all.push(...running);
for (const name of ['manifest-debian.json', 'manifest-repos.json', 'manifest-extra.json', 'manifest-texts.json']) {
  const p = join(PRECISION, name);
  if (!existsSync(p)) continue;
  for (const e of JSON.parse(readFileSync(p, 'utf8'))) {
    if (e.split !== 'tune') continue;
    const text = readFileSync(join(PRECISION, e.path), 'utf8');
    all.push(text);
    if (/^(zh|yue|lzh)/.test(e.lang) && !NOT_RUNNING_TEXT.has(e.source) && e.pkg !== 'manpages-zh') running.push(text);
  }
}

// --- letter words ------------------------------------------------------------------------------
let runs = 0;
const shapes = new Map(); // shape → runs of that shape followed by CJK
const words = new Map(); // word → Map(next → count)
for (const text of running) {
  const cps = Array.from(text, (c) => c.codePointAt(0));
  for (let i = 1; i < cps.length; i++) {
    if (!letterOf(cps[i]) || letterOf(cps[i - 1]) || !isCjk(cps[i - 1])) continue;
    let j = i;
    let word = '';
    while (j < cps.length && letterOf(cps[j])) word += letterOf(cps[j++]);
    runs++;
    if (word.length <= 2 && /^[A-Z]/.test(word) && j < cps.length && isCjk(cps[j])) {
      const shape = word.replace(/[A-Z]/g, 'A').replace(/[a-z]/g, 'a');
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      let next = words.get(word);
      if (!next) words.set(word, (next = new Map()));
      const x = String.fromCodePoint(cps[j]);
      next.set(x, (next.get(x) ?? 0) + 1);
    }
    i = j;
  }
}
const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
const wordTable = {};
for (const word of [...words.keys()].sort()) {
  const next = words.get(word);
  const n = sum(next);
  if (n < MIN_COUNT) continue;
  const kept = {};
  for (const x of [...next.keys()].sort()) if (next.get(x) >= MIN_COUNT) kept[x] = next.get(x);
  wordTable[word] = { n, kinds: next.size, next: kept };
}

// --- digit-like symbols ------------------------------------------------------------------------
let digits = 0;
const symbolCounts = new Map(DIGIT_LIKE.map((cp) => [cp, 0]));
for (const text of all) {
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19)) digits++;
    else if (symbolCounts.has(cp)) symbolCounts.set(cp, symbolCounts.get(cp) + 1);
  }
}
const digitLike = {};
for (const [cp, c] of symbolCounts) digitLike[String.fromCodePoint(cp)] = c;

const out = {
  about: 'Written by scripts/build-as-written.mjs; read by src/core/decision/asWritten.ts. letterWords: runs of ASCII letters right after a CJK character (runs), those of one or two letters, a capital first, followed by a CJK character by shape and by word (n, kinds of follower, followers seen twice or more). digitLike: how often each superscript or fraction is written, against the digits.',
  letterWords: { runs, types: words.size, shapes: Object.fromEntries([...shapes].sort()), words: wordTable },
  digitLike: { digits, symbols: digitLike },
};
writeFileSync(OUT, JSON.stringify(out, null, 0).replace(/\},"/g, '},\n"') + '\n');
console.log(`${OUT}: ${nerTexts} NER texts and ${running.length - nerTexts} tune files of running Chinese; ${runs} letter runs after CJK, ${words.size} one- or two-letter words with a capital first before CJK (${Object.keys(wordTable).length} kept); ${digits} digits in ${all.length} texts, digit-like ${[...symbolCounts.values()].reduce((a, b) => a + b, 0)}`);
