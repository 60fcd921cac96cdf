// Builds data/regionalForms.txt: the characters that Hong Kong's or Taiwan's standard writes
// where OpenCC's Traditional writes another form (温 for 溫, 揾 for 搵, 着 → 著, 裏 → 裡), from the
// variant tables opencc-js ships (HKVariants, TWVariants and their reverse tables). Such a
// character is Traditional text's own even when OpenCC's Simplified side also writes it: the
// mixed-script detector (src/core/garble/mixedScript.ts, docs/precision.md) does not count it as
// Simplified.
//
//   node scripts/build-regional-forms.mjs [--out data/regionalForms.txt]
//
// Rerun after updating opencc-js. The output is the characters in code-point order on one line.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const i = process.argv.indexOf('--out');
const OUT = i > 0 ? process.argv[i + 1] : 'data/regionalForms.txt';

const forms = new Set();
const single = (s) => [...s].length === 1;
for (const name of ['HKVariants', 'TWVariants']) {
  for (const entry of require(`opencc-js/dict/${name}`).default.split('|')) {
    const [from, ...to] = entry.split(' ');
    for (const form of to) if (form !== from && single(form)) forms.add(form);
  }
}
for (const name of ['HKVariantsRev', 'TWVariantsRev']) {
  for (const entry of require(`opencc-js/dict/${name}`).default.split('|')) {
    const [form, ...to] = entry.split(' ');
    if (single(form) && to.some((t) => t !== form)) forms.add(form);
  }
}
const sorted = [...forms].sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
writeFileSync(OUT, sorted.join('') + '\n');
console.log(`${OUT}: ${sorted.length} characters of the Hong Kong and Taiwan standards (opencc-js ${JSON.parse(readFileSync('node_modules/opencc-js/package.json', 'utf8')).version})`);
