/**
 * The streaming mode of the `zhlens` command line, run as a pipeline runs it: `node dist/cli.js
 * repair --jsonl` and `detect --jsonl` with JSON Lines on standard input, `-` for plain text on
 * standard input, `--jobs`, `--report` and `zhlens report`. The corpus is streamCorpus.ts's:
 * real text garbled by real decoders, in records shaped as a crawl's.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { corpusText, misread, sampleCorpus } from './streamCorpus';
import { CLI, ROOT, ensureCliBuilt } from './cliBuild';

const SAMPLES = path.join(ROOT, 'samples', 'yizhuang-article');

interface Run {
  code: number | null;
  out: string;
  err: string;
  stdout: Buffer;
}

function zhlens(args: string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, env: { ...process.env, ZHLENS_DEBUG: '', ...env }, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8'), stdout: r.stdout };
}

const outLines = (r: Run) => r.out.split('\n').slice(0, -1);

let tmp: string;

before(() => {
  ensureCliBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhlens-stream-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('repair --jsonl', () => {
  const docs = sampleCorpus(40);
  let run: Run;
  before(() => (run = zhlens(['repair', '--jsonl', '--jobs', '1'], corpusText(docs))));

  test('one line out per line in, in order, every member but the text as it was written', () => {
    assert.equal(run.code, 0, run.err);
    const lines = outLines(run);
    assert.equal(lines.length, docs.length);
    lines.forEach((line, i) => {
      // The members before "text" and after it come back byte for byte (64-bit ids, \/ escapes, 1.0).
      const inLine = docs[i].line;
      const head = inLine.slice(0, inLine.indexOf('"text":'));
      const tail = inLine.slice(inLine.indexOf(',"meta":'), -1);
      assert.ok(line.startsWith(head), `line ${i + 1}: ${line.slice(0, 80)}`);
      assert.ok(line.includes(`${tail},"zhlens":{`), `line ${i + 1} keeps its metadata`);
    });
  });

  test('the repaired text is what `zhlens repair FILE` writes for the same text', () => {
    const lines = outLines(run).map((l) => JSON.parse(l));
    let compared = 0;
    docs.forEach((doc, i) => {
      // One record of each garbled kind: a file run each, which costs a start of the CLI.
      if (doc.kind === 'clean' || i >= 8) return;
      const text = JSON.parse(doc.line).text as string;
      const file = path.join(tmp, `doc-${i}.txt`);
      fs.writeFileSync(file, text);
      const single = zhlens(['repair', file]);
      assert.equal(single.code, 0, single.err);
      assert.equal(lines[i].text, single.out, `${doc.kind} (line ${i + 1})`);
      compared++;
    });
    assert.equal(compared, 5);
  });

  test('each record says what changed, with the findings and their plans', () => {
    const lines = outLines(run).map((l) => JSON.parse(l));
    const byKind = (kind: string) => lines.filter((_, i) => docs[i].kind === kind);
    for (const r of byKind('clean')) assert.deepEqual(r.zhlens, { changed: false, garbled: false, issues: [] });
    for (const r of byKind('utf-8 read as gbk')) {
      assert.equal(r.zhlens.changed, true);
      const issue = r.zhlens.issues.find((x: { kind: string }) => x.kind === 'mojibake-gbk');
      assert.ok(issue, JSON.stringify(r.zhlens.issues).slice(0, 200));
      assert.equal(issue.field, 'text');
      assert.ok(issue.plan.includes('encode gbk') && issue.plan.includes('decode utf-8'));
      assert.ok(issue.text.length > 0 && issue.replacement.length > 0);
    }
    for (const r of byKind('lossy')) {
      // Lost bytes are flagged, never guessed: the U+FFFD stay.
      assert.ok(r.text.includes('\ufffd\ufffd'));
      assert.ok(r.zhlens.issues.some((x: { kind: string; lossy?: boolean }) => x.kind === 'replacement-char' && x.lossy));
    }
  });

  test('--jobs 2 writes exactly what --jobs 1 writes, on input that arrives in many reads', () => {
    const many = corpusText(sampleCorpus(300));
    assert.ok(Buffer.byteLength(many) > 2 * 65536, 'more than two reads of standard input');
    const one = zhlens(['repair', '--jsonl', '--jobs', '1'], many);
    // Measured (ZHLENS_STREAM_STATS), as the bench runs it: the measuring changes nothing in the output.
    const statsFile = path.join(tmp, 'stats.json');
    const two = zhlens(['repair', '--jsonl', '--jobs', '2'], many, { ZHLENS_STREAM_STATS: statsFile });
    assert.equal(one.code, 0, one.err);
    assert.equal(two.code, 0, two.err);
    assert.equal(outLines(two).length, 300);
    assert.ok(one.stdout.equals(two.stdout));

    const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    assert.equal(stats.jobs, 2);
    assert.equal(stats.threads.length, 2);
    assert.equal(stats.threads.reduce((n: number, t: { lines: number }) => n + t.lines, 0), 300, 'the workers answered every line');
    // The main thread first (it works on a batch when the worker has enough waiting), then the worker.
    const [main, worker] = stats.threads;
    assert.equal(main.startMs, undefined);
    assert.ok(worker.batches >= 1 && worker.startMs >= 0 && worker.firstResultMs >= worker.startMs && worker.busyMs > 0, JSON.stringify(worker));
    if (process.platform === 'linux') {
      assert.ok(worker.cpuMs > 0, JSON.stringify(worker));
      assert.ok(stats.mainCpuMs >= (main.cpuMs ?? 0), JSON.stringify(stats));
    }
  });
});

describe('a line that is not a usable record', () => {
  const good = (id: number) => `{"id":${id},"text":${JSON.stringify(misread('子曰：学而时习之，不亦说乎？有朋自远方来，不亦乐乎？', 'gbk'))}}`;
  const input = [
    good(1),
    'not json at all',
    '[1,2,3]',
    '{"id":4,"text":42}',
    '{"id":5,"body":"没有文本字段"}',
    '',
    `{"id":7,"text":"${'长'.repeat(4000)}"}`,
    good(8),
    '{"id":9,"text":"未完',
  ].join('\n');

  test('gets an error record with its line number; the stream goes on, blank lines stay blank', () => {
    const r = zhlens(['repair', '--jsonl', '--jobs', '2', '--max-size', '4k'], input);
    assert.equal(r.code, 0, r.err);
    const lines = outLines(r);
    assert.equal(lines.length, 9);
    assert.equal(lines[5], '');
    const records = lines.map((l) => (l === '' ? undefined : JSON.parse(l)));
    assert.equal(records[0].zhlens.changed, true);
    assert.equal(records[7].zhlens.changed, true);
    assert.equal(records[7].text, '子曰：学而时习之，不亦说乎？有朋自远方来，不亦乐乎？');
    const errors = [2, 3, 4, 5, 7, 9].map((n) => records[n - 1]);
    errors.forEach((e, i) => assert.equal(e.zhlens.line, [2, 3, 4, 5, 7, 9][i]));
    assert.match(errors[0].zhlens.error, /not JSON/);
    assert.match(errors[1].zhlens.error, /not a JSON object but an array/);
    assert.match(errors[2].zhlens.error, /'text' is a number, not a string/);
    assert.equal(errors[2].id, 4, 'a record zhlens cannot use keeps its members');
    assert.match(errors[3].zhlens.error, /no 'text' member/);
    assert.equal(errors[3].body, '没有文本字段');
    assert.match(errors[4].zhlens.error, /above the 4 KB limit/);
    assert.match(errors[5].zhlens.error, /not JSON/);
    assert.match(r.err, /6 of 8 lines were not usable records/);
  });
});

describe('detect --jsonl', () => {
  test('--text-field names the members; --no-text leaves them out; findings carry plans', () => {
    const title = misread('北京亦庄助力打造京津冀高精尖产业经济带', 'gbk');
    const body = '帝姓李氏，諱世民，神堯次子，聰明英武。貞觀之治，庶幾成康，功德兼隆。';
    const input = `{"id":"a","title":${JSON.stringify(title)},"body":${JSON.stringify(body)},"lang":"zh"}\n`;
    const r = zhlens(['detect', '--jsonl', '--text-field', 'title,body', '--no-text'], input);
    assert.equal(r.code, 0, r.err);
    const rec = JSON.parse(r.out);
    assert.deepEqual(Object.keys(rec), ['id', 'lang', 'zhlens']);
    assert.equal(rec.zhlens.garbled, true);
    assert.equal(rec.zhlens.issues.length, 1);
    const [issue] = rec.zhlens.issues;
    assert.equal(issue.field, 'title');
    assert.equal(issue.kind, 'mojibake-gbk');
    assert.equal(issue.replacement, '北京亦庄助力打造京津冀高精尖产业经济带');
    assert.deepEqual(issue.plan, ['encode gbk', 'decode utf-8']);
  });
});

describe('plain text on standard input (-)', () => {
  test('repair - writes what repair FILE writes', () => {
    const garbled = fs.readFileSync(path.join(SAMPLES, 'garbled.txt'));
    const r = zhlens(['repair', '-'], garbled);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.stdout.equals(fs.readFileSync(path.join(SAMPLES, 'repaired.txt'))));
  });

  test('detect - names standard input; - with --in-place is a usage error', () => {
    const r = zhlens(['detect', '--json', '-'], fs.readFileSync(path.join(SAMPLES, 'garbled.txt')));
    assert.equal(r.code, 0, r.err);
    const rec = JSON.parse(r.out.split('\n')[0]);
    assert.equal(rec.garbled, true);
    const bad = zhlens(['repair', '--in-place', '-'], 'x');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--in-place cannot replace standard input/);
  });
});

describe('usage', () => {
  test('options of the two modes are not mixed; --jobs is a number', () => {
    const cases: [string[], RegExp][] = [
      [['repair', '--jsonl', '--out', 'x'], /--out cannot be used with --jsonl/],
      [['detect', '--text-field', 'body', 'a.txt'], /--text-field needs --jsonl/],
      [['repair', '--jsonl', '--jobs', '0'], /bad --jobs '0'/],
      [['repair', '--jsonl', '-', '-'], /standard input \(-\) can be read only once/],
    ];
    for (const [args, message] of cases) {
      const r = zhlens(args, '');
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
    }
  });
});

describe('the corpus report', () => {
  test('counts per kind, encoding, field and source; lossy spans; changed ids; partitions merge to the whole', () => {
    const docs = sampleCorpus(48);
    const whole = path.join(tmp, 'whole.json');
    const parts = [path.join(tmp, 'part0.json'), path.join(tmp, 'part1.json')];
    const args = ['repair', '--jsonl', '--source-field', 'source', '--report'];
    assert.equal(zhlens([...args, whole], corpusText(docs)).code, 0);
    assert.equal(zhlens([...args, parts[0]], corpusText(docs.slice(0, 20))).code, 0);
    assert.equal(zhlens([...args, parts[1]], corpusText(docs.slice(20))).code, 0);
    const report = JSON.parse(fs.readFileSync(whole, 'utf8'));
    const count = (kind: string) => docs.filter((d) => d.kind === kind).length;

    assert.equal(report.documents, 48);
    assert.equal(report.errors, 0);
    assert.equal(report.kinds['mojibake-gbk'].documents >= count('utf-8 read as gbk'), true);
    assert.equal(report.kinds['pinyin-annotation'].documents, count('pinyin'));
    assert.equal(report.misreadings['utf-8 read as gbk'].documents >= count('utf-8 read as gbk'), true);
    assert.ok(report.misreadings['utf-8 read as big5'].documents >= 1);
    assert.ok(report.lossy.documents >= count('lossy') && report.lossy.spans >= report.lossy.documents);
    assert.deepEqual(Object.keys(report.sources.values).sort(), ['site-0', 'site-1', 'site-2']);
    assert.equal(report.fields.text.documents, 48);
    // The changed documents are the ones whose text the output changed, by id.
    // Ids as written: a 64-bit id is reported as its digits, which JSON.parse would round.
    const rawId = (line: string) => /^\{"id":("[^"]*"|\d+)/.exec(line)![1].replace(/"/g, '');
    const changed = outLines(zhlens(['repair', '--jsonl'], corpusText(docs)))
      .filter((l) => JSON.parse(l).zhlens.changed)
      .map(rawId);
    assert.equal(report.changed, changed.length);
    assert.deepEqual(report.changedDocuments.ids.map(String), changed);
    assert.ok(changed.includes('9007199254740997'));
    assert.equal(count('clean') > 0 && changed.length < 48, true);

    const merged = zhlens(['report', '--json', ...parts]);
    assert.equal(merged.code, 0, merged.err);
    // Line numbers are each partition's own; everything else adds up to the whole.
    const withoutLines = (r: { examples: { line?: number }[] }) => ({ ...r, examples: r.examples.map(({ line: _, ...e }) => e) });
    assert.deepEqual(withoutLines(JSON.parse(merged.out)), withoutLines(report));
    const readable = zhlens(['report', whole]);
    assert.match(readable.out, /^48 documents/);
    assert.match(readable.out, /By kind:\n {2}kind +documents +spans +repairable +lossy\n/);
    assert.match(readable.out, /utf-8 read as gbk/);
    assert.match(readable.out, /By source \(most garbled first\):/);
  });
});
