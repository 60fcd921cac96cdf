// Bundles the extension and the CLI with esbuild: one CommonJS file each, Node target,
// `vscode` left external (the editor provides it at run time).
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * Binary tables (the character model, src/core/model/*.bin) ship as files next to the bundle and
 * are read when the bundle loads. Inlined, esbuild writes them into the JavaScript as base64: the
 * 1 MB model became 1.3 MB of string literal that the editor parses and decodes on every
 * activation, and made the bundle big enough for vsce to warn. The import still yields the bytes
 * (a Buffer is a Uint8Array), so the source and the unit tests, which inline, are unchanged.
 */
const binaryFilesNextToBundle = {
  name: 'binary-files-next-to-bundle',
  setup(build) {
    const outdir = dirname(build.initialOptions.outfile);
    build.onLoad({ filter: /\.bin$/ }, (args) => {
      const name = basename(args.path);
      mkdirSync(outdir, { recursive: true });
      copyFileSync(args.path, join(outdir, name));
      return { contents: `module.exports = require('fs').readFileSync(require('path').join(__dirname, ${JSON.stringify(name)}));`, loader: 'js' };
    });
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
  loader: { '.txt': 'text' },
  plugins: [binaryFilesNextToBundle],
};

const targets = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const t of targets) (await esbuild.context(t)).watch();
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
  chmodSync('dist/cli.js', 0o755);
}
