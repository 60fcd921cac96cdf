/**
 * What a reader wants to know about one figure, in words: the normalized value (近1000億元 →
 * 100,000,000,000 元 ≈ 100 billion CNY), what the approximation word means, the sentence the
 * figure sits in, what the text lets us work out from it (同比增長8.4% on 180.7億元 → the year
 * before ≈ 166.7億元) and where else the text gives the same quantity. The editor's hover shows
 * this; the text logic lives here so that it is tested without an editor.
 */
import type { Figure } from './figures';
import { foldToSimplified } from './scriptFold';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface DerivedFigure {
  /** What the derived figure is: "the year before", "the increase". */
  label: string;
  /** In the article's own notation: 166.7億元. */
  text: string;
  /** How it follows from the text: 180.7億元 ÷ (1 + 8.4%). */
  basis: string;
}

export interface FigureDescription {
  kind: string;
  /** The written figure without its approximation word, = the value with digit grouping and unit. */
  normalized: string;
  /** A plain English reading: ≈ 100 billion CNY, 25 February 2024; empty when the number says it all (179項). */
  reading: string;
  approximation?: { word: string; meaning: string };
  growth?: string;
  sentence: TextSpan;
  derived: DerivedFigure[];
  /** Other figures of the text with the same kind, value and unit. */
  sameQuantity: TextSpan[];
}

const KIND_NAMES: Record<Figure['kind'], string> = {
  number: 'number',
  percent: 'percentage',
  money: 'amount of money',
  date: 'date',
  count: 'count',
  measure: 'measure',
  range: 'range',
  ordinal: 'ordinal',
  version: 'stage or version',
};

/** Approximation words as extracted (Simplified) and what they say about the written number. */
const APPROXIMATION_MEANINGS: Record<string, string> = {
  将近: 'nearly', 接近: 'close to', 近: 'nearly', 超过: 'more than', 超: 'more than', 逾: 'more than',
  大约: 'about', 约为: 'about', 约: 'about', 左右: 'about', 不到: 'less than', 不足: 'less than',
  至少: 'at least', 最多: 'at most', 余: 'more than', 多: 'more than', 来: 'about', 开外: 'over',
};

/** Currencies as extracted (Simplified) with their ISO codes; 元 alone is the Chinese yuan. */
const CURRENCY_CODES: Record<string, string> = {
  人民币: 'CNY', 元: 'CNY', 美元: 'USD', 欧元: 'EUR', 日元: 'JPY', 港元: 'HKD', 港币: 'HKD', 英镑: 'GBP',
  韩元: 'KRW', 澳元: 'AUD', 加元: 'CAD', 新台币: 'TWD', 台币: 'TWD', 卢布: 'RUB',
};

const ENGLISH_SCALES: Array<[number, string]> = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Chinese scale words as written after digits, largest first: 180.7亿 is 180.7 × 1e8. */
const CHINESE_SCALES: Array<[string, number]> = [['万亿', 1e12], ['亿', 1e8], ['万', 1e4], ['千', 1e3], ['百', 1e2]];

/** Growth words that compare with the same period a year earlier. */
const YEAR_ON_YEAR = /同比|上年|去年/;
const DECREASE = /下降|下跌|减少|降低|回落|下滑|降幅/;

/** Sentence ends in news text; a semicolon closes a clause that reads as a sentence of its own. */
const SENTENCE_ENDS = /[。！？!?；;\n]/;
/** A hover must stay readable: sentences longer than this are cut around the figure. */
const MAX_SENTENCE_SIDE = 120;

/** 100000000000 → "100,000,000,000"; a string keeps its written decimals ("14.0"). */
export function groupDigits(value: number | string): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** 1e11 → "100 billion", 11900000 → "11.9 million", 179 → "179". */
export function englishAmount(value: number): string {
  for (const [scale, word] of ENGLISH_SCALES) {
    if (Math.abs(value) >= scale) return `${Number((value / scale).toPrecision(4))} ${word}`;
  }
  return String(Number(value.toPrecision(6)));
}

/** The sentence around [start, end), cut to a readable length on each side. */
export function sentenceAround(text: string, start: number, end: number): TextSpan {
  let from = start;
  while (from > 0 && !SENTENCE_ENDS.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !SENTENCE_ENDS.test(text[to])) to++;
  // Keep the closing punctuation (but not a line break): the sentence reads finished.
  if (to < text.length && text[to] !== '\n') to++;
  from = Math.max(from, start - MAX_SENTENCE_SIDE);
  to = Math.min(to, end + MAX_SENTENCE_SIDE);
  while (from < start && /\s/.test(text[from])) from++;
  return { start: from, end: to, text: text.slice(from, to) };
}

/** The original-script characters of a word found in the folded figure text: 億 for 亿. */
function written(figure: Figure, simplified: string, fromEnd = false): string {
  const folded = foldToSimplified(figure.text);
  const at = fromEnd ? folded.lastIndexOf(simplified) : folded.indexOf(simplified);
  return at < 0 ? simplified : figure.text.slice(at, at + simplified.length);
}

/** The scale the figure's number was written with, and that number: 180.7億元 → 1e8, "180.7". */
function writtenScale(figure: Figure): { scale: number; word: string; decimals: number } {
  const folded = foldToSimplified(figure.text);
  const digits = /\d+(?:\.(\d+))?/.exec(folded);
  const decimals = digits?.[1]?.length ?? 0;
  const afterDigits = digits ? folded.slice(digits.index + digits[0].length) : '';
  for (const [word, scale] of CHINESE_SCALES) {
    if (afterDigits.startsWith(word)) return { scale, word: written(figure, word), decimals };
  }
  return { scale: 1, word: '', decimals };
}

/** The figure's text without its approximation word: 近1000億元 → 1000億元. */
function withoutApproximation(figure: Figure): string {
  if (!figure.approxWord) return figure.text;
  const folded = foldToSimplified(figure.text);
  if (folded.startsWith(figure.approxWord)) return figure.text.slice(figure.approxWord.length);
  if (folded.endsWith(figure.approxWord)) return figure.text.slice(0, -figure.approxWord.length);
  return figure.text;
}

function unitText(figure: Figure): string {
  return figure.unit ? written(figure, figure.unit, true) : '';
}

function dateReading(date: NonNullable<Figure['date']>): string {
  const month = date.month ? MONTHS[date.month - 1] : undefined;
  return [date.day, month, date.year].filter((part) => part !== undefined).join(' ');
}

function dateNormalized(date: NonNullable<Figure['date']>): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [date.year, date.month, date.day].filter((p): p is number => p !== undefined).map((p, k) => (k === 0 && date.year !== undefined ? String(p) : pad(p))).join('-');
}

function valueTexts(figure: Figure): { normalized: string; reading: string } {
  const unit = unitText(figure);
  const spaced = unit ? ` ${unit}` : '';
  switch (figure.kind) {
    case 'date':
      return { normalized: dateNormalized(figure.date ?? {}), reading: dateReading(figure.date ?? {}) };
    case 'range': {
      const { from, to } = figure.range ?? { from: 0, to: 0 };
      return { normalized: `${groupDigits(from)} – ${groupDigits(to)}${spaced}`, reading: `from ${englishAmount(from)} to ${englishAmount(to)}` };
    }
    case 'percent': {
      const value = figure.value ?? 0;
      const fraction = Number((value / (figure.unit === '‰' ? 1000 : 100)).toPrecision(12));
      return { normalized: String(fraction), reading: `${value} ${figure.unit === '‰' ? 'per mille' : 'percent'}` };
    }
    case 'money': {
      const value = figure.value ?? 0;
      return { normalized: `${groupDigits(value)}${spaced}`, reading: `≈ ${englishAmount(value)} ${CURRENCY_CODES[figure.unit ?? ''] ?? unit}` };
    }
    default: {
      const value = figure.value ?? 0;
      return { normalized: `${groupDigits(value)}${spaced}`, reading: Math.abs(value) >= 1e4 ? `≈ ${englishAmount(value)}` : '' };
    }
  }
}

function sameQuantity(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind || a.unit !== b.unit) return false;
  if (a.kind === 'date') return JSON.stringify(a.date) === JSON.stringify(b.date);
  if (a.kind === 'range') return a.range?.from === b.range?.from && a.range?.to === b.range?.to;
  return a.value === b.value;
}

/**
 * The amount a growth percentage applies to: the figure just before the growth word, in the same
 * sentence, with nothing but a clause between them (完成工業總產值180.7億元,同比增長8.4%).
 */
export function growthBase(text: string, figures: readonly Figure[], index: number): number | undefined {
  const growth = figures[index];
  if (growth.kind !== 'percent' || !growth.growth || index === 0) return undefined;
  const base = figures[index - 1];
  if (base.value === null || !['money', 'count', 'number'].includes(base.kind)) return undefined;
  const between = text.slice(base.end, growth.start - growth.growth.word.length);
  return between.length <= 2 && !SENTENCE_ENDS.test(between) ? index - 1 : undefined;
}

/** The earlier amount and the change, when the figure is a growth percentage or its base. */
function derivedFigures(text: string, figures: readonly Figure[], index: number): DerivedFigure[] {
  let growthIndex = index;
  let baseIndex = growthBase(text, figures, index);
  if (baseIndex === undefined && index + 1 < figures.length && growthBase(text, figures, index + 1) === index) {
    growthIndex = index + 1;
    baseIndex = index;
  }
  if (baseIndex === undefined) return [];
  const base = figures[baseIndex];
  const growth = figures[growthIndex];
  const word = growth.growth?.word ?? '';
  const rate = ((growth.value ?? 0) / 100) * (DECREASE.test(foldToSimplified(word)) ? -1 : 1);
  if (rate <= -1) return [];
  const { scale, word: scaleWord, decimals } = writtenScale(base);
  const unit = unitText(base);
  const earlier = (base.value ?? 0) / (1 + rate);
  const change = (base.value ?? 0) - earlier;
  // As precise as the article wrote the base: 180.7億元 gives 166.7億元 and 14.0億元.
  const inArticleNotation = (v: number) => `${groupDigits((v / scale).toFixed(Math.max(decimals, 1)))}${scaleWord}${unit}`;
  const sign = rate < 0 ? '−' : '+';
  const period = YEAR_ON_YEAR.test(foldToSimplified(word)) ? 'the year before' : 'before the change';
  return [
    { label: period, text: `≈ ${inArticleNotation(earlier)}`, basis: `${base.text} ÷ (1 ${sign} ${Math.abs(growth.value ?? 0)}%)` },
    { label: rate < 0 ? 'the decrease' : 'the increase', text: `≈ ${inArticleNotation(Math.abs(change))}`, basis: `${base.text} − ${inArticleNotation(earlier)}` },
  ];
}

/** Everything the hover says about `figures[index]`; `figures` are all the figures of `text`. */
export function describeFigure(text: string, figures: readonly Figure[], index: number): FigureDescription {
  const figure = figures[index];
  const { normalized, reading } = valueTexts(figure);
  const description: FigureDescription = {
    kind: KIND_NAMES[figure.kind],
    normalized: figure.kind === 'date' ? `${figure.text} = ${normalized}` : `${withoutApproximation(figure)} = ${normalized}`,
    reading,
    sentence: sentenceAround(text, figure.start, figure.end),
    derived: derivedFigures(text, figures, index),
    sameQuantity: figures
      .filter((other, k) => k !== index && sameQuantity(figure, other))
      .map(({ start, end, text: t }) => ({ start, end, text: t })),
  };
  if (figure.approxWord) {
    description.approximation = { word: written(figure, figure.approxWord), meaning: APPROXIMATION_MEANINGS[figure.approxWord] ?? 'approximately' };
  }
  if (figure.growth) description.growth = figure.growth.word;
  return description;
}
