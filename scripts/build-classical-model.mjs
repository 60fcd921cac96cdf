// Builds data/classicalModel.bin: a character bigram model of classical Chinese (verse and prose),
// the second opinion a misaligned GBK run's guessed characters are weighed with where the text
// around them reads as classical rather than modern (src/core/model/classicalModel.ts,
// src/core/garble/misaligned/wordGuesses.ts). The character model (data/charModel.bin) knows
// modern running text and dictionaries; in a Tang poem it reads at −7.4 nats a character and its
// best guess for a lost lead is right 40 % of the time.
//
//   node scripts/build-classical-model.mjs [--mirror /work/.mirror] [--out data/classicalModel.bin]
//
// Source: chinese-poetry/chinese-poetry (MIT) at the commit the repair evaluation pins
// (scripts/eval-data/sources.mjs), read from its mirror with `git show` (`npm run eval:data` fetches
// it). The repair evaluation reads four of its collections — 全唐诗's Tang poems (poet.tang.*),
// 宋词三百首, 四书五经/孟子 and 幽梦影 — and the test corpus 唐诗三百首; the precision corpus's test
// part reads 元曲, 诗经, 楚辞, 曹操诗集, 纳兰性德, 五代诗词, 水墨唐诗, 论语, 四书五经 and 蒙学
// (docs/precision.md, `--more`). None of those is read here, and every clause (text between two
// punctuation marks, four characters or more) written anywhere in them, or in the rest of 宋词 and
// the other Tang anthologies, is dropped from the training text, so a line quoted across
// collections is not learnt either. What is read: 全宋诗 (全唐诗/poet.song.*), verse only.
//
// Text is folded with the character model's own folding (Traditional → Simplified, fullwidth →
// ASCII, whitespace → space), poems one a line with their lines joined as the evaluation joins
// them. Same smoothing and layout as charModel.bin (scripts/charModelFile.mjs), no
// Traditional→Simplified table (lookups fold first).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PAIR, writeBigramModel } from './charModelFile.mjs';
import { requireBundle } from './nodeBundle.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const MIRROR = arg('mirror', process.env.ZHLENS_EVAL_MIRROR ?? '/work/.mirror');
const OUT = arg('out', 'data/classicalModel.bin');
const COMMIT = '99ebbef7e1345c0985c44b9fd96a3f9e776f117b';
const MAX_BYTES = 1_000_000;
const MU = 2;
/** Prose counts this many times a character: it is some 2 % of the verse. */
const PROSE_WEIGHT = 8;
/** Characters seen fewer times than this are left to the floor. */
const MIN_COUNT = 2;

const repo = join(MIRROR, 'chinese-poetry+chinese-poetry', 'repo');
const git = (...a) => execFileSync('git', ['--git-dir', repo, ...a], { encoding: 'utf8', maxBuffer: 1 << 30 });
const files = git('-c', 'core.quotepath=off', 'ls-tree', '-r', '--name-only', COMMIT).split('\n').filter((f) => f.endsWith('.json'));
const show = (path) => JSON.parse(git('show', `${COMMIT}:${path}`));

const VERSE = [/^全唐诗\/poet\.song\.\d+\.json$/];
/** Prose (weighed PROSE_WEIGHT): none left once the precision corpus's test part is held out. */
const PROSE = [];
/** What the evaluation and the test corpus read, and the anthologies that overlap them: never read, their clauses dropped. */
const HELD_OUT = [/^全唐诗\/poet\.tang\./, /^全唐诗\/(唐诗三百首|唐诗补录)\.json$/, /^宋词\//, /^四书五经\//, /^幽梦影\//, /^御定全唐詩\//, /^水墨唐诗\//, /^五代诗词\//, /^蒙学\//, /^元曲\//, /^诗经\//, /^楚辞\//, /^曹操诗集\//, /^纳兰性德\//, /^论语\//];

/** Keys that hold no running text (names, ids, modern introductions and notes). */
const SKIP = new Set(['id', 'author', 'title', 'dynasty', 'chapter', 'section', 'tags', 'abstract', 'notes', 'rhythmic', 'prologue', 'source']);

/** The texts of a collection: each array of strings joined into one (a poem's lines), any other string alone. */
function texts(node, out = []) {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) {
    if (node.length && node.every((x) => typeof x === 'string')) out.push(node.join(''));
    else for (const x of node) texts(x, out);
  } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (!SKIP.has(k)) texts(v, out);
  return out;
}

const core = await requireBundle(join('out', 'classical-model', 'core.cjs'), {
  exports: `export { getCharModel } from './src/core/model/charLanguageModel';`,
});
const lm = core.getCharModel();
const foldCache = new Map();
function fold(text) {
  let out = '';
  for (const ch of text) {
    let f = foldCache.get(ch);
    if (f === undefined) foldCache.set(ch, (f = lm.fold(ch)));
    out += f;
  }
  return out;
}
const CLAUSE = /[,.!?;:，。！？；：、\s"“”'‘’()（）《》「」『』]+/u;
const clauses = (folded) => folded.split(CLAUSE).filter((c) => [...c].length >= 4);

const heldOut = new Set();
for (const f of files.filter((f) => HELD_OUT.some((r) => r.test(f)))) for (const t of texts(show(f))) for (const c of clauses(fold(t))) heldOut.add(c);

const uni = new Map();
const bi = new Map();
const tally = { verse: 0, prose: 0, dropped: 0 };
function count(folded, weight) {
  let prev = -1;
  for (const ch of folded) {
    const cp = ch.codePointAt(0);
    uni.set(cp, (uni.get(cp) ?? 0) + weight);
    if (prev >= 0) {
      const key = prev * PAIR + cp;
      bi.set(key, (bi.get(key) ?? 0) + weight);
    }
    prev = cp;
  }
}
for (const f of files) {
  const kind = VERSE.some((r) => r.test(f)) ? 'verse' : PROSE.some((r) => r.test(f)) ? 'prose' : undefined;
  if (!kind || HELD_OUT.some((r) => r.test(f))) continue;
  for (const t of texts(show(f))) {
    if (!/[\u3400-\u9fff]/.test(t)) continue;
    // Clauses written in a held-out collection are cut out, with the marks around them.
    let folded = fold(t);
    for (const c of clauses(folded)) {
      if (heldOut.has(c)) {
        folded = folded.replace(c, '\n');
        tally.dropped++;
      }
    }
    for (const piece of folded.split('\n')) {
      count(` ${piece} `, kind === 'prose' ? PROSE_WEIGHT : 1);
      tally[kind] += piece.length;
    }
  }
}
for (const [cp, c] of uni) if (c < MIN_COUNT) uni.delete(cp);

const { model, buf } = writeBigramModel(OUT, { uni, bi, mu: MU, maxBytes: MAX_BYTES });
console.log(
  `${OUT}: ${buf.length} bytes; verse ${tally.verse} and prose ${tally.prose} characters (${tally.dropped} held-out clauses dropped), ` +
    `${model.vocab.length} characters, ${model.bigrams} bigrams (of ${bi.size}), floor ln P = ${Math.log(model.floorP).toFixed(2)}`,
);
