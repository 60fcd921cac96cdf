// Assembles the real-world negative corpus that `npm run eval:precision` measures on: clean files
// in many languages that nobody on the project wrote, outside the repository.
//
//   node scripts/build-precision-corpus.mjs [--out /work/data/precision]
//
// Debian part (reproducible from this script): Debian bookworm's translated man pages (roff
// sources, as a user opens them), message catalogues (`.mo` files turned back into `.po` text with
// gettext's `msgunfmt`) and translated documentation (HTML). Packages are fetched with
// `apt-get download` (run `apt-get update` first) and unpacked with `dpkg-deb -x` under the output
// folder; nothing is installed.
//
// Every file gets a split by its document, not by line: a man page's name, a catalogue's domain, a
// document's base name. The same document in all its languages lands on the same side. `tune`
// (three in ten documents) is what detectors and the background model may be tuned and trained
// on; `test` is held out and only measured.
//
// Fetched repositories (ftfy's test cases, public i18n and source files) are added by
// scripts/add-precision-repos.mjs from copies the developer fetched; docs/precision.md lists them.
// `npm run eval:data` (scripts/eval-data/build.mjs) runs both, fetching first the Debian versions
// recorded in scripts/eval-data/expected.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative, basename, dirname } from 'node:path';
import { splitOf } from './precisionSplit.mjs';

const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1] : '/work/data/precision';

/** Man pages in 23 languages (manpages-l10n 4.18.1, manpages-ja, manpages-tr) and Chinese (manpages-zh). */
const MANPAGES = [
  'cs', 'da', 'de', 'el', 'es', 'fi', 'fr', 'hu', 'id', 'it', 'mk', 'nb', 'nl', 'pl', 'pt-br', 'ro', 'ru', 'sr', 'sv', 'uk', 'vi', 'ja', 'tr', 'zh',
].map((l) => `manpages-${l}`).concat(
  // The development sections (system calls, library functions) of the same projects.
  ['cs', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt-br', 'ru', 'uk'].map((l) => `manpages-${l}-dev`),
);

/** Packages whose message catalogues come in many languages. */
const CATALOGUES = [
  'iso-codes', 'libc-l10n', 'util-linux-locales', 'e2fsprogs-l10n', 'gnupg-l10n', 'coreutils', 'tar', 'grep', 'sed', 'wget',
  'findutils', 'diffutils', 'bash', 'gettext', 'dpkg', 'apt', 'debconf-i18n', 'man-db', 'nano', 'gawk', 'aptitude-common',
  'libglib2.0-data', 'libgtk-3-common', 'gcc-12-locales', 'binutils-common', 'make',
];

/** Translated documentation (HTML). Chinese pages of the handbook and installation guide trained the character model: left out. */
const DOCS = [
  ...['de', 'es', 'fr', 'it', 'ja', 'pt'].map((l) => `debian-reference-${l}`),
  ...['ja', 'de', 'es', 'fr', 'it', 'ru', 'ca'].map((l) => `maint-guide-${l}`),
  'installation-guide-amd64',
];
const DOC_SKIP = /(^|\/)zh[-_](cn|tw|CN|TW)\//;

const DEBS = join(OUT, 'debs');
const UNPACKED = join(OUT, 'unpacked');
const FILES = join(OUT, 'files');

function sh(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, ...opts });
}

/** The package's .deb in DEBS (downloaded once), unpacked once; returns its root and version. */
function unpack(pkg) {
  mkdirSync(DEBS, { recursive: true });
  let deb = readdirSync(DEBS).find((f) => f.startsWith(`${pkg.replace(/\+/g, '%2b')}_`) || f.startsWith(`${pkg}_`));
  if (!deb) {
    try {
      sh('apt-get', ['download', pkg], { cwd: DEBS });
    } catch (e) {
      console.error(`apt-get download ${pkg} failed (run apt-get update first): ${e.stderr}`);
      return undefined;
    }
    deb = readdirSync(DEBS).find((f) => f.startsWith(`${pkg}_`) || f.startsWith(`${pkg.replace(/\+/g, '%2b')}_`));
  }
  const root = join(UNPACKED, pkg);
  if (!existsSync(root)) {
    mkdirSync(root, { recursive: true });
    sh('dpkg-deb', ['-x', join(DEBS, deb), root]);
  }
  const version = decodeURIComponent(deb.split('_')[1]);
  return { root, version };
}

function walk(dir) {
  const out = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...walk(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}


/** `pt_BR.UTF-8`, `pt-br`, `zh_TW` → `pt-br`, `zh-tw`; `de@formal` → `de`. */
function normLang(l) {
  return l.replace(/\..*$/, '').replace(/@.*$/, '').replace(/_/g, '-').toLowerCase();
}

const manifest = [];
function add(source, lang, doc, rel, text, pkg, version) {
  // Pure ASCII has nothing any detector looks at: it would only inflate the count.
  if (!/[^\x00-\x7f]/.test(text)) return;
  const path = join(FILES, source, lang, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  manifest.push({ path: relative(OUT, path), source, lang, doc, split: splitOf(doc), pkg, version, bytes: Buffer.byteLength(text) });
}

/** UTF-8 only: a file in a legacy encoding is not clean text for this purpose (the byte detector judges those). */
const strict = new TextDecoder('utf-8', { fatal: true });
function utf8(buf) {
  try {
    return strict.decode(buf);
  } catch {
    return undefined;
  }
}

for (const pkg of MANPAGES) {
  const u = unpack(pkg);
  if (!u) continue;
  const manRoot = join(u.root, 'usr/share/man');
  if (!existsSync(manRoot)) continue;
  for (const f of walk(manRoot)) {
    const m = /usr\/share\/man\/([^/]+)\/man[^/]+\/(.+?)\.[^.]+(?:\.gz)?$/.exec(f);
    if (!m) continue;
    const buf = f.endsWith('.gz') ? gunzipSync(readFileSync(f)) : readFileSync(f);
    const text = utf8(buf);
    if (!text || text.length < 40) continue;
    add('manpages', normLang(m[1]), `man:${m[2]}`, relative(manRoot, f).replace(/\.gz$/, ''), text, pkg, u.version);
  }
}

for (const pkg of CATALOGUES) {
  const u = unpack(pkg);
  if (!u) continue;
  for (const f of walk(u.root)) {
    const m = /\/locale\/([^/]+)\/LC_MESSAGES\/([^/]+)\.mo$/.exec(f);
    if (!m) continue;
    let text;
    try {
      text = sh('msgunfmt', [f]).toString('utf8');
    } catch {
      continue;
    }
    // A catalogue declares its charset; msgunfmt keeps it. Only UTF-8 ones are clean text here.
    if (!/charset=UTF-8/i.test(text) || utf8(Buffer.from(text)) === undefined) continue;
    add('catalogues', normLang(m[1]), `mo:${m[2]}`, `${m[2]}.${m[1]}.po`, text, pkg, u.version);
  }
}

for (const pkg of DOCS) {
  const u = unpack(pkg);
  if (!u) continue;
  const docRoot = join(u.root, 'usr/share/doc');
  for (const f of walk(docRoot)) {
    if (!/\.(html|txt)$/.test(f)) continue;
    const rel = relative(docRoot, f);
    if (DOC_SKIP.test(rel)) continue;
    // The language: debian-reference/index.de.html, maint-guide/index.ja.html, installation-guide-amd64/<lang>/x.html.
    let lang;
    let m = /\.([a-z]{2}(?:[-_][A-Za-z]{2})?)\.html$/.exec(rel);
    if (m) lang = m[1];
    else if ((m = /^installation-guide-amd64\/([a-z]{2}(?:_[A-Z]{2})?)\//.exec(rel))) lang = m[1];
    if (!lang || lang === 'en') continue;
    const text = utf8(readFileSync(f));
    if (!text) continue;
    const base = basename(rel).replace(/\.[a-z]{2}(?:[-_][A-Za-z]{2})?\.html$/, '').replace(/\.html$/, '');
    add('debian-docs', normLang(lang), `doc:${pkg.replace(/-[a-z]{2}$/, '')}:${base}`, rel, text, pkg, u.version);
  }
}

writeFileSync(join(OUT, 'manifest-debian.json'), JSON.stringify(manifest, null, 0).replace(/},{/g, '},\n{'));
const count = (k) => manifest.reduce((m, e) => m.set(e[k], (m.get(e[k]) ?? 0) + 1), new Map());
console.log(`${manifest.length} files`, Object.fromEntries(count('split')));
console.log(Object.fromEntries([...count('lang')].sort((a, b) => b[1] - a[1])));
console.log(Object.fromEntries(count('source')));
