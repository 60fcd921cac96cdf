// Writes test/cases/encoding-other-legacy.json: files in other languages' legacy encodings that
// zhlens must never offer to reopen as GB18030, Big5 or EUC-TW (docs/precision.md, "Legacy files").
//
//   node scripts/make-legacy-cases.mjs [--data /work/data/bytes]
//
// Two sources, both public and small:
// - uchardet's test files (freedesktop/uchardet `test/<lang>/<encoding>.txt`, texts taken from
//   Wikipedia, CC BY-SA): every file in a legacy encoding, its first 600 bytes; the Chinese ones (Big5,
//   GB18030) with the encoding they must be read in;
// - the clean lines of test/cases/precision-clean.json (chosen because two accented letters sit
//   together, the hardest case for a byte detector) encoded with iconv-lite in their language's
//   legacy code pages, when the round trip is exact.
// A case of another language's encoding expects the file to stay as an editor assuming UTF-8
// shows it (`encoding` utf-8, `text` that decoding) with `otherLegacy` set.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('data', '/work/data/bytes');
const UCHARDET = join(DATA, 'freedesktop+uchardet');
const OUT = 'test/cases/encoding-other-legacy.json';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const cases = [];
const otherCase = (label, bytes, truth, source, licence) =>
  cases.push({ expect: 'pass', label, input: { base64: Buffer.from(bytes).toString('base64') }, encoding: 'utf-8', bom: false, text: utf8.decode(bytes), otherLegacy: truth, source, licence });

// ---- uchardet's files ----
if (!existsSync(UCHARDET)) {
  console.error(`no ${UCHARDET}: see docs/precision.md, "Legacy files"`);
  process.exit(1);
}
/** At most the first 600 bytes, cut after an ASCII byte (never inside a character). */
function head(bytes) {
  if (bytes.length <= 600) return bytes;
  let end = 600;
  while (end > 0 && bytes[end - 1] >= 0x80) end--;
  return bytes.subarray(0, end);
}
const commit = readFileSync(join(UCHARDET, 'COMMIT'), 'utf8').trim().slice(0, 12);
const NOT_LEGACY = /^(utf-|ascii|iso-2022)/;
const CHINESE = { 'big5.txt': 'big5', 'gb18030.txt': 'gb18030' };
for (const lang of readdirSync(join(UCHARDET, 'test')).sort()) {
  const dir = join(UCHARDET, 'test', lang);
  if (!/^[a-z]{2}$/.test(lang)) continue;
  for (const name of readdirSync(dir).sort()) {
    const bytes = head(readFileSync(join(dir, name)));
    const source = `freedesktop/uchardet ${commit}: test/${lang}/${name}`;
    const licence = 'CC-BY-SA (Wikipedia text)';
    if (lang === 'zh' && CHINESE[name]) {
      const encoding = CHINESE[name];
      cases.push({ expect: 'pass', label: `${encoding}: uchardet's Chinese file`, input: { base64: bytes.toString('base64') }, encoding, bom: false, text: iconv.decode(bytes, encoding), source, licence });
      continue;
    }
    const truth = name.replace(/\.(txt|smi)$/, '');
    if (lang === 'zh' || NOT_LEGACY.test(truth) || truth.includes('.')) continue;
    otherCase(`${lang} ${truth}: uchardet's file`, bytes, truth, source, licence);
  }
}

// ---- precision-clean lines in legacy code pages ----
const PAGES = {
  cs: ['windows-1250', 'iso-8859-2'], pl: ['windows-1250', 'iso-8859-2'], hu: ['windows-1250'], sk: ['windows-1250'], sl: ['windows-1250'], hr: ['windows-1250'], ro: ['windows-1250'],
  ru: ['windows-1251', 'koi8-r'], uk: ['windows-1251', 'koi8-u'], bg: ['windows-1251'], be: ['windows-1251'], mk: ['windows-1251'], sr: ['windows-1251'],
  el: ['windows-1253'], tr: ['windows-1254'], lt: ['windows-1257'], lv: ['windows-1257'], et: ['windows-1257'],
  ja: ['shift_jis', 'euc-jp'], ko: ['euc-kr'], vi: ['windows-1258'],
  de: ['windows-1252'], fr: ['windows-1252'], es: ['windows-1252'], it: ['windows-1252'], da: ['windows-1252'], sv: ['windows-1252'], fi: ['windows-1252'], nl: ['windows-1252'], 'pt-br': ['windows-1252'], ca: ['windows-1252'], is: ['windows-1252'], gl: ['windows-1252'], eu: ['windows-1252'], af: ['windows-1252'], oc: ['windows-1252'], br: ['windows-1252'],
};
for (const c of JSON.parse(readFileSync('test/cases/precision-clean.json', 'utf8'))) {
  const lang = c.label.split(' ')[1].replace(':', '');
  if (!/[^\x00-\x7f]/.test(c.input)) continue;
  for (const page of PAGES[lang] ?? []) {
    const bytes = iconv.encode(c.input, page);
    if (iconv.decode(bytes, page) !== c.input) continue;
    otherCase(`${lang} ${page}: one clean line (${c.label.replace(/^clean [^:]+: /, '')})`, bytes, page, c.source, c.licence);
  }
}

writeFileSync(OUT, `${JSON.stringify(cases, null, 2)}\n`);
console.log(`${OUT}: ${cases.length} cases`);
