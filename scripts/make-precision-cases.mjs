// Writes the case tables sampled from the negative corpus (docs/precision.md) and ftfy's test
// cases, so that `npm test` guards what eval:precision measures:
//
//   node scripts/make-precision-cases.mjs [--data /work/data/precision]
//
//   test/cases/precision-clean.json       clean lines in many languages that look like mojibake
//                                         to a detector that thinks only of Chinese (äß, ÇÃ, ší,
//                                         öö, kanji with kana, Korean); must stay as they are
//   test/cases/mojibake-any-language.json real lines of those languages garbled by real decoders:
//                                         UTF-8 read as Windows-1252 (TextDecoder, WHATWG), once
//                                         and twice; Korean and Japanese UTF-8 read as GBK
//                                         (iconv-lite); repaired back to the line (a line
//                                         cut one byte short: its last character as U+FFFD);
//                                         Windows-1252 readings whose no-break spaces became spaces;
//                                         Windows-1251 readings
//   test/cases/ftfy.json                  ftfy's published cases (Apache-2.0): its negatives must
//                                         stay; its mojibake must be repaired as ftfy does
//
// Lines come from both splits of the corpus (these are tests, nothing is tuned on them), chosen
// deterministically: files in manifest order, the first lines of each language that qualify.
// Each case names its source file, package and version, and the package's licence.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('data', '/work/data/precision');

const manifest = [];
for (const name of ['manifest-debian.json', 'manifest-repos.json']) {
  const p = join(DATA, name);
  if (existsSync(p)) manifest.push(...JSON.parse(readFileSync(p, 'utf8')));
}
const garbledInSource = new Set(JSON.parse(readFileSync(new URL('./precision-garbled-in-source.json', import.meta.url), 'utf8')).files.map((f) => f.path));

const licences = new Map();
function licenceOf(e) {
  if (e.source.startsWith('repo:')) return `see the repository ${e.pkg}`;
  if (!licences.has(e.pkg)) {
    const copyright = join(DATA, 'unpacked', e.pkg, 'usr/share/doc', e.pkg, 'copyright');
    const found = existsSync(copyright) ? [...new Set([...readFileSync(copyright, 'utf8').matchAll(/^License: *(.+)$/gm)].map((m) => m[1].trim()))] : [];
    licences.set(e.pkg, found.length ? found.slice(0, 3).join('; ') : 'see the package\'s copyright file');
  }
  return licences.get(e.pkg);
}

const json = (v) => JSON.stringify(v, null, 2).replace(/[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';

/** The translated text of a catalogue line (`msgstr "…"`), or a man page's text line (no roff request). */
function textOfLine(e, line) {
  if (e.source === 'catalogues') {
    const m = /^msgstr(?:\[\d\])? "(.*)"$/.exec(line);
    return m ? m[1].replace(/\\n/g, ' ').trim() : undefined;
  }
  if (e.source === 'manpages') return line.startsWith('.') || line.startsWith("'") || line.includes('\\') ? undefined : line.trim();
  return undefined;
}

// Traps: two letters outside ASCII side by side (äß, ÇÃ, ší), a Latin-1 capital before a cp1252
// punctuation byte (ß“, Ö»), kanji with kana, Hangul.
const TRAPS = [
  { name: 'two accented letters together', test: /[\u00c0-\u024f]{2}/ },
  { name: 'a letter before quotation or symbol bytes', test: /[\u00c2-\u00df][\u00a0-\u00bf\u2018-\u201e\u2026\u2013\u2014\u20ac]/ },
  { name: 'kanji with kana', test: /[\u4e00-\u9fff].*[\u3041-\u30ff]|[\u3041-\u30ff].*[\u4e00-\u9fff]/ },
  { name: 'Hangul', test: /[\uac00-\ud7a3]{2}/ },
  { name: 'Greek or Cyrillic with punctuation', test: /[\u0370-\u04ff].*[«»„“”…–—]/ },
];
const PER_LANGUAGE = 2;

const clean = [];
const perLangTrap = new Map();
const sourceLines = new Map(); // lang -> lines usable for garbling
for (const e of manifest) {
  if (garbledInSource.has(e.path) || (e.source !== 'catalogues' && e.source !== 'manpages')) continue;
  const lang = e.lang.split('-')[0];
  if (lang === 'zh') continue;
  const text = readFileSync(join(DATA, e.path), 'utf8');
  for (const raw of text.split('\n')) {
    const line = textOfLine(e, raw);
    if (!line || line.length < 12 || line.length > 160 || !/[^\x00-\x7f]/.test(line)) continue;
    for (const trap of TRAPS) {
      const key = `${lang}|${trap.name}`;
      if ((perLangTrap.get(key) ?? 0) >= PER_LANGUAGE || !trap.test.test(line)) continue;
      perLangTrap.set(key, (perLangTrap.get(key) ?? 0) + 1);
      clean.push({
        expect: 'pass',
        label: `clean ${e.lang}: ${trap.name}`,
        input: line,
        fixed: line,
        kinds: [],
        source: `${e.pkg} ${e.version}: ${e.path.replace(/^files\//, '')}`,
        licence: licenceOf(e),
      });
      break;
    }
    const pool = sourceLines.get(lang) ?? [];
    if (pool.length < 40 && line.length <= 100) pool.push({ line, e });
    sourceLines.set(lang, pool);
  }
}

// Garbled by real decoders.
const cp1252 = new TextDecoder('windows-1252');
const utf8 = (s) => Buffer.from(s, 'utf8');
const garbled = [];
const add = (label, input, fixed, kind, { line, e }, how) =>
  garbled.push({ expect: 'pass', label, input, fixed, kinds: [kind], source: `${e.pkg} ${e.version}: ${e.path.replace(/^files\//, '')}; ${how}`, licence: licenceOf(e) });

for (const lang of ['fr', 'de', 'pt', 'es', 'it', 'pl', 'cs', 'tr', 'sv', 'da', 'hu', 'ro', 'vi', 'ru', 'el', 'uk']) {
  const pool = (sourceLines.get(lang) ?? []).filter((x) => /[^\x00-\x7f]/.test(x.line) && !/[\u3000-\u9fff]/.test(x.line));
  for (const x of pool.slice(0, 3)) {
    const once = cp1252.decode(utf8(x.line));
    add(`mojibake-latin1: ${lang} UTF-8 read as Windows-1252`, once, x.line, 'mojibake-latin1', x, 'UTF-8 bytes decoded by TextDecoder("windows-1252")');
  }
  const twice = pool[3];
  if (twice) {
    const once = cp1252.decode(utf8(twice.line));
    add(`mojibake-latin1: ${lang} UTF-8 read as Windows-1252 twice`, cp1252.decode(utf8(once)), twice.line, 'mojibake-latin1', twice, 'decoded by TextDecoder("windows-1252"), encoded as UTF-8 and decoded so again');
  }
}
// UTF-8 of punctuation and of Latin, Cyrillic text read as Windows-1251 (ftfy undoes it too).
const cp1251 = new TextDecoder('windows-1251');
for (const lang of ['fr', 'de', 'ru', 'uk', 'bg']) {
  const pool = (sourceLines.get(lang) ?? []).filter((x) => /[^\x00-\x7f]/.test(x.line) && !/[\u3000-\u9fff]/.test(x.line));
  for (const x of pool.slice(4, 6)) {
    add(`mojibake-latin1: ${lang} UTF-8 read as Windows-1251`, cp1251.decode(utf8(x.line)), x.line, 'mojibake-latin1', x, 'UTF-8 bytes decoded by TextDecoder("windows-1251")');
  }
}
// UTF-8 read as Windows-1252 whose no-break spaces (byte A0 of `à`, `Š`, `Р`) were then folded to
// spaces: each one replaced by a space, or a no-break space and the space after it made one.
const A0_SECOND = /[\u00e0\u0160\u0420\u2020]/;
for (const lang of ['fr', 'pt', 'it', 'ca', 'lv', 'lt', 'ru', 'uk']) {
  const pool = (sourceLines.get(lang) ?? []).filter((x) => A0_SECOND.test(x.line) && /[^\x00-\x7f]/.test(x.line.replace(A0_SECOND, '')) && !/\u00a0/.test(x.line));
  for (const [k, x] of pool.slice(0, 2).entries()) {
    const once = cp1252.decode(utf8(x.line));
    const folded = k === 0 ? once.replace(/\u00a0/g, ' ') : once.replace(/\u00a0 /g, ' ').replace(/\u00a0/g, ' ');
    const how = k === 0 ? 'each no-break space replaced by a space' : 'a no-break space and the space after it made one space, the others replaced by a space';
    add(`mojibake-latin1: ${lang} UTF-8 read as Windows-1252, no-break spaces folded`, folded, x.line, 'mojibake-latin1', x, `UTF-8 bytes decoded by TextDecoder("windows-1252"), ${how}`);
  }
}
for (const lang of ['ja', 'ko']) {
  let n = 0;
  for (const x of sourceLines.get(lang) ?? []) {
    if (n >= 8 || /[\x00-\x1f]/.test(x.line)) continue;
    const gbk = iconv.decode(utf8(x.line), 'gbk');
    if (gbk.includes('\ufffd') || /[\u0080-\u00ff]/.test(gbk)) continue;
    add(`mojibake-gbk: ${lang === 'ja' ? 'Japanese' : 'Korean'} UTF-8 read as GBK`, gbk, x.line, 'mojibake-gbk', x, 'UTF-8 bytes decoded by iconv-lite "gbk"');
    n++;
  }
  // The same lines cut one byte short (a field cut to a byte length): where the last character's
  // first two bytes read as one GBK character, the repair shows the lost character as U+FFFD.
  let cut = 0;
  for (const x of sourceLines.get(lang) ?? []) {
    if (cut >= 4 || /[\x00-\x1f]/.test(x.line)) continue;
    const chars = [...x.line];
    const last = chars[chars.length - 1];
    if (!/[\u3041-\u30ff\uac00-\ud7a3]/.test(last)) continue;
    const bytes = utf8(x.line);
    const gbk = iconv.decode(bytes.subarray(0, bytes.length - 1), 'gbk');
    if (gbk.includes('\ufffd') || /[\u0080-\u00ff]/.test(gbk)) continue;
    add(`mojibake-gbk: ${lang === 'ja' ? 'Japanese' : 'Korean'} UTF-8 read as GBK, last character cut`, gbk, chars.slice(0, -1).join('') + '\ufffd', 'mojibake-gbk', x, 'UTF-8 bytes less the last one decoded by iconv-lite "gbk"');
    cut++;
  }
}

// ftfy's published cases.
const ftfyDir = join(DATA, 'ftfy');
const ftfyCommit = existsSync(join(ftfyDir, 'COMMIT')) ? readFileSync(join(ftfyDir, 'COMMIT'), 'utf8').trim() : '';
const ftfy = [];
for (const file of ['negative', 'synthetic', 'in-the-wild', 'language-names']) {
  const p = join(ftfyDir, `${file}.json`);
  if (!existsSync(p)) continue;
  for (const c of JSON.parse(readFileSync(p, 'utf8'))) {
    const want = c['fixed-encoding'] ?? c.fixed;
    const negative = want === c.original;
    ftfy.push({
      expect: 'pass',
      label: `ftfy ${file}: ${c.label}`,
      input: c.original,
      fixed: want,
      kinds: negative ? [] : ['mojibake-latin1'],
      source: `rspeer/python-ftfy ${ftfyCommit.slice(0, 12)}: tests/test-cases/${file}.json`,
      licence: 'Apache-2.0',
    });
  }
}

writeFileSync('test/cases/precision-clean.json', json(clean));
writeFileSync('test/cases/mojibake-any-language.json', json(garbled));
writeFileSync('test/cases/ftfy.json', json(ftfy));
console.log(`precision-clean: ${clean.length}, mojibake-any-language: ${garbled.length}, ftfy: ${ftfy.length}`);
