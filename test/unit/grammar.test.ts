// The TextMate injection grammar (syntaxes/figures.injection.tmLanguage.json) colours figures
// without the extension running; the extractor (src/core/annotate/figures.ts) drives highlights
// and hovers. Both read the case table test/cases/figures.json here, so they cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { extractFigures, type Figure } from '../../src/core/annotate';

interface Case { source: string; text: string }
const table: { cases: Case[] } = JSON.parse(readFileSync('test/cases/figures.json', 'utf8'));

const INJECTION = 'text.zhlens.figures.injection';
const GRAMMAR_FILES: Record<string, string> = {
  'text.plain': 'syntaxes/plaintext.tmLanguage.json',
  [INJECTION]: 'syntaxes/figures.injection.tmLanguage.json',
};

async function loadPlainText(): Promise<textmate.IGrammar> {
  const wasm = readFileSync('node_modules/vscode-oniguruma/release/onig.wasm');
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // As package.json's "injectTo": the figure grammar goes into plain text and Markdown.
    getInjections: (scopeName) => (scopeName === 'text.plain' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('text.plain');
  assert.ok(grammar, 'text.plain grammar did not load');
  return grammar;
}

interface Span { start: number; end: number; kind: string }

/** Figure spans as the grammar scopes them: runs of tokens scoped constant.numeric.<kind>.zhlens. */
function grammarFigures(grammar: textmate.IGrammar, line: string): Span[] {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  const spans: Span[] = [];
  for (const token of tokens) {
    const kind = token.scopes.map((s) => /^constant\.numeric\.(\w+)\.zhlens$/.exec(s)?.[1]).find(Boolean);
    if (!kind) continue;
    const last = spans[spans.length - 1];
    if (last && last.end === token.startIndex && last.kind === kind) last.end = token.endIndex;
    else spans.push({ start: token.startIndex, end: token.endIndex, kind });
  }
  return spans;
}

const asSpan = (f: Figure): Span => ({ start: f.start, end: f.end, kind: f.kind });
const show = (line: string, spans: Span[]) => spans.map((s) => `${line.slice(s.start, s.end)}:${s.kind}`).join(' | ');

/**
 * Case-table lines where the grammar and the extractor part on purpose. 度 is a temperature when
 * 气温, 温度 or 摄氏 comes earlier in the sentence, which no regex lookbehind can see; the grammar
 * reads it as a count. The extractor drops numerals covered by a word of its lexicon (万人 in
 * 三十萬人次), which the grammar does not carry.
 */
const KNOWN_CASE_DIFFERENCES: Array<{ contains: string; grammar: string; extractor: string }> = [
  { contains: '淡水气温都超过35度', grammar: '超过35度:count | 35.8度:count | 35.3度:count | 35.1度:count | 约32度到33度:range', extractor: '超过35度:measure | 35.8度:measure | 35.3度:measure | 35.1度:measure | 约32度到33度:range' },
  { contains: '其中南部近山區可以達到32度以上', grammar: '約24-26度:range | 27-31度:range | 32度以上:count | 約20-22度:range | 23-25度:range', extractor: '約24-26度:range | 27-31度:range | 32度以上:measure | 約20-22度:range | 23-25度:range' },
  { contains: '风冻效应为负14度', grammar: '22日:date | 摄氏负5.8度:measure | 14度:count', extractor: '22日:date | 摄氏负5.8度:measure | 负14度:measure' },
  { contains: '三十萬人次', grammar: '八十一分鐘:measure | 九十分鐘:measure | 120分鐘:measure | 三十萬人次:count', extractor: '八十一分鐘:measure | 九十分鐘:measure | 120分鐘:measure' },
];

test('the grammar scopes the figures the extractor finds, with the same kind, on every case but the documented ones', async () => {
  const grammar = await loadPlainText();
  const disagreements: Array<{ contains: string; grammar: string; extractor: string }> = [];
  for (const c of table.cases) {
    for (const line of c.text.split('\n')) {
      const [g, e] = [show(line, grammarFigures(grammar, line)), show(line, extractFigures(line).map(asSpan))];
      if (g !== e) disagreements.push({ contains: KNOWN_CASE_DIFFERENCES.find((k) => line.includes(k.contains))?.contains ?? line, grammar: g, extractor: e });
    }
  }
  assert.deepEqual(disagreements, KNOWN_CASE_DIFFERENCES);
});

test('the grammar scopes the Yizhuang article figures line by line as the extractor does', async () => {
  const grammar = await loadPlainText();
  let compared = 0;
  for (const file of ['samples/yizhuang-article/repaired.txt', 'samples/yizhuang-article/simplified.txt']) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const fromExtractor = extractFigures(line).map(asSpan);
      assert.deepEqual(show(line, grammarFigures(grammar, line)), show(line, fromExtractor));
      compared += fromExtractor.length;
    }
  }
  assert.ok(compared >= 100, `only ${compared} figures compared`);
});

/**
 * Where the grammar and the extractor part on purpose, with the real line that shows it. The
 * extractor drops numerals inside words from its 50 KB lexicon (百萬 in 傾百萬之費, 千门万户,
 * 千秋万岁) and reads dates in Chinese numerals (六月二十七日); a grammar would have to carry the
 * lexicon in its regexes, and these are rare in news text. A case that starts to agree fails here,
 * so that it is taken off the list.
 */
const KNOWN_DIFFERENCES: Array<{ file: string; contains: string; grammar: string; extractor: string }> = [
  { file: 'biographies-tang-poets-traditional.txt', contains: '劉晏，字士安', grammar: '七歲:count | 二年:measure | 百萬:number | 十餘年:measure', extractor: '七歲:count | 二年:measure | 十餘年:measure' },
  { file: 'poetry-song100-simplified.txt', contains: '千门万户曈曈日', grammar: '万户:count', extractor: '' },
  { file: 'poetry-song100-simplified.txt', contains: '六月二十七日望湖楼醉书', grammar: '', extractor: '六月二十七日:date' },
  { file: 'poetry-tang300-simplified.txt', contains: '千秋万岁名', grammar: '万岁:count', extractor: '' },
];

test('over the whole real-text corpus, the grammar and the extractor differ only where documented', async () => {
  const grammar = await loadPlainText();
  const differences: typeof KNOWN_DIFFERENCES = [];
  let figures = 0;
  for (const file of readdirSync('test/corpus').filter((f) => /\.(txt|md)$/.test(f)).sort()) {
    for (const line of readFileSync(`test/corpus/${file}`, 'utf8').split('\n')) {
      const fromExtractor = extractFigures(line).map(asSpan);
      figures += fromExtractor.length;
      const [g, e] = [show(line, grammarFigures(grammar, line)), show(line, fromExtractor)];
      if (g !== e) differences.push({ file, contains: KNOWN_DIFFERENCES.find((k) => line.includes(k.contains))?.contains ?? line, grammar: g, extractor: e });
    }
  }
  assert.ok(figures >= 500, `only ${figures} figures in the corpus`);
  const byLine = (a: { file: string; contains: string }, b: { file: string; contains: string }) => (a.file + a.contains).localeCompare(b.file + b.contains);
  assert.deepEqual(differences.sort(byLine), [...KNOWN_DIFFERENCES].sort(byLine));
});

test('ranges are one figure in both: 30-40%, １１２５－１２１０', async () => {
  const grammar = await loadPlainText();
  // From test/cases/outline/luyao-write.md and test/corpus/poetry-song100-simplified.txt.
  for (const line of ['- **细节描写**：占总文30-40%', '作者:陆游（１１２５－１２１０）']) {
    assert.deepEqual(show(line, grammarFigures(grammar, line)), show(line, extractFigures(line).map(asSpan)));
    assert.equal(grammarFigures(grammar, line)[0]?.kind, 'range', line);
  }
});
