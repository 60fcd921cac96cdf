// Writes syntaxes/figures.injection.tmLanguage.json from the figure extractor's own word tables
// (src/core/annotate/figureWords.ts, data/units.json) and its Traditional → Simplified fold table,
// so that the grammar and the extractor read the same units, currencies and approximation words.
//   node syntaxes/buildFiguresGrammar.mjs
// The extractor matches on text folded to Simplified; a grammar cannot fold, so every character
// of a word becomes the class of all characters that fold to it (个 → [个個]).
// test/unit/grammar.test.ts checks the result against the extractor on test/cases/figures.json.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

async function loadTs(entry) {
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

const words = await loadTs(`
  export * from './src/core/annotate/figureWords';
  export { TRADITIONAL_FOLD_PAIRS } from './src/core/annotate/data/traditionalFold';
`);

const unitTable = JSON.parse(readFileSync(join(root, 'data/units.json'), 'utf8'));
/** 度 is read from context by the extractor: only the contexts a regex can see are in the grammar. */
const unitWords = unitTable.units.flatMap((u) => u.written).filter((w) => w !== '度');
const latinUnitWords = unitWords.filter((w) => /^[A-Za-z]/.test(w));
const temperatureWords = unitTable.units.filter((u) => u.dimension === 'temperature').flatMap((u) => u.written);
const timeWords = unitTable.units.filter((u) => u.dimension === 'time').flatMap((u) => u.written);

/** Simplified character → every character that folds to it, itself first. */
const variants = new Map();
for (let i = 0; i + 1 < words.TRADITIONAL_FOLD_PAIRS.length; i += 2) {
  const [from, to] = [words.TRADITIONAL_FOLD_PAIRS[i], words.TRADITIONAL_FOLD_PAIRS[i + 1]];
  if (!variants.has(to)) variants.set(to, [to]);
  variants.get(to).push(from);
}

const escape = (ch) => (/[\\^$.*+?()[\]{}|\-/ ]/.test(ch) ? `\\${ch}` : ch);
const charClass = (ch) => {
  const all = variants.get(ch) ?? [ch];
  return all.length === 1 ? escape(ch) : `[${all.map(escape).join('')}]`;
};
const word = (w) => [...w].map(charClass).join('');
/** Longest first: an alternation takes its first match, the extractor takes the longest word. */
const alternation = (list) => `(?:${[...list].sort((a, b) => b.length - a.length).map(word).join('|')})`;
const chars = (list) => `[${[...new Set(list.flatMap((c) => variants.get(c) ?? [c]))].map(escape).join('')}]`;

const DIGIT = '[0-9０-９]';
const NUMERALS = chars([...'零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿']);
const SCALES = chars([...'十拾百佰千仟万亿']);
const LATIN = '[A-Za-z_]';
const HAN = '[\\x{3400}-\\x{9fff}]';
const LATIN_UNITS = `(?:${[...latinUnitWords].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z0-9_])`;
/** Units starting with a scale character (千瓦, 百帕): a scale run stops before them (43825亿千瓦时). */
const SCALE_UNITS = alternation(unitWords.filter((w) => /^[十百千万亿]/.test(w)));

// An Arabic number starts after no Latin letter, digit or dot (x86, 2.6.32) and is read whole:
// a number followed by a dot and no digit (1.3.) numbers a section, one followed by a dot or
// colon and a digit is a version or a time, one touching a Latin letter (other than a unit) an
// identifier. Atomic groups keep the regex from settling for a shorter number, as the extractor does.
// The later parts of a time of day (20:34:57) and a version after 版本 are no figures either.
const ARABIC_START = `(?<!${LATIN}|${DIGIT}|\\.)(?<!${LATIN}-)(?<!${DIGIT}:)(?<!${word('版本')}|${word('版本')} )`;
const ARABIC_DIGITS = `(?>${DIGIT}+(?:[,，]${DIGIT}{3}(?!${DIGIT}))*(?:[.．]${DIGIT}+)?)(?!\\.(?!${DIGIT})|[.:]${DIGIT}|_|(?!${LATIN_UNITS})[A-Za-z])`;
const INFIX = alternation(words.APPROXIMATION_INFIXES);
const SCALE_RUN = `(?:(?!${SCALE_UNITS})${SCALES})*`;
const ARABIC = `${ARABIC_START}(?>${ARABIC_DIGITS}${SCALE_RUN}${INFIX}?${SCALE_RUN})`;
// A Chinese numeral run is read whole (the extractor skips the rest of a run that is no figure:
// 十四冬 is not retried at 四). 多 after a Chinese numeral is an approximation only after a round
// number (六十多年); 三多 is a word.
const CHINESE_INFIX = `(?:${alternation(words.APPROXIMATION_INFIXES.filter((w) => w !== '多'))}|(?<=${chars([...'十拾百佰千仟万亿'])})${word('多')})`;
const CHINESE_RUN = `(?<!${NUMERALS})(?!${chars(['零', '〇'])}+(?!${NUMERALS}))(?>${NUMERALS}+)`;
// 千万 (by all means), 万一 (in case): numeral runs that are words.
const IDIOM_RUNS = [...words.NUMERAL_IDIOMS].filter((w) => [...w].every((c) => NUMERALS.includes(c)));
const CHINESE = `(?!${alternation(IDIOM_RUNS)}(?!${NUMERALS}))(?>${CHINESE_RUN}${CHINESE_INFIX}?)`;

// 第三, 第3届 are positions; 星期一 and 礼拜一 are weekdays.
const NOT_ORDINAL = `(?<!${word('第')}|${word('第')} )`;
const NOT_WEEKDAY = `(?<!${chars(['星', '礼'])})`;
// 风速-0.4m/s: a minus after a word (not a dash between numbers, 1-10月, nor after a name, A-1).
const MINUS = `(?:(?<![0-9０-９A-Za-z_%％)）\\]】.．])[-−－](?=${DIGIT}))`;
const PREFIX = `(?:${alternation(words.APPROXIMATION_PREFIXES.filter((w) => w !== '近'))}|(?<!${chars([...'最附靠邻亲将接'])})${word('近')})?${MINUS}?`;
const SUFFIX = `${alternation(words.APPROXIMATION_SUFFIXES)}?`;

const YEAR = '(?<![0-9.])[12][0-9]{3}';
const MONTH = '(?:1[0-2]|0?[1-9])';
const DAY = '(?:3[01]|[12][0-9]|0?[1-9])';
const DAY_MARK = chars(['日', '号']);
// 二〇二三年: a year in Chinese digits, read positionally as the extractor does.
const CHINESE_YEAR = `(?<!${NUMERALS})${chars(['一', '二'])}${chars([...'〇零一二两三四五六七八九'])}{3}${word('年')}`;
const MONTH_WORD = `${word('月')}${word('份')}?`;
const DATE_CORE = `${NOT_ORDINAL}(?:${CHINESE_YEAR}|${ARABIC_START}(?:${YEAR} ?${word('年')}(?:${word('代')}|(?: ?${MONTH} ?${word('月')}(?:${word('份')}(?! ?${DAY} ?${DAY_MARK}))?(?: ?${DAY} ?${DAY_MARK})?)?)|${MONTH} ?${MONTH_WORD}(?: ?${DAY} ?${DAY_MARK})?|${DAY} ?${DAY_MARK}))`;

const PERCENT_CORE = `(?:${word('百分之')}(?:${ARABIC}|${CHINESE})|${NOT_ORDINAL}${ARABIC}[%％‰]${SUFFIX})`;
const MONEY_CORE = `${NOT_ORDINAL}(?:${ARABIC} ?|${NOT_WEEKDAY}${CHINESE})${alternation(words.CURRENCIES)}${SUFFIX}`;

/**
 * Units of data/units.json. The extractor takes the longest of a unit and a measure word, so a
 * unit that begins a longer measure word is cut off before it (10周年 is a count, not 10 weeks);
 * a one-character unit before 至, 到, 为, 幅 or 级 is the verb 升. A quotient of two units of
 * different dimensions is one unit (5506公斤/公顷, 52米/秒).
 */
const unitAlternation = (measures, units = unitWords) => {
  const sorted = [...units].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((u) => {
    const longer = measures.filter((m) => m.length > u.length && m.startsWith(u)).map((m) => m.slice(u.length));
    const verb = u.length === 1 ? `(?!${chars([...'至到为幅级'])})` : '';
    return `${word(u)}${longer.length ? `(?!${alternation(longer)})` : ''}${verb}${/^[A-Za-z]/.test(u) ? '(?![A-Za-z0-9_])' : ''}`;
  }).join('|')})`;
};
const QUOTIENT = `(?:${alternation(unitWords.filter((w) => !/^[A-Za-z]/.test(w)))}[/每]${alternation(unitWords.filter((w) => !/^[A-Za-z]/.test(w) && !w.startsWith('个')))})`;
const ARABIC_UNIT = `(?:${QUOTIENT}|${unitAlternation(words.ARABIC_MEASURES)})`;
const CHINESE_UNIT = `(?:${QUOTIENT}|${unitAlternation(words.CHINESE_MEASURES)})`;
const TIME_UNIT = unitAlternation(words.CHINESE_MEASURES, timeWords);

// A lone 一 counts only with a unit of time (一周, 一天) or 周年; 一个, 一家 are indefinite articles.
const LONE_YI = `${word('一')}(?!${NUMERALS})`;
const CHINESE_NUMBER = `${NOT_WEEKDAY}(?!${word('一')}(?!${NUMERALS}|${CHINESE_INFIX}))${CHINESE}`;
const COUNT_CORE = `${NOT_ORDINAL}(?:${ARABIC} ?${alternation(words.ARABIC_MEASURES)}|(?:${CHINESE_NUMBER}${alternation(words.CHINESE_MEASURES)}|${LONE_YI}${alternation([...words.TIME_MEASURES])}))${SUFFIX}`;
// 摄氏35度, 零下29度 (with 摄氏), 北纬21.5度: the contexts of 度 a regex can see; 负5度 only as a temperature.
const SCALE_PREFIX = alternation(Object.keys(words.TEMPERATURE_SCALES));
const SIGN = alternation(words.NEGATIVE_PREFIXES);
const TEMPERATURE_UNIT = alternation(temperatureWords.filter((w) => w !== '度'));
const DEGREE = `(?:${SCALE_PREFIX}${SIGN}?${ARABIC}${word('度')}|(?<=${['北纬', '南纬', '东经', '西经'].map(word).join('|')})${ARABIC}${word('度')}|${SIGN}${ARABIC} ?${TEMPERATURE_UNIT})`;
// 一个多月: the approximation between 个 and its unit of time.
const MONTHS_AND_MORE = `(?:${ARABIC}|${CHINESE}|${word('一')})${word('个')}${word('多')}(?:${['月', '小时', '星期', '钟头'].map(word).join('|')})`;
// 9秒95: sports timing writes hundredths after 秒.
const HUNDREDTHS = `${ARABIC_START}${DIGIT}+ ?${word('秒')}${DIGIT}{2}(?![0-9０-９.．])`;
const MEASURE_CORE = `${NOT_ORDINAL}(?:${DEGREE}|${MONTHS_AND_MORE}|${HUNDREDTHS}|${ARABIC} ?${ARABIC_UNIT}|${CHINESE_NUMBER}${CHINESE_UNIT}|${LONE_YI}${TIME_UNIT})${SUFFIX}`;

// 第三个, 第 3 章, 第22号, 首次; 第三产业, 第三方 are names. 第一季度 is a quarter (a date).
const ORDINAL = `(?!${alternation(words.ORDINAL_TERMS)})${word('第')} ?(?:${DIGIT}+|${NUMERALS}+)(?! ?${word('季度')})(?: ?${alternation(words.ORDINAL_MEASURES)})?|(?<!${NUMERALS})${word('首')}${alternation(words.FIRST_MEASURES)}`;
// 4.0阶段, 3.0版; 工业4.0 (a stage written after its name, nothing after it).
const VERSION_WORD = `${ARABIC_START}${DIGIT}+[.．]${DIGIT}+ ?${alternation(words.VERSION_WORDS)}`;
const VERSION_AFTER_NAME = `(?<=${HAN})${DIGIT}+[.．]0(?![0-9０-９.．%％‰]| ?${alternation([...words.CURRENCIES, ...unitWords, ...words.ARABIC_MEASURES])}|${SCALES}|${INFIX}|${chars(['至', '到', '-', '－', '~', '～', '—', '–'])})`;
// 2024京西消费节, 《中国制造2025》: a year written into a name.
const YEAR_IN_NAME = `${ARABIC_START}(?:19|20)[0-9]{2}(?=${HAN}|[》”」])(?!${SCALES}|${INFIX}|${alternation([...words.CURRENCIES, ...unitWords, ...words.ARABIC_MEASURES])}|${chars(['年', '月', '日', '号'])})`;
// 15时23分, 06时, 8点钟: a time of day is read whole and is no figure.
const TIME_OF_DAY = `${ARABIC_START}(?:[01]?[0-9]|2[0-4])(?:${word('点钟')}|[时時点點](?:[0-5]?[0-9])${word('分')}(?:[0-6]?[0-9](?:[.．][0-9]+)?${word('秒')})?|[时時](?!${chars([...'间期代候刻节段速尚任效'])}))`;
// 三分之二: a fraction, a share.
const FRACTION = `${CHINESE_RUN}${word('分之')}${CHINESE_RUN}`;
// 一季度, 第一季度: a quarter of the year.
const QUARTER = `(?:${word('第')})?(?<!${NUMERALS})[一二三四1-4]${word('季度')}`;
// 民国九十二年七月: a Republic of China year.
const ROC_DATE = `${word(words.ROC_ERA)}(?:${NUMERALS}+|${DIGIT}+)${word('年')}(?:(?:${NUMERALS}+|${DIGIT}+)${word('月')}(?:(?:${NUMERALS}+|${DIGIT}+)${DAY_MARK})?)?`;

// A bare Arabic number after a slash or a Latin word is a prefix length or a version (/24, Debian 8);
// a bare Chinese numeral is a figure only with a scale of a hundred or more (三千五百, 壹仟).
const BARE_CHINESE = `${NOT_WEEKDAY}(?=${NUMERALS}{2})(?=${NUMERALS}*${chars([...'百佰千仟万亿'])})${CHINESE}`;
// [3], (1), （2）: a number alone in brackets is a footnote mark or a list number.
const OPEN_BRACKET = '[\\[(（【]';
const CLOSE_BRACKET = '[\\])）】]';
const NOT_BRACKETED = `(?:(?<!${OPEN_BRACKET})${ARABIC}|(?<=${OPEN_BRACKET})${ARABIC}(?!${CLOSE_BRACKET}))`;
const NUMBER_CORE = `${NOT_ORDINAL}(?:(?<!/|/ )(?<!${LATIN} )${NOT_BRACKETED}|${BARE_CHINESE})${SUFFIX}`;
// Before a range joiner any Chinese numeral may start a range (两至三倍).
const RANGE_START = `(?:${NUMBER_CORE}|${NOT_ORDINAL}${CHINESE_NUMBER})`;

// Ranges join two figures when the first has no unit (3至5年, 1125－1210) or both are dates
// (2021年-2023年) or percentages with the same sign (20%-30%). The second figure takes no
// approximation prefix. Ranges of two counts or two amounts with the same unit (3天至5天) are
// left to the extractor: the grammar scopes their ends as two figures.
const JOINER = chars(['至', '到', '-', '－', '~', '～', '—', '–']);
const SECOND = `(?>${DATE_CORE}|${PERCENT_CORE}|${MONEY_CORE}|${MEASURE_CORE}|${COUNT_CORE}|${NUMBER_CORE})`;
// Two measures or counts with the same unit (3天至5天, 32度到33度) are one range too.
const SAME_UNIT = `${NOT_ORDINAL}${ARABIC} ?(?<unit>${ARABIC_UNIT}|${alternation(words.ARABIC_MEASURES)})${SUFFIX}${JOINER}${ARABIC} ?\\k<unit>${SUFFIX}`;
const RANGE = `${PREFIX}(?:${SAME_UNIT}|${RANGE_START}${JOINER}${SECOND}|${DATE_CORE}${JOINER}(?>${DATE_CORE})|${NOT_ORDINAL}${ARABIC}(?<sign>[%％‰])${SUFFIX}${JOINER}${ARABIC}\\k<sign>${SUFFIX})`;

// 2023-07-04, 2019/03/08 (one separator throughout), 2025-10: tried before ranges, as the
// extractor reads such a date before it looks for a range.
const ISO_DATE = `${PREFIX}${NOT_ORDINAL}${ARABIC_START}${YEAR}(?:([-/])${MONTH}\\1${DAY}|[-/](?:1[0-2]|0[1-9]))(?![0-9:.])`;

const figure = (kind, match) => ({ name: `constant.numeric.${kind}.zhlens`, match });

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  comment: 'Generated by syntaxes/buildFiguresGrammar.mjs from src/core/annotate/figureWords.ts. Do not edit by hand.',
  scopeName: 'text.zhlens.figures.injection',
  injectionSelector: 'L:text.plain, L:text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw',
  patterns: [
    { include: '#ordinal' }, { include: '#timeOfDay' }, { include: '#quarter' }, { include: '#rocDate' }, { include: '#isoDate' },
    { include: '#range' }, { include: '#date' }, { include: '#fraction' }, { include: '#percent' }, { include: '#money' },
    { include: '#version' }, { include: '#measure' }, { include: '#count' }, { include: '#stage' }, { include: '#year' }, { include: '#number' },
  ],
  repository: {
    ordinal: figure('ordinal', ORDINAL),
    // Not a figure: matched so that no other pattern reads its parts.
    timeOfDay: { name: 'meta.time.zhlens', match: `${PREFIX}${TIME_OF_DAY}` },
    quarter: figure('date', QUARTER),
    rocDate: figure('date', ROC_DATE),
    isoDate: figure('date', ISO_DATE),
    range: figure('range', RANGE),
    date: figure('date', `${PREFIX}${DATE_CORE}`),
    fraction: figure('percent', `${PREFIX}${FRACTION}`),
    percent: figure('percent', `${PREFIX}${PERCENT_CORE}`),
    money: figure('money', `${PREFIX}${MONEY_CORE}`),
    version: figure('version', VERSION_WORD),
    measure: figure('measure', `${PREFIX}${MEASURE_CORE}`),
    count: figure('count', `${PREFIX}${COUNT_CORE}`),
    stage: figure('version', VERSION_AFTER_NAME),
    year: figure('date', `${PREFIX}${YEAR_IN_NAME}`),
    number: figure('number', `${PREFIX}${NUMBER_CORE}`),
  },
};

writeFileSync(join(here, 'figures.injection.tmLanguage.json'), `${JSON.stringify(grammar, null, 2)}\n`);
console.log('wrote syntaxes/figures.injection.tmLanguage.json');
