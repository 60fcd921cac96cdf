/**
 * The cases of test/cases/fuzz-regressions.json: inputs on which the fuzz campaign
 * (`npm run fuzz`) or the property tests caught the core out.
 * - wrong-repair: repairText(original) must give `fixed`, and analyzeText(original) find `kinds`;
 * - crash: detection (for `bytes`), repair, annotation and outline must run without throwing.
 * A case marked expect "fail" must still fail: once it passes, this test fails until the case is
 * marked "pass", as in the other tables. Hang, slow and super-linear cases are timing findings;
 * here only their shape is checked (the fuzz campaign measures them, and unit tests never time).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ALL_GARBLE_KINDS, analyzeText, annotateText, detectEncoding, outlineText, repairText } from '../../src/core';

interface RegressionCase {
  label: string;
  original?: string;
  fixed?: string;
  kinds?: string[];
  bytes?: string;
  expect: 'pass' | 'fail';
  source: string;
  failure: 'wrong-repair' | 'crash' | 'hang' | 'slow' | 'super-linear';
  detail: string;
}

const TABLE = path.resolve(__dirname, '..', '..', 'test', 'cases', 'fuzz-regressions.json');
const { cases } = JSON.parse(fs.readFileSync(TABLE, 'utf8')) as { cases: RegressionCase[] };

function problems(c: RegressionCase): string[] {
  if (c.failure === 'wrong-repair') {
    const out: string[] = [];
    const repaired = repairText(c.original!).text;
    if (repaired !== c.fixed) out.push(`repair gave ${JSON.stringify(repaired.slice(0, 80))}`);
    const kinds = [...new Set(analyzeText(c.original!).map((i) => i.kind))].sort().join();
    if (kinds !== [...c.kinds!].sort().join()) out.push(`kinds [${kinds}]`);
    return out;
  }
  try {
    const text = c.bytes !== undefined ? detectEncoding(new Uint8Array(Buffer.from(c.bytes, 'base64'))).text : c.original!;
    repairText(text);
    annotateText(text);
    outlineText(text);
    return [];
  } catch (err) {
    return [`threw ${err instanceof Error ? err.message : String(err)}`];
  }
}

test('fuzz regression cases', (t) => {
  const unexpected: string[] = [];
  for (const c of cases) {
    assert.ok(c.expect === 'pass' || c.expect === 'fail', `${c.label}: expect`);
    assert.ok(['wrong-repair', 'crash', 'hang', 'slow', 'super-linear'].includes(c.failure), `${c.label}: failure`);
    assert.equal(typeof c.source, 'string');
    assert.ok(typeof c.original === 'string' || typeof c.bytes === 'string', `${c.label}: original or bytes`);
    if (c.original !== undefined) {
      assert.equal(typeof c.fixed, 'string', `${c.label}: fixed`);
      for (const k of c.kinds ?? []) assert.ok((ALL_GARBLE_KINDS as readonly string[]).includes(k), `${c.label}: kind ${k}`);
    }
    if (c.failure !== 'wrong-repair' && c.failure !== 'crash') continue;
    const found = problems(c);
    t.diagnostic(`${c.expect} ${c.failure} ${c.label}: ${found.length ? found.join('; ') : 'passes'}`);
    if (c.expect === 'pass' && found.length) unexpected.push(`FAIL ${c.label}: ${found.join('; ')}`);
    if (c.expect === 'fail' && !found.length) unexpected.push(`PASSES NOW, mark it "pass": ${c.label}`);
  }
  assert.deepEqual(unexpected, []);
});
