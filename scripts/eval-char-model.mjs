// Measures the character language model on text it was not trained on.
//
//   node scripts/eval-char-model.mjs [--model path/to/charModel.bin]
//
// Held-out text (none of it is in the training sources listed in docs/data.md):
// - Debian manpages-zh (`apt-get install manpages-zh`): the zh_CN and zh_TW man1 pages, roff
//   requests and font escapes removed, lines with Chinese only;
// - the test corpus, test/corpus/*.txt, one figure per file;
// - the sample news article, samples/yizhuang-article/repaired.txt (Traditional) and
//   simplified.txt.
// Reports the mean ln P per character (and its perplexity, e^−mean) for each, a few bigrams the
// garble repairs depend on, and the encoding detector's accuracy on manpages-zh passages of 10,
// 20 and 50 characters encoded as GB18030, Big5 and UTF-8.
import { requireBundle } from './nodeBundle.mjs';
import { readFileSync, readdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const modelArg = process.argv.indexOf('--model');
const modelPath = modelArg > 0 ? resolve(process.argv[modelArg + 1]) : null;

// Bundle the model and the detector as the extension does, optionally with another model file.
const work = mkdtempSync(join(tmpdir(), 'zhlens-eval-'));
const { getCharModel, detectEncoding, setDataHost } = await requireBundle(join(work, 'eval.cjs'), {
  exports: "export { getCharModel } from './src/core/model/charLanguageModel';\nexport { detectEncoding } from './src/core/bytes/detectEncoding';\nexport { setDataHost } from './src/core/data/dataFiles';",
});
rmSync(work, { recursive: true, force: true });
// The bundle ran from a temporary folder: hand it data/ (and the model to evaluate, when given).
setDataHost({ read: (name) => readFileSync(name === 'charModel.bin' && modelPath ? modelPath : join('data', name)) });

const t0 = performance.now();
const model = getCharModel();
const loadMs = performance.now() - t0;
const HAN = /[\u3400-\u9fff]/;

/** Text of a man page: roff requests and comments dropped, font and size escapes removed. */
function manText(roff) {
  return roff
    .split('\n')
    .filter((l) => !l.startsWith('.') && !l.startsWith("'"))
    .map((l) => l.replace(/\\f(\[[^\]]*\]|\(..|.)/g, '').replace(/\\s[+-]?\d/g, '').replace(/\\[,/&]/g, '').replace(/\\-/g, '-').replace(/\\\(../g, '').replace(/\\e/g, '\\'))
    .filter((l) => HAN.test(l));
}
function manLines(lang) {
  const dir = `/usr/share/man/${lang}/man1`;
  if (!existsSync(dir)) { console.error(`missing ${dir}: apt-get install manpages-zh`); process.exit(1); }
  return readdirSync(dir).sort().flatMap((f) => {
    const raw = readFileSync(join(dir, f));
    return manText((f.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  });
}

function meanLogProb(lines) {
  let sum = 0, chars = 0;
  for (const l of lines) {
    sum += model.score(l);
    chars += [...l].length;
  }
  return { mean: sum / chars, chars };
}
const row = (name, lines) => {
  const { mean, chars } = meanLogProb(lines);
  console.log(`${name.padEnd(44)} ${String(chars).padStart(8)} chars  mean ln P ${mean.toFixed(3)}  perplexity ${Math.exp(-mean).toFixed(1)}`);
};

console.log(`model ${modelPath ?? 'data/charModel.bin'}: load ${loadMs.toFixed(1)} ms\n`);
const manCn = manLines('zh_CN');
const manTw = manLines('zh_TW');
row('manpages-zh zh_CN man1', manCn);
row('manpages-zh zh_TW man1', manTw);
for (const f of readdirSync('test/corpus').filter((f) => f.endsWith('.txt') || f.endsWith('.md')).sort()) {
  row(`test/corpus/${f}`, readFileSync(join('test/corpus', f), 'utf8').split('\n').filter((l) => l.trim()));
}
for (const f of ['repaired.txt', 'simplified.txt']) {
  row(`samples/yizhuang-article/${f}`, readFileSync(join('samples/yizhuang-article', f), 'utf8').split('\n').filter((l) => l.trim()));
}

console.log('\nbigrams (ln P(b|a)):');
for (const [a, b] of [['務', '服'], ['誤', '服'], ['地', '政'], ['地', '誤'], ['政', '務'], ['服', '務'], ['示', '。'], ['仕', '仕']]) {
  console.log(`  ${a}${b} ${model.bigram(a, b).toFixed(1)}`);
}

// Detector: every 7th line of each language, cut to 10, 20 and 50 characters from its first Han.
const iconv = createRequire(import.meta.url)('iconv-lite');
function detectorAccuracy(lines, encodings) {
  const result = {};
  for (const enc of encodings) result[enc] = { ok: 0, n: 0 };
  for (let i = 0; i < lines.length; i += 7) {
    const cps = [...lines[i].trim()];
    const start = cps.findIndex((c) => HAN.test(c));
    for (const len of [10, 20, 50]) {
      const text = cps.slice(start, start + len).join('');
      if ([...text].length < len) continue;
      for (const enc of encodings) {
        const bytes = iconv.encode(text, enc);
        if (iconv.decode(bytes, enc) !== text) continue; // not representable (Big5 lacks some characters)
        result[enc].n++;
        if (detectEncoding(new Uint8Array(bytes)).encoding === enc) result[enc].ok++;
      }
    }
  }
  return Object.entries(result).map(([e, { ok, n }]) => `${e} ${ok}/${n} (${((100 * ok) / n).toFixed(1)}%)`).join(', ');
}
console.log('\nencoding detection on manpages-zh passages:');
console.log(`  zh_CN: ${detectorAccuracy(manCn, ['gb18030', 'utf-8'])}`);
console.log(`  zh_TW: ${detectorAccuracy(manTw, ['big5', 'gb18030', 'utf-8'])}`);
