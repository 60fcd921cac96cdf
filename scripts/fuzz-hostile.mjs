// Large and hostile files through the CLI, as users would run it: each file is made in a
// temporary folder, `zhlens detect` and `zhlens repair` run on it under /usr/bin/time, and the
// wall time, peak memory (maxRSS) and exit status are printed. Not part of `npm test` (minutes,
// and the numbers are measurements, not pass/fail); docs/reliability.md quotes them.
//
//   npm run build && node scripts/fuzz-hostile.mjs [--only NAME]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const { values: opts } = parseArgs({ options: { only: { type: 'string' } } });

const clean = readFileSync(join(ROOT, 'samples/clean-article/expected.txt'));
const repairedYizhuang = readFileSync(join(ROOT, 'samples/yizhuang-article/repaired.txt'), 'utf8');
const MB = 1024 * 1024;

/** `bytes` repeated up to `size` bytes, cut at a line end so the UTF-8 stays whole. */
function fill(bytes, size) {
  const copies = Math.ceil(size / bytes.length);
  return Buffer.concat(Array(copies).fill(bytes)).subarray(0, size);
}

/** The Yizhuang article's Traditional text with a pinyin reading after each Han character, 10⁵ of them. */
function pinyinAnnotated(count) {
  const han = [...repairedYizhuang].filter((c) => /\p{Script=Han}/u.test(c));
  let out = '';
  for (let i = 0; i < count; i++) out += `${han[i % han.length]}(fā)`;
  return Buffer.from(out, 'utf8');
}

/** UTF-16LE with a BOM whose code units include lone surrogates (D800 with no trail, DC00 alone). */
function brokenUtf16() {
  const body = Buffer.from(repairedYizhuang.slice(0, 2000), 'utf16le');
  const lone = Buffer.from([0x00, 0xd8, 0x41, 0x00, 0x00, 0xdc]);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), ...Array(200).fill(Buffer.concat([body.subarray(0, 400), lone]))]);
}

const cases = [
  { name: 'clean-50MB', make: () => fill(clean, 50 * MB - 4096) },
  { name: 'one-line-10MB', make: () => Buffer.from(fill(clean, 10 * MB).toString('utf8').replace(/\n/g, ' ').replace(/\uFFFD/g, ''), 'utf8') },
  { name: 'question-marks-10MB', make: () => Buffer.alloc(10 * MB, '?') },
  { name: 'nested-parentheses-1e5', make: () => Buffer.from(`${'('.repeat(100_000)}中文${')'.repeat(100_000)}`) },
  { name: 'nested-fullwidth-parentheses-1e5', make: () => Buffer.from(`${'（'.repeat(100_000)}中文${'）'.repeat(100_000)}`) },
  { name: 'pinyin-annotations-1e5', make: () => pinyinAnnotated(100_000) },
  { name: 'replacement-chars-1MB', make: () => Buffer.from('\uFFFD'.repeat(MB / 3)) },
  { name: 'nul-binary-1MB', make: () => Buffer.from(Array.from({ length: MB }, (_, i) => (i % 7 === 0 ? 0 : (i * 131) & 0xff))) },
  { name: 'utf16-lone-surrogates', make: brokenUtf16 },
];

const dir = mkdtempSync(join(tmpdir(), 'zhlens-hostile-'));
try {
  for (const c of cases) {
    if (opts.only && c.name !== opts.only) continue;
    const file = join(dir, `${c.name}.txt`);
    const bytes = c.make();
    writeFileSync(file, bytes);
    for (const command of ['detect', 'repair']) {
      const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, CLI, command, file], { maxBuffer: 512 * MB, timeout: 30 * 60_000 });
      const stderr = r.stderr.toString('utf8').trim().split('\n');
      const [seconds, kb] = stderr.pop().split(' ');
      const note = stderr.filter((l) => l.trim()).slice(0, 2).join(' | ').slice(0, 160);
      console.log(
        `${c.name.padEnd(34)} ${(bytes.length / MB).toFixed(2).padStart(6)} MB  ${command.padEnd(6)} exit ${r.status ?? r.signal}  ` +
          `${seconds}s  maxRSS ${(Number(kb) / 1024).toFixed(0)} MB  out ${(r.stdout.length / MB).toFixed(2)} MB${note ? `  (${note})` : ''}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
