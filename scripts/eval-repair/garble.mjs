// The garbling of the repair evaluation, done by the real processes rather than by the project's
// own garblers (test/garblers/): Node's WHATWG TextDecoder, iconv-lite, Python's codecs
// (codecs.py) and glibc's iconv, on whole documents and on one paragraph inside a clean document.
// Pinyin annotations are written with pinyin-pro's readings in context, as annotating tools do.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');
const { pinyin } = require('pinyin-pro');
const HERE = dirname(fileURLToPath(import.meta.url));

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** A small seeded generator (mulberry32), seeded from a string. */
export function rng(seed) {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (list) => list[Math.floor(next() * list.length)], int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** Index of a paragraph with enough Chinese in it to garble. */
function chosenParagraph(paras, r) {
  const ok = paras.map((p, i) => ([...p].filter((c) => HAN.test(c)).length >= 12 ? i : -1)).filter((i) => i >= 0);
  return ok.length ? r.pick(ok) : -1;
}

/** The document with `f` applied to every paragraph (scope doc) or to one (scope paragraph). */
function inScope(text, scope, r, f) {
  const paras = text.split('\n');
  if (scope === 'doc') return paras.map((p) => f(p)).join('\n');
  const k = chosenParagraph(paras, r);
  if (k < 0) return undefined;
  paras[k] = f(paras[k]);
  return paras.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Pinyin annotations

const DENSITIES = ['few', 0.03, 0.1, 0.3, 1];

/**
 * Readings after characters (`决（jué）战`) or after words (`发展(fāzhǎn)`), in context, with or
 * without tone marks, in ASCII or fullwidth parentheses, with or without spaces.
 */
export function annotatePinyin(text, unit, r) {
  const density = r.pick(DENSITIES);
  const open = r.next() < 0.5 ? '(' : '（';
  const close = open === '(' ? ')' : '）';
  const toneType = r.next() < 0.7 ? 'symbol' : 'none';
  const spaced = r.next() < 0.25; // `(rén )`, as some pages insert them
  const joiner = r.next() < 0.5 ? '' : ' ';
  const scope = r.next() < 0.6 ? 'doc' : 'paragraph';
  // Units (characters or words) with their readings, over the whole text, then the chosen ones.
  const annotate = (para, chosen) => {
    const chars = [...para];
    const readings = pinyin(para, { type: 'array', toneType });
    if (readings.length !== chars.length) return para;
    const units = unit === 'char' ? chars.map((c, i) => ({ from: i, to: i + 1 })) : wordUnits(chars);
    let out = '';
    let n = 0;
    for (const u of units) {
      const piece = chars.slice(u.from, u.to).join('');
      out += piece;
      if (![...piece].every((c) => HAN.test(c))) continue;
      if (!chosen(n++)) continue;
      out += open + readings.slice(u.from, u.to).join(joiner) + (spaced ? ' ' : '') + close;
    }
    return out;
  };
  let chooser;
  if (density === 'few') {
    // Two to five annotations over the whole garbled scope, at random places.
    const total = countUnits(scope === 'doc' ? text : '', unit);
    const picks = new Set();
    const want = r.int(2, 5);
    const within = total > 0 ? total : 60;
    while (picks.size < Math.min(want, within)) picks.add(r.int(0, within - 1));
    let seen = 0;
    chooser = () => picks.has(seen++);
  } else {
    chooser = () => r.next() < density;
  }
  const garbled = inScope(text, scope, r, (p) => annotate(p, chooser));
  return garbled === undefined ? undefined : { garbled, variant: `${unit} ${density === 'few' ? 'few' : `${density * 100}%`} ${open}${toneType === 'none' ? ' toneless' : ''}${spaced ? ' spaced' : ''}${unit === 'word' && joiner ? ' split' : ''} ${scope}` };
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function wordUnits(chars) {
  const units = [];
  let at = 0;
  for (const s of segmenter.segment(chars.join(''))) {
    const n = [...s.segment].length;
    units.push({ from: at, to: at + n });
    at += n;
  }
  return units;
}

function countUnits(text, unit) {
  if (!text) return 0;
  const chars = [...text];
  const units = unit === 'char' ? chars.map((c, i) => ({ from: i, to: i + 1 })) : wordUnits(chars);
  return units.filter((u) => chars.slice(u.from, u.to).every((c) => HAN.test(c))).length;
}

// ---------------------------------------------------------------------------------------------
// Byte-level processes

const whatwg = (label) => (bytes) => new TextDecoder(label).decode(bytes);
const iconvLite = (label) => (bytes) => iconv.decode(Buffer.from(bytes), label);

/** Python decodings are batched: one process for all of them (see codecs.py). */
export class PythonBatch {
  tasks = [];
  add(bytes, decode, errors = 'replace', save = false) {
    this.tasks.push({ b64: Buffer.from(bytes).toString('base64'), decode, errors, save });
    return this.tasks.length - 1;
  }
  run() {
    if (this.tasks.length === 0) return [];
    const out = execFileSync('python3', [join(HERE, 'codecs.py')], { input: JSON.stringify(this.tasks), maxBuffer: 1 << 30 });
    return JSON.parse(out.toString('utf8'));
  }
}

/**
 * The decoders a kind of mojibake is made with: UTF-8 bytes read with a legacy code page. Each is
 * either immediate (Node) or deferred to the Python batch; `saved` re-encodes the misread text in
 * the same code page, so what the page could not hold becomes `?`.
 */
export const MOJIBAKE_PROCESSES = {
  gbk: [
    { name: 'whatwg gbk', decode: whatwg('gbk') },
    { name: 'whatwg gb18030', decode: whatwg('gb18030') },
    { name: 'iconv-lite gbk', decode: iconvLite('gbk') },
    { name: 'iconv-lite cp936', decode: iconvLite('cp936') },
    { name: 'python gbk', python: ['gbk', 'replace', false] },
    { name: 'python gb18030', python: ['gb18030', 'replace', false] },
    { name: 'python gbk saved', python: ['gbk', 'replace', true] },
  ],
  big5: [
    { name: 'whatwg big5', decode: whatwg('big5') },
    { name: 'iconv-lite big5', decode: iconvLite('big5') },
    { name: 'iconv-lite cp950', decode: iconvLite('cp950') },
    { name: 'python big5', python: ['big5', 'replace', false] },
    { name: 'python cp950', python: ['cp950', 'replace', false] },
    { name: 'python cp950 saved', python: ['cp950', 'replace', true] },
  ],
  cp1252: [
    { name: 'whatwg windows-1252', decode: whatwg('windows-1252') },
    { name: 'python cp1252 replace', python: ['cp1252', 'replace', false] },
    { name: 'python cp1252 ignore', python: ['cp1252', 'ignore', false] },
  ],
};

/** GBK decoders for misaligned runs (the bytes are GBK with a lead byte lost). */
export const MISALIGNED_PROCESSES = [
  { name: 'whatwg gbk', decode: whatwg('gbk') },
  { name: 'iconv-lite gbk', decode: iconvLite('gbk') },
  { name: 'python gbk', python: ['gbk', 'replace', false] },
  { name: 'python gbk ignore', python: ['gbk', 'ignore', false] },
  { name: 'python gbk saved', python: ['gbk', 'replace', true] },
];

/**
 * GBK bytes of a paragraph with the lead byte of some characters lost (a transfer or a cut that
 * dropped one byte): the decoder pairs each trail with the next lead until an ASCII byte puts it
 * back in step. `drops` characters at most, chosen at random among the double-byte ones.
 */
export function misalignedBytes(para, drops, r) {
  const chars = [...para];
  const bytes = [];
  const leads = [];
  for (const c of chars) {
    const b = iconv.encode(c, 'gbk');
    if (b.length === 1 && b[0] === 0x3f && c !== '?') return undefined; // not in GBK
    if (b.length === 2) leads.push(bytes.length);
    bytes.push(...b);
  }
  if (leads.length < 8) return undefined;
  const lost = new Set();
  for (let k = 0; k < drops; k++) lost.add(leads[r.int(2, leads.length - 3)]);
  return bytes.filter((_, i) => !lost.has(i));
}

/** Fullwidth forms folded to ASCII, as a normalising step after the misreading may do (！ → !). */
export function foldFullwidth(s) {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// ---------------------------------------------------------------------------------------------
// Files in a legacy encoding

/** Bytes of the text in a legacy encoding, or undefined when the encoding cannot hold it. */
export function legacyBytes(text, encoding) {
  if (encoding === 'euc-tw') {
    // iconv-lite has no EUC-TW; glibc's iconv does.
    try {
      return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'EUC-TW'], { input: text, stdio: ['pipe', 'pipe', 'ignore'] }));
    } catch {
      return undefined;
    }
  }
  const b = iconv.encode(text, encoding);
  return iconv.decode(b, encoding) === text ? new Uint8Array(b) : undefined;
}

export { inScope, chosenParagraph };

/**
 * A misaligned-GBK case of `doc` over `scope` (`doc` or `paragraph`), drawn from `rr`: one or two
 * lost bytes a paragraph, decoded by one of MISALIGNED_PROCESSES (Python's through `python`: the
 * garbled text holds \0k\0 for the k-th of `pending` until the batch runs), folded to ASCII
 * afterwards in 30 % of the cases. Undefined when the scope has nothing to lose a byte from.
 */
export function misalignedCase(doc, scope, rr, python) {
  const process = rr.pick(MISALIGNED_PROCESSES);
  const fold = rr.next() < 0.3;
  const pending = [];
  let failed = false;
  const garbled = inScope(doc.text, scope, rr, (p) => {
    const bytes = misalignedBytes(p, scope === 'doc' ? rr.int(1, 2) : 1, rr);
    if (!bytes) {
      if (scope === 'paragraph') failed = true;
      return p;
    }
    if (process.decode) return process.decode(new Uint8Array(bytes));
    pending.push(python.add(bytes, ...process.python));
    return `\u0000${pending.length - 1}\u0000`;
  });
  if (garbled === undefined || failed) return undefined;
  return { process, fold, garbled, pending };
}

/**
 * `text` over `scope` encoded as UTF-8 and decoded by `process` (one of MOJIBAKE_PROCESSES;
 * Python's through `python`: the garbled text holds \0k\0 for the k-th of `pending` until the
 * batch runs). `garbled` is undefined when the scope holds nothing to garble.
 */
export function mojibakeScope(text, scope, rr, process, python) {
  const pending = [];
  const garbled = inScope(text, scope, rr, (p) => {
    const bytes = new TextEncoder().encode(p);
    if (process.decode) return process.decode(bytes);
    pending.push(python.add(bytes, ...process.python));
    return `\u0000${pending.length - 1}\u0000`;
  });
  return { garbled, pending };
}
