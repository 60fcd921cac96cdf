/**
 * Edits stay inside their spans: whatever repairText changes lies inside the spans it reports as
 * applied. The text between those spans comes back byte for byte, in order, after every pass
 * (mojibake of mojibake unwinds a layer a pass, an annotation may follow an annotation: a span a
 * later pass reaches is reported as one span of the input), and replacing each applied span with
 * its replacement, as the editor's Fix all does, gives the repaired text. Lossy and flag-only spans
 * are not applied and so are part of the text between.
 *
 * Over every text case of every table in test/cases/ (known failures and fuzz regressions too),
 * every sample's garbled and expected text, and the real text of test/corpus/ whole, each read as
 * prose and, for the tables, also as source code (languageId `typescript`), which takes spans away
 * but must never move an edit outside one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeText, applyIssues, repairText, type RepairOptions } from '../../src/core';

const ROOT = resolve(__dirname, '../..');

interface Sample {
  name: string;
  text: string;
}

function caseTexts(): Sample[] {
  const dir = join(ROOT, 'test/cases');
  const out: Sample[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    const cases = Array.isArray(data) ? data : (data as { cases?: unknown[] }).cases;
    if (!Array.isArray(cases)) continue;
    for (const c of cases as Array<{ label?: string; input?: unknown }>) {
      if (typeof c.input === 'string') out.push({ name: `${file}: ${c.label}`, text: c.input });
    }
  }
  return out;
}

function realTexts(): Sample[] {
  const out: Sample[] = [];
  for (const f of readdirSync(join(ROOT, 'test/corpus')).filter((f) => /\.(txt|md)$/.test(f)).sort()) {
    out.push({ name: `test/corpus/${f}`, text: readFileSync(join(ROOT, 'test/corpus', f), 'utf8') });
  }
  for (const d of readdirSync(join(ROOT, 'samples')).sort()) {
    for (const f of ['garbled.txt', 'expected.txt', 'repaired.txt']) {
      const p = join(ROOT, 'samples', d, f);
      if (!existsSync(p)) continue;
      const bytes = readFileSync(p);
      // Files in legacy encodings are the byte detector's; only UTF-8 text is repaired as text.
      try {
        out.push({ name: `samples/${d}/${f}`, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) });
      } catch {
        continue;
      }
    }
  }
  return out;
}

/**
 * Why `repaired` is not `text` with only the applied spans changed, or undefined when it is: the
 * text between the spans must appear in `repaired` in order, the first piece as its start and the
 * last as its end.
 */
function outsideChanged(text: string, spans: ReadonlyArray<{ start: number; end: number }>, repaired: string): string | undefined {
  const gaps: string[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos || s.end < s.start || s.end > text.length) return `spans out of order or bounds at ${s.start}..${s.end}`;
    gaps.push(text.slice(pos, s.start));
    pos = s.end;
  }
  gaps.push(text.slice(pos));
  if (spans.length === 0) return repaired === text ? undefined : 'text changed with no span reported';
  const last = gaps[gaps.length - 1];
  if (!repaired.startsWith(gaps[0])) return `text before the first span changed: ${JSON.stringify(gaps[0].slice(-40))}`;
  if (!repaired.endsWith(last)) return `text after the last span changed: ${JSON.stringify(last.slice(0, 40))}`;
  let at = gaps[0].length;
  const limit = repaired.length - last.length;
  for (let k = 1; k < gaps.length - 1; k++) {
    const found = repaired.indexOf(gaps[k], at);
    if (found < 0 || found + gaps[k].length > limit) return `text between spans changed: ${JSON.stringify(gaps[k].slice(0, 40))}`;
    at = found + gaps[k].length;
  }
  if (at > limit) return 'spans overlap the text after them';
  return undefined;
}

function check(samples: Sample[], options: RepairOptions, label: string): void {
  const problems: string[] = [];
  let repairedCount = 0;
  for (const s of samples) {
    const result = repairText(s.text, options);
    if (result.text !== s.text) repairedCount++;
    const why = outsideChanged(s.text, result.applied, result.text);
    if (why) problems.push(`${s.name}: ${why}`);
    // The editor's Fix all replaces each applied span with its replacement: that must be the repair.
    else if (applyIssues(s.text, result.applied) !== result.text) problems.push(`${s.name}: the applied spans' replacements do not make the repaired text`);
    // The reported spans are analyzeText's, in order and apart.
    const issues = analyzeText(s.text, options);
    for (let i = 1; i < issues.length; i++) {
      if (issues[i].start < issues[i - 1].end) problems.push(`${s.name}: issues overlap at ${issues[i].start}`);
    }
  }
  assert.ok(repairedCount > 0 || samples.length === 0, `${label}: nothing was repaired, so nothing was checked`);
  assert.deepEqual(problems.slice(0, 10), [], `${label}: ${problems.length} texts changed outside their spans`);
}

test('case tables: repair changes nothing outside the spans it reports', () => {
  check(caseTexts(), {}, 'case tables');
});

test('case tables read as source code: edits still stay inside their spans', () => {
  check(caseTexts(), { languageId: 'typescript' }, 'case tables as code');
});

test('real text and the samples: repair changes nothing outside the spans it reports', () => {
  check(realTexts(), {}, 'real text');
});

test('the check itself: a change outside the reported spans is caught', () => {
  const text = 'abc鍙傛暟def';
  assert.equal(outsideChanged(text, [{ start: 3, end: 6 }], 'abc参数def'), undefined);
  assert.match(outsideChanged(text, [{ start: 3, end: 6 }], 'abX参数def') ?? '', /before the first span/);
  assert.match(outsideChanged(text, [{ start: 3, end: 6 }], 'abc参数deF') ?? '', /after the last span/);
  assert.match(outsideChanged('a1b2c', [{ start: 1, end: 2 }, { start: 3, end: 4 }], 'axBxc') ?? '', /between spans/);
});
