/**
 * Runs every case table of test/cases/*.json (ftfy-style data tests) against the core.
 *
 * Text cases:  repairText(original).text === fixed, and the kinds analyzeText(original) finds
 *              are exactly `kinds`.
 * Byte cases:  detectEncoding(bytes) gives `encoding`, `bom` and the decoded `text`.
 * Invariants:  repair is idempotent (repairText(fixed).text === fixed); a clean case (no kinds)
 *              is left exactly as it is.
 *
 * A case with expect "fail" (test/cases/known-failures.json, each with the `table` it belongs to)
 * must fail: once it passes, the suite fails until the case is moved back to its table. Per-table
 * accuracy is reported as test diagnostics. The shape of every table is checked too.
 *
 * ZHLENS_UPDATE_KNOWN_FAILURES=1 moves the cases mechanically instead of failing: failing cases
 * to known-failures.json, known failures that pass back to their table. Review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_GARBLE_KINDS, analyzeText, detectEncoding, repairText } from '../../src/core';
import type { DetectedEncoding, GarbleKind } from '../../src/core';

interface TextCase {
  label: string;
  original: string;
  fixed: string;
  kinds: GarbleKind[];
  expect: 'pass' | 'fail';
  source: string;
  /** For a known failure: the table the case belongs to. */
  table?: string;
}

interface ByteCase {
  label: string;
  /** base64 */
  bytes: string;
  encoding: DetectedEncoding;
  bom: boolean;
  /** The text the bytes carry, without the BOM. */
  text: string;
  expect: 'pass' | 'fail';
  source: string;
  table?: string;
}

type Case = TextCase | ByteCase;

const isByteCase = (c: Case): c is ByteCase => 'bytes' in c;

// The bundle runs from out/unit/; the tables stay in the source tree.
const CASES_DIR = resolve(__dirname, '../../test/cases');
const UPDATE_KNOWN_FAILURES = process.env.ZHLENS_UPDATE_KNOWN_FAILURES === '1';
const KNOWN_FAILURES = 'known-failures';

/** Why a case fails, one line per failed check; empty when it passes. */
function checkTextCase(c: TextCase): string[] {
  const problems: string[] = [];
  const repaired = repairText(c.original).text;
  if (repaired !== c.fixed) problems.push(`repair gave ${JSON.stringify(repaired.slice(0, 80))}`);
  const found = [...new Set(analyzeText(c.original).map((i) => i.kind))].sort();
  const wanted = [...c.kinds].sort();
  if (found.join() !== wanted.join()) problems.push(`kinds [${found}] instead of [${wanted}]`);
  const again = repairText(c.fixed).text;
  if (again !== c.fixed) problems.push(`not idempotent: repairing the fixed text changed it`);
  return problems;
}

function checkByteCase(c: ByteCase): string[] {
  const problems: string[] = [];
  const d = detectEncoding(new Uint8Array(Buffer.from(c.bytes, 'base64')));
  if (d.encoding !== c.encoding) problems.push(`encoding ${d.encoding} instead of ${c.encoding}`);
  if (d.bom !== c.bom) problems.push(`bom ${d.bom} instead of ${c.bom}`);
  if (d.text !== c.text) problems.push('decoded text differs');
  return problems;
}

function checkShape(c: Case, table: string): void {
  const where = `${table}: ${c.label}`;
  assert.ok(c.expect === 'pass' || c.expect === 'fail', `${where}: expect`);
  assert.equal(typeof c.source, 'string', `${where}: source`);
  if (isByteCase(c)) {
    assert.ok(['utf-8', 'gb18030', 'big5', 'euc-tw', 'utf-16le', 'utf-16be'].includes(c.encoding), `${where}: encoding`);
    assert.equal(typeof c.text, 'string', `${where}: text`);
    return;
  }
  assert.equal(typeof c.original, 'string', `${where}: original`);
  assert.equal(typeof c.fixed, 'string', `${where}: fixed`);
  for (const k of c.kinds) assert.ok(ALL_GARBLE_KINDS.includes(k), `${where}: unknown kind ${k}`);
  // Clean text, mixed script (converted only on request) and lossy spans (flagged, never guessed)
  // must come back unchanged.
  if (c.kinds.length === 0 || c.kinds.includes('mixed-script') || c.kinds.includes('replacement-char')) {
    assert.equal(c.fixed, c.original, `${where}: fixed must equal original`);
  }
}

// Garbling tables are JSON arrays of cases; the folder also holds tables of other features
// (objects with a description and their own cases), which their own tests read.
const tables = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, data: JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as unknown }))
  .filter((t): t is { file: string; data: Case[] } => Array.isArray(t.data));

test('case tables exist', () => {
  assert.ok(tables.length > 0, `no case tables in ${CASES_DIR}`);
});

/** Outcome of every case, by table, for the known-failures update. */
const outcomes = new Map<string, Array<{ c: Case; ok: boolean }>>();

for (const { file, data: cases } of tables) {
  const name = file.replace(/\.json$/, '');

  test(`case table ${name}`, (t) => {
    let passed = 0;
    const unexpected: string[] = [];
    const perKind = new Map<string, { n: number; ok: number }>();
    const results: Array<{ c: Case; ok: boolean }> = [];
    for (const c of cases) {
      checkShape(c, name);
      const problems = isByteCase(c) ? checkByteCase(c) : checkTextCase(c);
      const ok = problems.length === 0;
      results.push({ c, ok });
      if (ok) passed += 1;
      const key = isByteCase(c) ? `encoding ${c.encoding}` : c.kinds.join('+') || 'clean';
      const tally = perKind.get(key) ?? { n: 0, ok: 0 };
      perKind.set(key, { n: tally.n + 1, ok: tally.ok + (ok ? 1 : 0) });
      if (c.expect === 'pass' && !ok) unexpected.push(`FAIL ${c.label} [${c.source}]: ${problems.join('; ')}`);
      if (c.expect === 'fail' && ok) unexpected.push(`PASSES NOW, move it to ${c.table ?? 'its table'}: ${c.label} [${c.source}]`);
    }
    outcomes.set(name, results);
    const pct = (ok: number, n: number) => `${((100 * ok) / n).toFixed(1)}%`;
    t.diagnostic(`${name}: ${passed}/${cases.length} pass (${pct(passed, cases.length)})`);
    for (const [key, { n, ok }] of perKind) t.diagnostic(`  ${key}: ${ok}/${n} (${pct(ok, n)})`);
    if (UPDATE_KNOWN_FAILURES) return;
    assert.deepEqual(unexpected.slice(0, 15), [], `${unexpected.length} unexpected outcomes in ${file}`);
  });
}

if (UPDATE_KNOWN_FAILURES) {
  test('move cases between their tables and known-failures.json', () => {
    // C1 controls stay escaped, as scripts/make-cases.mjs writes them: they are invisible otherwise.
    const json = (v: unknown) =>
      JSON.stringify(v, null, 2).replace(/[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
    const write = (name: string, cases: Case[]) => writeFileSync(join(CASES_DIR, `${name}.json`), json(cases));
    const known: Case[] = [];
    const backToTable = new Map<string, Case[]>();
    for (const { c, ok } of outcomes.get(KNOWN_FAILURES) ?? []) {
      if (ok && c.table) {
        const { table, ...rest } = c;
        backToTable.set(table, [...(backToTable.get(table) ?? []), { ...rest, expect: 'pass' } as Case]);
      } else known.push(c);
    }
    for (const [name, results] of outcomes) {
      if (name === KNOWN_FAILURES) continue;
      const stay: Case[] = [];
      for (const { c, ok } of results) {
        if (ok || c.expect === 'fail') stay.push(c);
        else known.push({ ...c, expect: 'fail', table: name });
      }
      write(name, [...stay, ...(backToTable.get(name) ?? [])]);
    }
    write(KNOWN_FAILURES, known);
  });
}
