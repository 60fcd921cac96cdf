/**
 * The checks of `npm run eval:data` (scripts/eval-data/sources.mjs): which fetched repositories a
 * part needs and whether each is at the commit the figures were measured on, the parts built
 * first, and the comparison of a built part with what was recorded.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..', '..');

interface Repository {
  repo: string;
  commit: string;
  parts: string[];
}
interface Checked extends Repository {
  head: string | undefined;
  state: 'ok' | 'missing' | 'other';
}
interface Sources {
  REPOSITORIES: Repository[];
  PARTS: string[];
  mirrorName(repo: string): string;
  partsToBuild(asked?: string): string[];
  checkRepositories(parts: string[], headOf: (repo: string) => string | undefined): Checked[];
  repositoryProblems(checked: Checked[]): string[];
  treeDigest(entries: [string, string][], sha256: (s: string) => string): string;
  differences(expected: Record<string, unknown> | undefined, found: Record<string, unknown>): [string, unknown, unknown][];
}

const load = async (): Promise<Sources> => (await import(pathToFileURL(path.join(ROOT, 'scripts/eval-data/sources.mjs')).href)) as Sources;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

test('eval data: every repository is named once, with a full commit and parts that exist', async () => {
  const s = await load();
  assert.equal(new Set(s.REPOSITORIES.map((r) => r.repo)).size, s.REPOSITORIES.length);
  for (const r of s.REPOSITORIES) {
    assert.match(r.commit, /^[0-9a-f]{40}$/, r.repo);
    assert.ok(r.parts.length && r.parts.every((p) => s.PARTS.includes(p)), r.repo);
  }
  assert.equal(s.mirrorName('UniversalDependencies/UD_Chinese-GSD'), 'UniversalDependencies+UD_Chinese-GSD');
});

test('eval data: a part brings the parts it reads, in build order', async () => {
  const s = await load();
  assert.deepEqual(s.partsToBuild(), ['ner', 'repair-eval', 'bytes', 'precision']);
  assert.deepEqual(s.partsToBuild('repair-eval'), ['ner', 'repair-eval']);
  assert.deepEqual(s.partsToBuild('precision, bytes'), ['bytes', 'precision']);
  assert.throws(() => s.partsToBuild('nre'), /unknown part nre/);
});

test('eval data: a repository missing or at another commit is named with what to do', async () => {
  const s = await load();
  const heads = new Map(s.REPOSITORIES.map((r) => [r.repo, r.commit]));
  const all = s.checkRepositories(['bytes'], (repo) => heads.get(repo));
  assert.deepEqual(all.map((r) => [r.repo, r.state]), [['chardet/chardet', 'ok'], ['freedesktop/uchardet', 'ok']]);
  assert.deepEqual(s.repositoryProblems(all), []);

  heads.delete('chardet/chardet');
  heads.set('freedesktop/uchardet', 'f'.repeat(40));
  const problems = s.repositoryProblems(s.checkRepositories(['bytes'], (repo) => heads.get(repo)));
  assert.deepEqual(problems, [
    'missing: chardet/chardet (fetch github:chardet/chardet, commit 1355907628bf; needed by bytes)',
    'other commit: freedesktop/uchardet is at ffffffffffff, the figures were measured at bdfd6116a965 (bytes)',
  ]);
  // MSRA feeds both the tagger's corpora and the repair evaluation.
  assert.ok(s.checkRepositories(['repair-eval'], () => undefined).some((r) => r.repo === 'zhooufeng/Data'));
});

test('eval data: a tree digest depends on names and contents, not on the order they were read in', async () => {
  const s = await load();
  const a = s.treeDigest([['tests/a.txt', sha256('a')], ['tests/b.txt', sha256('b')]], sha256);
  assert.equal(s.treeDigest([['tests/b.txt', sha256('b')], ['tests/a.txt', sha256('a')]], sha256), a);
  assert.equal(s.treeDigest([['tests\\b.txt', sha256('b')], ['tests\\a.txt', sha256('a')]], sha256), a);
  assert.notEqual(s.treeDigest([['tests/a.txt', sha256('b')], ['tests/b.txt', sha256('a')]], sha256), a);
  assert.notEqual(s.treeDigest([['tests/a.txt', sha256('a')]], sha256), a);
});

test('eval data: differences list what changed, what went and what came', async () => {
  const s = await load();
  assert.deepEqual(s.differences({ a: 1, b: 'x' }, { a: 1, b: 'x' }), []);
  assert.deepEqual(s.differences({ a: 1, b: 'x', c: 2 }, { a: 1, b: 'y', d: 3 }), [
    ['b', 'x', 'y'],
    ['c', 2, undefined],
    ['d', undefined, 3],
  ]);
  assert.deepEqual(s.differences(undefined, { a: 1 }), [['a', undefined, 1]]);
});
