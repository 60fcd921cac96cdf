// Builds data/dosCodePages.txt: the upper halves (bytes 0x80–0xFF) of the DOS code pages whose
// misreadings of UTF-8 zhlens undoes (garble/mojibake/otherCodePages.ts, docs/precision.md):
// IBM 437 (the DOS console's default: `─îe┼ítina` for `Čeština`) and IBM 850 (its Western European
// successor). The platform's TextDecoder has no DOS page but 866, so the tables come from
// iconv-lite.
//
//   node scripts/build-dos-code-pages.mjs [--out data/dosCodePages.txt]
//
// One line a page: its name, a tab, the 128 characters of bytes 0x80 to 0xFF in order.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');
const i = process.argv.indexOf('--out');
const OUT = i > 0 ? process.argv[i + 1] : 'data/dosCodePages.txt';

const PAGES = ['ibm437', 'ibm850'];
const lines = PAGES.map((name) => {
  let upper = '';
  for (let b = 0x80; b <= 0xff; b++) upper += iconv.decode(Buffer.from([b]), name);
  if ([...upper].length !== 128) throw new Error(`${name}: not one character a byte`);
  return `${name}\t${upper}`;
});
writeFileSync(OUT, lines.join('\n') + '\n');
console.log(`${OUT}: ${PAGES.join(', ')} (iconv-lite ${JSON.parse(readFileSync('node_modules/iconv-lite/package.json', 'utf8')).version})`);
