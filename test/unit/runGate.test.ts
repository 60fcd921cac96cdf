// The gate every end of a possible silent run passes first (runGate.ts), and the model's flat
// arrays it reads: the test of all the ends at an offset at once never turns down an end the
// test of each end would let through, and the arrays give the numbers the model's methods give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isGbkEncodable, seededRandom } from '../garblers';
import { getCharModel } from '../../src/core/model/charLanguageModel';
import { gbkTable } from '../../src/core/codec/gbkTable';
import { BOUND_SLACK, isLetterByte, RunGate } from '../../src/core/garble/misaligned/runGate';
import { END_OPTIONS, endAt, type End } from '../../src/core/garble/misaligned/runEnds';
import { PairedAgain } from '../../src/core/garble/misaligned/pairedAgain';
import { TrailBounds } from '../../src/core/garble/misaligned/trailBounds';
import { bigramOfUnits } from '../../src/core/model/quantizedTables';

test('the gate of all the ends at an offset lets through every end whose own gate it would', () => {
  const lm = getCharModel();
  const table = gbkTable();
  const again = PairedAgain.of(table, lm);
  const bounds = TrailBounds.of(table, lm);
  const random = seededRandom(16);
  // Clean lines of a public text, and the same lines with a lead byte lost (a silent run), with
  // ASCII, marks and digits written among the Chinese so that every kind of end occurs.
  const lines = readFileSync(join(__dirname, '../../test/corpus/prose-debian-fortunes-simplified.txt'), 'utf8').split('\n').filter((l) => l.length >= 12 && isGbkEncodable(l)).slice(0, 120);
  const texts = lines.flatMap((line) => {
    const bytes = [...iconv.encode(line, 'gbk')];
    const lead = bytes.findIndex((b, i) => i >= bytes.length * random.next() && b >= 0x81);
    const marked = line.replace(/./gu, (c) => (random.next() < 0.06 ? c + random.pick(['?', 'S', '7', '\ufffd', 'ab']) : c));
    return [line, marked, iconv.decode(Buffer.from(bytes.filter((_, i) => i !== lead)), 'gbk')];
  });
  let ends = 0;
  let through = 0;
  for (const v of texts) {
    const code = (i: number): number => {
      const c = i >= 0 && i < v.length && v.charCodeAt(i) >= 0x80 ? table.codeOf(v.charCodeAt(i)) : -1;
      return c >= 0x100 ? c : -1;
    };
    const repaired = (i: number): number => (code(i) >= 0 && code(i + 1) >= 0 ? again.codeOf(code(i) & 0xff, code(i + 1) >> 8) : -1);
    const gate = new RunGate(v, lm, repaired, new Float64Array(v.length + 4).fill(NaN), new Float64Array(v.length + 4).fill(NaN), -1);
    const e: End = { at: 0, kind: 'ascii', garbledEnd: 0, trail: -1, next: '', nextByte: undefined };
    let segLo = 0;
    for (let at = 1; at <= v.length; at++) {
      if (code(at - 1) < 0) continue;
      if (!(at >= 2 && code(at - 2) >= 0 && repaired(at - 2) >= 0)) segLo = at - 1;
      gate.advance(at, segLo);
      for (const [gateLeast, traceLeast, prior] of [[8, 4, -8], [4, 4, -8], [8, 8, 0], [12, 6, -2], [-4, -4, -8]]) {
        const any = gate.anyEndReaches(at, gateLeast, traceLeast, prior, code(at - 1) & 0xff, code(at) >= 0, bounds);
        for (let option = 0; option < END_OPTIONS; option++) {
          const end = endAt(v, at, option, code, e);
          if (!end) continue;
          const silent = end.kind === 'lead' || end.kind === 'dropped';
          if ((silent || end.kind === 'swallow') && segLo > at - 2) continue;
          const endPrior = silent ? prior : 0;
          const least = end.kind === 'ascii' && isLetterByte(end.trail) ? traceLeast : gateLeast;
          let most = gate.mostGain(at, end.garbledEnd, !silent && end.kind !== 'swallow') + endPrior;
          if (end.kind === 'lead') most = Math.min(most, gate.mostGainAtLead(at, code(at - 1) & 0xff, bounds) + endPrior);
          ends++;
          if (most + BOUND_SLACK >= least) {
            through++;
            assert.ok(any, `${JSON.stringify(v.slice(Math.max(0, at - 4), at + 2))} at ${at} (${end.kind}): ${most} reaches ${least}`);
          }
        }
      }
    }
  }
  assert.ok(through > 100 && through < ends, `${through} of ${ends} ends through`);
});

test('the model read as flat arrays gives the numbers its methods give', () => {
  const lm = getCharModel();
  const flat = lm.flatBigrams();
  for (let cu = 0; cu < 0x10000; cu++) {
    assert.equal(flat.after[flat.index[cu] + 1], lm.bestAfter(cu));
    assert.equal(flat.before[flat.index[cu] + 1], lm.bestBefore(cu));
  }
  // Pairs of common, rare, folded and unknown code units, listed and not.
  const random = seededRandom(7);
  const units = [0x0a, 0x20, 0x41, 0x7a, 0x3f, 0xff21, 0x3000, 0xfffd, 0xd800, ...'的是了中國国经經齄龘。，“'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0)));
  for (let i = 0; i < 2000; i++) units.push(random.int(0x4e00, 0x9fa5));
  for (let i = 0; i < units.length; i++) {
    for (const b of [units[i], units[(i * 7919) % units.length], units[(i + 1) % units.length], 0x7684]) {
      assert.equal(bigramOfUnits(flat, units[i], b), lm.bigramOf(units[i], b));
      assert.equal(bigramOfUnits(flat, b, units[i]), lm.bigramOf(b, units[i]));
    }
  }
});
