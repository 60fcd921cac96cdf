import type { GarbleIssue } from '../types';
import { sourceSyntax } from '../code/languages';
import { lineAround } from '../text/lines';
import { sourceRegions, type SourceRegion } from '../code/sourceRegions';
import { weighLostCharacters } from './lostCharacters';
import { withoutThinReadings } from './thinReadings';
import { countHan } from '../text/chars';

/**
 * Garbling written on purpose is not damage. A repair library's tables (`"Ã©": "é"`), a lint
 * rule's pattern (`/[锟斤拷]|(?:Ã|Â|â€)/u`), a list of markers (`MOJIBAKE_HINTS = ("锟斤拷", "ï»¿")`),
 * an article that quotes `锟斤拷` as an example of 乱码, a joke (手持两把锟斤拷，口中疾呼烫烫烫), a song
 * (地面太烫 烫烫烫): fixing them would change what the text says, and flagging them cries wolf.
 *
 * In source files (the editor's languageId, or the file name on the command line) only comments
 * and string literals hold text; a span elsewhere is code and is neither flagged nor fixed.
 */

/** Characters either side of a lossy token in which other debris means real damage. */
const DEBRIS_NEIGHBOURHOOD = 40;
/** A lossy lead that is not part of a well-known token: 锟 (GBK), 嚙 (Big5), U+FFFD. */
const DEBRIS = /[锟嚙\ufffd]/;
/** The longest reading (code points) of a string literal in code taken for a sample of mojibake. */
const MAX_SAMPLE = 3;

/** The whole token is one of the well-known lossy forms: U+FFFD, its GBK reading 锟斤拷, MSVC's fill 烫烫烫 / 屯屯屯. */
const CANONICAL_LOSSY = /^(?:(?:锟斤拷)+|(?:嚙踝蕭)+|烫{3,}|屯{3,}|\ufffd+)$/;
const CANONICAL_ANYWHERE = /(?:锟斤拷)+|(?:嚙踝蕭)+|烫{3,}|屯{3,}|\ufffd+/g;

/**
 * A text about garbled text: a quoted sample in it is an example, not damage. Words about
 * encodings in general are not enough: every gettext catalogue declares its
 * Content-Transfer-Encoding, every XML file its encoding. Code pages named by number (cp850,
 * cp1252, windows-1250) are words about encodings.
 */
const ABOUT_ENCODING = /乱码|亂碼|文字化け|mojibake|garbled|garbling|latin-?1|\bcp\d{3,4}\b|windows-125\d/i;

const OPENERS = new Set([...'"\'`“‘「『《〈（([【|>:：,，、;；=']);
const CLOSERS = new Set([...'"\'`”’」』》〉）)]】|,，、。;；:：.!?！？\\']);
const QUOTES_OPEN = new Set([...'"\'`“‘「『《〈']);
const QUOTES_CLOSE = new Set([...'"\'`”’」』》〉']);

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000';
}

/** The token stands alone: a boundary (space, quote, bracket, list or table separator) on both sides. */
function delimited(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text[start - 1] : undefined;
  const after = end < text.length ? text[end] : undefined;
  return (isSpace(before) || OPENERS.has(before!)) && (isSpace(after) || CLOSERS.has(after!));
}

function quoted(text: string, start: number, end: number): boolean {
  return QUOTES_OPEN.has(text[start - 1]) && QUOTES_CLOSE.has(text[end]);
}

/** The longest quotation (characters) on one line taken for an example. */
const MAX_QUOTATION = 80;

/**
 * Inside a quotation on its line: `"rÃ©flexion"`, `fix_text('âœ” No problems')`, 「鍙傛暟」. The
 * nearest quote mark before the span opens and the nearest after it closes, within a line.
 */
function inQuotation(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < MAX_QUOTATION && text[a - 1] !== '\n' && !QUOTES_OPEN.has(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < MAX_QUOTATION && text[b] !== '\n' && !QUOTES_CLOSE.has(text[b])) b++;
  return a > 0 && QUOTES_OPEN.has(text[a - 1]) && b < text.length && QUOTES_CLOSE.has(text[b]);
}

/**
 * The lines that open or close a fenced code block (Markdown's ``` or ~~~, indented by at most
 * three spaces), as offsets of their starts: a span between an odd one and the next is inside a
 * block. A block is how Markdown quotes what a program printed (`The content read from file:
 * §å®¶å¥½`, then 可以很明显地看到读取出来的内容已经变成了乱码).
 */
function fenceLines(text: string): number[] {
  const fences: number[] = [];
  let open: string | undefined;
  for (const m of text.matchAll(/^ {0,3}(`{3,}|~{3,})/gm)) {
    const mark = m[1];
    if (open === undefined) open = mark;
    else if (mark[0] !== open[0] || mark.length < open.length) continue;
    else open = undefined;
    fences.push(m.index!);
  }
  return fences;
}

/** Inside a fenced code block: an odd number of fence lines before the span, and the block closed after it. */
function inCodeBlock(s: Setting, start: number, end: number): boolean {
  s.fences ??= fenceLines(s.text);
  const f = s.fences;
  let before = 0;
  while (before < f.length && f[before] < start) before++;
  return before % 2 === 1 && before < f.length && f[before] >= end;
}

/** What ends a URL written in text: spaces, brackets, quotes, Chinese punctuation. */
export const URL_STOP = /[\s()<>[\]{}"'`（）「」《》【】，。；！]/;
/** The longest URL (characters) looked for around a span. */
const MAX_URL = 2000;

/**
 * The span lies in a URL (`https://zh.wikipedia.org/wiki/即時編譯` in Simplified text): a link
 * names a page as its site spells it, and a link written otherwise no longer leads there. The
 * URL is the token around the span (up to spaces, brackets and quotes) that starts with a scheme.
 */
function inUrl(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isUrlStop(text.charCodeAt(i))) return false;
  let a = start;
  while (a > 0 && start - a < MAX_URL && !isUrlStop(text.charCodeAt(a - 1))) a--;
  // A scheme opens with a letter: a token that does not is no URL, whatever follows.
  const first = text.charCodeAt(a) | 0x20;
  if (!(first >= 0x61 && first <= 0x7a)) return false;
  let b = end;
  while (b < text.length && b - end < MAX_URL && !isUrlStop(text.charCodeAt(b))) b++;
  return /^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(text.slice(a, b));
}

/** URL_STOP of one code unit, without a string per character (test/unit/urlStop.test.ts checks every code unit against the pattern). */
export function isUrlStop(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x80) return OTHER_URL_STOPS.includes(c);
  if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return true;
  return OTHER_URL_STOPS.includes(c);
}
/** The brackets, quotes and Chinese punctuation of URL_STOP, as code units. */
const OTHER_URL_STOPS: readonly number[] = Array.from('()<>[]{}"\'`（）「」《》【】，。；！', (ch) => ch.charCodeAt(0));

/** Part of a character class or an alternation: `[锟斤拷]`, `(?:Ã|Â|â€)`. */
function inPattern(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return before === '[' || after === ']' || before === '|' || after === '|';
}

/**
 * Beside its fixed form on the same line: `"Ã©": "é"`, `["Ã©", "é"]`, `"Ã©" to "é"`,
 * `replace("Ã©","é")`, `"aoÃ»t" -> "août"`: the quoted token that holds the span, repaired, is
 * quoted again next to it.
 */
function besideItsFix(text: string, issue: GarbleIssue): boolean {
  const fix = issue.replacement ?? issue.reading;
  if (fix === undefined) return false;
  const [a, b] = lineAround(text, issue.start, issue.end);
  // The token around the span: out to the nearest quotes on the line.
  let from = issue.start;
  while (from > a && !QUOTES_OPEN.has(text[from - 1]) && !isSpace(text[from - 1])) from--;
  let to = issue.end;
  while (to < b && !QUOTES_CLOSE.has(text[to]) && !isSpace(text[to])) to++;
  if (!QUOTES_OPEN.has(text[from - 1]) || !QUOTES_CLOSE.has(text[to])) return false;
  const fixed = text.slice(from, issue.start) + fix + text.slice(issue.end, to);
  if (!fixed.trim()) return false;
  const line = text.slice(a, from - 1) + '\u0000' + text.slice(to + 1, b);
  for (let at = line.indexOf(fixed); at >= 0; at = line.indexOf(fixed, at + 1)) {
    if (QUOTES_OPEN.has(line[at - 1]) && QUOTES_CLOSE.has(line[at + fixed.length])) return true;
  }
  return false;
}

/** Other lossy debris near the span (a 锟 or U+FFFD that is not part of a well-known token). */
function debrisNearby(text: string, start: number, end: number): boolean {
  const around = text.slice(Math.max(0, start - DEBRIS_NEIGHBOURHOOD), start) + ' ' + text.slice(end, end + DEBRIS_NEIGHBOURHOOD);
  return DEBRIS.test(around.replace(CANONICAL_ANYWHERE, ' '));
}

/** 锟斤拷 and 烫烫烫 named together: a text about them. */
function otherLossyKindNearby(text: string, start: number, end: number, span: string): boolean {
  const around = text.slice(Math.max(0, start - DEBRIS_NEIGHBOURHOOD), start) + ' ' + text.slice(end, end + DEBRIS_NEIGHBOURHOOD);
  const kind = span[0];
  for (const m of around.matchAll(CANONICAL_ANYWHERE)) if (m[0][0] !== kind && m[0][0] !== '\ufffd' && kind !== '\ufffd') return true;
  return false;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

interface Setting {
  text: string;
  code: boolean;
  regions?: SourceRegion[];
  aboutEncoding?: boolean;
  /** The fence lines of the text's code blocks, found on first use. */
  fences?: number[];
}

function aboutEncoding(s: Setting): boolean {
  s.aboutEncoding ??= ABOUT_ENCODING.test(s.text);
  return s.aboutEncoding;
}

/** The string literal that holds [start, end), when the text is source code. */
function stringAround(s: Setting, start: number, end: number): SourceRegion | undefined {
  return s.regions?.find((r) => r.kind === 'string' && r.start <= start && end <= r.end);
}

function writtenOnPurpose(s: Setting, issue: GarbleIssue): boolean {
  const { text } = s;
  const { start, end } = issue;
  const span = text.slice(start, end);
  if (issue.lossy || issue.kind === 'replacement-char') {
    if (!CANONICAL_LOSSY.test(span) || debrisNearby(text, start, end)) return false;
    if (quoted(text, start, end)) return true;
    // A text about encodings quotes its lossy examples too: ``â€�`` (a closing quote whose last
    // byte Windows-1252 could not print), or a program's output in a code block.
    if ((inQuotation(text, start, end) || inCodeBlock(s, start, end)) && aboutEncoding(s)) return true;
    // A bare U+FFFD between spaces is as likely damage as a sample: only a text about encodings
    // makes it one. 锟斤拷 and 烫烫烫 are words of their own (锟斤拷梗, 地面太烫 烫烫烫).
    if (span[0] === '\ufffd') return delimited(text, start, end) && aboutEncoding(s);
    return delimited(text, start, end) || aboutEncoding(s) || otherLossyKindNearby(text, start, end, span);
  }
  if (issue.replacement === undefined && issue.reading === undefined && !readsFoldedSpace(issue)) return false;
  if (besideItsFix(text, issue)) return true;
  if (inPattern(text, start, end) && (s.code || aboutEncoding(s))) return true;
  // A text about encodings quotes its examples: "rÃ©flexion", fix_text('âœ” No problems'), and
  // what a program printed, in a code block.
  if ((inQuotation(text, start, end) || inCodeBlock(s, start, end)) && aboutEncoding(s)) return true;
  // In code, a string literal that is nothing but the Latin-1 mojibake of a character or two is
  // data (a table of markers, `"Ã©"`, `"Ã¢â‚¬Å“"`): text in code says more than one garbled
  // letter. Not so for GBK: `label: '鍙傛暟'` is a two-character word, garbled.
  if (s.code && issue.kind === 'mojibake-latin1' && codePoints(issue.replacement ?? text.slice(start, end)) <= MAX_SAMPLE) {
    const literal = stringAround(s, start, end);
    if (literal && literal.start + 1 === start && literal.end - 1 === end) return true;
  }
  return false;
}

/** Windows-1252 and Latin-1 by any of their names: files call the one page by either. */
const LATIN1_NAMES = /(?:\bcp|windows|\bwin)[-_ ]?1252|latin[-_ ]?1\b|iso[-_ ]?8859[-_ ]?1\b/i;
/**
 * The names a file gives each code page a reading goes through (the plan's `encode X`): `cp437`,
 * `IBM437`, `ibm-850`, `windows-1252`, `latin-1`, `mac_roman`, `gb2312`, `big5`.
 */
const PAGE_NAMES: Record<string, RegExp> = {
  cp1252: LATIN1_NAMES,
  'latin-1': LATIN1_NAMES,
  'windows-1250': /(?:\bcp|windows|\bwin)[-_ ]?1250/i,
  'windows-1251': /(?:\bcp|windows|\bwin)[-_ ]?1251/i,
  macintosh: /mac[-_ ]?roman|\bmacintosh\b/i,
  ibm437: /(?:\bcp|\bibm|\boem)[-_ ]?437\b/i,
  ibm850: /(?:\bcp|\bibm|\boem)[-_ ]?850\b/i,
  gbk: /\bgbk\b|\bgb[-_ ]?2312\b|\bgb[-_ ]?18030\b|\bcp[-_ ]?936\b/i,
  big5: /\bbig[-_ ]?5\b|\bcp[-_ ]?950\b/i,
};

/** The code page a reading goes through: the first step's `encode X`, without its note. */
function pageOf(issue: GarbleIssue): string | undefined {
  const m = /^encode ([a-z0-9-]+)/.exec(issue.plan[0] ?? '');
  return m ? m[1] : undefined;
}

/** The fewest readings through one page that make a source file's samples of it. */
const MIN_SAMPLES = 2;

/**
 * The pages whose readings a source file shows on purpose: a test or a table of an encoding
 * library quotes several samples of one page (`'╨┐╤Ç╨░╨▓╨┤╨░'`, `'Ã©'`), and says which page
 * they are (`cp437`, `ibm850`, `latin-1`) or writes one beside its decoded form. Its comments and
 * string literals hold MIN_SAMPLES readings or more through that page, and the file names the page
 * or one of them lies beside its fix (besideItsFix). Readings of Chinese are not counted: a
 * program's own labels garbled through GBK (`'鍙傛暟'`) in code that names GBK, to convert other
 * text, are damage; a sample of them beside its fix is still one (writtenOnPurpose).
 */
function pagesShownOnPurpose(text: string, issues: GarbleIssue[]): Set<string> | undefined {
  const byPage = new Map<string, GarbleIssue[]>();
  for (const issue of issues) {
    const fix = issue.replacement ?? issue.reading;
    if (!WATCHED.has(issue.kind) || fix === undefined || countHan(fix) > 0) continue;
    const page = pageOf(issue);
    if (page === undefined) continue;
    const list = byPage.get(page);
    if (list) list.push(issue);
    else byPage.set(page, [issue]);
  }
  let pages: Set<string> | undefined;
  for (const [page, samples] of byPage) {
    if (samples.length < MIN_SAMPLES) continue;
    if (PAGE_NAMES[page]?.test(text) || samples.some((i) => besideItsFix(text, i))) (pages ??= new Set()).add(page);
  }
  return pages;
}

/**
 * The first step of a reading that took a space for the 0xA0 byte of a no-break space folded to
 * it (garble/mojibake/foldedSpaces.ts): such a reading stands on the text's other mojibake.
 */
export const FOLDED_SPACE_STEP = 'encode cp1252 (a space read as A0, the no-break space it was folded from)';

/** The first step of a lone C1 control read as Windows-1252 (garble/mojibake/c1Controls.ts). */
export const C1_CONTROL_STEP = 'encode latin-1 (a C1 control standing alone)';

/** A finding that reads UTF-8 shown through Windows-1252: the evidence folded spaces and C1 controls stand on. */
export function showsWindows1252(issue: GarbleIssue): boolean {
  return issue.plan[0] === 'encode cp1252' && issue.plan.some((step) => step.startsWith('decode utf-8'));
}

/** Readings that stand on the text's other Windows-1252 mojibake, not on their own evidence. */
function readsFoldedSpace(issue: GarbleIssue): boolean {
  return issue.plan[0] === FOLDED_SPACE_STEP || issue.plan[0] === C1_CONTROL_STEP;
}

/**
 * Readings through a folded space (or of a lone C1 control) whose evidence is gone: when the
 * text's other Windows-1252 mojibake was all written on purpose (ftfy's README quoting
 * `Ã perturber la rÃ©flexion`), so is the `Ã ` beside it.
 */
function withoutUnsupportedFoldedSpaces(issues: GarbleIssue[]): GarbleIssue[] {
  if (!issues.some(readsFoldedSpace)) return issues;
  const evidence = issues.some((i) => !readsFoldedSpace(i) && showsWindows1252(i));
  return evidence ? issues : issues.filter((i) => !readsFoldedSpace(i));
}

const WATCHED = new Set<GarbleIssue['kind']>(['mojibake-gbk', 'mojibake-latin1', 'mojibake-big5', 'misaligned-gbk', 'replacement-char']);

/**
 * The issues that are damage: those inside a source file's comments and strings (all of them
 * in prose), less garbling written on purpose and mixed scripts inside a URL; a repair that does
 * not beat a legacy encoder's `?` is flagged instead (lostCharacters.ts). `languageId` is the
 * editor's (see languageOfPath).
 */
export function withoutDeliberateGarbling(text: string, issues: GarbleIssue[], languageId?: string): GarbleIssue[] {
  if (issues.length === 0) return issues;
  const syntax = sourceSyntax(languageId);
  const setting: Setting = { text, code: syntax !== undefined, regions: syntax ? sourceRegions(text, syntax) : undefined };
  const regions = setting.regions;
  let r = 0;
  const inText = regions
    ? issues.filter((issue) => {
        while (r < regions.length && regions[r].end <= issue.start) r++;
        return r < regions.length && regions[r].start <= issue.start && regions[r].end >= issue.end;
      })
    : issues;
  // In a source file, the samples of a page the file shows on purpose are data.
  const samples = regions && inText.length >= MIN_SAMPLES ? pagesShownOnPurpose(text, inText) : undefined;
  const kept = inText.filter((issue) => {
    if (issue.kind === 'mixed-script' && inUrl(text, issue.start, issue.end)) return false;
    if (samples && WATCHED.has(issue.kind)) {
      const page = pageOf(issue);
      const fix = issue.replacement ?? issue.reading;
      if (page !== undefined && samples.has(page) && fix !== undefined && countHan(fix) === 0) return false;
    }
    return !(WATCHED.has(issue.kind) && writtenOnPurpose(setting, issue));
  });
  // Last, a repair of a span holding the text's own encoder's `?` must beat that process, and a
  // reading made mostly of placeholders is flagged, not made (thinReadings.ts).
  return withoutThinReadings(text, weighLostCharacters(text, withoutUnsupportedFoldedSpaces(kept)));
}
