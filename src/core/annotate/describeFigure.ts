/**
 * What a reader wants to know about one figure, in words: the normalized value (近1000億元 →
 * 100,000,000,000 元 ≈ 100 billion CNY), what the approximation or bound word means, the
 * sentence the figure sits in, what the text lets us work out from it (同比增長8.4% on
 * 180.7億元 → the year before ≈ 166.7億元; 5493万吨 after 其中 → 64.4% of 8536万吨), the value
 * in other units (45.73公頃 ≈ 686 亩 ≈ 0.457 km²) and where else the text gives the same
 * quantity. The editor's hover shows this; the text logic lives here so that it is tested without
 * an editor.
 */
import type { Figure } from './figures';
import { foldToSimplified } from './scriptFold';
import { conversions, unitByWritten } from './units';

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
  /** amount of money, percentage, count, area, temperature, ordinal, stage or version, … */
  kind: string;
  /** The written figure without its approximation word, = the value with digit grouping and unit. */
  normalized: string;
  /** A plain English reading: ≈ 100 billion CNY, 25 February 2024; empty when the number says it all (179項). */
  reading: string;
  approximation?: { word: string; meaning: string };
  growth?: string;
  /** The year a change is measured from: 2016 in 比2016年增加, the year before a dated figure's year for 同比 and 比上年. */
  baseYear?: number;
  /** The value in the other units of its dimension: ≈ 686 亩, ≈ 0.457 km². */
  conversions: string[];
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

/** Currencies as extracted (Simplified) with their ISO codes; 元 alone is the Chinese yuan. */
const CURRENCY_CODES: Record<string, string> = {
  人民币: 'CNY', 元: 'CNY', 美元: 'USD', 欧元: 'EUR', 日元: 'JPY', 港元: 'HKD', 港币: 'HKD', 英镑: 'GBP',
  韩元: 'KRW', 澳元: 'AUD', 加元: 'CAD', 新台币: 'TWD', 台币: 'TWD', 卢布: 'RUB',
};

const ENGLISH_SCALES: Array<[number, string]> = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Chinese scale words as written after digits, largest first: 180.7亿 is 180.7 × 1e8. */
const CHINESE_SCALES: Array<[string, number]> = [['万亿', 1e12], ['亿', 1e8], ['万', 1e4], ['千', 1e3], ['百', 1e2]];

/** Growth words that compare with the same period a year earlier; 比2016年 names its year. */
const YEAR_ON_YEAR = /同比|上年|去年/;
const NAMED_YEAR = /[比较](\d{4})年/;
/** A part of a whole mentioned just before: 肉类总产量8536万吨……其中,猪肉产量5493万吨. */
const PART_MARKER = '其中';
/** How far back a whole is looked for, and never across a blank line. */
const MAX_WHOLE_DISTANCE = 300;
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
  if (date.quarter) return `Q${date.quarter}${date.year ? ` ${date.year}` : ''} (${englishOrdinal(date.quarter)} quarter)`;
  const month = date.month ? MONTHS[date.month - 1] : undefined;
  return [date.day, month, date.year].filter((part) => part !== undefined).join(' ');
}

function dateNormalized(date: NonNullable<Figure['date']>): string {
  if (date.quarter) return `${date.year ? `${date.year}-` : ''}Q${date.quarter}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  return [date.year, date.month, date.day].filter((p): p is number => p !== undefined).map((p, k) => (k === 0 && date.year !== undefined ? String(p) : pad(p))).join('-');
}

const ORDINAL_SUFFIXES = ['th', 'st', 'nd', 'rd'];

/** 1 → 1st, 22 → 22nd, 13 → 13th. */
export function englishOrdinal(n: number): string {
  const tens = Math.floor(n / 10) % 10;
  const last = n % 10;
  return `${n}${tens !== 1 && last >= 1 && last <= 3 ? ORDINAL_SUFFIXES[last] : 'th'}`;
}

/** 5.0 stays "5.0", 686.0913 → "686.1", 0.4573 → "0.4573": four significant digits, grouped. */
function roundedAmount(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6) return englishAmount(value);
  const rounded = magnitude >= 1000 ? Math.round(value) : Number(value.toPrecision(4));
  return groupDigits(rounded).replace(/^-/, '−');
}

function valueTexts(figure: Figure): { normalized: string; reading: string } {
  const unit = unitText(figure);
  const spaced = unit ? ` ${unit}` : '';
  switch (figure.kind) {
    case 'date':
      return { normalized: dateNormalized(figure.date ?? {}), reading: dateReading(figure.date ?? {}) };
    case 'ordinal':
      return { normalized: englishOrdinal(figure.value ?? 0), reading: '' };
    case 'version':
      return { normalized: figure.version ?? String(figure.value), reading: figure.unit ? `stage ${figure.version}` : `version ${figure.version}` };
    case 'measure': {
      const value = figure.value ?? 0;
      const symbol = figure.unit ? unitByWritten(figure.unit)?.symbol : undefined;
      const speed = figure.dimension === 'speed' && symbol === 'km' ? 'km/h' : symbol;
      const amount = `${groupDigits(value).replace(/^-/, '−')}${spaced}`;
      return { normalized: amount, reading: speed ? `${Math.abs(value) >= 1e4 ? '≈ ' : ''}${Math.abs(value) >= 1e4 ? englishAmount(value) : roundedAmount(value)} ${speed}` : '' };
    }
    case 'range': {
      const { from, to } = figure.range ?? { from: 0, to: 0 };
      const symbol = figure.dimension && figure.unit ? unitByWritten(figure.unit)?.symbol : undefined;
      const speed = figure.dimension === 'speed' && symbol === 'km' ? 'km/h' : symbol;
      return { normalized: `${groupDigits(from)} – ${groupDigits(to)}${spaced}`, reading: `from ${englishAmount(from)} to ${englishAmount(to)}${speed ? ` ${speed}` : ''}` };
    }
    case 'percent': {
      const value = figure.value ?? 0;
      if (figure.unit === '分之') return { normalized: `${Number(value.toPrecision(4))}%`, reading: `${Number(value.toPrecision(4))} percent` };
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
  if (base.value === null || !['money', 'count', 'number', 'measure'].includes(base.kind)) return undefined;
  const between = text.slice(base.end, growth.start - growth.growth.word.length);
  return between.length <= 2 && !SENTENCE_ENDS.test(between) ? index - 1 : undefined;
}

/** The year a dated figure speaks of: the last year written before it in its sentence or paragraph's first clause (2013年粮食产量…). */
function yearOf(text: string, figures: readonly Figure[], index: number): number | undefined {
  const paragraphStart = text.lastIndexOf('\n', figures[index].start) + 1;
  for (let k = index - 1; k >= 0 && figures[k].start >= paragraphStart; k--) {
    const year = figures[k].kind === 'date' ? figures[k].date?.year : undefined;
    if (year !== undefined) return year;
  }
  return undefined;
}

/** 2016 for 比2016年增加; the year before the figure's own year for 同比 and 比上年. */
function baseYearOf(text: string, figures: readonly Figure[], index: number, word: string): number | undefined {
  const folded = foldToSimplified(word);
  const named = NAMED_YEAR.exec(folded);
  if (named) return Number(named[1]);
  if (!YEAR_ON_YEAR.test(folded)) return undefined;
  const year = yearOf(text, figures, index);
  return year === undefined ? undefined : year - 1;
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
  const baseYear = baseYearOf(text, figures, growthIndex, word);
  const folded = foldToSimplified(word);
  const period = NAMED_YEAR.test(folded) ? `in ${baseYear}` : YEAR_ON_YEAR.test(folded) ? `the year before${baseYear !== undefined ? ` (${baseYear})` : ''}` : 'before the change';
  return [
    { label: period, text: `≈ ${inArticleNotation(earlier)}`, basis: `${base.text} ÷ (1 ${sign} ${Math.abs(growth.value ?? 0)}%)` },
    { label: rate < 0 ? 'the decrease' : 'the increase', text: `≈ ${inArticleNotation(Math.abs(change))}`, basis: `${base.text} − ${inArticleNotation(earlier)}` },
  ];
}

/** The figure's value in its dimension's base unit, to compare a part with its whole (万吨 with 吨). */
function baseValue(figure: Figure): number | undefined {
  if (figure.value === null) return undefined;
  if (figure.kind !== 'measure') return figure.value;
  const unit = figure.unit ? unitByWritten(figure.unit) : undefined;
  return unit ? (figure.value + unit.offset) * unit.factor : undefined;
}

function comparable(part: Figure, whole: Figure): boolean {
  if (part.kind !== whole.kind || !['money', 'count', 'measure', 'number'].includes(part.kind)) return false;
  if (part.kind === 'measure') return part.dimension === whole.dimension && part.dimension !== 'temperature';
  return part.unit === whole.unit;
}

/**
 * The share a part is of the whole it is listed under: a figure after 其中 and the last figure of
 * the same kind and unit before that 其中, in the same paragraph (全國網上零售額30120億元……其中,
 * 實物商品網上零售額25257億元 → 83.9% of it).
 */
function shareOfWhole(text: string, figures: readonly Figure[], index: number): DerivedFigure | undefined {
  const part = figures[index];
  if (part.growth) return undefined;
  const from = Math.max(0, part.start - MAX_WHOLE_DISTANCE);
  const window = foldToSimplified(text.slice(from, part.start));
  const marker = window.lastIndexOf(PART_MARKER);
  if (marker < 0 || /\n\s*\n/.test(window.slice(marker))) return undefined;
  const markerAt = from + marker;
  const partValue = baseValue(part);
  if (partValue === undefined) return undefined;
  for (let k = index - 1; k >= 0; k--) {
    const whole = figures[k];
    if (whole.end > markerAt) continue;
    if (whole.start < from || /\n\s*\n/.test(text.slice(whole.end, markerAt))) return undefined;
    if (!comparable(part, whole) || whole.growth) continue;
    const wholeValue = baseValue(whole);
    if (!wholeValue || wholeValue <= partValue) return undefined;
    const share = (partValue / wholeValue) * 100;
    return { label: `share of ${whole.text}`, text: `≈ ${Number(share.toPrecision(3))}%`, basis: `${part.text} ÷ ${whole.text}` };
  }
  return undefined;
}

/** The value in the other units its dimension lists: 45.73公頃 → ≈ 686 亩, ≈ 0.4573 km². */
function unitConversions(figure: Figure): string[] {
  if (figure.kind !== 'measure' || figure.value === null || !figure.unit) return [];
  const unit = unitByWritten(figure.unit);
  if (!unit || unit.dimension !== figure.dimension) {
    // 时速453公里: the length is a speed.
    if (figure.dimension === 'speed') {
      const kmh = unitByWritten('公里/小时');
      return kmh ? conversions(figure.value, kmh).map((c) => `≈ ${roundedAmount(c.value)} ${c.symbol}`) : [];
    }
    return [];
  }
  return conversions(figure.value, unit).map((c) => `≈ ${roundedAmount(c.value)} ${c.symbol}`);
}

/** What a figure is, in words: the dimension of a measure (area, temperature), else its kind. */
function kindName(figure: Figure): string {
  if (figure.kind === 'measure' && figure.dimension) return figure.dimension;
  if (figure.kind === 'range' && figure.dimension) return `range of ${figure.dimension}`;
  if (figure.kind === 'date' && figure.date?.year !== undefined && figure.date.month === undefined && /^\d{4}$/.test(figure.text)) return 'year';
  return KIND_NAMES[figure.kind];
}

/** Everything the hover says about `figures[index]`; `figures` are all the figures of `text`. */
export function describeFigure(text: string, figures: readonly Figure[], index: number): FigureDescription {
  const figure = figures[index];
  const { normalized, reading } = valueTexts(figure);
  const derived = derivedFigures(text, figures, index);
  const share = shareOfWhole(text, figures, index);
  if (share) derived.push(share);
  const description: FigureDescription = {
    kind: kindName(figure),
    normalized: figure.kind === 'date' ? `${figure.text} = ${normalized}` : `${withoutApproximation(figure)} = ${normalized}`,
    reading,
    sentence: sentenceAround(text, figure.start, figure.end),
    derived,
    conversions: unitConversions(figure),
    sameQuantity: figures
      .filter((other, k) => k !== index && sameQuantity(figure, other))
      .map(({ start, end, text: t }) => ({ start, end, text: t })),
  };
  if (figure.approxWord) {
    description.approximation = { word: written(figure, figure.approxWord), meaning: figure.qualifier ?? 'about' };
  }
  if (figure.growth) {
    description.growth = figure.growth.word;
    const baseYear = baseYearOf(text, figures, index, figure.growth.word);
    if (baseYear !== undefined) description.baseYear = baseYear;
  }
  return description;
}
