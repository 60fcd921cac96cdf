/**
 * The browser bundle (package.json "browser", dist/web/extension.js) holds nothing of Node's: it
 * is built here with the build's own options (scripts/browserBuild.mjs) and its import graph read
 * from esbuild's metafile. A web worker extension host (vscode.dev, github.dev) has no `fs`,
 * `path`, `crypto`, `worker_threads` or Node `Buffer`; what needs them sits behind hosts the
 * entry points choose (src/extension/localFiles.ts, src/core/data/dataFiles.ts).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Modules that use Node and must stay out of the browser bundle. */
const NODE_ONLY = ['src/host/defaultDataHost.ts', 'src/host/nodeLocalFiles.ts', 'src/files/replaceFile.ts'];

type BrowserTarget = (common: esbuild.BuildOptions) => esbuild.BuildOptions;

async function browserOptions(): Promise<esbuild.BuildOptions> {
  const { browserTarget } = (await import(pathToFileURL(path.join(ROOT, 'scripts/browserBuild.mjs')).href)) as { browserTarget: BrowserTarget };
  return { ...browserTarget({ bundle: true, charset: 'utf8' }), write: false, metafile: true, sourcemap: false, logLevel: 'silent' };
}

/** Every import in the graph that leaves it for something other than `vscode`, or names a Node built-in it did not resolve to a package. */
function nodeImports(metafile: esbuild.Metafile): string[] {
  const offending: string[] = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const i of input.imports) {
      // esbuild lists the injected module (browserGlobals.ts) by its absolute path, as external.
      const target = path.isAbsolute(i.path) ? path.relative(ROOT, i.path).split(path.sep).join('/') : i.path;
      if (target in metafile.inputs) continue;
      if (i.external && target !== 'vscode') offending.push(`${file} imports ${target} (external)`);
      else if (NODE_BUILTINS.has(target)) offending.push(`${file} imports ${target}`);
    }
  }
  return offending;
}

test('the check names a Node built-in left external', () => {
  const metafile = {
    inputs: { 'a.ts': { bytes: 1, imports: [{ path: 'node:fs', kind: 'import-statement', external: true }, { path: 'vscode', kind: 'require-call', external: true }] } },
    outputs: {},
  } as unknown as esbuild.Metafile;
  assert.deepEqual(nodeImports(metafile), ['a.ts imports node:fs (external)']);
});

test('a Node built-in fails the browser build', async () => {
  const options = await browserOptions();
  await assert.rejects(
    esbuild.build({ ...options, entryPoints: undefined, outfile: undefined, outdir: 'out/browser-check', stdin: { contents: "import { readFileSync } from 'node:fs'; console.log(readFileSync);", resolveDir: ROOT, loader: 'ts' } }),
    /node:fs/,
  );
});

test('the browser bundle imports only vscode and holds no Node-only module', async () => {
  const { metafile } = await esbuild.build(await browserOptions());
  const inputs = Object.keys(metafile!.inputs);
  assert.ok(inputs.includes('src/extension/webExtension.ts') && inputs.length > 100, `the graph holds the extension (${inputs.length} files)`);
  assert.deepEqual(nodeImports(metafile!), []);
  assert.deepEqual(inputs.filter((f) => NODE_ONLY.includes(f)), []);
  // The browser's stand-ins are what the bundle holds instead.
  assert.ok(inputs.includes('src/host/browserDataHost.ts'), 'the data host is the browser one');
  assert.ok(inputs.some((f) => f.startsWith('node_modules/buffer/')), 'Buffer comes from the buffer package');
  assert.ok(inputs.some((f) => f.startsWith('node_modules/iconv-lite/')) && inputs.some((f) => f.startsWith('node_modules/opencc-js/')));
});

/** The package a node_modules path belongs to (`node_modules/iconv-lite/lib/index.js` → iconv-lite). */
function packageOf(file: string): string | undefined {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  return m?.[1];
}

const dependenciesOf = (dir: string): string[] => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8'));
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
};

test('every package in the browser bundle is declared, by zhlens or by the package that uses it', async () => {
  // A Node built-in that a library requires (iconv-lite's string_decoder) resolves in the browser
  // to whatever package of that name node_modules happens to hold: zhlens must declare it.
  const { metafile } = await esbuild.build(await browserOptions());
  const bundled = new Set(Object.keys(metafile!.inputs).map(packageOf).filter((p): p is string => !!p));
  const declared = new Set(dependenciesOf('.'));
  for (let size = 0; size !== declared.size; ) {
    size = declared.size;
    for (const p of bundled) if (declared.has(p)) for (const d of dependenciesOf(`node_modules/${p}`)) declared.add(d);
  }
  assert.deepEqual([...bundled].filter((p) => !declared.has(p)), []);
});
