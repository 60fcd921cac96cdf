import { countHan, hanShare, isBulleted, isProse } from './lineShape';
import type { TextLine } from './textLines';
import type { HeadingMark } from './types';

/** Copyright notices and disclaimers that close news pages: 版權聲明：…, 免责声明. */
const FOOTER = /^[（(【\[]?\s*(版權聲明|版权声明|免責聲明|免责声明|版權所有|版权所有)/;
/**
 * Editor credits and source notes after the text: 责任编辑：…, (責編：…), (责任杨晓梅),
 * （来源：人民日报）, 【2023/4/25 中央氣象局】.
 */
const CREDITS = /^[（(【\[]\s*(?:責任編輯|责任编辑|責編|责编|責任|责任|編輯|编辑|來源|来源|校對|校对)\s*[：:]?\s*[^（()）【】\[\]]{1,20}[)）】\]]\s*[|｜]?$|^(?:責任編輯|责任编辑|責編|责编)\s*[：:]|^[【\[]\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}\s+[^【】\[\]]{1,16}[】\]]\s*[|｜]?$/;
/** A heading over a list of links: 相關新聞, 【相关阅读】, 延伸閱讀：, 熱搜資訊, 更多即時新聞…. */
const RELATED_HEADER = /^[【\[]?\s*(相關新聞|相关新闻|相關閱讀|相关阅读|延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|相關報道|相关报道|相關鏈接|相关链接|熱搜資訊|热搜资讯|熱門推薦|热门推荐|精彩推薦|精彩推荐|更多新聞|更多新闻|更多即時新聞|更多即时新闻)\s*[】\]]?\s*(?:[:：]|…+|\.{3})?\s*[|｜]?$/;
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
  // Half of the text by characters: a news paragraph is one long line, its end matter short ones.
  const bodyFrom = lines[bodyStart]?.start ?? 0;
  const last = lines[lines.length - 1];
  const middle = bodyFrom + ((last ? last.start + last.text.length : 0) - bodyFrom) / 2;
  let half = bodyStart;
  while (half < lines.length && lines[half].start < middle) half++;
  let footer = -1;
  let credits = -1;
  let header = -1;
  for (let i = half; i < lines.length; i++) {
    if (verbatim[i]) continue;
    const s = lines[i].trimmed;
    const f = footer < 0 ? FOOTER.exec(s) : null;
    if (f) {
      footer = i;
      marks.push({ line: i, title: s.length <= 20 ? bare(s) : f[1], kind: 'footer', rank: 'body' });
    } else if (credits < 0 && CREDITS.test(s)) {
      credits = i;
      marks.push({ line: i, title: bare(s), kind: 'credits', rank: 'body' });
    } else if (header < 0 && RELATED_HEADER.test(s)) {
      header = i;
      marks.push({ line: i, title: bare(s).replace(/[【】\[\]:：\s]|…+$|\.{3}$/g, ''), kind: 'related-links', rank: 'body' });
    }
  }
  if (header < 0) {
    const run = findTrailingLinkRun(lines, verbatim, Math.max(half, bodyStart));
    if (run > Math.max(footer, credits)) {
      marks.push({ line: run, title: lines[run].trimmed.replace(BULLET_PREFIX, ''), kind: 'related-links', rank: 'body' });
    }
  }
  // Marks were found top to bottom, and a trailing run of links comes after the footer.
  return { marks, start: marks.length ? marks[0].line : lines.length };
}

/** A tail line as its section's name: without its brackets and a table cell's edge. */
function bare(s: string): string {
  return s.replace(/\s*[|｜]\s*$/, '').replace(/^[（(【\[]\s*|\s*[)）】\]]$/g, '');
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
