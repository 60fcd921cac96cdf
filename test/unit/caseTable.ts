/**
 * The one runner of the case tables in test/cases/ (ftfy style: data, not code). Every case is
 * `{ "label", "input", "expect": "pass" | "fail", "source", …what it should give }` and runs as its
 * own sub-test, so a failure names its table and its case:
 *   ✖ case table mojibake-gbk › 鍙傛暟 in a sentence
 * A case marked `"expect": "fail"` (a known failure) must still fail: once it passes, its sub-test
 * fails until the case is moved back (ZHLENS_UPDATE_KNOWN_FAILURES=1 npm run test:unit does it).
 * Accuracy per table and per bucket (a kind, an encoding) is printed as test diagnostics.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

export interface TableCase {
  label: string;
  expect: 'pass' | 'fail';
  source?: string;
  /** For a case kept in known-failures.json: the table it belongs to. */
  table?: string;
}

export interface Outcome<C> {
  c: C;
  ok: boolean;
}

export interface CaseTable<C extends TableCase> {
  /** The table's name (its file without `.json`). */
  name: string;
  cases: readonly C[];
  /** Throws (an assertion) when the case is malformed: a malformed case fails whatever it expects. */
  checkShape?(c: C): void;
  /** Why the case fails, one line per failed check; empty when it passes. */
  check(c: C): string[];
  /** False for a case only kept as data (a timing finding): its shape is checked, nothing is run. */
  runs?(c: C): boolean;
  /** The case's bucket in the accuracy diagnostics (a kind, an encoding). */
  bucket?(c: C): string;
  /** With every outcome, once all cases ran. */
  done?(outcomes: ReadonlyArray<Outcome<C>>): void;
}

/** Known failures are moved instead of failing the suite. */
export const UPDATE_KNOWN_FAILURES = process.env.ZHLENS_UPDATE_KNOWN_FAILURES === '1';

const pct = (ok: number, n: number) => `${((100 * ok) / Math.max(1, n)).toFixed(1)}%`;

/** One test for the table, one sub-test per case. */
export function runCaseTable<C extends TableCase>(table: CaseTable<C>): void {
  test(`case table ${table.name}`, async (t) => {
    assert.ok(table.cases.length > 0, `${table.name}: no cases`);
    const outcomes: Outcome<C>[] = [];
    for (const c of table.cases) {
      await t.test(c.label, () => {
        assert.equal(typeof c.label, 'string', 'label');
        assert.ok(c.expect === 'pass' || c.expect === 'fail', `expect is "pass" or "fail", not ${JSON.stringify(c.expect)}`);
        table.checkShape?.(c);
        if (table.runs && !table.runs(c)) return;
        const problems = table.check(c);
        const ok = problems.length === 0;
        outcomes.push({ c, ok });
        if (UPDATE_KNOWN_FAILURES) return;
        const where = c.source ? ` [${c.source}]` : '';
        if (c.expect === 'pass') assert.deepEqual(problems, [], `fails${where}: ${problems.join('; ')}`);
        else assert.ok(!ok, `passes now${where}: move it ${c.table ? `back to ${c.table}.json` : 'to "expect": "pass"'} (ZHLENS_UPDATE_KNOWN_FAILURES=1)`);
      });
    }
    const passed = outcomes.filter((o) => o.ok).length;
    if (outcomes.length === 0) return;
    t.diagnostic(`${table.name}: ${passed}/${outcomes.length} pass (${pct(passed, outcomes.length)})`);
    if (table.bucket) {
      const buckets = new Map<string, { n: number; ok: number }>();
      for (const { c, ok } of outcomes) {
        const key = table.bucket(c);
        const tally = buckets.get(key) ?? { n: 0, ok: 0 };
        buckets.set(key, { n: tally.n + 1, ok: tally.ok + (ok ? 1 : 0) });
      }
      for (const [key, { n, ok }] of buckets) t.diagnostic(`  ${key}: ${ok}/${n} (${pct(ok, n)})`);
    }
    table.done?.(outcomes);
  });
}
