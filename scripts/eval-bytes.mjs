// Byte-level trust on real legacy files: what zhlens says when the editor opens a file whose
// bytes are in a legacy encoding, measured on other projects' encoding-detection test suites
// (chardet's `tests/`, uchardet's `test/`; see docs/precision.md, "Legacy files").
//
//   npm run eval:bytes -- [--data /work/data/bytes] [--split test|tune|all] [--show N] [--json out.json]
//
// The truth is the suite's folder or file name (`tests/SHIFT_JIS/…`, `test/ja/euc-jp.txt`). For each
// file, as the editor sees it (VS Code opens it as UTF-8; zhlens reads the bytes when the text shows
// U+FFFD, documentAnalysis.ts): which encoding zhlens detects and whether it offers to reopen or
// convert the file (a `wrong-encoding` finding), and what it flags or would change in the text as
// shown. Two sides:
// - Chinese legacy files (GB2312/GBK/GB18030, Big5, EUC-TW) and UTF-16: offered with the right
//   encoding, and reopening gives the text the truth's decoder gives;
// - everything else (Shift_JIS, EUC-JP, EUC-KR, windows-125x, KOI8, ISO-8859-x, TIS-620 …): never
//   offered as GB18030, Big5 or EUC-TW, nothing repaired.
// Then each non-UTF-8 file decoded with its true encoding (as a user who reopened it right sees
// it) is analysed as text: flagged / changed, like eval:precision.
// Files split tune/test by an FNV-1a hash of the document (chardet: its file name, which the same
// document keeps in every encoding; uchardet: its language folder), three in ten for tuning.
import { requireBundle } from './nodeBundle.mjs';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { splitOf } from './precisionSplit.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DATA = arg('data', '/work/data/bytes');
const SPLIT = arg('split', 'test');
const SHOW = Number(arg('show', '0'));
const JSON_OUT = arg('json');

const core = await requireBundle(join('out', 'eval-bytes', 'core.cjs'), {
  exports: "export { detectEncoding, fileVerdict, analyzeText, repairText, languageOfPath } from './src/core';",
});


/** A suite's label → [what zhlens should detect ('utf-8' = no legacy offer), iconv-lite name or undefined]. */
function truthOf(label) {
  const l = label.toLowerCase();
  if (/^(utf-8|utf-8-sig|ascii|iso-2022-jp|iso-2022-kr)$/.test(l)) return { want: 'utf-8', side: 'utf-8', iconv: l.startsWith('iso-2022') ? undefined : 'utf-8' };
  if (l === 'gb2312' || l === 'gb18030' || l === 'gbk') return { want: 'gb18030', side: 'chinese', iconv: 'gb18030' };
  if (l === 'big5') return { want: 'big5', side: 'chinese', iconv: 'big5' };
  if (l === 'euc-tw') return { want: 'euc-tw', side: 'chinese', iconv: undefined };
  if (/^utf-16(le|be)?$|^utf-16\.(le|be)$/.test(l)) return { want: 'utf-16', side: 'utf-16', iconv: l.includes('be') ? 'utf-16be' : l.includes('le') ? 'utf-16le' : 'utf-16' };
  if (/^utf-32/.test(l)) return { want: 'not-chinese', side: 'other', iconv: l.includes('be') ? 'utf-32be' : l.includes('le') ? 'utf-32le' : 'utf-32' };
  const names = { ibm855: 'cp855', ibm866: 'cp866', ibm852: 'cp852', 'mac-centraleurope': 'maccenteuro', 'tis-620': 'tis620', uhc: 'cp949', 'iso-8859-11': 'iso-8859-11', johab: undefined };
  const base = l.replace(/-(arabic|bulgarian|croatian|czech|greek|hebrew|hungarian|polish|romanian|russian|slovak|slovene|turkish)$/, '');
  const name = base in names ? names[base] : base;
  return { want: 'not-chinese', side: 'other', iconv: name && iconv.encodingExists(name) ? name : undefined };
}

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

// ---- the files ----
const files = [];
const chardetDir = join(DATA, 'chardet+chardet', 'tests');
if (existsSync(chardetDir)) {
  for (const p of walk(chardetDir)) {
    const rel = relative(chardetDir, p);
    if (!rel.includes('/')) continue; // README.txt
    const label = rel.split('/')[0];
    files.push({ suite: 'chardet', path: rel, label, lang: label.match(/-([a-z]+)$/)?.[1] ?? '', doc: `chardet:${basename(p)}` });
  }
}
const uchardetDir = join(DATA, 'freedesktop+uchardet', 'test');
if (existsSync(uchardetDir)) {
  for (const p of walk(uchardetDir)) {
    const rel = relative(uchardetDir, p);
    if (!rel.includes('/')) continue; // CMakeLists.txt
    const [lang, name] = rel.split('/');
    const label = name.replace(/\.(txt|smi)$/, '');
    files.push({ suite: 'uchardet', path: rel, label, lang, doc: `uchardet:${lang}` });
  }
}
if (files.length === 0) {
  console.error(`no test files in ${DATA}: see docs/precision.md, "Legacy files", for how they are fetched`);
  process.exit(1);
}

const isHan = (cp) => (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
const utf8 = new TextDecoder('utf-8');

/** What the editor shows and what zhlens says of it (documentAnalysis.ts: bytes read only when the text shows U+FFFD). */
function editorView(bytes, path) {
  const text = utf8.decode(bytes); // VS Code's default (files.autoGuessEncoding off); a UTF-8 BOM is dropped as it does
  const languageId = core.languageOfPath(path);
  const options = { legacyText: 'skip', ...(languageId ? { languageId } : {}) };
  const run = (input) => {
    const steps = core.fileVerdict(input, options);
    for (;;) {
      const s = steps.next();
      if (s.done) return s.value;
    }
  };
  let verdict = run(text.includes('\uFFFD') ? { bytes, text } : { text });
  if (verdict.detection.binary) verdict = run({ text });
  const offer = verdict.issues.find((i) => i.kind === 'wrong-encoding');
  const textIssues = verdict.issues.filter((i) => i.kind !== 'wrong-encoding');
  // A repair of the text as shown (what "fix all" would do when no legacy encoding is offered).
  const changed = !offer && textIssues.length > 0 && core.repairText(text, options).text !== text;
  return { verdict, offer, textIssues, changed, text };
}

/** Characters that differ between two texts, as a share of the truth (a line-by-line count, cheap and enough here). */
function differingShare(got, truth) {
  if (got === truth) return 0;
  const a = got.split('\n');
  const b = truth.split('\n');
  let diff = Math.abs(a.length - b.length) * 10;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const x = [...a[i]], y = [...b[i]];
    let d = Math.abs(x.length - y.length);
    for (let j = 0; j < Math.min(x.length, y.length); j++) if (x[j] !== y[j]) d++;
    diff += d;
  }
  return Math.min(1, diff / Math.max(1, [...truth].length));
}

const chosen = files.map((f) => ({ ...f, split: splitOf(f.doc), ...truthOf(f.label) })).filter((f) => SPLIT === 'all' || f.split === SPLIT);
const t0 = process.cpuUsage();
const rows = [];
for (const f of chosen) {
  const full = join(f.suite === 'chardet' ? chardetDir : uchardetDir, f.path);
  const bytes = new Uint8Array(readFileSync(full));
  const view = editorView(bytes, f.path);
  const detected = view.offer ? view.verdict.detection.encoding : view.verdict.detection.binary ? 'binary' : 'utf-8';
  const row = { suite: f.suite, path: f.path, label: f.label, side: f.side, split: f.split, detected, offered: Boolean(view.offer), textKinds: [...new Set(view.textIssues.map((i) => i.kind))], changed: view.changed };
  // The truth's own decoding, as a user who reopened the file right reads it.
  const truthText = f.iconv ? iconv.decode(Buffer.from(bytes), f.iconv, { stripBOM: true }) : undefined;
  if (f.side === 'chinese' || f.side === 'utf-16') {
    row.right = f.want === 'utf-16' ? detected.startsWith('utf-16') : detected === f.want;
    if (row.right && truthText !== undefined) row.reopenDiff = differingShare(view.verdict.detection.text, truthText.replace(/^\uFEFF/, ''));
  } else if (f.side === 'other') {
    row.right = !['gb18030', 'big5', 'euc-tw'].includes(detected);
    row.wrongOffer = view.offer ? detected : undefined;
  } else {
    row.right = !view.offer;
  }
  if (truthText !== undefined && f.side !== 'utf-8') {
    const languageId = core.languageOfPath(f.path);
    const options = languageId ? { languageId } : {};
    const issues = core.analyzeText(truthText, options);
    row.nativeFlagged = issues.length > 0;
    row.nativeKinds = [...new Set(issues.map((i) => i.kind))];
    const repaired = issues.length ? core.repairText(truthText, options).text : truthText;
    row.nativeChanged = repaired !== truthText;
    if (row.nativeChanged) {
      const seen = new Set(truthText);
      row.nativeInventedHan = [...new Set([...repaired].filter((c) => isHan(c.codePointAt(0)) && !seen.has(c)))].length > 0;
    }
  }
  rows.push(row);
}
const cpu = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1e6;

// ---- report ----
console.log(`legacy files: ${DATA} (split ${SPLIT}), ${rows.length} files, ${cpu.toFixed(1)} s CPU`);
const bySide = (side) => rows.filter((r) => r.side === side);
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)} %` : '-');
const zh = bySide('chinese');
const u16 = bySide('utf-16');
const other = bySide('other');
const u8 = bySide('utf-8');
const reopenExact = (rs) => rs.filter((r) => r.reopenDiff === 0).length;
console.log(`Chinese legacy: ${zh.filter((r) => r.right).length} / ${zh.length} offered with the right encoding (${pct(zh.filter((r) => r.right).length, zh.length)}), reopened text identical to the truth's decoder ${reopenExact(zh)} / ${zh.filter((r) => r.reopenDiff !== undefined).length}`);
console.log(`UTF-16 (BOM or not): ${u16.filter((r) => r.right).length} / ${u16.length} offered as UTF-16`);
console.log(`other legacy: offered as GB18030/Big5/EUC-TW ${other.filter((r) => !r.right).length} / ${other.length}; any offer ${other.filter((r) => r.offered).length}; text flagged ${other.filter((r) => r.textKinds.length).length}; text changed ${other.filter((r) => r.changed).length}`);
console.log(`UTF-8 / ASCII: offered a legacy encoding ${u8.filter((r) => r.offered).length} / ${u8.length}; text flagged ${u8.filter((r) => r.textKinds.length).length}; changed ${u8.filter((r) => r.changed).length}`);
const native = rows.filter((r) => r.nativeFlagged !== undefined);
console.log(`decoded with the true encoding (text level): flagged ${native.filter((r) => r.nativeFlagged).length} / ${native.length}, changed ${native.filter((r) => r.nativeChanged).length}, with invented Han ${native.filter((r) => r.nativeInventedHan).length}`);
console.log('\nper label: files | right | offered as | text flagged | changed | native flagged/changed');
const labels = new Map();
for (const r of rows) {
  const key = `${r.suite}:${r.label.toLowerCase()}`;
  const e = labels.get(key) ?? { n: 0, right: 0, offers: new Map(), flagged: 0, changed: 0, nf: 0, nc: 0 };
  e.n++;
  if (r.right) e.right++;
  if (r.offered) e.offers.set(r.detected, (e.offers.get(r.detected) ?? 0) + 1);
  if (r.textKinds.length) e.flagged++;
  if (r.changed) e.changed++;
  if (r.nativeFlagged) e.nf++;
  if (r.nativeChanged) e.nc++;
  labels.set(key, e);
}
for (const [key, e] of [...labels].sort()) {
  const offers = [...e.offers].map(([k, v]) => `${k}×${v}`).join(' ') || '-';
  console.log(`  ${key.padEnd(36)} ${String(e.n).padStart(3)} | ${String(e.right).padStart(3)} | ${offers.padEnd(22)} | ${e.flagged} | ${e.changed} | ${e.nf}/${e.nc}`);
}
const bad = rows.filter((r) => !r.right || r.changed || r.textKinds.length || r.nativeFlagged || (r.reopenDiff ?? 0) > 0);
if (SHOW) {
  console.log(`\nfirst ${Math.min(SHOW, bad.length)} of ${bad.length} files with something to look at:`);
  for (const r of bad.slice(0, SHOW)) console.log(`  ${r.suite}/${r.path}: ${r.side}, detected ${r.detected}${r.offered ? ' (offered)' : ''}${r.textKinds.length ? `, text: ${r.textKinds.join(',')}` : ''}${r.changed ? ', CHANGED' : ''}${r.nativeFlagged ? `, native: ${r.nativeKinds.join(',')}${r.nativeChanged ? ' changed' : ''}` : ''}${r.reopenDiff ? `, reopen differs ${(100 * r.reopenDiff).toFixed(1)} %` : ''}`);
}

// ---- short texts: lines of the negative corpus (docs/precision.md), same split, encoded ----
// One line is the hard case: a file of one Czech line in Windows-1250 has two or three accented
// letters to tell it by, and the same bytes read as GBK give one or two Han among Latin letters.
// Lines of the corpus's files in their language's legacy code pages (encoded with iconv-lite,
// only when the round trip is exact) must never be offered as Chinese; Chinese lines of
// manpages-zh in GB18030 (zh-cn) and Big5 (zh-tw) must be read as such.
const PAGES = {
  cs: ['windows-1250', 'iso-8859-2'], pl: ['windows-1250', 'iso-8859-2'], hu: ['windows-1250'], sk: ['windows-1250'], sl: ['windows-1250'], hr: ['windows-1250'], ro: ['windows-1250'],
  ru: ['windows-1251', 'koi8-r', 'cp866'], uk: ['windows-1251', 'koi8-u'], bg: ['windows-1251'], be: ['windows-1251'], mk: ['windows-1251'], sr: ['windows-1251'],
  el: ['windows-1253', 'iso-8859-7'], tr: ['windows-1254', 'iso-8859-9'], he: ['windows-1255'], ar: ['windows-1256'], lt: ['windows-1257'], lv: ['windows-1257'], et: ['windows-1257'], vi: ['windows-1258'], th: ['tis620'],
  ja: ['shift_jis', 'euc-jp'], ko: ['euc-kr'],
  de: ['windows-1252'], fr: ['windows-1252'], es: ['windows-1252'], it: ['windows-1252'], da: ['windows-1252'], sv: ['windows-1252'], fi: ['windows-1252'], nl: ['windows-1252'], 'pt-br': ['windows-1252'], pt: ['windows-1252'], ca: ['windows-1252'], is: ['windows-1252'], nb: ['windows-1252'],
  'zh-cn': ['gb18030'], 'zh-tw': ['big5'],
};
const LINES_DATA = arg('lines-data', '/work/data/precision');
const LINES_PER_FILE = 2;
const FILES_PER_LANG = 60;
const lineRows = [];
const manifestPath = join(LINES_DATA, 'manifest-debian.json');
if (existsSync(manifestPath) && arg('lines', 'yes') !== 'no') {
  const perLang = new Map();
  for (const e of JSON.parse(readFileSync(manifestPath, 'utf8'))) {
    if (!(e.lang in PAGES) || (SPLIT !== 'all' && e.split !== SPLIT)) continue;
    const taken = perLang.get(e.lang) ?? 0;
    if (taken >= FILES_PER_LANG) continue;
    perLang.set(e.lang, taken + 1);
    const lines = readFileSync(join(LINES_DATA, e.path), 'utf8').split('\n').filter((l) => /[^\x00-\x7f]/.test(l) && l.length >= 12 && l.length <= 200);
    for (const line of lines.slice(0, LINES_PER_FILE)) {
      for (const page of PAGES[e.lang]) {
        const bytes = iconv.encode(line, page);
        if (iconv.decode(bytes, page) !== line) continue;
        const d = core.detectEncoding(new Uint8Array(bytes));
        const chinese = page === 'gb18030' || page === 'big5';
        const right = chinese ? d.encoding === page : !['gb18030', 'big5', 'euc-tw'].includes(d.encoding);
        lineRows.push({ lang: e.lang, page, right, detected: d.encoding, otherLegacy: d.otherLegacy, line });
      }
    }
  }
  const zhLines = lineRows.filter((r) => r.page === 'gb18030' || r.page === 'big5');
  const otherLines = lineRows.filter((r) => !(r.page === 'gb18030' || r.page === 'big5'));
  console.log(`\nlines of ${LINES_DATA} (split ${SPLIT}), encoded: Chinese read right ${zhLines.filter((r) => r.right).length} / ${zhLines.length}; other languages offered as Chinese ${otherLines.filter((r) => !r.right).length} / ${otherLines.length}`);
  const byPage = new Map();
  for (const r of otherLines) {
    const e = byPage.get(r.page) ?? [0, 0];
    e[0] += r.right ? 0 : 1;
    e[1]++;
    byPage.set(r.page, e);
  }
  console.log(`  offered as Chinese per page: ${[...byPage].map(([k, [b, n]]) => `${k} ${b}/${n}`).join(', ')}`);
  if (SHOW) for (const r of lineRows.filter((x) => !x.right).slice(0, SHOW)) console.log(`  ${r.lang} ${r.page} → ${r.detected}: ${r.line.slice(0, 80)}`);
}
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ split: SPLIT, rows, lineRows }, null, 1));
