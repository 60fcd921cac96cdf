// Builds the eval corpora outside the repository, under one data folder (default /work/data), from
// fetched repositories and Debian packages: the four parts the evals read.
//
//   npm run eval:data -- [--parts ner,repair-eval,bytes,precision] [--data /work/data]
//                        [--mirror /work/.mirror] [--check] [--again] [--record]
//
//   ner          ner/{msra,resume,weibo,cluener}: npm run eval:orgs, scripts/train-org-tagger.mjs
//   repair-eval  repair-eval/: Debian manpages-zh unpacked, documents.json (npm run eval:repair)
//   bytes        bytes/{chardet+chardet,freedesktop+uchardet}: npm run eval:bytes
//   precision    precision/: scripts/build-precision-corpus.mjs (Debian), add-precision-repos.mjs
//                (repositories, --texts, --extra), ftfy's test cases (npm run eval:precision)
//
// Repositories are read from `<mirror>/<owner>+<name>/repo` at HEAD; sources.mjs names each with
// the commit the published figures were measured on, and the run stops, naming what to fetch, when
// one is missing. A step whose output is there is skipped (`--again` redoes it), so the command
// can be run again after a failure. At the end each part is compared with what was recorded
// (expected.json: hashes of the built files, the Debian package versions, counts per split); a
// difference is listed and the exit code is 1. `--check` compares without building; `--record`
// writes expected.json from the folder as it is (after a build whose eval figures were checked).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRepositories, differences, mirrorName, partsToBuild, repositoryProblems, treeDigest } from './sources.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const EXPECTED = join(HERE, 'expected.json');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const DATA = arg('data', '/work/data');
const MIRROR = arg('mirror', '/work/.mirror');
const CHECK = process.argv.includes('--check');
const AGAIN = process.argv.includes('--again');
const RECORD = process.argv.includes('--record');
const parts = partsToBuild(arg('parts'));

/** What the parts were recorded as (`--record`): compared with at the end; its Debian versions are the ones fetched. */
const expected = existsSync(EXPECTED) ? JSON.parse(readFileSync(EXPECTED, 'utf8')) : {};

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The git directory of a fetched repository (bare `repo`, or `repo/.git`), or undefined. */
function gitDirOf(repo) {
  const dir = join(MIRROR, mirrorName(repo), 'repo');
  if (existsSync(join(dir, '.git'))) return join(dir, '.git');
  return existsSync(join(dir, 'HEAD')) ? dir : undefined;
}
function git(repo, ...args) {
  return execFileSync('git', ['--git-dir', gitDirOf(repo), ...args], { maxBuffer: 1 << 30 });
}
function headOf(repo) {
  if (!gitDirOf(repo)) return undefined;
  try {
    return git(repo, 'rev-parse', 'HEAD').toString().trim();
  } catch {
    return undefined;
  }
}

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], maxBuffer: 1 << 30, ...opts });
}
/** Stops with a message when a command the parts need is not installed. */
function needCommands(cmds) {
  const absent = cmds.filter((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).error?.code === 'ENOENT');
  if (absent.length) {
    console.error(`not installed: ${absent.join(', ')} (Debian: apt-get install ${absent.map((c) => ({ msgunfmt: 'gettext', 'dpkg-deb': 'dpkg', 'apt-get': 'apt' })[c] ?? c).join(' ')})`);
    process.exit(2);
  }
}

/** Writes a file of a repository's HEAD to `to`, unless it is there. */
function showFile(repo, path, to) {
  if (existsSync(to) && !AGAIN) return;
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, git(repo, 'show', `HEAD:${path}`));
}

/** Whether `dir/COMMIT` says `commit` (the folder was filled from it). */
function stampedWith(dir, commit) {
  const stamp = join(dir, 'COMMIT');
  return !AGAIN && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === commit;
}

/** A folder of a repository's HEAD, extracted under `to` with the commit in `to/COMMIT`; kept when COMMIT says that commit. */
function extractTree(repo, path, to) {
  const commit = headOf(repo);
  if (stampedWith(to, commit)) return;
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  run('tar', ['-x', '-C', to], { input: git(repo, 'archive', '--format=tar', 'HEAD', path), stdio: ['pipe', 'inherit', 'inherit'] });
  writeFileSync(join(to, 'COMMIT'), `${commit}\n`);
}

/** Downloads a Debian package (a pinned version) into `dir` once; returns the .deb's path (undefined when it failed and `must` is false). */
function debOf(pkg, version, dir, must = true) {
  mkdirSync(dir, { recursive: true });
  const find = () => readdirSync(dir).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  if (!find()) {
    try {
      run('apt-get', ['download', `${pkg}=${version}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch {
      console.error(`apt-get download ${pkg}=${version} failed: run apt-get update (Debian bookworm sources) first${must ? '' : '; the current version is taken'}`);
      if (must) process.exit(1);
      return undefined;
    }
  }
  return join(dir, find());
}

function filesUnder(dir) {
  const out = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}
function hashFile(path) {
  return existsSync(path) ? sha256(readFileSync(path)) : undefined;
}
function hashTree(dir) {
  if (!existsSync(dir)) return undefined;
  return treeDigest(filesUnder(dir).map((f) => [relative(dir, f), sha256(readFileSync(f))]), sha256);
}

// ---- the parts ----

const NER_FILES = [
  // [corpus folder, file, repository, path at HEAD]
  ['resume', 'train.char.bmes', 'jiesutd/LatticeLSTM', 'ResumeNER/train.char.bmes'],
  ['resume', 'dev.char.bmes', 'jiesutd/LatticeLSTM', 'ResumeNER/dev.char.bmes'],
  ['resume', 'test.char.bmes', 'jiesutd/LatticeLSTM', 'ResumeNER/test.char.bmes'],
  ...['train', 'dev', 'test'].map((s) => ['weibo', `weiboNER_2nd_conll.${s}`, 'hltcoe/golden-horse', `data/weiboNER_2nd_conll.${s}`]),
  // CLUENER's published test labels are unreleased: its dev split (test.json in this repository) is the test here.
  ['cluener', 'train.json', 'hemingkx/CLUENER2020', 'BERT-CRF/data/clue/train.json'],
  ['cluener', 'dev.json', 'hemingkx/CLUENER2020', 'BERT-CRF/data/clue/test.json'],
];
const MSRA_FILES = ['msra_train_bio', 'msra_test_bio'];

const BUILD = {
  ner() {
    const out = join(DATA, 'ner');
    if (AGAIN || MSRA_FILES.some((f) => !existsSync(join(out, 'msra', f)))) {
      const zip = join(out, 'msra', 'MSRA.zip');
      showFile('zhooufeng/Data', 'MSRA.zip', zip);
      run('unzip', ['-o', '-q', zip, ...MSRA_FILES, '-d', join(out, 'msra')]);
      rmSync(zip);
    }
    for (const [corpus, file, repo, path] of NER_FILES) showFile(repo, path, join(out, corpus, file));
  },
  'repair-eval'() {
    const out = join(DATA, 'repair-eval');
    const src = join(out, 'src');
    const man = join(src, 'manpages-zh');
    if (AGAIN || !existsSync(man)) {
      rmSync(man, { recursive: true, force: true });
      run('dpkg-deb', ['-x', debOf('manpages-zh', '1.6.4.0-1', join(src, 'debs')), man]);
    }
    const cache = join(out, 'documents.json');
    if (AGAIN) rmSync(cache, { force: true });
    if (!existsSync(cache)) {
      // scripts/eval-repair/corpus.mjs picks the documents and caches them; MSRA comes from this build's ner part.
      const code = `import(${JSON.stringify(join(ROOT, 'scripts/eval-repair/corpus.mjs'))}).then((m) => console.log(m.loadDocuments().length + ' documents'))`;
      run(process.execPath, ['-e', code], { env: { ...process.env, ZHLENS_EVAL_DATA: out, ZHLENS_EVAL_MIRROR: MIRROR, ZHLENS_NER_DATA: join(DATA, 'ner') } });
    }
  },
  bytes() {
    extractTree('chardet/chardet', 'tests/', join(DATA, 'bytes', 'chardet+chardet'));
    extractTree('freedesktop/uchardet', 'test/', join(DATA, 'bytes', 'freedesktop+uchardet'));
  },
  precision() {
    const out = join(DATA, 'precision');
    const step = (manifest, args) => {
      if (!AGAIN && existsSync(join(out, manifest))) return;
      run(process.execPath, [...args, '--out', out], { cwd: ROOT });
    };
    // The Debian versions recorded, fetched first (the corpus script takes a .deb it finds): a
    // version the archive has dropped since is left to the corpus script, which takes the current one.
    if (AGAIN || !existsSync(join(out, 'manifest-debian.json'))) {
      for (const [key, version] of Object.entries(expected.precision ?? {})) {
        if (key.startsWith('debian ')) debOf(key.slice('debian '.length), version, join(out, 'debs'), false);
      }
    }
    step('manifest-debian.json', ['scripts/build-precision-corpus.mjs']);
    step('manifest-repos.json', ['scripts/add-precision-repos.mjs', MIRROR]);
    step('manifest-texts.json', ['scripts/add-precision-repos.mjs', MIRROR, '--texts']);
    step('manifest-extra.json', ['scripts/add-precision-repos.mjs', MIRROR, '--extra']);
    step('manifest-more.json', ['scripts/add-precision-repos.mjs', MIRROR, '--more']);
    // ftfy's published cases: tests/test-cases/*.json, flat, with the commit in COMMIT.
    const ftfy = join(out, 'ftfy');
    const commit = headOf('rspeer/python-ftfy');
    if (!stampedWith(ftfy, commit)) {
      rmSync(ftfy, { recursive: true, force: true });
      const names = git('rspeer/python-ftfy', 'ls-tree', '--name-only', 'HEAD', 'tests/test-cases/').toString().split('\n').filter(Boolean);
      for (const path of names) showFile('rspeer/python-ftfy', path, join(ftfy, path.slice('tests/test-cases/'.length)));
      writeFileSync(join(ftfy, 'COMMIT'), `${commit}\n`);
    }
  },
};

const COMMANDS = {
  ner: ['git', 'unzip'],
  'repair-eval': ['git', 'apt-get', 'dpkg-deb'],
  bytes: ['git', 'tar'],
  precision: ['git', 'apt-get', 'dpkg-deb', 'msgunfmt'],
};

/** What a built part is recorded by: file hashes, Debian versions, counts per split. */
const FINGERPRINT = {
  ner() {
    const out = join(DATA, 'ner');
    const files = [...MSRA_FILES.map((f) => ['msra', f]), ...NER_FILES];
    return Object.fromEntries(files.map(([corpus, file]) => [`${corpus}/${file}`, hashFile(join(out, corpus, file))]));
  },
  'repair-eval'() {
    const cache = join(DATA, 'repair-eval', 'documents.json');
    const docs = existsSync(cache) ? JSON.parse(readFileSync(cache, 'utf8')) : [];
    const count = (split) => docs.filter((d) => d.split === split).length;
    return { 'documents.json': hashFile(cache), 'documents tuning': count('tuning'), 'documents test': count('test') };
  },
  bytes() {
    return Object.fromEntries(['chardet+chardet', 'freedesktop+uchardet'].map((d) => [d, hashTree(join(DATA, 'bytes', d))]));
  },
  precision() {
    const out = join(DATA, 'precision');
    const found = { ftfy: hashTree(join(out, 'ftfy')) };
    for (const m of ['manifest-debian.json', 'manifest-repos.json', 'manifest-texts.json', 'manifest-extra.json', 'manifest-more.json']) {
      const path = join(out, m);
      if (!existsSync(path)) {
        found[m] = undefined;
        continue;
      }
      const entries = JSON.parse(readFileSync(path, 'utf8'));
      found[m] = sha256(readFileSync(path));
      for (const split of ['test', 'tune']) found[`${m} ${split}`] = entries.filter((e) => e.split === split).length;
      // The version of each package or repository read: a Debian point release moves these.
      const key = m === 'manifest-debian.json' ? 'debian' : 'version';
      for (const e of entries) found[`${key} ${e.pkg}`] = e.version;
    }
    return found;
  },
};

// ---- run ----

const checked = checkRepositories(parts, headOf);
const problems = repositoryProblems(checked);
for (const p of problems) console.error(p);
if (checked.some((r) => r.state === 'missing')) {
  console.error(`fetch the missing repositories into ${MIRROR}/<owner>+<name>/repo, then run this again`);
  process.exit(1);
}

if (!CHECK && !RECORD) {
  needCommands([...new Set(parts.flatMap((p) => COMMANDS[p]))]);
  for (const part of parts) {
    const t0 = Date.now();
    console.log(`${part}: building under ${join(DATA, part)}`);
    BUILD[part]();
    console.log(`${part}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

const found = Object.fromEntries(parts.map((p) => [p, FINGERPRINT[p]()]));
if (RECORD) {
  writeFileSync(EXPECTED, `${JSON.stringify({ ...expected, ...found }, null, 1)}\n`);
  console.log(`recorded ${parts.join(', ')} in ${relative(ROOT, EXPECTED)}`);
  process.exit(0);
}
let differ = problems.length > 0;
for (const part of parts) {
  const diff = differences(expected[part], found[part]);
  if (!diff.length) {
    console.log(`${part}: as recorded`);
    continue;
  }
  differ = true;
  console.log(`${part}: differs from what was recorded (the eval figures may differ):`);
  for (const [key, want, got] of diff) console.log(`  ${key}: recorded ${want ?? '(none)'}, found ${got ?? '(none)'}`);
}
if (differ) process.exit(1);
