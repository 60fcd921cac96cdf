// Adds files of public repositories to the negative corpus of `npm run eval:precision`
// (scripts/build-precision-corpus.mjs builds the Debian part).
//
//   node scripts/add-precision-repos.mjs <mirrors> [--out /work/data/precision] [--texts]
//
// <mirrors> holds bare git copies of the repositories below, one folder per repository named
// `owner+name` with the git directory in `owner+name/repo` (a `git clone --mirror` of each,
// renamed). Files are read from HEAD with `git show`; the commit of each is written to the
// manifest. Only UTF-8 text with some non-ASCII character, under 1 MB, is taken.
//
// The split is by repository (`tune` or `test`, fixed below), never by file: a repository's
// READMEs, locales and code are one source.
//
// `kind` says what the files are: i18n (locale tables), readme (READMEs and docs in many
// languages), code (source with Chinese comments and strings), pinyin (teaching and dictionary
// text with readings), mojibake-code (code and docs that handle mojibake and quote it on purpose).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { splitOf } from './precisionSplit.mjs';

const mirrors = process.argv[2];
if (!mirrors) {
  console.error('usage: node scripts/add-precision-repos.mjs <mirrors> [--out folder]');
  process.exit(2);
}
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1] : '/work/data/precision';
const FILES = join(OUT, 'files');

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
  const gitDir = join(mirrors, repo.replace('/', '+'), 'repo');
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

const strict = new TextDecoder('utf-8', { fatal: true });
const manifest = [];
for (const { repo, split, kind, files, lang } of REPOS) {
  const copy = mirrorOf(repo, files);
  if (!copy) continue;
  const { git, commit, paths } = copy;
  let n = 0;
  for (const p of paths) {
    const buf = git('show', `HEAD:${p}`);
    if (buf.length > 1_000_000) continue;
    let text;
    try {
      text = strict.decode(buf);
    } catch {
      continue;
    }
    if (!/[^\x00-\x7f]/.test(text)) continue;
    const l = (lang(p) ?? 'mixed').toLowerCase();
    const path = join(FILES, 'repos', repo.replace('/', '+'), p);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    manifest.push({ path: join('files', 'repos', repo.replace('/', '+'), p), source: `repo:${kind}`, lang: l, doc: `repo:${repo}`, split, pkg: repo, version: commit, bytes: buf.length });
    n++;
  }
  console.log(`${repo} @ ${commit.slice(0, 12)}: ${n} files (${split})`);
}

// Single files from other repositories (mojibake-handling code, articles about 乱码, locale
// files), copied by hand into <out>/snippets/ with a list snippets.json of
// { repo, path, commit, kind, lang, split, file }.
const snippetList = join(OUT, 'snippets.json');
if (existsSync(snippetList)) {
  for (const s of JSON.parse(readFileSync(snippetList, 'utf8'))) {
    const path = join(OUT, 'snippets', s.file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    manifest.push({ path: join('snippets', s.file), source: `repo:${s.kind}`, lang: s.lang, doc: `repo:${s.repo}`, split: s.split, pkg: s.repo, version: s.commit, bytes: Buffer.byteLength(text) });
  }
}

writeFileSync(join(OUT, 'manifest-repos.json'), JSON.stringify(manifest).replace(/},{/g, '},\n{'));
console.log(`${manifest.length} files from repositories`);
