/**
 * The cases of test/cases/fuzz-regressions.json: inputs on which the fuzz campaign
 * (`npm run fuzz`) or the property tests caught the core out.
 * - wrong-repair: repairText(input) must give `fixed`, and analyzeText(input) find `kinds`;
 * - crash: detection (for bytes), repair, annotation and outline must run without throwing.
 * Run by the one case-table runner (caseTable.ts): a case marked expect "fail" must still fail;
 * once it passes, its sub-test fails until the case is marked "pass", as in the other tables. Hang, slow and super-linear cases are timing findings;
 * here only their shape is checked (the fuzz campaign measures them, and unit tests never time).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_GARBLE_KINDS, analyzeText, annotateText, detectEncoding, outlineText, repairText } from '../../src/core';
import { runCaseTable, type TableCase } from './caseTable';

interface RegressionCase extends TableCase {
  /** The text, or a file's bytes as `{ "base64": … }`. */
  input: string | { base64: string };
  fixed?: string;
  kinds?: string[];
  source: string;
  failure: 'wrong-repair' | 'crash' | 'hang' | 'slow' | 'super-linear';
  detail: string;
}

const TABLE = path.resolve(__dirname, '..', '..', 'test', 'cases', 'fuzz-regressions.json');
const { cases } = JSON.parse(fs.readFileSync(TABLE, 'utf8')) as { cases: RegressionCase[] };

function problems(c: RegressionCase): string[] {
  if (c.failure === 'wrong-repair') {
    const out: string[] = [];
    const repaired = repairText(c.input as string).text;
    if (repaired !== c.fixed) out.push(`repair gave ${JSON.stringify(repaired.slice(0, 80))}`);
    const kinds = [...new Set(analyzeText(c.input as string).map((i) => i.kind))].sort().join();
    if (kinds !== [...c.kinds!].sort().join()) out.push(`kinds [${kinds}]`);
    return out;
  }
  try {
    const text = typeof c.input === 'string' ? c.input : detectEncoding(new Uint8Array(Buffer.from(c.input.base64, 'base64'))).text;
    repairText(text);
    annotateText(text);
    outlineText(text);
    return [];
  } catch (err) {
    return [`threw ${err instanceof Error ? err.message : String(err)}`];
  }
}

runCaseTable<RegressionCase>({
  name: 'fuzz-regressions',
  cases,
  checkShape(c) {
    assert.ok(['wrong-repair', 'crash', 'hang', 'slow', 'super-linear'].includes(c.failure), 'failure');
    assert.equal(typeof c.source, 'string', 'source');
    assert.ok(typeof c.input === 'string' || typeof c.input?.base64 === 'string', 'input: a string or { "base64": … }');
    if (typeof c.input === 'string') {
      assert.equal(typeof c.fixed, 'string', 'fixed');
      for (const k of c.kinds ?? []) assert.ok((ALL_GARBLE_KINDS as readonly string[]).includes(k), `kind ${k}`);
    }
  },
  // Hang, slow and super-linear cases are timing findings: the fuzz campaign measures them, and
  // unit tests never time.
  runs: (c) => c.failure === 'wrong-repair' || c.failure === 'crash',
  check: problems,
  bucket: (c) => c.failure,
});
