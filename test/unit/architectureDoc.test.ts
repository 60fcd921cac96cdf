/**
 * ARCHITECTURE.md kept true to the tree: every module under src/ is named there, every file path
 * it names exists, and every module or folder in the first column of its folder tree sits where
 * the tree puts it.
 *
 * A module is named by `name.ts`, or by its bare name when that is a camelCase identifier
 * (`runEnds`, `c1Controls`), which prose never writes by chance; a one-word name (`lines`,
 * `quote`) must be written with `.ts`. Paths under dist/ and out/ are the build's outputs.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');
const DOC = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
/** The folders of the repository a path in the document may point into. */
const TREE = ['src', 'scripts', 'data', 'test', 'docs', 'syntaxes', 'l10n', 'recipes', 'samples', 'bench'];
/** The column where the folder tree's descriptions start. */
const DESCRIPTION_COLUMN = 27;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? filesUnder(rel) : [rel];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function named(module: string): boolean {
  const base = path.basename(module, '.ts');
  if (new RegExp(`(?<![\\w.-])${escape(base)}\\.ts\\b`).test(DOC)) return true;
  return /[a-z0-9][A-Z]/.test(base) && new RegExp(`(?<![\\w.-])${escape(base)}(?![\\w-])`).test(DOC);
}

test('every module under src/ is named in ARCHITECTURE.md', () => {
  const modules = filesUnder('src').filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  assert.ok(modules.length > 200, `only ${modules.length} modules found under src/`);
  assert.deepEqual(modules.filter((m) => !named(m)), []);
});

test('every file path ARCHITECTURE.md names exists', () => {
  const files = TREE.flatMap(filesUnder);
  const exists = (p: string) =>
    fs.existsSync(path.join(ROOT, p)) || files.some((f) => f.endsWith(`/${p}`));
  const fileTokens = DOC.match(/[\w./-]*\w\.(?:ts|mjs|cjs|js|json|txt|bin|u8|u16|u32|md|py)\b/g) ?? [];
  const rooted = DOC.match(/(?<![\w./-])(?:src|scripts|data|test|docs)\/[\w./-]*/g) ?? [];
  const checked = [...new Set([...fileTokens, ...rooted])]
    .map((t) => t.replace(/^\.\//, '').replace(/\.$/, ''))
    .filter((t) => !/^(dist|out)\//.test(t));
  assert.ok(checked.length > 100, `only ${checked.length} paths found`);
  assert.deepEqual(checked.filter((t) => !exists(t)), []);
});

test('the folder tree of ARCHITECTURE.md puts each module in its folder', () => {
  const block = DOC.split('## Folders')[1]?.split('```')[1];
  assert.ok(block, 'no folder tree under "## Folders"');
  const wrong: string[] = [];
  let parents: string[] = [];
  let entries = 0;
  for (const line of block.split('\n')) {
    const m = /^( *)(\S.*?)(?: {2,}|$)/.exec(line);
    if (!m || m[1].length >= DESCRIPTION_COLUMN) continue;
    const name = m[2];
    parents = parents.slice(0, m[1].length / 2);
    for (const part of name.split(/,\s*|\s+\+\s+/).filter(Boolean)) {
      const full = [...parents, part].join('/');
      entries++;
      if (!fs.existsSync(path.join(ROOT, full))) wrong.push(full);
    }
    parents.push(name.endsWith('/') && !name.includes(',') ? name.slice(0, -1) : '?');
  }
  assert.ok(entries > 40, `only ${entries} entries read from the tree`);
  assert.deepEqual(wrong, []);
});
