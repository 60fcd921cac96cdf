// Writes syntaxes/figures.injection.tmLanguage.json from the figure extractor's own word tables
// (src/core/annotate/figureWords.ts) and its Traditional → Simplified fold table, so that the
// grammar and the extractor read the same units, currencies and approximation words.
//   node syntaxes/buildFiguresGrammar.mjs
// The extractor matches on text folded to Simplified; a grammar cannot fold, so every character
// of a word becomes the class of all characters that fold to it (个 → [个個]).
// test/unit/grammar.test.ts checks the result against the extractor on test/cases/figures.json.
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
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
const LATIN_UNITS = `(?:${[...words.LATIN_UNITS].sort((a, b) => b.length - a.length).join('|')})`;

// An Arabic number starts after no Latin letter, digit or dot (x86, 2.6.32) and is read whole:
// a number followed by a dot and no digit (1.3.) numbers a section, one followed by a dot or
// colon and a digit is a version or a time, one touching a Latin letter (other than a unit) an
// identifier. Atomic groups keep the regex from settling for a shorter number, as the extractor does.
// The later parts of a time of day (20:34:57) and a version after 版本 are no figures either.
const ARABIC_START = `(?<!${LATIN}|${DIGIT}|\\.)(?<!${LATIN}-)(?<!${DIGIT}:)(?<!${word('版本')}|${word('版本')} )`;
const ARABIC_DIGITS = `(?>${DIGIT}+(?:[,，]${DIGIT}{3}(?!${DIGIT}))*(?:[.．]${DIGIT}+)?)(?!\\.(?!${DIGIT})|[.:]${DIGIT}|_|(?!${LATIN_UNITS})[A-Za-z])`;
const INFIX = alternation(words.APPROXIMATION_INFIXES);
const ARABIC = `${ARABIC_START}(?>${ARABIC_DIGITS}${SCALES}*${INFIX}?${SCALES}*)`;
// A Chinese numeral run is read whole (the extractor skips the rest of a run that is no figure:
// 十四冬 is not retried at 四). 多 after a Chinese numeral is a word (三多), not an approximation.
const CHINESE_INFIX = alternation(words.APPROXIMATION_INFIXES.filter((w) => w !== '多'));
const CHINESE_RUN = `(?<!${NUMERALS})(?!${chars(['零', '〇'])}+(?!${NUMERALS}))(?>${NUMERALS}+)`;
// 千万 (by all means), 万一 (in case): numeral runs that are words.
const IDIOM_RUNS = [...words.NUMERAL_IDIOMS].filter((w) => [...w].every((c) => NUMERALS.includes(c)));
const CHINESE = `(?!${alternation(IDIOM_RUNS)}(?!${NUMERALS}))(?>${CHINESE_RUN}${CHINESE_INFIX}?)`;

// 第三, 第3届 are positions; 星期一 and 礼拜一 are weekdays.
const NOT_ORDINAL = `(?<!${word('第')}|${word('第')} )`;
const NOT_WEEKDAY = `(?<!${chars(['星', '礼'])})`;
const PREFIX = `(?:${alternation(words.APPROXIMATION_PREFIXES.filter((w) => w !== '近'))}|(?<!${chars([...'最附靠邻亲将接'])})${word('近')})?`;
const SUFFIX = `${alternation(words.APPROXIMATION_SUFFIXES)}?`;

const YEAR = '(?<![0-9.])[12][0-9]{3}';
const MONTH = '(?:1[0-2]|0?[1-9])';
const DAY = '(?:3[01]|[12][0-9]|0?[1-9])';
const DAY_MARK = chars(['日', '号']);
// 二〇二三年: a year in Chinese digits, read positionally as the extractor does.
const CHINESE_YEAR = `(?<!${NUMERALS})${chars(['一', '二'])}${chars([...'〇零一二两三四五六七八九'])}{3}${word('年')}`;
const DATE_CORE = `${NOT_ORDINAL}(?:${CHINESE_YEAR}|${ARABIC_START}(?:${YEAR} ?${word('年')}(?:${word('代')}|(?: ?${MONTH} ?${word('月')}(?: ?${DAY} ?${DAY_MARK})?)?)|${MONTH} ?${word('月')}(?: ?${DAY} ?${DAY_MARK})?|${DAY} ?${DAY_MARK}))`;

const PERCENT_CORE = `(?:${word('百分之')}(?:${ARABIC}|${CHINESE})|${NOT_ORDINAL}${ARABIC}[%％‰]${SUFFIX})`;
const MONEY_CORE = `${NOT_ORDINAL}(?:${ARABIC} ?|${NOT_WEEKDAY}${CHINESE})${alternation(words.CURRENCIES)}${SUFFIX}`;

// A lone 一 counts only with a unit of time (一周, 一天); 一个, 一家 are indefinite articles. The
// extractor takes the longest measure word, so 一周岁 is 周岁, not 周.
const timeMeasures = [...words.TIME_MEASURES];
const LONE_YI = `${word('一')}(?!${NUMERALS})(?=${timeMeasures.map((m) => (m === '周' ? `${word('周')}(?!${word('岁')})` : word(m))).join('|')})`;
const CHINESE_COUNT = `${NOT_WEEKDAY}(?:(?!${word('一')}(?!${NUMERALS}|${CHINESE_INFIX}))${CHINESE}|${LONE_YI})`;
const COUNT_CORE = `${NOT_ORDINAL}(?:${ARABIC}(?: ?${alternation(words.ARABIC_MEASURES)}|${LATIN_UNITS})|${CHINESE_COUNT}${alternation(words.CHINESE_MEASURES)})${SUFFIX}`;

// A bare Arabic number after a slash or a Latin word is a prefix length or a version (/24, Debian 8);
// a bare Chinese numeral is a figure only with a scale of a hundred or more (三千五百, 壹仟).
const BARE_CHINESE = `${NOT_WEEKDAY}(?=${NUMERALS}{2})(?=${NUMERALS}*${chars([...'百佰千仟万亿'])})${CHINESE}`;
// [3], (1), （2）: a number alone in brackets is a footnote mark or a list number.
const OPEN_BRACKET = '[\\[(（【]';
const CLOSE_BRACKET = '[\\])）】]';
const NOT_BRACKETED = `(?:(?<!${OPEN_BRACKET})${ARABIC}|(?<=${OPEN_BRACKET})${ARABIC}(?!${CLOSE_BRACKET}))`;
const NUMBER_CORE = `${NOT_ORDINAL}(?:(?<!/|/ )(?<!${LATIN} )${NOT_BRACKETED}|${BARE_CHINESE})${SUFFIX}`;

// Ranges join two figures when the first has no unit (3至5年, 1125－1210) or both are dates
// (2021年-2023年) or percentages with the same sign (20%-30%). The second figure takes no
// approximation prefix. Ranges of two counts or two amounts with the same unit (3天至5天) are
// left to the extractor: the grammar scopes their ends as two figures.
const JOINER = chars(['至', '到', '-', '－', '~', '～', '—', '–']);
const SECOND = `(?>${DATE_CORE}|${PERCENT_CORE}|${MONEY_CORE}|${COUNT_CORE}|${NUMBER_CORE})`;
const RANGE = `${PREFIX}(?:${NUMBER_CORE}${JOINER}${SECOND}|${DATE_CORE}${JOINER}(?>${DATE_CORE})|${NOT_ORDINAL}${ARABIC}([%％‰])${SUFFIX}${JOINER}${ARABIC}\\1${SUFFIX})`;

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
    { include: '#isoDate' }, { include: '#range' }, { include: '#date' }, { include: '#percent' }, { include: '#money' }, { include: '#count' }, { include: '#number' },
  ],
  repository: {
    isoDate: figure('date', ISO_DATE),
    range: figure('range', RANGE),
    date: figure('date', `${PREFIX}${DATE_CORE}`),
    percent: figure('percent', `${PREFIX}${PERCENT_CORE}`),
    money: figure('money', `${PREFIX}${MONEY_CORE}`),
    count: figure('count', `${PREFIX}${COUNT_CORE}`),
    number: figure('number', `${PREFIX}${NUMBER_CORE}`),
  },
};

writeFileSync(join(here, 'figures.injection.tmLanguage.json'), `${JSON.stringify(grammar, null, 2)}\n`);
console.log('wrote syntaxes/figures.injection.tmLanguage.json');
