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

/** Lines of a public text, a share of them with one lead byte lost (a silent run), as documents of `perDoc` lines. */
function documents(share: number, perDoc: number, seed: number): string[] {
  const random = seededRandom(seed);
  const lines = readFileSync(join(__dirname, '../../test/corpus/prose-debian-fortunes-simplified.txt'), 'utf8').split('\n').filter((l) => l.length >= 12 && isGbkEncodable(l));
  const garbled = lines.map((line) => {
    if (random.next() >= share) return line;
    const bytes = [...iconv.encode(line, 'gbk')];
    const lead = bytes.findIndex((b, i) => i >= bytes.length * random.next() && b >= 0x81);
    return iconv.decode(Buffer.from(bytes.filter((_, i) => i !== lead)), 'gbk');
  });
  const docs: string[] = [];
  for (let i = 0; i + perDoc <= garbled.length && docs.length < 12; i += perDoc) docs.push(garbled.slice(i, i + perDoc).join('\n'));
  return docs;
}

const summary = (r: ReturnType<typeof findSilentRuns>): string =>
  JSON.stringify({ runs: r.runs.map((x) => [x.start, x.end, x.out, x.confidence]), beaten: [...r.beaten].sort((a, b) => a - b) });

test('the second pass from the first pass list finds what a walk of every window finds', () => {
  const lm = getCharModel();
  const table = gbkTable();
  let withBonus = 0;
  let runs = 0;
  for (const [share, perDoc, seed] of [
    [0.5, 40, 3],
    [0.8, 25, 5],
    [0.3, 60, 11],
    [1, 15, 19],
  ]) {
    for (const v of documents(share, perDoc, seed)) {
      let bonus = 0;
      const listed = observeSearch({ rate: (_c, _l, b) => (bonus = b) }, () => findSilentRuns(v, table, lm, []));
      const walked = observeSearch({ drop: () => undefined }, () => findSilentRuns(v, table, lm, []));
      assert.equal(summary(listed), summary(walked), v.slice(0, 40));
      if (bonus > 0) withBonus++;
      runs += listed.runs.length;
    }
  }
  // The second pass ran (a bonus), and runs were found.
  assert.ok(withBonus >= 10, `${withBonus} documents with a bonus`);
  assert.ok(runs > 50, `${runs} runs`);
});
