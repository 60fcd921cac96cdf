/**
 * The numbers of figures.ts: Arabic digits (with thousands separators and decimals) or Chinese
 * numerals, their scale (万, 亿) and approximation infix (余, 多), and the dates and times of
 * day written with them (2023年4月, 2023-07-04, 15时23分).
 */
import { CharTrie } from './trie';
import { isChineseNumeralCode, isChineseScaleChar, isDigit, isDigitCode, parseArabic, parseChineseNumeral, scaleOf } from './numerals';
import { APPROXIMATION_INFIXES, ROC_YEAR_OFFSET } from './figureWords';
import { unitAt } from './units';
import type { Figure } from './figures';

type FigureDate = NonNullable<Figure['date']>;

const LATIN = /[A-Za-z_]/;

/** The number itself: digits or numerals, an optional scale (万, 亿) and an approximation infix. */
export interface NumberToken {
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

/**
 * Mixed-script typesetting puts a space around Arabic numbers (1993 年, 7 月 13 日); one
 * space between a number and its unit is part of the figure.
 */
export function afterSpace(s: string, at: number, arabic: boolean): number {
  return arabic && s[at] === ' ' ? at + 1 : at;
}

/** One trie per word list, built on first use: a lookup costs a walk, not a startsWith per entry. */
const listTries = new WeakMap<readonly string[], CharTrie>();

/** The longest word of `words` at `at` (the lists put a longer word before its prefix: 个月, 个). */
export function startsWithAny(s: string, at: number, words: readonly string[]): string | undefined {
  let trie = listTries.get(words);
  if (!trie) {
    trie = new CharTrie(words);
    listTries.set(words, trie);
  }
  if (!trie.hasFirst(s.charCodeAt(at))) return undefined;
  const len = trie.longest(s, at);
  return len ? s.slice(at, at + len) : undefined;
}

export function readArabic(s: string, at: number): { end: number; digits: string } | undefined {
  if (!isDigitCode(s.charCodeAt(at))) return undefined;
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
  if (next === '_' || (LATIN.test(next) && !unitAt(s, end))) return undefined;
  return { end, digits: s.slice(at, end) };
}

/** 多 follows a round Chinese number only: 六十多年, 一百多家 (not 三多). */
export function takesMoreInfix(digits: string): boolean {
  return /[十百千万亿拾佰仟]$/.test(digits);
}

/**
 * `x` rounded to 15 significant digits, so that 1.1 × 10000 is 11000: an integer below 10^15 is
 * that already (the common case, read without formatting it; + 0 makes −0 the 0 that the
 * formatting gives).
 */
function fifteenDigits(x: number): number {
  return Number.isInteger(x) && Math.abs(x) < 1e15 ? x + 0 : Number(x.toPrecision(15));
}

export function readNumber(s: string, at: number): NumberToken | undefined {
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
  // 1000亿, 250余, 10多万, 1000多万, 六十多: scale, then approximation, then more scale.
  for (let round = 0; round < 2; round++) {
    if (arabic) {
      let e = end;
      // 43825亿千瓦时 is 亿 then 千瓦时; 112220千公顷 is 千 then 公顷.
      while (e < s.length && isChineseScaleChar(s[e]) && !unitAt(s, e)) e++;
      if (e > end) {
        scale *= scaleOf(s.slice(end, e));
        end = e;
      }
    }
    if (round === 0) {
      const word = startsWithAny(s, end, APPROXIMATION_INFIXES);
      if (word && (arabic || word !== '多' || takesMoreInfix(digits))) {
        infix = word;
        end += word.length;
      }
    }
  }
  // Fifteen digits drop binary noise: 305.6 × 1e8 is 30560000000.000004 in floating point.
  return { start: at, end, arabic: Boolean(arabic), value: fifteenDigits(value * scale), scale, integer, digits, infix };
}

export function isFourDigitYear(n: NumberToken): boolean {
  return n.integer && n.scale === 1 && n.digits.length === 4 && n.value >= 1000 && n.value <= 2999;
}

/** 年, 月, 日, 号, 季(度): what follows the first number of a date (readDate). */
const DATE_MARKS = [0x5e74, 0x6708, 0x65e5, 0x53f7, 0x5b63];

const ISO_DATE = /^[-/](\d{1,2})(?:([-/])(\d{1,2}))?(?![\d:.])/u;

/** 2023-07-04, 2019/03/08, 2025-10: a year, month and day written with dashes or slashes. */
export function readIsoDate(s: string, n: NumberToken): { end: number; date: FigureDate } | undefined {
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

/** 2023年, 2021年4月, 2月25日, 1-7月份, 二〇二三年, 民国九十二年七月; the token is the first number. */
export function readDate(s: string, n: NumberToken, roc = false): { end: number; date: FigureDate } | undefined {
  if (n.infix) return undefined;
  let end = afterSpace(s, n.end, n.arabic);
  // Every date goes on with one of these after its first number: most numbers are not dates.
  if (!DATE_MARKS.includes(s.charCodeAt(end))) return undefined;
  const date: FigureDate = {};
  let first: NumberToken | undefined = n;
  const isYear = isFourDigitYear(n) || (roc && n.integer && n.scale === 1 && n.value >= 1 && n.value < 200);
  if (s[end] === '年' && isYear) {
    date.year = roc ? n.value + ROC_YEAR_OFFSET : n.value;
    const yearEnd = end + 1;
    if (s[yearEnd] === '代') return { end: yearEnd + 1, date };
    first = readNumber(s, afterSpace(s, yearEnd, n.arabic));
    if (!first || first.arabic !== n.arabic) return { end: yearEnd, date };
    end = afterSpace(s, first.end, first.arabic);
  }
  if (s[end] === '月' && first.integer && first.scale === 1 && !first.infix && first.value >= 1 && first.value <= 12) {
    // 3月份 is the month of March, written with its measure word.
    const monthEnd = end + 1 + (s[end + 1] === '份' ? 1 : 0);
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
  // 一季度, 二季度: a quarter of the year.
  if (s.startsWith('季度', end) && n.integer && n.scale === 1 && n.value >= 1 && n.value <= 4) {
    return { end: end + 2, date: { quarter: n.value } };
  }
  return undefined;
}

/**
 * 15时23分, 06时, 8点钟, 8点30分: a time of day, read so that it is skipped whole (its minutes
 * are not a count of 分). Returns where it ends.
 */
export function timeOfDayEnd(s: string, n: NumberToken): number | undefined {
  if (!n.integer || n.scale !== 1 || n.infix || n.value > 24) return undefined;
  const at = n.end;
  const markCode = s.charCodeAt(at);
  // 时 and 点 (点钟 too) are the only marks of a time of day.
  if (markCode !== 0x65f6 && markCode !== 0x70b9) return undefined;
  if (s.startsWith('点钟', at)) return at + 2;
  const mark = s[at];
  const minutes = readNumber(s, at + 1);
  if (minutes && minutes.integer && minutes.value < 60 && s[minutes.end] === '分') {
    // 14时28分04.0秒: the seconds belong to the time of day too.
    const seconds = readNumber(s, minutes.end + 1);
    return seconds && seconds.value < 61 && s[seconds.end] === '秒' ? seconds.end + 1 : minutes.end + 1;
  }
  // 06时 alone, but not 3时期 or 8点建议.
  return mark === '时' && n.arabic && !/[间期代候刻节段速尚任效]/.test(s[at + 1] ?? '') ? at + 1 : undefined;
}
