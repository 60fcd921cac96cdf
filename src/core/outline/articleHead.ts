import { isHeadlineShaped, MAX_HEADING_LENGTH, MAX_TITLE_LENGTH } from './lineShape';
import { parseNumberingMarker } from './numberingMarkers';
import { opensRunningText } from './runningText';
import type { TextLine } from './textLines';
import type { HeadingMark } from './types';

/** Byline and metadata lines that can open a text but are not its title. */
const METADATA_LABEL = /^(?:作者|来源|來源|日期|时间|時間|编辑|編輯|记者|記者|发布|發布|责编|責編|摄影|攝影|原标题|原標題|译者|譯者)\s*[：:]/;

/**
 * A news-agency dateline: outlet (…網 / …网 / …社 / …報 / …台) + place + date + 電 / 电 / 訊 / 讯,
 * with the reporter in brackets after it: 人民網北京2月25日電 (記者孟竹), 新华社北京3月1日电.
 */
const DATELINE = /^[\u4e00-\u9fff]{1,8}?(?:網|网|社|報|报|台)\s*[\u4e00-\u9fff]{0,8}?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日\s*(?:電|电|訊|讯|消息)(?:\s*[（(](?:記者|记者|通訊員|通讯员)[^（()）]{0,20}[）)])?/;

/**
 * The title is the first line when it reads as a headline (short, no closing punctuation, not a
 * byline or a numbered heading); a second such line right under it is its other half (引题 and
 * 主题, shown as "line 1 / line 2"). The lead is the paragraph right after the title.
 */
export function findTitle(lines: readonly TextLine[], verbatim: readonly boolean[]): { mark: HeadingMark; lastLine: number } | undefined {
  const first = nextNonBlank(lines, verbatim, 0);
  if (first < 0) return undefined;
  const s = lines[first].trimmed;
  if (!isTitleLine(s, MAX_TITLE_LENGTH) || nextNonBlank(lines, verbatim, first + 1) < 0) return undefined;
  const second = first + 1 < lines.length && !verbatim[first + 1] ? lines[first + 1].trimmed : '';
  const afterSecond = nextNonBlank(lines, verbatim, first + 2);
  if (second && isTitleLine(second, MAX_HEADING_LENGTH) && afterSecond >= 0 && opensRunningText(lines, verbatim, afterSecond)) {
    return { mark: { line: first, title: `${s} / ${second}`, kind: 'title', rank: 'title' }, lastLine: first + 1 };
  }
  return { mark: { line: first, title: s, kind: 'title', rank: 'title' }, lastLine: first };
}

/** 目录, 摘要, 前言: two-character labels open manuals but do not name them. */
const MIN_TITLE_LENGTH = 4;

function isTitleLine(s: string, maxLength: number): boolean {
  return s.length >= MIN_TITLE_LENGTH && isHeadlineShaped(s, maxLength) && !METADATA_LABEL.test(s) && !parseNumberingMarker(s);
}

/**
 * The paragraph after the title is the lead, named by its dateline when it opens with one
 * (人民網北京2月25日電 (記者孟竹)實現京津冀三地…). Some pages set the dateline on a line of its
 * own above the lead; that line is a dateline section of its own.
 */
export function findLeadSections(lines: readonly TextLine[], verbatim: readonly boolean[], from: number, before: number): HeadingMark[] {
  let i = nextNonBlank(lines, verbatim, from);
  if (i < 0 || i >= before) return [];
  const marks: HeadingMark[] = [];
  const alone = DATELINE.exec(lines[i].trimmed);
  if (alone && lines[i].trimmed.length - alone[0].length <= 1) {
    marks.push({ line: i, title: alone[0], kind: 'dateline', rank: 'body' });
    i = nextNonBlank(lines, verbatim, i + 1);
    if (i < 0 || i >= before) return marks;
  }
  const s = lines[i].trimmed;
  if (!opensRunningText(lines, verbatim, i) || parseNumberingMarker(s) || METADATA_LABEL.test(s)) return marks;
  const dateline = marks.length ? null : DATELINE.exec(s);
  marks.push({ line: i, title: dateline ? dateline[0] : firstClause(s), kind: 'lead', rank: 'body' });
  return marks;
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
