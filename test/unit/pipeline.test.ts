/**
 * The detector pipeline (src/core/pipeline/): every kind has its one detector in DETECTORS, and
 * the pre-scan's gates change nothing: a detector is skipped only where it would have found
 * nothing. Checked on every text input of the case tables (test/cases/), real text and garbled
 * alike, by running each skipped detector anyway.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ALL_GARBLE_KINDS, describeIssueCounts, type GarbleIssue } from '../../src/core';
import { DETECTORS } from '../../src/core/pipeline/detectors';
import type { DetectorInput, TextDetector } from '../../src/core/pipeline/garbleDetector';
import { TextScan } from '../../src/core/pipeline/textScan';

const CASES_DIR = resolve(__dirname, '../../test/cases');
const textDetectors = DETECTORS.filter((d): d is TextDetector => d.level === 'text');
const specs = textDetectors.flatMap((d) => (d.mojibakeSpec ? [d.mojibakeSpec()] : []));

function caseInputs(): string[] {
  const inputs: string[] = [];
  for (const file of readdirSync(CASES_DIR).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as unknown;
    const cases = Array.isArray(data) ? data : ((data as { cases?: unknown[] }).cases ?? []);
    for (const c of cases as Array<{ input?: unknown }>) if (typeof c.input === 'string') inputs.push(c.input);
  }
  return inputs;
}

test('every garbling kind has exactly one detector, listed once', () => {
  assert.deepEqual(DETECTORS.map((d) => d.kind).sort(), [...ALL_GARBLE_KINDS].sort());
  for (const d of DETECTORS) {
    assert.ok(d.looksFor && d.plan && d.noun[0] && d.noun[1], `${d.kind} says what it looks for, its plan and its noun`);
    if (d.level === 'text') for (const used of d.uses ?? []) assert.ok(textDetectors.some((u) => u.kind === used), `${d.kind} uses ${used}`);
  }
  const issue = (kind: GarbleIssue['kind']): GarbleIssue => ({ kind, start: 0, end: 1, confidence: 1, plan: [] });
  assert.equal(describeIssueCounts([issue('misaligned-gbk'), issue('misaligned-gbk'), issue('pinyin-annotation')]), '2 misaligned GBK runs, 1 pinyin annotation');
});

test('a detector is skipped only where it finds nothing: the pre-scan gates on every case input', () => {
  const inputs = caseInputs();
  assert.ok(inputs.length > 800, `${inputs.length} inputs`);
  let skipped = 0;
  for (const text of inputs) {
    const scan = new TextScan(text, specs);
    const found = new Map<string, GarbleIssue[]>();
    const input: DetectorInput = { text, scan, found: (kind) => found.get(kind) ?? [], kept: [] };
    for (const d of textDetectors) {
      const issues = d.find(input);
      found.set(d.kind, issues);
      if (scan.has(d.needs)) continue;
      skipped++;
      assert.deepEqual(issues, [], `${d.kind} skipped on ${JSON.stringify(text.slice(0, 60))} but finds something`);
    }
  }
  assert.ok(skipped > 1000, `the gates skip detectors (${skipped} times)`);
});

test('the pre-scan finds the mojibake stops each code page would find on its own', () => {
  for (const text of caseInputs().filter((_, k) => k % 7 === 0)) {
    const scan = new TextScan(text, specs);
    for (const spec of specs) assert.deepEqual(scan.mojibakeStops(spec), new TextScan(text, [spec]).mojibakeStops(spec));
  }
});
