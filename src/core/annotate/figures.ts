/**
 * Figures in news text: amounts of money, percentages, measures with their unit (45.73公顷,
 * 61791万吨, 52米/秒, 37℃), counts with their measure word, dates and periods, ranges,
 * ordinals and stage or version names, with the approximation or bound word kept in the span
 * (近1000亿元, 35℃以上 are one figure each).
 *
 * Conventions (the case table test/cases/figures.json follows them):
 * - Ordinals are figures of their own kind: 第三个, 第22号, 第 3 章, 首次, 首个 (首 only before a
 *   measure word). Names built on one (第三产业, 第三方) are not.
 * - A Chinese numeral is a figure only with a measure word or unit (十届, 两地, 三千五百元) or
 *   when it carries a scale (三千五百, 壹仟). A lone 一 needs a time unit (一周, 一天): 一个,
 *   一家 are indefinite articles. Words such as 一般, 统一, 一心一意 are never figures.
 * - Arabic digits touching Latin letters or dots (x86, UTF-8, 2.6.32) are identifiers; a time of
 *   day (8:30, 15时23分, 8点钟) is not a figure.
 * - A four-digit year written into a name (2024京西消费节, 《中国制造2025》) is a date.
 * - Growth words stay outside the span: 同比增长8.4% gives the figure 8.4% with growth recorded.
 * - value is scaled (近1000亿元 → 1e11); a percentage keeps its written number (42% → 42);
 *   dates have value null and their parts in `date`; ranges have value null and `range`.
 */
import { foldToSimplified } from './scriptFold';
import {
  afterSpace, isFourDigitYear, type NumberToken, readDate, readIsoDate, readNumber, startsWithAny, timeOfDayEnd,
} from './figureNumbers';
import { coveredByWord, lexicalNumeralWords } from './lexicon';
import { isChineseNumeralCode, isDigit, isDigitCode } from './numerals';
import {
  ANGLE_CONTEXT, MINUS_SIGNS, APPROXIMATION_PREFIXES, APPROXIMATION_SUFFIXES, ARABIC_MEASURES, CHINESE_MEASURES,
  CURRENCIES, FIRST_MEASURES, GROWTH_WORDS, NEGATIVE_PREFIXES, NUMERAL_IDIOMS, ORDINAL_MEASURES, ORDINAL_TERMS, PERCENT_SIGNS,
  QUALIFIERS, ROC_ERA, SPEED_CONTEXT, TEMPERATURE_CONTEXT, TEMPERATURE_SCALES, TIME_MEASURES, VERSION_WORDS,
} from './figureWords';
import { degreeUnit, isTimeUnit, type Unit, unitAt, unitByWritten } from './units';

export type FigureKind = 'number' | 'percent' | 'money' | 'date' | 'count' | 'measure' | 'range' | 'ordinal' | 'version';

export interface Figure {
  start: number;
  end: number;
  text: string;
  /**
   * What the figure is: a measure has a unit of a physical dimension (45.73公顷, 61791万吨,
   * 37℃), a count a measure word (179项, 三地); an ordinal a position (第三个, 首次), a version a
   * stage or release name (4.0阶段, 工业4.0); a date may be a year alone (2024京西消费节).
   */
  kind: FigureKind;
  /** Scaled value; null for dates and ranges. An ordinal's value is its position (首次 → 1). */
  value: number | null;
  /** The unit or measure word as written, folded to Simplified: 公顷, 公斤/公顷, 个, 元. */
  unit: string | null;
  /** What a measure measures (area, length, mass, temperature, speed, mass per area …). */
  dimension?: string;
  approximate: boolean;
  approxWord?: string;
  /** What the approximation or bound word says: nearly, about, more than, less than, at least, at most, or more, or less. */
  qualifier?: string;
  growth?: { word: string };
  date?: { year?: number; month?: number; day?: number; quarter?: number };
  range?: { from: number; to: number };
  /** The stage or version as written: 4.0. */
  version?: string;
}

/** A figure before its text is cut, with the scale its number was written with (万 → 1e4). */
type Draft = Omit<Figure, 'text'> & { scale: number };

/** What the text before a number says about it: 约, 摄氏, 零下, 民国. */
interface Prefixes {
  start: number;
  approx?: string;
  scale?: 'degC' | 'degF';
  /** 零下 or 负: a temperature below zero. */
  negative?: boolean;
  /** A minus sign (风速-0.4m/s): the number is negative whatever it measures. */
  minus?: boolean;
  roc?: boolean;
}

/** Last characters of the growth words (增长, 提高, 下降了, 达到, 增产): the regex runs only after one. */
const GROWTH_LAST_CHARS = '长加幅涨升高降跌少低落滑速了为达到产';
const RANGE_JOINERS = ['至', '到', '-', '－', '~', '～', '—', '–'];
const TEMPERATURE_SCALE_WORDS = Object.keys(TEMPERATURE_SCALES);
const LATIN = /[A-Za-z_]/;
const HAN = /[\u3400-\u9fff]/;
const OPEN_BRACKETS = '[(（【';
const CLOSE_BRACKETS = '])）】';
/** Where a clause ends: the context words of a figure are read back to here. */
const CLAUSE_ENDS = /[，,、；;。！？!?\n]/;
const SENTENCE_ENDS = /[。！？!?\n]/;

function isLexicalNumeral(s: string, n: NumberToken, spanEnd: number): boolean {
  if (n.arabic) return false;
  if (NUMERAL_IDIOMS.has(s.slice(n.start, spanEnd)) || NUMERAL_IDIOMS.has(n.digits)) return true;
  const lexicon = lexicalNumeralWords();
  for (let p = n.start; p < n.end; p++) {
    if (coveredByWord(s, p, lexicon)) return true;
  }
  return false;
}

function qualified(word: string | undefined): Pick<Figure, 'approximate' | 'approxWord' | 'qualifier'> {
  return word ? { approximate: true, approxWord: word, qualifier: QUALIFIERS[word] ?? 'about' } : { approximate: false };
}

/** The text from the start of the clause (or sentence) holding `at` up to `at`. */
function textBefore(s: string, at: number, ends: RegExp, limit = 40): string {
  let from = at;
  while (from > 0 && at - from < limit && !ends.test(s[from - 1])) from--;
  return s.slice(from, at);
}

/**
 * 度 says what it measures only through its context: 摄氏35度 and 气温都超过35度 are
 * temperatures, 北纬21.5度 an angle; otherwise it stays a measure word (“三度”, 100度电).
 */
function degreeFrom(s: string, at: number, prefixes: Prefixes): Unit | undefined {
  if (prefixes.scale) return { ...degreeUnit('temperature'), ...(prefixes.scale === 'degF' ? unitByWritten('华氏度') : {}), written: '度' };
  if (ANGLE_CONTEXT.test(s.slice(Math.max(0, prefixes.start - 2), prefixes.start))) return degreeUnit('angle');
  if (TEMPERATURE_CONTEXT.test(textBefore(s, prefixes.start, SENTENCE_ENDS, 80))) return degreeUnit('temperature');
  return undefined;
}

/** 时速453公里, 每小时20公里: a length that the clause before makes a speed. */
function asSpeed(s: string, unit: Unit, prefixes: Prefixes): Unit {
  if (unit.dimension !== 'length' || unit.symbol !== 'km' || !SPEED_CONTEXT.test(textBefore(s, prefixes.start, CLAUSE_ENDS))) return unit;
  const kmh = unitByWritten('公里/小时')!;
  return { ...kmh, written: unit.written };
}

/** The unit or measure word at `at`: the longest of the unit table and the measure words (10周年 over 周). */
function unitOrMeasure(s: string, at: number, arabic: boolean): { unit?: Unit; measure?: string } {
  const unit = unitAt(s, at);
  const measure = startsWithAny(s, at, arabic ? ARABIC_MEASURES : CHINESE_MEASURES);
  if (unit && (!measure || unit.written.length >= measure.length)) return { unit };
  return measure ? { measure } : {};
}

/** The figure whose number starts at `at` (after its prefixes), without range joining. */
function readFigure(s: string, at: number, prefixes: Prefixes = { start: at }): Draft | { skipTo: number } | undefined {
  const { start } = prefixes;
  if (s.startsWith('百分之', at)) {
    const n = readNumber(s, at + 3);
    if (!n) return undefined;
    return { start, end: n.end, kind: 'percent', value: n.value, unit: '%', scale: n.scale, ...qualified(prefixes.approx ?? n.infix) };
  }
  const n = readNumber(s, at);
  if (!n) return undefined;
  const before = s[at - 1] === ' ' ? s[at - 2] ?? '' : s[at - 1] ?? '';
  if (before === '第' || (!n.arabic && (before === '星' || before === '礼'))) return undefined;
  // 版本 2.100, 版本 11: a version, not a quantity.
  if (n.arabic && before === '本' && s[s[at - 1] === ' ' ? at - 3 : at - 2] === '版') return undefined;

  const time = timeOfDayEnd(s, n);
  if (time !== undefined) return { skipTo: time };

  const date = readIsoDate(s, n) ?? readDate(s, n, prefixes.roc);
  if (date) {
    if (isLexicalNumeral(s, n, date.end)) return undefined;
    return { start, end: date.end, kind: 'date', value: null, unit: null, scale: 1, date: date.date, ...qualified(prefixes.approx) };
  }

  // 三分之二, 十分之一: a fraction, read as the share it is.
  if (!n.arabic && s.startsWith('分之', n.end)) {
    const part = readNumber(s, n.end + 2);
    if (!part || part.arabic || n.value === 0) return undefined;
    return { start, end: part.end, kind: 'percent', value: Number(((part.value / n.value) * 100).toPrecision(12)), unit: '分之', scale: 1, ...qualified(prefixes.approx) };
  }

  let end = n.end;
  let unitStart = afterSpace(s, end, n.arabic);
  let infix = n.infix;
  // 一个多月: the approximation sits between 个 and the unit it belongs to.
  if (s.charCodeAt(unitStart) === 0x4e2a && s.charCodeAt(unitStart + 1) === 0x591a && !infix) {
    const inner = unitAt(`个${s.slice(unitStart + 2, unitStart + 6)}`, 0);
    if (inner && isTimeUnit(inner)) {
      infix = '多';
      end = unitStart + 1 + inner.written.length;
      return finish(s, n, start, end, { kind: 'measure', unit: inner.written, dimension: 'time' }, prefixes, infix);
    }
  }
  const percent = startsWithAny(s, end, PERCENT_SIGNS);
  const currency = startsWithAny(s, unitStart, CURRENCIES);
  let { unit, measure } = unitOrMeasure(s, unitStart, n.arabic);
  if (!unit && !percent && !currency && s.charCodeAt(unitStart) === 0x5ea6) {
    const degree = degreeFrom(s, at, prefixes);
    if (degree) {
      unit = degree;
      measure = undefined;
    }
  }
  if (percent) {
    return finish(s, n, start, end + percent.length, { kind: 'percent', unit: percent }, prefixes, infix);
  }
  if (currency) {
    return finish(s, n, start, unitStart + currency.length, { kind: 'money', unit: currency }, prefixes, infix);
  }
  const version = n.arabic && /[.．]/.test(n.digits) ? startsWithAny(s, unitStart, VERSION_WORDS) : undefined;
  if (version) {
    return { ...finishVersion(s, n, start, unitStart + version.length, version), scale: 1 };
  }
  if (unit) {
    if (!n.arabic && n.digits === '一' && !isTimeUnit(unit)) return undefined;
    const speed = asSpeed(s, unit, prefixes);
    const unitEnd = unitStart + unit.written.length;
    // 9秒95, 10秒06: sports timing writes hundredths after 秒.
    const hundredths = unit.written === '秒' && n.arabic && n.integer && /^\d\d(?![\d.])/.test(s.slice(unitEnd, unitEnd + 3)) ? s.slice(unitEnd, unitEnd + 2) : undefined;
    if (hundredths) {
      const draft = finish(s, n, start, unitEnd + 2, { kind: 'measure', unit: unit.written, dimension: 'time' }, prefixes, infix);
      if (draft) draft.value = Number(`${n.value}.${hundredths}`) * (draft.value !== null && draft.value < 0 ? -1 : 1);
      return draft;
    }
    return finish(s, n, start, unitEnd, { kind: 'measure', unit: unit.written, dimension: speed.dimension }, prefixes, infix);
  }
  if (measure) {
    if (!n.arabic && n.digits === '一' && !TIME_MEASURES.has(measure)) return undefined;
    return finish(s, n, start, unitStart + measure.length, { kind: 'count', unit: measure }, prefixes, infix);
  }
  const joined = startsWithAny(s, end, RANGE_JOINERS) !== undefined;
  if (n.arabic) {
    // Debian 8, BIND 9, 192.168.0.0/24: a bare number after a Latin word or a slash names a
    // version or a prefix length.
    if (before === '/' || (s[at - 1] === ' ' && LATIN.test(before))) return undefined;
    // [3], (1), （2）: a footnote mark or a list number, not a quantity.
    if (OPEN_BRACKETS.includes(s[at - 1] ?? ' ') && CLOSE_BRACKETS.includes(s[end] ?? ' ')) return undefined;
    // 工业4.0, “数字化2.0”: a stage written after its name, with no unit.
    if (!n.infix && n.scale === 1 && /^\d+\.0$/.test(n.digits) && HAN.test(before)) return { ...finishVersion(s, n, start, end, null), scale: 1 };
    // 2024京西消费节, 《中国制造2025》: a year written into a name.
    if (!joined && !n.infix && isFourDigitYear(n) && n.value >= 1900 && n.value < 2100 && (HAN.test(s[end] ?? '') || '》”」'.includes(s[end] ?? '#'))) {
      return { start, end, kind: 'date', value: null, unit: null, scale: 1, date: { year: n.value }, ...qualified(prefixes.approx) };
    }
    return finish(s, n, start, end, { kind: 'number', unit: null }, prefixes, infix);
  }
  // A bare Chinese numeral needs a scale of a hundred or more to read as a figure: 三千五百,
  // 壹仟, but not 三, 十四 (“十四冬”) or 二十 — unless a range goes on from it (两至三倍).
  if (!joined && (n.digits.length < 2 || !/[百千万亿佰仟]/.test(n.digits))) return undefined;
  return finish(s, n, start, end, { kind: 'number', unit: null }, prefixes, infix);
}

/** The figure once its unit is known: the sign of a temperature, a suffix (左右, 以上), the qualifier. */
function finish(s: string, n: NumberToken, start: number, end: number, what: Pick<Figure, 'kind' | 'unit' | 'dimension'>, prefixes: Prefixes, infix: string | undefined): Draft | undefined {
  if (isLexicalNumeral(s, n, end)) return undefined;
  const suffix = startsWithAny(s, end, APPROXIMATION_SUFFIXES);
  if (suffix) end += suffix.length;
  const negative = (prefixes.negative && what.dimension === 'temperature') || prefixes.minus;
  // 零下 and 负 belong to a temperature only: elsewhere the figure starts after them (负责3项).
  if (prefixes.negative && !negative) return undefined;
  const value = negative ? -n.value : n.value;
  const draft: Draft = { start, end, kind: what.kind, value, unit: what.unit, scale: n.scale, ...qualified(prefixes.approx ?? infix ?? suffix) };
  if (what.dimension) draft.dimension = what.dimension;
  return draft;
}

function finishVersion(s: string, n: NumberToken, start: number, end: number, word: string | null): Omit<Draft, 'scale'> {
  return { start, end, kind: 'version', value: n.value, unit: word, approximate: false, version: n.digits };
}

/** 第三个, 第22号, 第 3 章, 第一, 首次, 首个: an ordinal and its measure word, or undefined. */
function readOrdinal(s: string, at: number): Draft | undefined {
  if (s[at] === '首') {
    if (s[at - 1] === '一' || isChineseNumeralCode(s.charCodeAt(at - 1))) return undefined;
    const measure = startsWithAny(s, at + 1, FIRST_MEASURES);
    if (!measure) return undefined;
    return { start: at, end: at + 1 + measure.length, kind: 'ordinal', value: 1, unit: measure, scale: 1, approximate: false };
  }
  if (s[at] !== '第') return undefined;
  for (const term of ORDINAL_TERMS) if (s.startsWith(term, at)) return undefined;
  const numberAt = s[at + 1] === ' ' ? at + 2 : at + 1;
  const n = readNumber(s, numberAt);
  if (!n || !n.integer || n.infix || n.scale !== 1) return undefined;
  const measureAt = afterSpace(s, n.end, n.arabic);
  // 第一季度 is a quarter of the year, a date.
  if (s.startsWith('季度', measureAt) && n.value >= 1 && n.value <= 4) {
    return { start: at, end: measureAt + 2, kind: 'date', value: null, unit: null, scale: 1, date: { quarter: n.value }, approximate: false };
  }
  const measure = startsWithAny(s, measureAt, ORDINAL_MEASURES);
  const end = measure ? measureAt + measure.length : n.end;
  return { start: at, end, kind: 'ordinal', value: n.value, unit: measure ?? null, scale: 1, approximate: false };
}

/** 3至5年, 10%-20%, 2021-2023年, 37至39摄氏度: join two figures when the first has no unit or the same one. */
function joinRange(s: string, first: Draft, prefixes: Prefixes): Draft {
  const joiner = startsWithAny(s, first.end, RANGE_JOINERS);
  if (!joiner) return first;
  const at = first.end + joiner.length;
  // The end of a range shares the start's context: 摄氏24至26度, 每小时15-20公里.
  const second = readFigure(s, at, { ...prefixes, start: at, approx: undefined });
  if (!second || 'skipTo' in second || second.kind === 'range' || second.kind === 'ordinal' || second.kind === 'version') return first;
  const sameUnit = first.unit === second.unit && first.kind === second.kind;
  if (!sameUnit && first.kind !== 'number') return first;
  const secondValue = second.kind === 'date' ? second.date?.year ?? second.date?.month ?? second.date?.day : second.value;
  const firstValue = first.kind === 'date' ? first.date?.year ?? first.date?.month ?? first.date?.day : first.value;
  if (secondValue === undefined || secondValue === null || firstValue === undefined || firstValue === null) return first;
  // 3至5万元: the first number borrows the second's scale when it has none of its own.
  const scale = first.kind === 'number' && first.scale === 1 ? second.scale : 1;
  const range: Draft = {
    start: first.start, end: second.end, kind: 'range', value: null, unit: second.unit, scale: second.scale,
    ...qualified(first.approxWord ?? second.approxWord),
    range: { from: firstValue * scale, to: secondValue },
  };
  if (second.dimension) range.dimension = second.dimension;
  return range;
}

/**
 * What a code unit can start, one table read a position: bit STARTS_PREFIX the first characters
 * of the words before a number (近, 超过, 约, 摄氏, 零下, 负, −, 民国), bit STARTS_OTHER 第 and 首.
 */
const STARTS_PREFIX = 1;
const STARTS_OTHER = 2;
const STARTS_FIGURE = new Uint8Array(0x10000);
for (const w of [...APPROXIMATION_PREFIXES, ...NEGATIVE_PREFIXES, ...MINUS_SIGNS, ...TEMPERATURE_SCALE_WORDS, ROC_ERA]) STARTS_FIGURE[w.charCodeAt(0)] |= STARTS_PREFIX;
for (const w of ['第', '首']) STARTS_FIGURE[w.charCodeAt(0)] |= STARTS_OTHER;

function canStartFigure(code: number): boolean {
  return STARTS_FIGURE[code] !== 0 || isDigitCode(code) || isChineseNumeralCode(code);
}

/** The words before a number at `i`: an approximation (约), a temperature scale (摄氏), a sign (零下), an era (民国). */
function readPrefixes(s: string, i: number): { prefixes: Prefixes; numberAt: number } {
  const prefixes: Prefixes = { start: i };
  let at = i;
  let approx = startsWithAny(s, at, APPROXIMATION_PREFIXES);
  // 最近3天, 附近: 近 there means "recent" or "nearby", not "nearly".
  if (approx === '近' && /[最附靠邻亲将接]/.test(s[i - 1] ?? '')) approx = undefined;
  if (approx) {
    prefixes.approx = approx;
    at += approx.length;
  }
  const scale = startsWithAny(s, at, TEMPERATURE_SCALE_WORDS);
  if (scale) {
    prefixes.scale = TEMPERATURE_SCALES[scale];
    at += scale.length;
  }
  const sign = startsWithAny(s, at, NEGATIVE_PREFIXES);
  if (sign) {
    prefixes.negative = true;
    at += sign.length;
  } else if (MINUS_SIGNS.includes(s[at]) && isDigit(s[at + 1] ?? '') && !/[\dA-Za-z_%％)）\]】.]/.test(s[at - 1] ?? '')) {
    // A minus after a word, not a dash between two numbers (1-10月) or after a name.
    prefixes.minus = true;
    at += 1;
  }
  if (s.startsWith(ROC_ERA, at)) {
    prefixes.roc = true;
    at += ROC_ERA.length;
  }
  return { prefixes, numberAt: at };
}

/** Figures in `text`, sorted and non-overlapping, with UTF-16 offsets into `text`. */
export function extractFigures(text: string): Figure[] {
  const s = foldToSimplified(text);
  const figures: Figure[] = [];
  let i = 0;
  while (i < s.length) {
    if (!canStartFigure(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let draft: Draft | undefined = readOrdinal(s, i);
    let prefixes: Prefixes | undefined;
    if (!draft) {
      // Only a prefix word's first character can begin one (readPrefixes reads none elsewhere).
      const read = (STARTS_FIGURE[s.charCodeAt(i)] & STARTS_PREFIX) !== 0 ? readPrefixes(s, i) : undefined;
      let found = read && read.numberAt > i ? readFigure(s, read.numberAt, read.prefixes) : undefined;
      if (found) prefixes = read!.prefixes;
      else found = readFigure(s, i);
      if (found && 'skipTo' in found) {
        i = found.skipTo;
        continue;
      }
      draft = found;
    }
    if (!draft) {
      // Skip the whole numeral run so that 一心一意 is not retried from its second character.
      let j = i + 1;
      while (j < s.length && (isDigitCode(s.charCodeAt(j)) || isChineseNumeralCode(s.charCodeAt(j)) || s.charCodeAt(j) === 0x2e)) j++;
      i = isDigitCode(s.charCodeAt(i)) || isChineseNumeralCode(s.charCodeAt(i)) ? j : i + 1;
      continue;
    }
    if (draft.kind !== 'ordinal' && draft.kind !== 'version') draft = joinRange(s, draft, prefixes ?? { start: i });
    // A bare Chinese numeral read only for a range that did not follow (两 alone) is not a figure.
    if (draft.kind === 'number' && !/[\d０-９]/.test(s.slice(draft.start, draft.end)) && !/[百千万亿佰仟]/.test(s.slice(draft.start, draft.end)) && !draft.approxWord) {
      i = draft.end;
      continue;
    }
    const growth = GROWTH_LAST_CHARS.includes(s[draft.start - 1]) ? GROWTH_WORDS.exec(s.slice(Math.max(0, draft.start - 12), draft.start)) : null;
    const { scale: _scale, ...found } = draft;
    const figure: Figure = { ...found, text: text.slice(draft.start, draft.end) };
    if (growth) figure.growth = { word: text.slice(draft.start - growth[0].length, draft.start) };
    figures.push(figure);
    i = draft.end;
  }
  return figures;
}
