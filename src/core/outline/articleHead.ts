import { isHeadlineShaped, MAX_HEADING_LENGTH, MAX_TITLE_LENGTH } from './lineShape';
import { findMarkdownHeadings } from './markdownHeadings';
import { parseNumberingMarker } from './numberingMarkers';
import { opensRunningText } from './runningText';
import { markVerbatimLines, splitLines, type TextLine } from './textLines';
import type { HeadingMark } from './types';

/** Byline and metadata lines that can open a text but are not its title. */
const METADATA_LABEL = /^(?:作者|来源|來源|日期|时间|時間|编辑|編輯|记者|記者|发布|發布|责编|責編|摄影|攝影|原标题|原標題|译者|譯者)\s*[：:]/;

/**
 * Labels of the metadata a news page sets between its title and its text, in both scripts:
 * 来源：人民日报, 发布时间:2023-09-08, 作者:佚名 责任编辑:高靜, 浏览次数:43; and the page's own
 * navigation (当前位置: 首页 学习资料 正文), which comes before the title.
 */
const HEAD_LABEL = /(?:稿件来源|稿件來源|来源|來源|作者|记者|記者|责任编辑|責任編輯|责编|責編|编辑|編輯|发布者|發布者|发布时间|發布時間|发布日期|發布日期|发表日期|發表日期|更新时间|更新時間|更新日期|日期|时间|時間|字号|字號|点击次数|點擊次數|点击数|點擊數|阅览次数|閱覽次數|阅读次数|閱讀次數|浏览次数|瀏覽次數|当前位置|當前位置|您的位置|你的位置)\s*[：:]/g;
const NAVIGATION = /^(?:当前位置|當前位置|您的位置|你的位置)\s*[：:]/;
/** A date, with a time of day after it: 2016-10-15 14:21:19, 2023年09月02日 23:19, 2014-07-17 12:55AM. */
const DATE_TIME = /(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|am|pm)?)?/;
const SENTENCE_END = /[。！？!?]/;

/**
 * A news-agency dateline: outlet (…網 / …网 / …社 / …報 / …台) + place + date + 電 / 电 / 訊 / 讯,
 * with the reporter in brackets after it: 人民網北京2月25日電 (記者孟竹), 新华社北京3月1日电.
 */
const DATELINE = /^([\u4e00-\u9fff]{1,8}?(?:網|网|社|報|报|台))\s*([\u4e00-\u9fff]{0,8}?)\s*((?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日)\s*(?:電|电|訊|讯|消息)(?:\s*[（(](?:記者|记者|通訊員|通讯员)\s*([^（()）]{0,20})[）)])?/;

/** What an article says about itself before its text: title, source, place, date, author, editor. */
export interface ArticleHead {
  title?: { text: string; line: number };
  /** The outlet or agency: 人民網, 中國西藏網. */
  source?: string;
  /** Where the dateline was filed: 北京. */
  place?: string;
  /** As written: 2月25日, 2016-10-15 14:21:19. */
  date?: string;
  /** The reporter or writer: 孟竹. */
  author?: string;
  /** The editor the page names: 高靜. */
  editor?: string;
  /** The dateline that opens the lead, as written: 人民網北京2月25日電 (記者孟竹). */
  dateline?: { line: number; text: string };
  /** Lines that are head, not text: navigation above the title, the title, metadata lines, a dateline set apart. */
  lines: number[];
}

/** Whether a line is page metadata: label-value pairs and dates, no sentence. */
function isMetadataLine(s: string): boolean {
  if (!s || s.length > 120 || SENTENCE_END.test(s)) return false;
  HEAD_LABEL.lastIndex = 0;
  const labelled = HEAD_LABEL.test(s);
  const dated = DATE_TIME.exec(s);
  if (!labelled && !dated) return false;
  // What is left once labels, dates and separators are gone is short: the values.
  const rest = s.replace(HEAD_LABEL, '').replace(DATE_TIME, '').replace(/[|｜/\s]+/g, '');
  return labelled ? true : dated !== null && dated.index === 0 && rest.length <= 12;
}

/** Label → value pairs of a metadata line: 來源:中國西藏網 作者:佚名 → [来源, 中國西藏網], [作者, 佚名]. */
function metadataPairs(s: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const found = [...s.matchAll(HEAD_LABEL)];
  found.forEach((m, k) => {
    const end = k + 1 < found.length ? found[k + 1].index : s.length;
    const value = s.slice(m.index + m[0].length, end).replace(/\s*[|｜].*$/, '').trim().split(/\s+/)[0] ?? '';
    pairs.push([m[0].replace(/\s*[：:]$/, ''), value]);
  });
  return pairs;
}

function applyMetadata(head: ArticleHead, s: string): void {
  const dated = DATE_TIME.exec(s);
  if (dated && head.date === undefined) head.date = dated[0].trim();
  for (const [label, value] of metadataPairs(s)) {
    if (!value || NAVIGATION.test(`${label}:`)) continue;
    if (/来源|來源/.test(label)) head.source ??= value;
    else if (/作者|记者|記者/.test(label)) head.author ??= value;
    else if (/编辑|編輯|责编|責編|发布者|發布者/.test(label)) head.editor ??= value;
    else if (/时间|時間|日期/.test(label) && head.date === undefined) head.date = value;
  }
}

/** Reads 人民網北京2月25日電 (記者孟竹) into the head; returns the dateline as written. */
function applyDateline(head: ArticleHead, s: string): string | undefined {
  const m = DATELINE.exec(s);
  if (!m) return undefined;
  head.source ??= m[1];
  if (m[2]) head.place ??= m[2];
  head.date ??= m[3];
  if (m[4]) head.author ??= m[4].trim();
  return m[0];
}

/**
 * The title is the first line when it reads as a headline (short, no closing punctuation, not a
 * byline or a numbered heading); a second such line right under it is its other half (引题 and
 * 主题, shown as "line 1 / line 2"). The lead is the paragraph right after the title.
 */
export function findTitle(lines: readonly TextLine[], verbatim: readonly boolean[]): { mark: HeadingMark; lastLine: number } | undefined {
  let first = nextNonBlank(lines, verbatim, 0);
  // A page's navigation (当前位置: 首页 学习资料 正文) stands above its title.
  if (first >= 0 && NAVIGATION.test(lines[first].trimmed)) first = nextNonBlank(lines, verbatim, first + 1);
  if (first < 0) return undefined;
  const s = withoutCellMark(lines[first].trimmed);
  if (!isTitleLine(s, MAX_TITLE_LENGTH) || nextNonBlank(lines, verbatim, first + 1) < 0) return undefined;
  const second = first + 1 < lines.length && !verbatim[first + 1] ? withoutCellMark(lines[first + 1].trimmed) : '';
  const afterSecond = nextNonBlank(lines, verbatim, first + 2);
  if (second && isTitleLine(second, MAX_HEADING_LENGTH) && afterSecond >= 0 && opensRunningText(lines, verbatim, afterSecond)) {
    return { mark: { line: first, title: `${s} / ${second}`, kind: 'title', rank: 'title' }, lastLine: first + 1 };
  }
  return { mark: { line: first, title: s, kind: 'title', rank: 'title' }, lastLine: first };
}

/** Text copied out of a page's table keeps the cell's edge: 高温来袭!安徽北部最高气温37~40℃ |. */
function withoutCellMark(s: string): string {
  return s.replace(/\s*[|｜]\s*$/, '');
}

/** 目录, 摘要, 前言: two-character labels open manuals but do not name them. */
const MIN_TITLE_LENGTH = 4;

function isTitleLine(s: string, maxLength: number): boolean {
  // 开放引领发展 合作共赢未来——写在2023年中国国际服务贸易交易会开幕之际: a title and its subtitle.
  const dash = s.indexOf('——');
  if (dash >= MIN_TITLE_LENGTH && s.length - dash - 2 <= maxLength && isTitleLine(s.slice(0, dash), maxLength)) return true;
  return s.length >= MIN_TITLE_LENGTH && isHeadlineShaped(s, maxLength) && !METADATA_LABEL.test(s) && !isMetadataLine(s) && !DATELINE.test(s) && !parseNumberingMarker(s);
}

/**
 * The lines after the title that belong to the head: metadata lines (2016-10-15 14:21:19
 * 來源:中國西藏網 作者:佚名) and blank lines between them. Returns the first line of the text.
 */
export function skipHeadLines(lines: readonly TextLine[], verbatim: readonly boolean[], from: number, head?: ArticleHead): number {
  let i = from;
  for (; i < lines.length && !verbatim[i]; i++) {
    const s = lines[i].trimmed;
    if (!s) continue;
    if (!isMetadataLine(s)) break;
    if (head) {
      head.lines.push(i);
      applyMetadata(head, s);
    }
  }
  return i;
}

/**
 * The head of an article: its title (with the page navigation above it), the metadata lines under
 * it, and the dateline that opens its lead (人民網北京2月25日電 (記者孟竹) gives the source
 * 人民網, the place 北京, the date 2月25日 and the reporter 孟竹).
 */
export function readArticleHead(text: string): ArticleHead {
  const lines = splitLines(text);
  const verbatim = markVerbatimLines(lines);
  const head: ArticleHead = { lines: [] };
  if (findMarkdownHeadings(lines, verbatim).length) return head;
  const title = findTitle(lines, verbatim);
  let from = 0;
  if (title) {
    for (let i = 0; i < title.mark.line; i++) if (lines[i].trimmed) head.lines.push(i);
    head.title = { text: title.mark.title, line: title.mark.line };
    for (let i = title.mark.line; i <= title.lastLine; i++) head.lines.push(i);
    from = title.lastLine + 1;
  }
  const body = skipHeadLines(lines, verbatim, from, head);
  const first = nextNonBlank(lines, verbatim, body);
  if (first >= 0) {
    const dateline = applyDateline(head, lines[first].trimmed);
    if (dateline) {
      head.dateline = { line: first, text: dateline };
      if (lines[first].trimmed.length - dateline.length <= 1) head.lines.push(first);
    }
  }
  return head;
}

/**
 * The paragraph after the head is the lead, named by its first clause; a dateline that opens it
 * (人民網北京2月25日電 (記者孟竹)實現京津冀三地…) or stands on a line of its own above it is part of
 * the head, not of the name. An abstract label (摘要】, 【摘要】) is left out of the name too.
 */
export function findLeadSections(lines: readonly TextLine[], verbatim: readonly boolean[], from: number, before: number): HeadingMark[] {
  let i = nextNonBlank(lines, verbatim, from);
  if (i < 0 || i >= before) return [];
  const alone = DATELINE.exec(lines[i].trimmed);
  if (alone && lines[i].trimmed.length - alone[0].length <= 1) {
    i = nextNonBlank(lines, verbatim, i + 1);
    if (i < 0 || i >= before) return [];
  }
  const s = lines[i].trimmed;
  if (!opensRunningText(lines, verbatim, i) || parseNumberingMarker(s) || METADATA_LABEL.test(s)) return [];
  const dateline = DATELINE.exec(s);
  const text = (dateline ? s.slice(dateline[0].length) : s).replace(/^[【\[]?\s*(?:摘要|提要|導讀|导读)\s*[】\]：:]\s*/, '');
  return [{ line: i, title: firstClause(text || s), kind: 'lead', rank: 'body' }];
}

/** Up to the first full stop, or 20 characters and an ellipsis: 实现京津冀三地高端汽车和新能源智能… */
function firstClause(s: string): string {
  const stop = s.search(/[。！？!?]/);
  const clause = stop >= 0 ? s.slice(0, stop + 1) : s;
  return clause.length <= 24 ? clause : `${clause.slice(0, 20)}…`;
}

function nextNonBlank(lines: readonly TextLine[], verbatim: readonly boolean[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!verbatim[i] && lines[i].trimmed) return i;
  return -1;
}
