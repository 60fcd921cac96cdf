import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { flattenOutline, outlineText, readArticleHead, type Section } from '../../src/core/outline';
import { runCaseTable, type TableCase } from './caseTable';

// The bundle runs from out/unit/; the case files stay in the source tree.
const root = join(__dirname, '..', '..');

interface ExpectedSection { title: string; line: number; level: number; kind: string }
interface ExpectedHead { source?: string; place?: string; date?: string; author?: string; editor?: string }
/** A case of the one schema (caseTable.ts): the input is a file of the repository. */
interface OutlineCase extends TableCase { description: string; input: { file: string }; head?: ExpectedHead; sections: ExpectedSection[] }

const table = JSON.parse(readFileSync(join(root, 'test/cases/outline.json'), 'utf8')) as { cases: OutlineCase[] };
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const summary = (s: Section): ExpectedSection => ({ title: s.title, line: s.line, level: s.level, kind: s.kind });

/** Offsets of line starts, for \n, \r\n and \r breaks alike. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

/** What must hold for any text: ranges start at their heading line, nest, and tile their parent. */
function assertWellFormed(text: string, roots: Section[]): void {
  const starts = lineStarts(text);
  const check = (list: Section[], parentEnd: number, parentLevel: number) => {
    list.forEach((s, k) => {
      assert.equal(s.start, starts[s.line], `start of "${s.title}" is the start of line ${s.line}`);
      assert.ok(s.end > s.start && s.end <= parentEnd, `range of "${s.title}"`);
      assert.ok(s.level > parentLevel, `"${s.title}" is deeper than its parent`);
      if (k + 1 < list.length) assert.equal(s.end, list[k + 1].start, `"${s.title}" ends where its next sibling starts`);
      check(s.children, s.end, s.level);
    });
  };
  check(roots, text.length, 0);
  const flat = flattenOutline(roots);
  for (let k = 1; k < flat.length; k++) assert.ok(flat[k].line > flat[k - 1].line, 'pre-order is document order');
}

runCaseTable<OutlineCase>({
  name: 'outline',
  cases: table.cases,
  checkShape: (c) => assert.equal(typeof c.input.file, 'string', 'input.file'),
  check(c) {
    const text = read(c.input.file);
    const roots = outlineText(text);
    // Ill-formed sections fail the case whatever it expects.
    assertWellFormed(text, roots);
    const actual = flattenOutline(roots).map(summary);
    const problems = JSON.stringify(actual) === JSON.stringify(c.sections) ? [] : [`sections ${JSON.stringify(actual).slice(0, 200)}`];
    if (c.head) {
      const { source, place, date, author, editor } = readArticleHead(text);
      const found = Object.fromEntries(Object.entries({ source, place, date, author, editor }).filter(([, v]) => v !== undefined));
      if (!isDeepStrictEqual(found, c.head)) problems.push(`head ${JSON.stringify(found)}`);
    }
    return problems;
  },
});

test('outline accuracy over the case table', (t) => {
  let expected = 0;
  let found = 0;
  let correct = 0;
  let exactDocs = 0;
  for (const c of table.cases) {
    const actual = flattenOutline(outlineText(read(c.input.file))).map(summary);
    const key = (s: ExpectedSection) => `${s.line}|${s.level}|${s.kind}|${s.title}`;
    const want = new Set(c.sections.map(key));
    expected += want.size;
    found += actual.length;
    correct += actual.filter((s) => want.has(key(s))).length;
    if (actual.length === want.size && actual.every((s) => want.has(key(s)))) exactDocs++;
  }
  const pct = (a: number, b: number) => (b === 0 ? 100 : (100 * a) / b).toFixed(1);
  t.diagnostic(`documents exact: ${exactDocs}/${table.cases.length}; sections: precision ${pct(correct, found)}%, recall ${pct(correct, expected)}%`);
  assert.ok(table.cases.length >= 15);
});

test('Yizhuang article: title over the lead and three two-line headings; copyright and related links apart', () => {
  const text = read('samples/yizhuang-article/repaired.txt');
  const roots = outlineText(text);
  assert.deepEqual(roots.map((s) => s.kind), ['title', 'footer', 'related-links']);
  const flat = flattenOutline(roots);
  assert.deepEqual(flat.map((s) => s.kind), ['title', 'lead', 'heading', 'heading', 'heading', 'footer', 'related-links']);
  assert.equal(flat[0].title, '協同發展邁出新步伐 北京亦莊助力打造京津冀高精尖產業經濟帶');
  assert.equal(flat[0].line, 0);
  // The dateline is the head's, not the lead's name.
  assert.ok(flat[1].title.startsWith('實現京津冀三地'), flat[1].title);
  assert.deepEqual(flat.slice(2, 5).map((s) => s.title), [
    '三地產業協同成效明顯 / 將打造區域優勢產業集群',
    '三地推出179項“同事同標”政務事項 / 創新成立合作聯盟打造“京津冀經驗”',
    '52個重大產業項目落地臺馬片區 / 建設創新孵化載體形成新質生產力',
  ]);
  // The title section holds the body and ends where the end matter starts.
  assert.deepEqual([flat[0].start, flat[0].end], [0, flat[5].start]);
  assert.equal(flat[2].end, flat[3].start);
  assert.ok(text.slice(flat[2].start, flat[2].end).endsWith('王文勇表示。\n'));
  assert.equal(flat[6].end, text.length);
});

test('the head: title, source, place, date and reporter from the dateline', () => {
  for (const [file, source, title] of [
    ['samples/yizhuang-article/repaired.txt', '人民網', '協同發展邁出新步伐 北京亦莊助力打造京津冀高精尖產業經濟帶'],
    ['samples/yizhuang-article/simplified.txt', '人民网', '协同发展迈出新步伐 北京亦庄助力打造京津冀高精尖产业经济带'],
  ]) {
    const head = readArticleHead(read(file));
    assert.deepEqual(head.title, { text: title, line: 0 });
    assert.deepEqual([head.source, head.place, head.date, head.author], [source, '北京', '2月25日', '孟竹']);
    assert.equal(head.dateline?.line, 1);
    assert.match(head.dateline?.text ?? '', /^人民[網网]北京2月25日[電电] \([記记]者孟竹\)$/);
  }
  // A dateline on a line of its own is a head line too.
  const alone = readArticleHead('新华社北京3月1日电（记者 张三）\n\n国务院新闻办公室1日发布白皮书，介绍有关情况。\n');
  assert.deepEqual([alone.source, alone.place, alone.date, alone.author, alone.lines], ['新华社', '北京', '3月1日', '张三', [0]]);
  assert.deepEqual(readArticleHead(''), { lines: [] });
});

test('CRLF and CR line breaks give the same outline with offsets into that text', () => {
  const lf = read('samples/yizhuang-article/simplified.txt');
  const expected = flattenOutline(outlineText(lf)).map(summary);
  for (const eol of ['\r\n', '\r']) {
    const text = lf.replace(/\n/g, eol);
    const roots = outlineText(text);
    assertWellFormed(text, roots);
    assert.deepEqual(flattenOutline(roots).map(summary), expected);
  }
});

test('empty and blank texts have no outline', () => {
  for (const text of ['', '\n\n', '   \u3000\n', '%\n%\n']) assert.deepEqual(outlineText(text), []);
  // Callers in plain JavaScript can pass anything.
  assert.deepEqual(outlineText(undefined as unknown as string), []);
});

test('never throws: shuffled lines and cut-up case texts', () => {
  // A fixed linear congruential generator keeps the run reproducible.
  let seed = 20240225;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = table.cases.flatMap((c) => read(c.input.file).split('\n'));
  for (let round = 0; round < 300; round++) {
    const picked = Array.from({ length: 1 + Math.floor(random() * 40) }, () => lines[Math.floor(random() * lines.length)]);
    let text = picked.join(random() < 0.5 ? '\n' : '\r\n');
    const cut = Math.floor(random() * text.length);
    if (random() < 0.3) text = text.slice(0, cut) + '\ud800' + text.slice(cut); // a lone surrogate
    const roots = outlineText(text);
    assertWellFormed(text, roots);
  }
});

// Its speed is the outlineText row of `npm run bench`.
test('1 MB of article text is outlined: every copy of the article keeps its sections', () => {
  const article = read('samples/yizhuang-article/repaired.txt');
  const copies = Math.ceil(1_000_000 / article.length);
  const once = flattenOutline(outlineText(article)).length;
  const sections = flattenOutline(outlineText(article.repeat(copies))).length;
  assert.ok(once > 0);
  assert.ok(sections >= copies, `${sections} sections for ${copies} copies`);
});
