import { isCjkPunct, isHan } from '../../text/chars';

/** A list longer than this share of the text is given up (silentRuns.ts): the scans read every offset. */
export const BESIDE_MOST_SHARE = 1 / 64;

/**
 * Where a lone trace can stand: the offsets just before and just after each run of Chinese
 * characters (isChinese: Han and CJK punctuation), each once, in order. A trace (a trail shown as
 * itself, a mark) is weighed only beside Chinese (echoedTraces.ts: on one side at least;
 * loneTrails.ts: on both), so the scans that look for one read these offsets instead of every
 * character: one pass over the text with a table look-up a code unit, then a few offsets per
 * Chinese run. Text with little Chinese (English, code) has few; in text dense with short Chinese
 * runs (Japanese, its kanji between kana) the list costs more than the scans it spares, so a caller
 * may give up on it past `most` offsets and read every offset as before (BESIDE_MOST_SHARE).
 */
export function besideChinese(v: string): number[];
/** …or undefined once there are more than `most` of them: text dense in Chinese, read at every offset. */
export function besideChinese(v: string, most: number): number[] | undefined;
export function besideChinese(v: string, most = Infinity): number[] | undefined {
  const chinese = chineseUnits();
  const out: number[] = [];
  let inRun = false;
  let last = -1;
  for (let i = 0; i < v.length; i++) {
    if (chinese[v.charCodeAt(i)] === 1) {
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

let units: Uint8Array | undefined;

/** Per UTF-16 code unit, 1 where loneMarks' isChinese holds (Han or CJK punctuation; its callers pass code units, and no surrogate is either). */
function chineseUnits(): Uint8Array {
  if (units) return units;
  units = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (isHan(c) || isCjkPunct(c)) units[c] = 1;
  return units;
}
