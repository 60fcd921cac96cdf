// Writes data/charModelBounds.bin: per vocabulary index of data/charModel.bin, the likeliest
// bigram it starts and the likeliest it ends (layout in src/core/model/charModelBounds.ts), so that
// the first analysis reads them instead of working them out in a pass over every bigram
// (docs/data.md). Derived from data/charModel.bin alone:
//   node scripts/build-char-model-bounds.mjs
// Rerun after building the character model again; a unit test compares the file with the model,
// and the core works the bounds out itself when the file was written for another model.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
// The core's own reader and writer, bundled in memory, so that the file is what the core reads.
const bundle = await esbuild.build({
  stdin: {
    contents: "export { readCharModelTables } from './src/core/model/charModelData'; export { writeBigramBounds } from './src/core/model/charModelBounds';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const { readCharModelTables, writeBigramBounds } = module.exports;
const bytes = writeBigramBounds(readCharModelTables(new Uint8Array(readFileSync(join(root, 'data', 'charModel.bin')))));
writeFileSync(join(root, 'data', 'charModelBounds.bin'), bytes);
console.log(`data/charModelBounds.bin: ${bytes.length} bytes`);
