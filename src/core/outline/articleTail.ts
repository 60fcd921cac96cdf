import { countHan, hanShare, isBulleted, isProse } from './lineShape';
import type { TextLine } from './textLines';
import type { HeadingMark } from './types';

/** Copyright notices and editor credits that close news pages: 版權聲明：…, 责任编辑：…, (責編：…). */
const FOOTER = /^[（(【\[]?\s*(版權聲明|版权声明|免責聲明|免责声明|責任編輯|责任编辑|責編|责编)/;
/** A heading over a list of links: 相關新聞, 【相关阅读】, 延伸閱讀：. */
const RELATED_HEADER = /^[【\[]?\s*(相關新聞|相关新闻|相關閱讀|相关阅读|延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|相關報道|相关报道|相關鏈接|相关链接)\s*[】\]]?\s*[:：]?$/;
const BULLET_PREFIX = /^(?:[-*+•·●○■□◆◇▪▶►]|——|--)\s*/;
const MIN_LINK_RUN = 3;

/** The end matter of an article: a footer and a list of related links, and where they begin. */
export interface ArticleTail {
  marks: HeadingMark[];
  /** First line of the end matter; `lines.length` when there is none. */
  start: number;
}

/**
 * Looks for the end matter in the second half of the text only, so that a copyright line in a
 * manual's front matter (版權 © 1998-2002) or a related-news box at the top is not taken for it.
 */
export function findArticleTail(lines: readonly TextLine[], verbatim: readonly boolean[], bodyStart: number): ArticleTail {
  const marks: HeadingMark[] = [];
  const half = bodyStart + Math.floor((lines.length - bodyStart) / 2);
  let footer = -1;
  let header = -1;
  for (let i = half; i < lines.length; i++) {
    if (verbatim[i]) continue;
    const s = lines[i].trimmed;
    const f = footer < 0 ? FOOTER.exec(s) : null;
    if (f) {
      footer = i;
      marks.push({ line: i, title: s.length <= 20 ? s.replace(/^[（(【\[]\s*|\s*[)）】\]]$/g, '') : f[1], kind: 'footer', rank: 'body' });
    } else if (header < 0 && RELATED_HEADER.test(s)) {
      header = i;
      marks.push({ line: i, title: s.replace(/[【】\[\]:：\s]/g, ''), kind: 'related-links', rank: 'body' });
    }
  }
  if (header < 0) {
    const run = findTrailingLinkRun(lines, verbatim, Math.max(half, bodyStart));
    if (run > footer) {
      marks.push({ line: run, title: lines[run].trimmed.replace(BULLET_PREFIX, ''), kind: 'related-links', rank: 'body' });
    }
  }
  // Marks were found top to bottom, and a trailing run of links comes after the footer.
  return { marks, start: marks.length ? marks[0].line : lines.length };
}

/**
 * Link lists pasted from a news page keep only the link titles: at least three headline-like
 * lines (bulleted or not) at the very end, after running text. Returns the first line of the run.
 */
function findTrailingLinkRun(lines: readonly TextLine[], verbatim: readonly boolean[], from: number): number {
  let first = -1;
  let count = 0;
  for (let i = lines.length - 1; i >= from; i--) {
    const s = lines[i].trimmed;
    if (!s) continue;
    if (verbatim[i] || !isLinkTitle(s)) {
      return count >= MIN_LINK_RUN && isProse(s) ? first : -1;
    }
    first = i;
    count++;
  }
  return -1;
}

function isLinkTitle(s: string): boolean {
  const bulleted = isBulleted(s);
  const t = s.replace(BULLET_PREFIX, '');
  if (t.length < 6 || t.length > 50 || countHan(t) < 4 || /[。；]/.test(t) || /[，、；：,;:]$/.test(t)) return false;
  return bulleted || hanShare(t) >= 0.5;
}
