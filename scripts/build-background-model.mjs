// Builds data/backgroundModel.bin: the character model of text that is not Chinese, against which
// a mojibake repair is weighed (src/core/decision/). "How likely is this text as it stands" needs a
// model of what text other than Chinese looks like: German with ß and umlauts, Portuguese with
// ção, Czech, Turkish, Vietnamese, Cyrillic, Greek, Japanese kana with kanji, Korean, and the code
// and markup files are full of (roff, gettext catalogues, HTML, JavaScript, Markdown).
//
//   node scripts/build-background-model.mjs [--data /work/data/precision] [--out data/backgroundModel.bin]
//
// Trained only on the `tune` split of the negative corpus (scripts/build-precision-corpus.mjs and
// add-precision-repos.mjs; docs/precision.md): the `test` split is what eval:precision measures.
// Chinese files (zh-*) are left out: Chinese is the character model's side of the comparison.
// Each language contributes at most MAX_CHARS_PER_LANGUAGE characters (files in manifest order),
// so that German and Japanese man pages do not drown Icelandic or Korean.
//
// Folding (mirrored by src/core/decision/backgroundModel.ts): whitespace → space, ASCII and
// fullwidth digits → `0`, the no-break space → space; case and the ideographic space are kept. Counts are
// smoothed like the character model (Dirichlet prior μ on the unigram) and written in the same
// layout (src/core/model/charModelData.ts), with no Traditional→Simplified table.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { charModelBytes, PAIR, quantisedModel } from './charModelFile.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('data', '/work/data/precision');
const OUT = arg('out', 'data/backgroundModel.bin');
const MAX_BYTES = 600_000;
const MAX_CHARS_PER_LANGUAGE = 1_500_000;
const MU = 2;
/** Characters seen fewer times than this are left to the floor. */
const MIN_COUNT = 3;

function fold(cp) {
  if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x2028 || cp === 0x2029) return 0x20;
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19)) return 0x30;
  return cp;
}

const manifest = [];
for (const name of ['manifest-debian.json', 'manifest-repos.json']) {
  const p = join(DATA, name);
  if (existsSync(p)) manifest.push(...JSON.parse(readFileSync(p, 'utf8')));
}
const files = manifest.filter((e) => e.split === 'tune' && !e.lang.startsWith('zh'));

const uni = new Map();
const bi = new Map();
const perLang = new Map();
let used = 0;
for (const e of files) {
  const lang = e.lang.split('-')[0];
  const have = perLang.get(lang) ?? 0;
  if (have >= MAX_CHARS_PER_LANGUAGE) continue;
  const text = readFileSync(join(DATA, e.path), 'utf8');
  let prev = -1;
  let n = 0;
  for (const ch of text) {
    const cp = fold(ch.codePointAt(0));
    uni.set(cp, (uni.get(cp) ?? 0) + 1);
    if (prev >= 0) {
      const key = prev * PAIR + cp;
      bi.set(key, (bi.get(key) ?? 0) + 1);
    }
    prev = cp;
    n++;
  }
  perLang.set(lang, have + n);
  used++;
}
for (const [cp, c] of uni) if (c < MIN_COUNT) uni.delete(cp);

// Only pairs seen twice between characters that are kept; the layout of scripts/charModelFile.mjs
// with no Traditional→Simplified pairs.
const model = quantisedModel({
  uni,
  bi,
  mu: MU,
  maxBytes: MAX_BYTES,
  keepPair: (key, c, index) => c >= 2 && index.has(Math.floor(key / PAIR)) && index.has(key % PAIR),
});
const buf = charModelBytes(model);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, buf);
console.log(`${OUT}: ${buf.length} bytes from ${used} tune files (${[...perLang].map(([l, c]) => `${l} ${c}`).join(', ')}), ${model.vocab.length} characters, ${model.bigrams} bigrams (of ${bi.size}), floor ln P = ${Math.log(model.floorP).toFixed(2)}`);
