/**
 * Figures in news text: amounts of money, percentages, counts with their measure word, dates
 * and periods, ranges, with the approximation word kept in the span (近1000亿元 is one figure).
 *
 * Conventions (the case table test/cases/figures.json follows them):
 * - Ordinals are not figures: 第一, 第3届, 第十四 are positions, not quantities.
 * - A Chinese numeral is a figure only with a measure word or unit (十届, 两地, 三千五百元) or
 *   when it carries a scale (三千五百, 壹仟). A lone 一 needs a time unit (一周, 一天): 一个,
 *   一家 are indefinite articles. Words such as 一般, 统一, 一心一意 are never figures.
 * - Arabic digits touching Latin letters or dots (x86, UTF-8, 2.6.32) are identifiers.
 * - Growth words stay outside the span: 同比增长8.4% gives the figure 8.4% with growth recorded.
 * - value is scaled (近1000亿元 → 1e11); a percentage keeps its written number (42% → 42);
 *   dates have value null and their parts in `date`; ranges have value null and `range`.
 */
import { foldToSimplified } from './scriptFold';
import { coveredByWord, lexicalNumeralWords } from './lexicon';
import { CharTrie } from './trie';
import {
  isChineseNumeralCode, isChineseScaleChar, isDigit, isDigitCode, parseArabic, parseChineseNumeral, scaleOf,
} from './numerals';
import {
  APPROXIMATION_INFIXES, APPROXIMATION_PREFIXES, APPROXIMATION_SUFFIXES, ARABIC_MEASURES, CHINESE_MEASURES,
  CURRENCIES, GROWTH_WORDS, LATIN_UNITS, NUMERAL_IDIOMS, PERCENT_SIGNS, TIME_MEASURES,
} from './figureWords';

export interface Figure {
  start: number;
  end: number;
  text: string;
  kind: 'number' | 'percent' | 'money' | 'date' | 'count' | 'range';
  /** Scaled value; null for dates and ranges. */
  value: number | null;
  unit: string | null;
  approximate: boolean;
  approxWord?: string;
  growth?: { word: string };
  date?: { year?: number; month?: number; day?: number };
  range?: { from: number; to: number };
}

/** The number itself: digits or numerals, an optional scale (万, 亿) and an approximation infix. */
interface NumberToken {
  start: number;
  end: number;
  arabic: boolean;
  /** Written number times its scale: 180.7亿 → 18070000000. */
  value: number;
  scale: number;
  integer: boolean;
  /** The written digits or numerals, for the 4-digit year test. */
  digits: string;
  infix?: string;
}

/** A figure before its text is cut, with the scale its number was written with (万 → 1e4). */
type Draft = Omit<Figure, 'text'> & { scale: number };

/** Last characters of the growth words (增长, 提高, 下降了, 达到): the regex runs only after one. */
const GROWTH_LAST_CHARS = '长加幅涨升高降跌少低落滑速了为达到';
const RANGE_JOINERS = ['至', '到', '-', '－', '~', '～', '—', '–'];
const LATIN = /[A-Za-z_]/;
const OPEN_BRACKETS = '[(（【';
const CLOSE_BRACKETS = '])）】';

/**
 * Mixed-script typesetting puts a space around Arabic numbers (1993 年, 7 月 13 日); one
 * space between a number and its unit is part of the figure.
 */
function afterSpace(s: string, at: number, arabic: boolean): number {
  return arabic && s[at] === ' ' ? at + 1 : at;
}

/** One trie per word list, built on first use: a lookup costs a walk, not a startsWith per entry. */
const listTries = new WeakMap<readonly string[], CharTrie>();

/** The longest word of `words` at `at` (the lists put a longer word before its prefix: 个月, 个). */
function startsWithAny(s: string, at: number, words: readonly string[]): string | undefined {
  let trie = listTries.get(words);
  if (!trie) {
    trie = new CharTrie(words);
    listTries.set(words, trie);
  }
  if (!trie.hasFirst(s.charCodeAt(at))) return undefined;
  const len = trie.longest(s, at);
  return len ? s.slice(at, at + len) : undefined;
}

function readArabic(s: string, at: number): { end: number; digits: string } | undefined {
  if (!isDigit(s[at] ?? '')) return undefined;
  const prev = at > 0 ? s[at - 1] : '';
  // 20:34:57 and 8:30 are times of day: their later parts are not figures either.
  if (LATIN.test(prev) || isDigit(prev) || prev === '.' || (prev === '-' && LATIN.test(s[at - 2] ?? '')) || (prev === ':' && isDigit(s[at - 2] ?? ''))) return undefined;
  let end = at;
  while (isDigit(s[end] ?? '')) end++;
  // Thousands separators: 1,190 but not the list "1,2,3".
  while ((s[end] === ',' || s[end] === '，') && [1, 2, 3].every((k) => isDigit(s[end + k] ?? '')) && !isDigit(s[end + 4] ?? '')) end += 4;
  if ((s[end] === '.' || s[end] === '．') && isDigit(s[end + 1] ?? '')) {
    end++;
    while (isDigit(s[end] ?? '')) end++;
  }
  const next = s[end] ?? '';
  // 1.3. and 4. number sections and list items, not quantities.
  if (next === '.' && !isDigit(s[end + 1] ?? '')) return undefined;
  // 2.6.32, 192.168.0.1, 8:30 and x86_64 are versions, addresses, times or identifiers.
  if ((next === '.' || next === ':') && isDigit(s[end + 1] ?? '')) return undefined;
  if (next === '_' || (LATIN.test(next) && !startsWithAny(s, end, LATIN_UNITS))) return undefined;
  return { end, digits: s.slice(at, end) };
}

function readNumber(s: string, at: number): NumberToken | undefined {
  const arabic = readArabic(s, at);
  let end: number;
  let value: number;
  let digits: string;
  if (arabic) {
    ({ end, digits } = arabic);
    value = parseArabic(digits);
  } else {
    end = at;
    while (end < s.length && isChineseNumeralCode(s.charCodeAt(end))) end++;
    if (end === at) return undefined;
    digits = s.slice(at, end);
    const parsed = parseChineseNumeral(digits);
    // 零 and 〇 alone are words (零部件, 零售), never a figure.
    if (parsed === null || /^[零〇]+$/.test(digits)) return undefined;
    value = parsed;
  }
  const integer = Number.isInteger(value);
  let scale = 1;
  let infix: string | undefined;
  // 1000亿, 250余, 10多万, 1000多万: scale, then approximation, then more scale.
  for (let round = 0; round < 2; round++) {
    if (arabic) {
      let e = end;
      while (e < s.length && isChineseScaleChar(s[e])) e++;
      if (e > end) {
        scale *= scaleOf(s.slice(end, e));
        end = e;
      }
    }
    if (round === 0) {
      const word = startsWithAny(s, end, APPROXIMATION_INFIXES);
      if (word && (arabic || word !== '多')) {
        infix = word;
        end += word.length;
      }
    }
  }
  // toPrecision drops binary noise: 305.6 × 1e8 is 30560000000.000004 in floating point.
  return { start: at, end, arabic: Boolean(arabic), value: Number((value * scale).toPrecision(15)), scale, integer, digits, infix };
}

function isFourDigitYear(n: NumberToken): boolean {
  return n.integer && n.scale === 1 && n.digits.length === 4 && n.value >= 1000 && n.value <= 2999;
}

const ISO_DATE = /^[-/](\d{1,2})(?:([-/])(\d{1,2}))?(?![\d:.])/u;

/** 2023-07-04, 2019/03/08, 2025-10: a year, month and day written with dashes or slashes. */
function readIsoDate(s: string, n: NumberToken): { end: number; date: NonNullable<Figure['date']> } | undefined {
  if (!n.arabic || !isFourDigitYear(n)) return undefined;
  const m = ISO_DATE.exec(s.slice(n.end, n.end + 7));
  if (!m) return undefined;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return m[1].length === 2 ? { end: n.end + m[0].length, date: { year: n.value, month } } : undefined;
  const day = Number(m[3]);
  if (m[2] !== s[n.end] || day < 1 || day > 31) return undefined;
  return { end: n.end + m[0].length, date: { year: n.value, month, day } };
}

/** 2023年, 2021年4月, 2月25日, 3月8日, 二〇二三年; the token is the first number. */
function readDate(s: string, n: NumberToken): { end: number; date: NonNullable<Figure['date']> } | undefined {
  if (n.infix) return undefined;
  const date: NonNullable<Figure['date']> = {};
  let end = afterSpace(s, n.end, n.arabic);
  let first: NumberToken | undefined = n;
  if (s[end] === '年' && isFourDigitYear(n)) {
    date.year = n.value;
    const yearEnd = end + 1;
    if (s[yearEnd] === '代') return { end: yearEnd + 1, date };
    first = readNumber(s, afterSpace(s, yearEnd, n.arabic));
    if (!first || first.arabic !== n.arabic) return { end: yearEnd, date };
    end = afterSpace(s, first.end, first.arabic);
  }
  if (s[end] === '月' && first.integer && first.scale === 1 && !first.infix && first.value >= 1 && first.value <= 12) {
    const monthEnd = end + 1;
    const day = readNumber(s, afterSpace(s, monthEnd, first.arabic));
    const dayEnd = day ? afterSpace(s, day.end, day.arabic) : 0;
    const hasDay = day && day.integer && day.scale === 1 && !day.infix && day.value >= 1 && day.value <= 31 && (s[dayEnd] === '日' || s[dayEnd] === '号');
    // A Chinese-numeral month alone (三月) is accepted only after a year or before a day.
    if (!first.arabic && !hasDay && date.year === undefined) return undefined;
    date.month = first.value;
    if (hasDay && day) {
      date.day = day.value;
      return { end: dayEnd + 1, date };
    }
    return { end: monthEnd, date };
  }
  if (date.year !== undefined) return { end: afterSpace(s, n.end, n.arabic) + 1, date: { year: date.year } };
  if ((s[end] === '日' || s[end] === '号') && n.arabic && n.integer && n.scale === 1 && n.value >= 1 && n.value <= 31) {
    return { end: end + 1, date: { day: n.value } };
  }
  return undefined;
}

function isLexicalNumeral(s: string, n: NumberToken, spanEnd: number): boolean {
  if (n.arabic) return false;
  if (NUMERAL_IDIOMS.has(s.slice(n.start, spanEnd)) || NUMERAL_IDIOMS.has(n.digits)) return true;
  const lexicon = lexicalNumeralWords();
  for (let p = n.start; p < n.end; p++) {
    if (coveredByWord(s, p, lexicon)) return true;
  }
  return false;
}

/** The figure whose number starts at `at` (after any approximation prefix), without range joining. */
function readFigure(s: string, at: number, prefix?: string): Draft | undefined {
  const start = prefix ? at - prefix.length : at;
  const approx = (word: string | undefined) => (word ? { approximate: true, approxWord: word } : { approximate: false });

  if (s.startsWith('百分之', at)) {
    const n = readNumber(s, at + 3);
    if (!n) return undefined;
    return { start, end: n.end, kind: 'percent', value: n.value, unit: '%', scale: n.scale, ...approx(prefix ?? n.infix) };
  }
  const n = readNumber(s, at);
  if (!n) return undefined;
  const before = s[at - 1] === ' ' ? s[at - 2] ?? '' : s[at - 1] ?? '';
  if (before === '第' || (!n.arabic && (before === '星' || before === '礼'))) return undefined;
  // 版本 2.100, 版本 11: a version, not a quantity.
  if (n.arabic && before === '本' && s[s[at - 1] === ' ' ? at - 3 : at - 2] === '版') return undefined;

  const date = readIsoDate(s, n) ?? readDate(s, n);
  if (date) {
    if (isLexicalNumeral(s, n, date.end)) return undefined;
    return { start, end: date.end, kind: 'date', value: null, unit: null, scale: 1, date: date.date, ...approx(prefix) };
  }

  let end = n.end;
  const unitAt = afterSpace(s, end, n.arabic);
  let kind: Figure['kind'];
  let unit: string | null = null;
  const percent = startsWithAny(s, end, PERCENT_SIGNS);
  const currency = startsWithAny(s, unitAt, CURRENCIES);
  const measures = n.arabic ? ARABIC_MEASURES : CHINESE_MEASURES;
  const measure = startsWithAny(s, unitAt, measures) ?? (n.arabic ? startsWithAny(s, end, LATIN_UNITS) : undefined);
  if (percent) {
    kind = 'percent';
    unit = percent;
  } else if (currency) {
    kind = 'money';
    unit = currency;
  } else if (measure) {
    if (!n.arabic && n.digits === '一' && !TIME_MEASURES.has(measure)) return undefined;
    kind = 'count';
    unit = measure;
  } else if (n.arabic) {
    // Debian 8, BIND 9, 192.168.0.0/24: a bare number after a Latin word or a slash names a
    // version or a prefix length.
    if (before === '/' || (s[at - 1] === ' ' && LATIN.test(before))) return undefined;
    // [3], (1), （2）: a footnote mark or a list number, not a quantity.
    if (OPEN_BRACKETS.includes(s[at - 1] ?? ' ') && CLOSE_BRACKETS.includes(s[end] ?? ' ')) return undefined;
    kind = 'number';
  } else {
    // A bare Chinese numeral needs a scale of a hundred or more to read as a figure: 三千五百,
    // 壹仟, but not 三, 十四 (“十四冬”) or 二十.
    if (n.digits.length < 2 || !/[百千万亿佰仟]/.test(n.digits)) return undefined;
    kind = 'number';
  }
  if (unit) end = (unit === percent || !s.startsWith(unit, unitAt) ? end : unitAt) + unit.length;
  if (isLexicalNumeral(s, n, end)) return undefined;
  const suffix = startsWithAny(s, end, APPROXIMATION_SUFFIXES);
  if (suffix) end += suffix.length;
  const approxWord = prefix ?? n.infix ?? suffix;
  return { start, end, kind, value: n.value, unit, scale: n.scale, ...approx(approxWord) };
}

/** 3至5年, 10%-20%, 2021-2023年: join two figures when the first has no unit or the same one. */
function joinRange(s: string, first: Draft): Draft {
  const joiner = startsWithAny(s, first.end, RANGE_JOINERS);
  if (!joiner) return first;
  const second = readFigure(s, first.end + joiner.length);
  if (!second || second.kind === 'range') return first;
  const sameUnit = first.unit === second.unit && first.kind === second.kind;
  if (!sameUnit && first.kind !== 'number') return first;
  const secondValue = second.kind === 'date' ? second.date?.year ?? second.date?.month ?? second.date?.day : second.value;
  const firstValue = first.kind === 'date' ? first.date?.year ?? first.date?.month ?? first.date?.day : first.value;
  if (secondValue === undefined || secondValue === null || firstValue === undefined || firstValue === null) return first;
  // 3至5万元: the first number borrows the second's scale when it has none of its own.
  const scale = first.kind === 'number' && first.scale === 1 ? second.scale : 1;
  return {
    start: first.start, end: second.end, kind: 'range', value: null, unit: second.unit, scale: second.scale,
    approximate: first.approximate || second.approximate,
    ...(first.approxWord ? { approxWord: first.approxWord } : second.approxWord ? { approxWord: second.approxWord } : {}),
    range: { from: firstValue * scale, to: secondValue },
  };
}

/** Code units that can start a figure: digits, numerals, and the first characters of 近, 超过, 约. */
const STARTS_FIGURE = new Uint8Array(0x10000);
for (const w of APPROXIMATION_PREFIXES) STARTS_FIGURE[w.charCodeAt(0)] = 1;

function canStartFigure(code: number): boolean {
  return STARTS_FIGURE[code] === 1 || isDigitCode(code) || isChineseNumeralCode(code);
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
    let prefix = startsWithAny(s, i, APPROXIMATION_PREFIXES);
    // 最近3天, 附近: 近 there means "recent" or "nearby", not "nearly".
    if (prefix === '近' && /[最附靠邻亲将接]/.test(s[i - 1] ?? '')) prefix = undefined;
    let draft = prefix ? readFigure(s, i + prefix.length, prefix) : undefined;
    if (!draft) draft = readFigure(s, i);
    if (!draft) {
      // Skip the whole numeral run so that 一心一意 is not retried from its second character.
      let j = i + 1;
      while (j < s.length && (isDigitCode(s.charCodeAt(j)) || isChineseNumeralCode(s.charCodeAt(j)) || s.charCodeAt(j) === 0x2e)) j++;
      i = isDigitCode(s.charCodeAt(i)) || isChineseNumeralCode(s.charCodeAt(i)) ? j : i + 1;
      continue;
    }
    draft = joinRange(s, draft);
    const growth = GROWTH_LAST_CHARS.includes(s[draft.start - 1]) ? GROWTH_WORDS.exec(s.slice(Math.max(0, draft.start - 8), draft.start)) : null;
    const { scale: _scale, ...found } = draft;
    const figure: Figure = { ...found, text: text.slice(draft.start, draft.end) };
    if (growth) figure.growth = { word: text.slice(draft.start - growth[0].length, draft.start) };
    figures.push(figure);
    i = draft.end;
  }
  return figures;
}
