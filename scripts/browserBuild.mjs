// The browser bundle's esbuild options (package.json "browser": dist/web/extension.js), shared by
// scripts/build.mjs and the unit test that checks the bundle holds nothing of Node's
// (test/unit/browserBundle.test.ts). One file: a web worker extension host loads the `browser`
// entry alone, so there is no lazily required dist/core.js here.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** In the browser bundle, the modules that read files through Node give way to the browser's. */
const BROWSER_HOSTS = { [join(ROOT, 'src/host/defaultDataHost.ts')]: join(ROOT, 'src/host/browserDataHost.ts') };

const browserHosts = {
  name: 'browser-hosts',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const swapped = BROWSER_HOSTS[resolve(args.resolveDir, args.path) + '.ts'];
      return swapped ? { path: swapped } : undefined;
    });
  },
};

/** The files of data/ (`annotate/properWords.txt`, …), which the browser entry reads at activation. */
export function dataFiles() {
  const dir = join(ROOT, 'data');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

/** `common`'s options (sourcemap, minify, charset …) for the browser: platform 'browser', so a Node built-in anywhere fails the build. */
export function browserTarget(common) {
  return {
    ...common,
    absWorkingDir: ROOT,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    entryPoints: ['src/extension/webExtension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    // Every bare `Buffer` (iconv-lite's input, src/core's) becomes the `buffer` package's.
    inject: ['src/host/browserGlobals.ts'],
    // A string, one name a line: esbuild inlines a string where an array would become a module.
    define: { ZHLENS_DATA_FILES: JSON.stringify(dataFiles().join('\n')) },
    plugins: [browserHosts],
  };
}
