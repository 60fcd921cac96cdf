/**
 * Every garbling case table of test/cases/*.json against the core, through the one case-table
 * runner (caseTable.ts: a sub-test per case, known failures, accuracy diagnostics).
 *
 * Text cases:  `input` a string; repairText(input).text === fixed, and the kinds
 *              analyzeText(input) finds are exactly `kinds`.
 * Byte cases:  `input` `{ "base64": … }`; detectEncoding(bytes) gives `encoding`, `bom` and the
 *              decoded `text`.
 * Invariants:  repair is idempotent (repairText(fixed).text === fixed); a clean case (no kinds)
 *              is left exactly as it is.
 *
 * The cases of test/cases/known-failures.json (each with the `table` it belongs to) must fail.
 * ZHLENS_UPDATE_KNOWN_FAILURES=1 moves the cases mechanically instead of failing: failing cases
 * to known-failures.json, known failures that pass back to their table. Review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_GARBLE_KINDS, analyzeFile, analyzeText, detectEncoding, repairText } from '../../src/core';
import type { DetectedEncoding, GarbleKind } from '../../src/core';
import { runCaseTable, UPDATE_KNOWN_FAILURES, type Outcome, type TableCase } from './caseTable';

interface TextCase extends TableCase {
  input: string;
  fixed: string;
  kinds: GarbleKind[];
  source: string;
}

interface ByteCase extends TableCase {
  input: { base64: string };
  encoding: DetectedEncoding;
  bom: boolean;
  /** The text the bytes carry, without the BOM. */
  text: string;
  /**
   * The bytes are in this other language's legacy encoding (Shift_JIS, Windows-1250…): zhlens
   * leaves the file as an editor assuming UTF-8 shows it (`encoding` utf-8, `text` that decoding),
   * offers no reopening and makes no finding.
   */
  otherLegacy?: string;
  source: string;
}

type Case = TextCase | ByteCase;

const isByteCase = (c: Case): c is ByteCase => typeof c.input === 'object';

// The bundle runs from out/unit/; the tables stay in the source tree.
const CASES_DIR = resolve(__dirname, '../../test/cases');
const KNOWN_FAILURES = 'known-failures';

function checkTextCase(c: TextCase): string[] {
  const problems: string[] = [];
  const repaired = repairText(c.input).text;
  if (repaired !== c.fixed) problems.push(`repair gave ${JSON.stringify(repaired.slice(0, 80))}`);
  const found = [...new Set(analyzeText(c.input).map((i) => i.kind))].sort();
  const wanted = [...c.kinds].sort();
  if (found.join() !== wanted.join()) problems.push(`kinds [${found}] instead of [${wanted}]`);
  const again = repairText(c.fixed).text;
  if (again !== c.fixed) problems.push(`not idempotent: repairing the fixed text changed it`);
  return problems;
}

function checkByteCase(c: ByteCase): string[] {
  const problems: string[] = [];
  const d = detectEncoding(new Uint8Array(Buffer.from(c.input.base64, 'base64')));
  if (d.encoding !== c.encoding) problems.push(`encoding ${d.encoding} instead of ${c.encoding}`);
  if (d.bom !== c.bom) problems.push(`bom ${d.bom} instead of ${c.bom}`);
  if (d.text !== c.text) problems.push('decoded text differs');
  if (Boolean(d.otherLegacy) !== Boolean(c.otherLegacy)) problems.push(d.otherLegacy ? `read as another language's ${d.otherLegacy}` : `not read as another language's legacy encoding (${c.otherLegacy})`);
  if (c.otherLegacy) {
    const verdict = analyzeFile(new Uint8Array(Buffer.from(c.input.base64, 'base64')));
    if (verdict.issues.length) problems.push(`findings: ${verdict.issues.map((i) => i.kind).join(', ')}`);
  }
  return problems;
}

function checkShape(c: Case): void {
  assert.equal(typeof c.source, 'string', 'source');
  if (isByteCase(c)) {
    assert.equal(typeof c.input.base64, 'string', 'input.base64');
    assert.ok(['utf-8', 'gb18030', 'big5', 'euc-tw', 'utf-16le', 'utf-16be'].includes(c.encoding), 'encoding');
    assert.equal(typeof c.text, 'string', 'text');
    return;
  }
  assert.equal(typeof c.input, 'string', 'input (a string, or { "base64": … } for bytes)');
  assert.equal(typeof c.fixed, 'string', 'fixed');
  for (const k of c.kinds) assert.ok(ALL_GARBLE_KINDS.includes(k), `unknown kind ${k}`);
  // Clean text, mixed script (converted only on request) and lossy spans (flagged, never guessed)
  // must come back unchanged.
  if (c.kinds.length === 0 || c.kinds.includes('mixed-script') || c.kinds.includes('replacement-char')) {
    assert.equal(c.fixed, c.input, 'fixed must equal input');
  }
}

// Garbling tables are JSON arrays of cases; the folder also holds tables of other features
// (objects with a description and their own cases), which their own tests read.
const tables = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ name: file.replace(/\.json$/, ''), data: JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as unknown }))
  .filter((t): t is { name: string; data: Case[] } => Array.isArray(t.data));

test('case tables exist', () => {
  assert.ok(tables.length > 0, `no case tables in ${CASES_DIR}`);
});

/** Outcome of every case, by table, for the known-failures update. */
const outcomes = new Map<string, ReadonlyArray<Outcome<Case>>>();

for (const { name, data: cases } of tables) {
  runCaseTable<Case>({
    name,
    cases,
    checkShape,
    check: (c) => (isByteCase(c) ? checkByteCase(c) : checkTextCase(c)),
    bucket: (c) => (isByteCase(c) ? `encoding ${c.encoding}` : c.kinds.join('+') || 'clean'),
    done: (results) => void outcomes.set(name, results),
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
