// `npm run eval:data`: builds the corpora the evaluations read, outside the repository, from git
// copies of public repositories and Debian packages, so that a new machine measures what the last
// one did:
//   <root>/ner           eval:orgs, scripts/train-org-tagger.mjs (and MSRA for eval:repair)
//   <root>/repair-eval   eval:repair's Debian part (manpages-zh); the rest is read from the copies
//   <root>/bytes         eval:bytes (chardet's and uchardet's test files)
//   <root>/precision     eval:precision and eval:bytes's lines (scripts/build-precision-corpus.mjs,
//                        scripts/add-precision-repos.mjs, ftfy's test cases)
//
//   npm run eval:data -- [--root /work/data] [--mirrors /work/.mirror] [--only ner,bytes] [--force]
//
// The copies are `<mirrors>/<owner>+<name>/repo` (what the fetch tool leaves); sources.mjs names
// each repository and the commit the published figures were measured at. A part already built is
// left alone unless --force. Debian packages come with `apt-get download` (run `apt-get update`
// first); nothing is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARTS, mirrorProblems } from './sources.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const ROOT = resolve(arg('root', '/work/data'));
const MIRRORS = resolve(arg('mirrors', '/work/.mirror'));
const FORCE = argv.includes('--force');
const only = arg('only', PARTS.join(',')).split(',');
const unknown = only.filter((p) => !PARTS.includes(p));
if (unknown.length) {
  console.error(`unknown part ${unknown.join(', ')}: the parts are ${PARTS.join(', ')}`);
  process.exit(2);
}
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** manpages-zh as measured (Debian bookworm). */
const MANPAGES_ZH = 'manpages-zh=1.6.4.0-1';

/** The git directory of a repository's copy, or undefined. */
function gitDir(repo) {
  const base = join(MIRRORS, repo.replace('/', '+'), 'repo');
  for (const dir of [join(base, '.git'), base]) if (existsSync(join(dir, 'HEAD'))) return dir;
  return undefined;
}
const git = (repo, ...args) => execFileSync('git', ['--git-dir', gitDir(repo), ...args], { maxBuffer: 1 << 30 });
const show = (repo, path) => git(repo, 'show', `HEAD:${path}`);
function headOf(repo) {
  const dir = gitDir(repo);
  return dir && execFileSync('git', ['--git-dir', dir, 'rev-parse', 'HEAD']).toString().trim();
}
/** `paths` of a repository's HEAD written under `into`, as `git archive` lays them out. */
function extract(repo, into, ...paths) {
  mkdirSync(into, { recursive: true });
  const tar = git(repo, 'archive', 'HEAD', ...paths);
  execFileSync('tar', ['-x', '-C', into], { input: tar });
  writeFileSync(join(into, 'COMMIT'), `${headOf(repo)}\n`);
}
function run(command, args, options = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}
/** A Debian package unpacked into `into` (apt-get download, dpkg-deb -x). */
function debianPackage(spec, into) {
  const tmp = mkdtempSync(join(tmpdir(), 'zhlens-deb-'));
  try {
    run('apt-get', ['download', '-q', spec], { cwd: tmp });
    const deb = readdirSync(tmp).find((f) => f.endsWith('.deb'));
    mkdirSync(into, { recursive: true });
    run('dpkg-deb', ['-x', join(tmp, deb), into]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const builders = {
  ner(dir) {
    // MSRA (SIGHAN 2006) in BIO, inside a zip; unzipped with Python's zipfile (no unzip needed).
    const tmp = mkdtempSync(join(tmpdir(), 'zhlens-msra-'));
    try {
      writeFileSync(join(tmp, 'MSRA.zip'), show('zhooufeng/Data', 'MSRA.zip'));
      mkdirSync(join(dir, 'msra'), { recursive: true });
      run('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', join(tmp, 'MSRA.zip'), join(dir, 'msra')]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const copy = (repo, from, to) => {
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      writeFileSync(join(dir, to), show(repo, from));
    };
    for (const split of ['train', 'dev', 'test']) {
      copy('jiesutd/LatticeLSTM', `ResumeNER/${split}.char.bmes`, `resume/${split}.char.bmes`);
      copy('hltcoe/golden-horse', `data/weiboNER_2nd_conll.${split}`, `weibo/weiboNER_2nd_conll.${split}`);
    }
    // CLUENER2020's official dev split is the repository's test.json (its test labels are unpublished).
    copy('hemingkx/CLUENER2020', 'BERT-CRF/data/clue/train.json', 'cluener/train.json');
    copy('hemingkx/CLUENER2020', 'BERT-CRF/data/clue/test.json', 'cluener/dev.json');
    return join(dir, 'msra/msra_test_bio');
  },
  'repair-eval'(dir) {
    debianPackage(MANPAGES_ZH, join(dir, 'src/manpages-zh'));
    return join(dir, 'src/manpages-zh/usr/share/man/zh_CN');
  },
  bytes(dir) {
    extract('chardet/chardet', join(dir, 'chardet+chardet'), 'tests');
    extract('freedesktop/uchardet', join(dir, 'freedesktop+uchardet'), 'test');
    return join(dir, 'freedesktop+uchardet/COMMIT');
  },
  precision(dir) {
    run(process.execPath, [join(REPO_ROOT, 'scripts/build-precision-corpus.mjs'), '--out', dir]);
    run(process.execPath, [join(REPO_ROOT, 'scripts/add-precision-repos.mjs'), MIRRORS, '--out', dir]);
    run(process.execPath, [join(REPO_ROOT, 'scripts/add-precision-repos.mjs'), MIRRORS, '--out', dir, '--texts']);
    // ftfy's published cases (measured only).
    const ftfy = join(dir, 'ftfy');
    mkdirSync(ftfy, { recursive: true });
    for (const path of git('rspeer/python-ftfy', 'ls-tree', '--name-only', 'HEAD', 'tests/test-cases/').toString().split('\n').filter(Boolean)) {
      writeFileSync(join(ftfy, path.split('/').pop()), show('rspeer/python-ftfy', path));
    }
    writeFileSync(join(ftfy, 'COMMIT'), `${headOf('rspeer/python-ftfy')}\n`);
    return join(dir, 'ftfy/COMMIT');
  },
};
/** The file whose presence says a part is built (the last one its builder writes). */
const builtMark = {
  ner: 'msra/msra_test_bio',
  'repair-eval': 'src/manpages-zh/usr/share/man/zh_CN',
  bytes: 'freedesktop+uchardet/COMMIT',
  precision: 'ftfy/COMMIT',
};

const problems = mirrorProblems(only, (repo) => (gitDir(repo) ? headOf(repo) : undefined));
const missing = problems.filter((p) => p.includes('no copy'));
for (const p of problems) console.error(p);
if (missing.length) {
  console.error(`\n${missing.length} repositories to fetch first (into ${MIRRORS}); nothing was built.`);
  process.exit(1);
}
if (problems.length) console.error('(copies at other commits are used as they are: figures may differ from the published ones)\n');

for (const part of only) {
  const dir = join(ROOT, part);
  if (!FORCE && existsSync(join(dir, builtMark[part]))) {
    console.log(`${part}: already in ${dir} (--force builds it again)`);
    continue;
  }
  const started = Date.now();
  console.log(`${part}: building in ${dir} …`);
  builders[part](dir);
  console.log(`${part}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
console.log(
  ROOT === '/work/data'
    ? '\nnext: npm run eval:repair, eval:precision, eval:bytes, eval:orgs'
    : `\nthe evaluations read /work/data by default: pass ZHLENS_EVAL_DATA=${ROOT}/repair-eval, ZHLENS_NER_DATA=${ROOT}/ner, --data ${ROOT}/precision (eval:precision), --data ${ROOT}/bytes --lines-data ${ROOT}/precision (eval:bytes)`,
);
