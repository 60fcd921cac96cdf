// Adds files of public repositories to the negative corpus of `npm run eval:precision`
// (scripts/build-precision-corpus.mjs builds the Debian part).
//
//   node scripts/add-precision-repos.mjs <mirrors> [--out /work/data/precision] [--texts | --extra | --more]
//
// <mirrors> holds bare git copies of the repositories below, one folder per repository named
// `owner+name` with the git directory in `owner+name/repo` (a `git clone --mirror` of each,
// renamed). Files are read from HEAD with `git show`; the commit of each is written to the
// manifest. Only UTF-8 text with some non-ASCII character, under 1 MB, is taken.
//
// The split is by repository (`tune` or `test`, fixed below), never by file: a repository's
// READMEs, locales and code are one source. A collection of independent documents (a subtitle
// collection, one folder per channel) is split by document instead: `doc` gives a path's
// document, and its split is an FNV-1a hash of the key, three in ten for tuning.
//
// `kind` says what the files are: i18n (locale tables), readme (READMEs and docs in many
// languages), code (source with Chinese comments and strings), pinyin (teaching and dictionary
// text with readings), mojibake-code (code and docs that handle mojibake and quote it on purpose),
// jyutping (Cantonese readings: jyutping, Yale), wade-giles (older Mandarin romanisations:
// Wade-Giles, Gwoyeu Romatzyh), romaji (Japanese with romanised readings), subtitles (SRT and
// ASS files in Chinese and other languages).
//
// `--extra` writes the later sources (EXTRA below: input-method tables, translated docs in
// Japanese, Korean, Vietnamese and Chinese, Chinese data files, Markdown with math) to
// manifest-extra.json, leaving the other manifests as they are; eval:precision reads every
// manifest in its --data folder. A file over 1 MB is cut at line ends into pieces of at most
// 1 MB (`name.part2.ext`, same document), as a dictionary table of 2 MB is still opened.
// `--more` writes the sources after those (MORE below: Traditional Chinese docs, LaTeX with ctex,
// classical poetry JSON, a Hong Kong site) to manifest-more.json the same way.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { splitOf } from './precisionSplit.mjs';

const mirrors = process.argv[2];
if (!mirrors) {
  console.error('usage: node scripts/add-precision-repos.mjs <mirrors> [--out folder] [--texts | --extra | --more]');
  process.exit(2);
}
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1] : '/work/data/precision';

/** The language a path names: README-de.md, README.ja-JP.md, locale/pt-br.js, docs/ko-KR/…, books-zh.md. */
function langOfPath(path) {
  const m =
    /(?:^|[/._-])(zh[-_](?:hans|hant|cn|tw|hk)|[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\.(?:md|js|ts|json|rst)$/i.exec(path) ??
    /\/([a-z]{2}(?:-[A-Z]{2})?)\//.exec(path);
  return m ? m[1].replace(/_/g, '-').toLowerCase() : undefined;
}

const REPOS = [
  // Locale tables: month and day names, relative times, in about 130 languages.
  { repo: 'moment/moment', split: 'tune', kind: 'i18n', files: /^(locale\/[^/]+\.js|src\/test\/locale\/[^/]+\.js)$/, lang: langOfPath },
  { repo: 'iamkun/dayjs', split: 'test', kind: 'i18n', files: /^src\/locale\/[^/]+\.js$/, lang: langOfPath },
  { repo: 'vuetifyjs/vuetify', split: 'test', kind: 'i18n', files: /^packages\/vuetify\/src\/locale\/[^/]+\.ts$/, lang: langOfPath },
  // READMEs and docs translated into many languages.
  { repo: 'jlevy/the-art-of-command-line', split: 'tune', kind: 'readme', files: /^README-[^/]+\.md$/, lang: langOfPath },
  { repo: 'trekhleb/javascript-algorithms', split: 'test', kind: 'readme', files: /README\.[a-z]{2}(-[A-Z]{2})?\.md$/, lang: langOfPath },
  { repo: 'EbookFoundation/free-programming-books', split: 'test', kind: 'readme', files: /\.md$/, lang: (p) => langOfPath(p) ?? 'mixed' },
  { repo: 'vuejs-translations/docs-ja', split: 'tune', kind: 'readme', files: /^src\/.*\.md$/, lang: () => 'ja' },
  { repo: 'vuejs-translations/docs-ko', split: 'test', kind: 'readme', files: /^src\/.*\.md$/, lang: () => 'ko' },
  // Chinese technical writing and code with Chinese comments.
  { repo: 'doocs/advanced-java', split: 'test', kind: 'readme', files: /^docs\/.*\.md$/, lang: () => 'zh-cn' },
  { repo: 'PanJiaChen/vue-element-admin', split: 'test', kind: 'code', files: /^(src\/.*\.(js|vue|scss)|README[^/]*\.md|mock\/.*\.js)$/, lang: (p) => langOfPath(p) ?? 'zh-cn' },
  // Pinyin: dictionaries, teaching text and code that prints readings.
  { repo: 'mozillazg/python-pinyin', split: 'tune', kind: 'pinyin', files: /^(README[^/]*\.rst|docs\/.*\.rst|pypinyin\/.*\.py|tests\/.*\.py)$/, lang: () => 'zh-cn' },
  { repo: 'hotoo/pinyin', split: 'test', kind: 'pinyin', files: /^(README[^/]*\.md|apps\/website\/docs\/.*\.mdx?|src\/.*\.ts|tests\/.*\.[jt]s)$/, lang: (p) => langOfPath(p) ?? 'zh-cn' },
  // Mojibake on purpose: a repair library's code and docs quote garbled text as data.
  { repo: 'rspeer/python-ftfy', split: 'test', kind: 'mojibake-code', files: /^(ftfy\/.*\.py|docs\/.*\.rst|README\.md|CHANGELOG\.md|notes\/.*\.txt)$/, lang: () => 'mixed' },
  // Java with Chinese comments, MyBatis XML mappers, SQL and deployment notes (Apache-2.0).
  { repo: 'macrozheng/mall', split: 'tune', kind: 'code', files: /\.(java|xml|md|sql|yml|properties)$/, lang: () => 'zh-cn' },
  // Cantonese readings: a converter's README and tests (BSD-2-Clause), LSHK's jyutping tables (CC BY 4.0).
  { repo: 'CanCLID/ToJyutping', split: 'tune', kind: 'jyutping', files: /^(README\.md|src\/.*\.(py|txt)|tests\/.*\.(py|tsv))$/, lang: () => 'yue' },
  { repo: 'lshk-org/jyutping-table', split: 'test', kind: 'jyutping', files: /^(README\.md|list\.tsv|versions\/.*\.(tsv|json))$/, lang: () => 'yue' },
  // Romanisation tables and their code: Wade-Giles, Gwoyeu Romatzyh, Cantonese Yale and jyutping, IPA (cjklib, LGPL/MIT);
  // a dictionary supplement in Wade's romanisation with its characters (ODbL).
  { repo: 'cburgmer/cjklib', split: 'test', kind: 'wade-giles', files: /^(cjklib\/.*\.(py|csv)|docs\/.*\.rst|README[^/]*)$/, lang: () => 'mixed' },
  { repo: 't18d/HuangSupplement', split: 'tune', kind: 'wade-giles', files: /^(README\.md|docs\/.*\.md|build\/.*\.md|dict\/.*\.csv|Yang\/.*\.csv)$/, lang: () => 'mixed' },
  // Japanese with romanised readings: converters' READMEs (in Japanese, Chinese, Esperanto, English) and tests (MIT).
  { repo: 'hexenq/kuroshiro', split: 'tune', kind: 'romaji', files: /^(README[^/]*\.md|CHANGELOG\.md|src\/.*\.js|test\/.*\.js)$/, lang: (p) => langOfPath(p) ?? 'ja' },
  { repo: 'polm/cutlet', split: 'test', kind: 'romaji', files: /^(README\.md|cutlet\/.*\.(py|tsv|json))$/, lang: () => 'ja' },
  // Subtitles: a fan-subbing collection of ASS and SRT files, Chinese beside English (CC BY-NC-SA 4.0),
  // split by channel folder (a video's Chinese and bilingual files are one document);
  // a subtitle library's test files and docs (MIT).
  { repo: 'Bourshevik0/subtitle_works', doc: (p) => dirname(p), kind: 'subtitles', files: /\.(ass|srt|md)$/, lang: () => 'zh-cn' },
  { repo: 'tkarabela/pysubs2', split: 'test', kind: 'subtitles', files: /^(tests\/.*\.(py|ass|ttml)|docs\/.*\.rst|README\.md)$/, lang: () => 'mixed' },
];

// Kinds of clean text the files above lack (`--extra`). A translated site's pages are split by
// page (`group` names the site: the same page in every language lands on one side), the other
// repositories as wholes.
const reactDocs = (repo, lang) => ({ repo, group: 'react.dev', doc: (p) => p.replace(/^src\/content\//, ''), kind: 'docs', files: /^src\/content\/.*\.md$/, lang: () => lang });
const EXTRA = [
  // Input-method tables (LGPL-3.0): Cangjie and Wubi codes, pinyin with tone numbers, Zhuyin
  // (bopomofo) spelling rules; Rime's dictionaries and schemas.
  { repo: 'rime/rime-cangjie', split: 'tune', kind: 'input-method', files: /\.(yaml|md)$/, lang: () => 'zh-hant' },
  { repo: 'rime/rime-luna-pinyin', split: 'tune', kind: 'input-method', files: /\.(yaml|md)$/, lang: () => 'zh-hant' },
  { repo: 'rime/rime-bopomofo', split: 'tune', kind: 'input-method', files: /\.(yaml|md)$/, lang: () => 'zh-hant' },
  { repo: 'rime/rime-wubi', split: 'test', kind: 'input-method', files: /\.(yaml|md)$/, lang: () => 'zh-cn' },
  { repo: 'rime/rime-terra-pinyin', split: 'test', kind: 'input-method', files: /\.(yaml|md)$/, lang: () => 'zh-hant' },
  // React's documentation translated (CC BY 4.0): Japanese, Korean, Vietnamese, Simplified Chinese
  // prose with code blocks, JSX and emoji.
  reactDocs('reactjs/ja.react.dev', 'ja'),
  reactDocs('reactjs/ko.react.dev', 'ko'),
  reactDocs('reactjs/vi.react.dev', 'vi'),
  reactDocs('reactjs/zh-hans.react.dev', 'zh-cn'),
  // Ruby's reference manual in Japanese (RD source; CC BY 3.0).
  { repo: 'rurema/doctree', split: 'test', kind: 'docs', files: /^refm\/(api|doc)\/.*\.rd$|^refm\/api\/src\/[^.]+$/, lang: () => 'ja' },
  // Chinese Markdown with math (`$\mathbf{x}$`), code and figures: Dive into Deep Learning (Apache-2.0).
  { repo: 'd2l-ai/d2l-zh', split: 'test', kind: 'markdown-math', files: /^(chapter_[^/]+\/.*\.md|[A-Z_]+\.md)$/, lang: () => 'zh-cn' },
  // Fullwidth punctuation and spacing: a Chinese copywriting guide in three scripts (MIT).
  { repo: 'sparanoid/chinese-copywriting-guidelines', split: 'test', kind: 'markdown-math', files: /^(README[^/]*\.md|CHANGELOG\.md)$/, lang: (p) => langOfPath(p) ?? 'zh-hant' },
  // A list of apps in English, Chinese, Japanese and Korean with emoji, and its RSS feeds (CC0).
  { repo: 'jaywcjlove/awesome-mac', split: 'test', kind: 'docs', files: /^[^/.][^/]*\.md$|^feed\/.*\.(md|xml)$/, lang: (p) => langOfPath(p) ?? /-(ja|ko|zh)\./.exec(p)?.[1] ?? 'en' },
  // Chinese technical writing: Java and computer-science notes with code, tables, emoji and
  // articles about character sets (JavaGuide, Apache-2.0; CS-Notes, CC BY-NC-SA 4.0), a book on
  // JavaScript with its Unicode chapter (es6tutorial, CC BY-NC 4.0).
  { repo: 'Snailclimb/JavaGuide', split: 'tune', kind: 'tech-writing', files: /^(docs\/.*\.md|README\.md)$/, lang: () => 'zh-cn' },
  { repo: 'ruanyf/es6tutorial', split: 'tune', kind: 'tech-writing', files: /^(docs\/.*\.md|README\.md)$/, lang: () => 'zh-cn' },
  { repo: 'CyC2018/CS-Notes', split: 'test', kind: 'tech-writing', files: /^(notes\/.*\.md|README\.md)$/, lang: () => 'zh-cn' },
  // Chinese data files: administrative divisions as CSV and JSON (WTFPL), a dictionary's
  // 歇后语 as JSON (MIT).
  { repo: 'modood/Administrative-divisions-of-China', split: 'tune', kind: 'data', files: /^(dist\/.*\.(csv|json)|README\.md|lib\/.*\.js|test\/.*\.js)$/, lang: () => 'zh-cn' },
  { repo: 'pwxcoo/chinese-xinhua', split: 'test', kind: 'data', files: /^(data\/.*\.(json|csv)|README\.md|scripts\/.*\.py)$/, lang: () => 'zh-cn' },
];

// More kinds of clean Chinese text users open (`--more`, manifest-more.json), split by repository
// (React's pages by page, with the other translations of the same site): Traditional Chinese
// documentation (Taiwan), LaTeX with ctex, classical poetry as JSON, Hong Kong and Cantonese code
// and prose.
const MORE = [
  // React's documentation in Traditional Chinese (CC BY 4.0), with its Japanese, Korean,
  // Vietnamese and Simplified pages above.
  reactDocs('reactjs/zh-hant.react.dev', 'zh-tw'),
  // LaTeX with ctex: a book class and its Chinese and English manuals (LPPL-1.3c), `tune`; a
  // university's thesis template, its chapters, bibliography and build scripts (LPPL-1.3c), `test`.
  { repo: 'ElegantLaTeX/ElegantBook', split: 'tune', kind: 'latex', files: /\.(tex|cls|bib|md)$/, lang: () => 'zh-cn' },
  { repo: 'ustctug/ustcthesis', split: 'test', kind: 'latex', files: /\.(tex|cls|bib|bst|md|lua)$/, lang: () => 'zh-cn' },
  // Classical poetry as JSON (MIT): the Book of Songs, Chu Ci, the Analects, primers, Nalan
  // Xingde, the Five Dynasties, Cao Cao, Yuan qu, Youmengying, the Four Books; Simplified and
  // Traditional; `test` (the repair evaluation garbles other parts of it).
  // Classical poetry as CSV, one poem a row with its title, dynasty and author, from the pre-Qin
  // to the present (MIT): the files the copy holds (under 4 MB); `tune`.
  { repo: 'Werneror/Poetry', split: 'tune', kind: 'poetry', files: /\.(csv|txt|md)$/, lang: () => 'zh-cn' },
  { repo: 'chinese-poetry/chinese-poetry', split: 'test', kind: 'poetry', files: /^((诗经|楚辞|论语|蒙学|纳兰性德|五代诗词|曹操诗集|元曲|幽梦影|水墨唐诗|四书五经)\/.*\.json|README\.md)$/, lang: () => 'zh-cn' },
  // A Hong Kong civic site on the Legislative Council (no licence file: measured only, nothing of it
  // committed): Traditional Chinese (Hong Kong) in Python, JavaScript, templates and JSON
  // fixtures; `test`.
  { repo: 'g0vhk-io/g0vhk_legco_web', split: 'test', kind: 'zh-hk', files: /\.(py|js|json|html|md|txt)$/, lang: () => 'zh-hk' },
  // A programming language written in Cantonese (MIT): its READMEs, guides, examples and
  // compiler, written Cantonese (嘅、咗、喺、冇) in code and prose; `tune`.
  { repo: 'StepfenShawn/Cantonese', split: 'tune', kind: 'zh-hk', files: /\.(cantonese|md|py|rs|html)$/, lang: () => 'yue' },
];

// Kinds of text the files above lack, cut from corpora into documents (the sentences of
// CoNLL-U treebanks, `# text = …`, as their writers wrote them): Cantonese (嘅咗冇啲, characters
// a Mandarin model finds unlikely) and classical Chinese. Each document gets its split by an
// FNV-1a hash of its key, three in ten for tuning, as the Debian files do; written with
// `--texts` to manifest-texts.json (the files above are left as they are).
const TEXTS = [
  // Hong Kong Cantonese: film dialogue and Legislative Council speech; 25 sentences a document.
  { repo: 'UniversalDependencies/UD_Cantonese-HK', kind: 'cantonese', lang: 'yue', files: /\.conllu$/, group: (id) => `n${Math.floor((Number(id) - 1) / 25)}`, join: '\n' },
  // Classical Chinese (the Analects, Mencius…; Kyoto University): a chapter a document, its paragraphs a line each.
  { repo: 'UniversalDependencies/UD_Classical_Chinese-Kyoto', kind: 'classical', lang: 'lzh', files: /\.conllu$/, group: (id) => id.split('_').slice(0, 2).join('_'), para: (id) => id.replace(/_\d+(-\d+)?$/, ''), join: '' },
];

/** A fetched repository's copy: its git command, its commit and the paths matching `files`; undefined (said) when it is missing. */
function mirrorOf(repo, files) {
  const copy = join(mirrors, repo.replace('/', '+'), 'repo');
  // A bare copy, or a clone with its git directory inside.
  const gitDir = existsSync(join(copy, '.git')) ? join(copy, '.git') : copy;
  if (!existsSync(gitDir)) {
    console.error(`missing ${gitDir}: fetch ${repo} first`);
    return undefined;
  }
  const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 28 });
  const commit = git('rev-parse', 'HEAD').toString().trim();
  const paths = git('ls-tree', '-r', '-z', '--name-only', 'HEAD').toString().split('\0').filter((p) => files.test(p));
  return { git, commit, paths };
}

if (process.argv.includes('--texts')) {
  const texts = [];
  for (const { repo, kind, lang, files, group, para, join: sep } of TEXTS) {
    const copy = mirrorOf(repo, files);
    if (!copy) continue;
    const { git, commit, paths } = copy;
    let n = 0;
    for (const p of paths) {
      // Sentences in order, grouped into documents (and paragraphs, where the ids say them).
      const docs = new Map();
      let id = '';
      let conllu;
      try {
        conllu = git('show', `HEAD:${p}`).toString();
      } catch {
        console.error(`${repo}: ${p} is not in the copy (too large for it), left out`);
        continue;
      }
      for (const line of conllu.split('\n')) {
        if (line.startsWith('# sent_id = ')) id = line.slice(12).trim();
        else if (line.startsWith('# text = ')) {
          const key = group(id);
          const doc = docs.get(key) ?? [];
          const paragraph = para ? para(id) : id;
          const last = doc[doc.length - 1];
          if (last && para && last.paragraph === paragraph) last.text += line.slice(9).trim();
          else doc.push({ paragraph, text: line.slice(9).trim() });
          docs.set(key, doc);
        }
      }
      for (const [key, doc] of docs) {
        const text = `${doc.map((d) => d.text).join(sep || '\n')}\n`;
        const rel = join('files', 'texts', repo.replace('/', '+'), `${p.replace(/\.conllu$/, '')}.${key}.txt`);
        mkdirSync(dirname(join(OUT, rel)), { recursive: true });
        writeFileSync(join(OUT, rel), text);
        const docKey = `text:${repo}:${key}`;
        texts.push({ path: rel, source: `text:${kind}`, lang, doc: docKey, split: splitOf(docKey), pkg: repo, version: commit, bytes: Buffer.byteLength(text) });
        n++;
      }
    }
    console.log(`${repo} @ ${commit.slice(0, 12)}: ${n} documents`);
  }
  writeFileSync(join(OUT, 'manifest-texts.json'), JSON.stringify(texts).replace(/},{/g, '},\n{'));
  const count = (split) => texts.filter((t) => t.split === split).length;
  console.log(`${texts.length} documents (tune ${count('tune')}, test ${count('test')})`);
  process.exit(0);
}

const EXTRA_RUN = process.argv.includes('--extra') || process.argv.includes('--more');
const MORE_RUN = process.argv.includes('--more');
const MAX_BYTES = 1_000_000;

/** A text in pieces of at most `max` UTF-8 bytes, cut at line ends (a longer line is one piece). */
function pieces(text, max) {
  const out = [];
  let piece = '';
  let bytes = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const n = Buffer.byteLength(line);
    if (bytes > 0 && bytes + n > max) {
      out.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += line;
    bytes += n;
  }
  if (piece) out.push(piece);
  return out;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const manifest = [];
for (const { repo, split, doc, group, kind, files, lang } of MORE_RUN ? MORE : EXTRA_RUN ? EXTRA : REPOS) {
  const copy = mirrorOf(repo, files);
  if (!copy) continue;
  const { git, commit, paths } = copy;
  let n = 0;
  for (const p of paths) {
    let buf;
    try {
      buf = git('show', `HEAD:${p}`);
    } catch {
      console.error(`${repo}: ${p} is not in the copy (too large for it), left out`);
      continue;
    }
    if (buf.length > MAX_BYTES && !EXTRA_RUN) continue;
    let text;
    try {
      text = strict.decode(buf);
    } catch {
      continue;
    }
    if (!/[^\x00-\x7f]/.test(text)) continue;
    const l = (lang(p) ?? 'mixed').toLowerCase();
    const docKey = doc ? `repo:${group ?? repo}:${doc(p)}` : `repo:${repo}`;
    const parts = buf.length > MAX_BYTES ? pieces(text, MAX_BYTES) : [text];
    parts.forEach((part, i) => {
      const name = i === 0 ? p : p.replace(/(\.[^./]+)?$/, (ext) => `.part${i + 1}${ext}`);
      const rel = join('files', 'repos', repo.replace('/', '+'), name);
      mkdirSync(dirname(join(OUT, rel)), { recursive: true });
      writeFileSync(join(OUT, rel), part);
      manifest.push({ path: rel, source: `repo:${kind}`, lang: l, doc: docKey, split: doc ? splitOf(docKey) : split, pkg: repo, version: commit, bytes: Buffer.byteLength(part) });
    });
    n++;
  }
  console.log(`${repo} @ ${commit.slice(0, 12)}: ${n} files (${split ?? 'by document'})`);
}

// Single files from other repositories (mojibake-handling code, articles about 乱码, locale
// files), copied by hand into <out>/snippets/ with a list snippets.json of
// { repo, path, commit, kind, lang, split, file }.
const snippetList = join(OUT, 'snippets.json');
if (existsSync(snippetList) && !EXTRA_RUN) {
  for (const s of JSON.parse(readFileSync(snippetList, 'utf8'))) {
    const path = join(OUT, 'snippets', s.file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    manifest.push({ path: join('snippets', s.file), source: `repo:${s.kind}`, lang: s.lang, doc: `repo:${s.repo}`, split: s.split, pkg: s.repo, version: s.commit, bytes: Buffer.byteLength(text) });
  }
}

writeFileSync(join(OUT, MORE_RUN ? 'manifest-more.json' : EXTRA_RUN ? 'manifest-extra.json' : 'manifest-repos.json'), JSON.stringify(manifest).replace(/},{/g, '},\n{'));
const count = (s) => manifest.filter((e) => e.split === s).length;
console.log(`${manifest.length} files from repositories (tune ${count('tune')}, test ${count('test')})`);
