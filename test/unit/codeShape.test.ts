/**
 * The shape of the source the developers' guide asks for, checked on the import graph esbuild
 * builds (its metafile) for the entry points: no import cycle; the core imports neither
 * `vscode` nor Node's modules (what only Node has sits behind src/host/); no TypeScript file
 * over 400 lines; no data in TypeScript string literals (data files live in data/).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
const ENTRIES = ['src/extension/extension.ts', 'src/extension/webExtension.ts', 'src/core/index.ts', 'src/cli.ts', 'src/cli/mainProcess.ts'];
const MAX_LINES = 400;

/** Source file → the source files it imports (runtime imports; `import type` is erased before bundling). */
async function importGraph(): Promise<Map<string, string[]>> {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outdir: 'out/code-shape',
    write: false,
    metafile: true,
    packages: 'external',
    external: ['vscode'],
    logLevel: 'silent',
  });
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    graph.set(file, input.imports.map((i) => i.path));
  }
  return graph;
}

/** Every cycle through the graph, each as the files along it (first repeated at the end). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(rel) : e.name.endsWith('.ts') ? [rel] : [];
  });
}

test('the cycle finder names the files of a cycle', () => {
  const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts', 'd.ts']], ['d.ts', []]]);
  assert.deepEqual(cycles(graph), [['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
});

test('no import cycles among the sources of the extension, the core and the CLI', async () => {
  const graph = await importGraph();
  assert.ok(graph.size > 100, `the graph holds the sources (${graph.size} files)`);
  assert.deepEqual(cycles(graph).map((c) => c.join(' → ')), []);
});

test('the core imports neither vscode nor Node modules; Node sits behind src/host/', async () => {
  const graph = await importGraph();
  const offending: string[] = [];
  for (const [file, imports] of graph) {
    if (!file.startsWith('src/core/')) continue;
    for (const target of imports) {
      const node = target.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process'].includes(target);
      if (target === 'vscode' || node) offending.push(`${file} imports ${target}`);
    }
  }
  assert.deepEqual(offending, []);
});

test(`no TypeScript source file is over ${MAX_LINES} lines`, () => {
  const long = sourceFiles('src')
    .map((file) => ({ file, lines: fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.file}: ${f.lines} lines`);
  assert.deepEqual(long, []);
});

test('no data in string literals: no source line over 2,000 characters', () => {
  // A word list or a table written into TypeScript makes lines of tens of kilobytes.
  const long = sourceFiles('src').flatMap((file) =>
    fs
      .readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, n) => (line.length > 2000 ? [`${file}:${n + 1}: ${line.length} characters`] : [])),
  );
  assert.deepEqual(long, []);
});
