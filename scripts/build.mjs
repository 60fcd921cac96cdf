// Bundles the extension and the CLI with esbuild: CommonJS, Node target, `vscode` left external
// (the editor provides it at run time). The extension is three files, dist/extension.js (the editor
// layer), dist/core.js (the core, required at its first use) and dist/iconv-lite.js (required by
// the core at the first decode that needs it); the CLI is dist/cli-main.js, started by the small
// dist/cli.js through a V8 code cache. The
// data files (word lists, the character model) stay in data/ and are read when first needed
// (src/core/data/dataFiles.ts).
//
// The browser build (package.json "browser": vscode.dev, github.dev, a web worker extension host)
// is one file, dist/web/extension.js, from src/extension/webExtension.ts: platform 'browser', so
// a Node built-in anywhere in it fails the build; the Node-only hosts are swapped for the
// browser's (scripts/browserBuild.mjs) and `Buffer` comes from the `buffer` package.
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { browserTarget } from './browserBuild.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const CORE_INDEX = resolve('src/core/index.ts');
const CORE_TYPES = resolve('src/core/types.ts');
const EXTENSION_DIR = resolve('src/extension');
const CORE_CODE_CACHE = resolve('src/extension/coreCodeCache.ts');

/** Names a module exports, from an in-memory ES-module build of it. */
async function exportsOf(entry) {
  const result = await esbuild.build({
    ...common,
    entryPoints: [entry],
    format: 'esm',
    packages: 'external',
    plugins: [],
    write: false,
    metafile: true,
    sourcemap: false,
    minify: false,
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.exports ?? [];
}

/**
 * VS Code activates zhlens at startup, and every millisecond of loading the bundle is a
 * millisecond of the editor's start: the core with its tables is 4 MB of JavaScript to read and
 * compile, while the editor layer is small. So the editor layer's `import … from '../core'` gets a
 * stand-in: each core function loads dist/core.js at its first call and calls through; the
 * constants of core/types.ts (ALL_GARBLE_KINDS) are bundled as they are. The core must export
 * functions only beyond types.ts, which the build checks once dist/core.js is written. The load
 * goes through the V8 code cache the extension keeps in its storage (coreCodeCache.ts).
 */
const coreOnFirstCall = {
  name: 'core-on-first-call',
  setup(build) {
    // `../core` from src/extension, `../../core` from a feature folder under it.
    build.onResolve({ filter: /^(\.\.\/)+core$/ }, (args) =>
      resolve(args.resolveDir, args.path, 'index.ts') === CORE_INDEX && args.importer.startsWith(EXTENSION_DIR)
        ? { path: CORE_INDEX, namespace: 'core-on-first-call' }
        : undefined,
    );
    build.onResolve({ filter: /^\.\/core\.js$/, namespace: 'core-on-first-call' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'core-on-first-call' }, async () => {
      const eager = new Set(await exportsOf(CORE_TYPES));
      const lazy = (await exportsOf(CORE_INDEX)).filter((name) => !eager.has(name));
      const contents = [
        `export * from ${JSON.stringify(CORE_TYPES)};`,
        // Through the code cache the extension keeps (src/extension/coreCodeCache.ts).
        `import { requireCore } from ${JSON.stringify(CORE_CODE_CACHE)};`,
        'let core;',
        "const load = () => (core ??= requireCore(require('node:path').join(__dirname, 'core.js')));",
        ...lazy.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
      ].join('\n');
      return { contents, loader: 'js', resolveDir: dirname(CORE_INDEX) };
    });
  },
};

/**
 * Each module's `import * as vscode from 'vscode'` became, in a CommonJS bundle, its own copy of
 * the editor's API object, every property defined again as a getter (esbuild's `__toESM`): about
 * forty copies of a few hundred properties, at every activation, before activate() runs. All the
 * modules now import one module that re-exports the API once.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** Every export of the built core beyond types.ts must be a function, or the stand-in above would misrepresent it. */
async function checkCoreExports(coreFile) {
  const eager = new Set(await exportsOf(CORE_TYPES));
  const core = createRequire(import.meta.url)(resolve(coreFile));
  const wrong = Object.keys(core).filter((name) => !eager.has(name) && typeof core[name] !== 'function');
  if (wrong.length) throw new Error(`src/core exports ${wrong.join(', ')}, not functions: the extension loads the core at a function's first call, so export constants from src/core/types.ts`);
}

/**
 * iconv-lite (Big5, and every decode on a runtime without the CJK converters) is its own file next
 * to the core, dist/iconv-lite.js, which the core requires at the first decode that needs it
 * (src/core/bytes/decodeBytes.ts). Its code-page tables were over half of dist/core.js, compiled
 * on every editor start before the first verdict, which reads text and never decodes bytes.
 */
const iconvOnFirstUse = {
  name: 'iconv-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^iconv-lite$/ }, () => ({ path: './iconv-lite.js', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // Chinese as UTF-8, not as \uXXXX escapes: the dictionaries and lexicons are mostly Chinese,
  // and escaped they took twice the bytes to read and parse.
  charset: 'utf8',
  plugins: [],
};

const targets = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', plugins: [vscodeOnce, coreOnFirstCall] },
  { ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js', plugins: [iconvOnFirstUse] },
  { ...common, entryPoints: ['node_modules/iconv-lite/lib/index.js'], outfile: 'dist/iconv-lite.js' },
  // The command line: dist/cli.js starts dist/cli-main.js through a V8 code cache (src/cli/mainCodeCache.ts).
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/cli/mainProcess.ts'], outfile: 'dist/cli-main.js' },
  browserTarget(common),
];

if (watch) {
  for (const t of targets) (await esbuild.context(t)).watch();
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
  chmodSync('dist/cli.js', 0o755);
  await checkCoreExports('dist/core.js');
}
