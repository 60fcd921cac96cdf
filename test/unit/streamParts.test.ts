/**
 * The parts of the streaming mode, one by one: records written back member by member as they were
 * written (jsonRecord), a byte stream cut into batches of lines whatever the reads look like
 * (lineBatches), results written in input order with a bound on what is in flight (OrderedRuns),
 * and how a repair plan names the misreading (misreadingOf).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRecord, RecordError, topLevelMembers, writeRecord } from '../../src/cli/stream/jsonRecord';
import { lineBatches, type LineBatch } from '../../src/cli/stream/lineBatches';
import type { BatchResult } from '../../src/cli/stream/streamBatch';
import { misreadingOf } from '../../src/cli/stream/streamDocument';
import { OrderedRuns, type BatchRunner } from '../../src/cli/stream/streamWorkers';

describe('jsonRecord', () => {
  const line = '{ "id" : 1234567890123456789, "t":"\\u4e2d\\"}", "n":1.0,"o":{"a":[1,{"b":"]}"}]},"x":null ,"e":[] }';

  test('members are found as written, whatever the strings, brackets and spaces', () => {
    const members = topLevelMembers(line);
    assert.deepEqual(
      members.map((m) => [m.key, m.rawValue]),
      [
        ['id', '1234567890123456789'],
        ['t', '"\\u4e2d\\"}"'],
        ['n', '1.0'],
        ['o', '{"a":[1,{"b":"]}"}]}'],
        ['x', 'null'],
        ['e', '[]'],
      ],
    );
    // Every member's raw text is itself the JSON of the value JSON.parse read.
    const value = JSON.parse(line);
    for (const m of members) assert.deepEqual(JSON.parse(m.rawValue), value[m.key]);
  });

  test('written back: untouched members byte for byte, replaced and dropped ones, extras last', () => {
    const record = parseRecord(line);
    const out = writeRecord(record.members, new Map([['t', '"中"'], ['x', undefined]]), [['zhlens', '{}']]);
    assert.equal(out, '{"id":1234567890123456789,"t":"中","n":1.0,"o":{"a":[1,{"b":"]}"}]},"e":[],"zhlens":{}}');
  });

  test('lines that are not objects say why', () => {
    assert.throws(() => parseRecord('{"a":'), (e: unknown) => e instanceof RecordError && /^not JSON/.test(e.message));
    assert.throws(() => parseRecord('"text"'), /not a JSON object but a string/);
    assert.throws(() => parseRecord('null'), /but null/);
    assert.deepEqual(parseRecord('{}').members, []);
  });
});

async function* chunksOf(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length];
    yield bytes.slice(at, at + n);
    at += n;
  }
}

async function allLines(bytes: Uint8Array, sizes: number[], max = 1 << 20): Promise<{ lines: unknown[]; firsts: number[] }> {
  const lines: unknown[] = [];
  const firsts: number[] = [];
  for await (const b of lineBatches(chunksOf(bytes, sizes), max)) {
    assert.equal(b.firstLine, lines.length + 1);
    firsts.push(b.firstLine);
    lines.push(...b.lines);
  }
  return { lines, firsts };
}

describe('lineBatches', () => {
  const text = '\ufeff{"a":"中文"}\n\n第二行，𠀀\r\n最後一行沒有換行';
  const bytes = new TextEncoder().encode(text);

  test('the same lines whatever the reads: split inside a line and inside a character', async () => {
    const expected = ['{"a":"中文"}', '', '第二行，𠀀\r', '最後一行沒有換行'];
    for (const sizes of [[bytes.length], [1], [2, 5], [3, 7, 1], [13]]) {
      const { lines } = await allLines(bytes, sizes);
      assert.deepEqual(lines, expected, `reads of ${sizes.join(',')} bytes`);
    }
  });

  test('a line above the limit is counted, not gathered, and the next line is read', async () => {
    const long = `${'長'.repeat(1000)}\n短\n`;
    const input = new TextEncoder().encode(long);
    const { lines } = await allLines(input, [100], 512);
    assert.deepEqual(lines, [{ tooLong: 3000 }, '短']);
  });
});

describe('OrderedRuns', () => {
  test('results are written in input order, with no more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const runner: BatchRunner = {
      // Later batches finish first: the order must come from OrderedRuns, not from the runner.
      run: (batch: LineBatch) => {
        inFlight++;
        most = Math.max(most, inFlight);
        return new Promise<BatchResult>((resolve) =>
          setTimeout(() => {
            inFlight--;
            resolve({ out: `${batch.firstLine}\n`, lines: 1, errors: 0, summaries: [] });
          }, 20 - (batch.firstLine % 5) * 4),
        );
      },
      close: () => Promise.resolve(),
      stats: () => [],
    };
    const written: string[] = [];
    const runs = new OrderedRuns(runner, 3, async (r) => void written.push(r.out));
    for (let i = 1; i <= 12; i++) await runs.push({ firstLine: i, lines: [] });
    await runs.finish();
    assert.equal(written.join(''), Array.from({ length: 12 }, (_, i) => `${i + 1}\n`).join(''));
    assert.ok(most <= 3, `${most} batches in flight`);
  });
});

test('misreadingOf names how the bytes were misread, from a repair plan', () => {
  assert.equal(misreadingOf(['encode gbk', 'decode utf-8']), 'utf-8 read as gbk');
  assert.equal(misreadingOf(['encode big5', 'restore lost bytes 80, 99', 'decode utf-8']), 'utf-8 read as big5');
  assert.equal(misreadingOf(['encode gbk (x → bytes)', 'decode gbk in step']), 'gbk read out of step');
  assert.equal(misreadingOf(['remove reading (xiàng) of 項']), undefined);
});
