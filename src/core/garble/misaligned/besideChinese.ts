import { isChinese } from '../../text/chars';

/** A list longer than this share of the text is given up (silentRuns.ts): the scans read every offset. */
export const BESIDE_MOST_SHARE = 1 / 64;

/**
 * Where a lone trace can stand: the offsets just before and just after each run of Chinese
 * characters (text/chars.ts isChinese: Han and CJK punctuation), each once, in order. A trace (a
 * trail shown as itself, a mark) is weighed only beside Chinese (echoedTraces.ts: on one side at
 * least; loneTrails.ts: on both), so the scans that look for one read these offsets instead of
 * every character: one pass over the text asking isChinese of each code unit (a few comparisons,
 * no table to build first), then a few offsets per Chinese run. Text with little Chinese
 * (English, code) has few; in text dense with short Chinese runs (Japanese, its kanji between
 * kana) the list costs more than the scans it spares, so a caller may give up on it past `most`
 * offsets and read every offset as before (BESIDE_MOST_SHARE).
 */
export function besideChinese(v: string): number[];
/** …or undefined once there are more than `most` of them: text dense in Chinese, read at every offset. */
export function besideChinese(v: string, most: number): number[] | undefined;
export function besideChinese(v: string, most = Infinity): number[] | undefined {
  const out: number[] = [];
  let inRun = false;
  let last = -1;
  for (let i = 0; i < v.length; i++) {
    if (isChinese(v.charCodeAt(i))) {
      if (inRun) continue;
      inRun = true;
      // The offset before the run, unless it is the one after the run before (one character apart).
      if (i > 0 && last !== i - 1) out.push(i - 1);
    } else if (inRun) {
      inRun = false;
      out.push((last = i));
      if (out.length > most) return undefined;
    }
  }
  return out.length > most ? undefined : out;
}
