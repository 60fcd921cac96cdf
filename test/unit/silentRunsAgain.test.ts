// The silent-run search's second pass at the document's rate (silentRuns.ts) reads only the ends the
// first pass wrote down as reachable at the lowest floor, with the gate's running bound restored:
// it must find what a walk of every window at the lowered floor finds. A probe that is told of
// every dropped end (probes.ts `drop`) makes the second pass walk every window, as it did before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isGbkEncodable, seededRandom } from '../garblers';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { gbkTable } from '../../src/core/codec/gbkTable';
import { findSilentRuns } from '../../src/core/garble/misaligned/silentRuns';
import { observeSearch } from '../../src/core/garble/misaligned/probes';
import type { Candidate } from '../../src/core/garble/misaligned/silentGuesses';
import { SCAN_STRETCH } from '../../src/core/garble/misaligned/scanArrays';

/**
 * A document of SCAN_STRETCH × `stretches` units or more: the lines of a public text over and
 * over, a `share` of them with one lead byte lost (a silent run). The second pass reads from the
 * list only from the stretch after the first with a confident run, so a document needs several.
 */
function document(share: number, stretches: number, seed: number): string {
  const random = seededRandom(seed);
  const lines = readFileSync(join(__dirname, '../../test/corpus/prose-debian-fortunes-simplified.txt'), 'utf8').split('\n').filter((l) => l.length >= 12 && isGbkEncodable(l));
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < SCAN_STRETCH * stretches; i++) {
    let line = lines[i % lines.length];
    if (random.next() < share) {
      const bytes = [...iconv.encode(line, 'gbk')];
      const lead = bytes.findIndex((b, k) => k >= bytes.length * random.next() && b >= 0x81);
      line = iconv.decode(Buffer.from(bytes.filter((_, k) => k !== lead)), 'gbk');
    }
    out.push(line);
    length += line.length + 1;
  }
  return out.join('\n');
}

const summary = (r: ReturnType<typeof findSilentRuns>): string =>
  JSON.stringify({ runs: r.runs.map((x) => [x.start, x.end, x.out, x.confidence]), beaten: [...r.beaten].sort((a, b) => a - b) });

test('the second pass from the first pass list finds what a walk of every window finds', () => {
  const lm = getCharModel();
  const table = gbkTable();
  let withBonus = 0;
  let runs = 0;
  let candidates = 0;
  for (const [share, stretches, seed] of [
    [0.05, 2.5, 3],
    [0.2, 3, 5],
    [0.6, 2.2, 11],
  ]) {
    const v = document(share, stretches, seed);
    let bonus = 0;
    // What the second pass itself found, before any check: the runs kept at the end seldom hold
    // one of them, so the lists are compared too.
    const found = (into: string[]) => (c: readonly Candidate[]) => into.push(...c.map((x) => `${x.run.start}-${x.run.end}:${x.run.out}:${x.gain.toFixed(6)}`));
    const fromList: string[] = [];
    const fromWalk: string[] = [];
    const listed = observeSearch({ rate: (_c, _l, b) => (bonus = b), again: found(fromList) }, () => findSilentRuns(v, table, lm, []));
    const walked = observeSearch({ drop: () => undefined, again: found(fromWalk) }, () => findSilentRuns(v, table, lm, []));
    assert.equal(summary(listed), summary(walked), `share ${share}`);
    assert.deepEqual(fromList, fromWalk, `share ${share}: the second pass's candidates`);
    candidates += fromList.length;
    if (bonus > 0) withBonus++;
    runs += listed.runs.length;
  }
  // The second pass ran (a bonus), and runs were found.
  assert.equal(withBonus, 3);
  assert.ok(runs > 300, `${runs} runs`);
  assert.ok(candidates > 0, 'the second pass found candidates to compare');
});
