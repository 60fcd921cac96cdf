import type { GarbleIssue } from '../types';
import { getCharModel, type CharLanguageModel } from '../model/charLanguageModel';
import { gather, mojibakeStops, utf8Reach, validRunEnds, type StopRanges } from './mojibake/gatherRuns';
import { charTables, IN_SEGMENT, OPENS_UTF8 } from './mojibake/charTables';
import { bestRun, judge, type Choice } from './mojibake/judgeReading';
import { ReadingMemo } from './mojibake/readingMemo';
import type { MojibakeSpec, Unit } from './mojibake/mojibakeSpec';
import { isCjkPunct, isHan } from '../text/chars';
import { hexByte } from '../codec/hexByte';
import { sequenceLength } from '../codec/utf8WithHoles';

export type { MojibakeSpec } from './mojibake/mojibakeSpec';
export { mojibakeStops } from './mojibake/gatherRuns';

/**
 * Mojibake repair, the shared part (ftfy's idea, for the code pages Chinese text meets):
 * UTF-8 bytes were decoded with a legacy code page and the result was saved. Running the code page
 * backwards gives the bytes again, and decoding them as UTF-8 gives the text back:
 *   鍙傛暟  → encode gbk    → E5 8F 82 E6 95 B0 → decode utf-8 → 参数
 *   ä¸­æ–‡ → encode cp1252 → E4 B8 AD E6 96 87 → decode utf-8 → 中文
 * A byte the code page could not print became `?` (or U+FFFD); such holes are filled with the bytes
 * that keep the stream valid UTF-8, chosen by the character language model.
 *
 * Three ideas, one file each under mojibake/: gathering the characters a code page could have
 * printed (gatherRuns.ts), reading them back with their holes filled (readRun.ts), and judging a
 * reading (judgeReading.ts). This file walks the text and turns the chosen runs into findings.
 */
export function findUtf8Mojibake(text: string, spec: MojibakeSpec, stops: StopRanges = mojibakeStops(text, [spec])[0]): GarbleIssue[] {
  const issues: GarbleIssue[] = [];
  let lm: CharLanguageModel | undefined;
  let segmentStart = true;
  const tables = charTables(spec);
  let nextStop = 0;
  // The same stretch read twice reads the same: its verdict before the weighing is kept.
  const memo = new ReadingMemo();
  for (let i = 0; i < text.length; ) {
    // The characters before the next stop open nothing, and where segments matter (alternates)
    // every segment character is a stop: the ones passed by are outside any segment.
    while (nextStop < stops.length && stops[nextStop + 1] <= i) nextStop += 2;
    const stop = nextStop < stops.length ? Math.max(i, stops[nextStop]) : text.length;
    if (stop > i) {
      segmentStart = true;
      i = stop;
      if (i >= text.length) break;
    }
    const c = text.charCodeAt(i);
    const cp = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
    const width = cp > 0xffff ? 2 : 1;
    const f = tables.flagsAt(cp);
    const inSegment = (f & IN_SEGMENT) !== 0;
    const opensSegment = inSegment && segmentStart;
    segmentStart = !inSegment;
    // A run may open on a mark where the lead of its first character was lost.
    const hole = spec.holesOpen === true && (cp === 0x3f || cp === 0xfffd);
    // Most characters can neither open a UTF-8 sequence nor start a Latin-1 segment: one table
    // look-up and on.
    if ((f & OPENS_UTF8) === 0 && !hole && !(opensSegment && spec.alternates)) {
      i += width;
      continue;
    }
    let choice: { units: Unit[]; choice: Choice } | undefined;
    let skipTo = i + width;
    // A stretch of Latin-1 letters inside Chinese text is mojibake as a whole, when it reads back
    // at all (with dropped bytes restored, or as GBK/Big5): judge the whole segment first.
    if (opensSegment && spec.alternates) {
      const units = gather(text, i, spec);
      lm ??= getCharModel();
      const c = units.length >= 2 ? judge(text, units, 0, units.length, spec, lm, false, memo) : undefined;
      if (c) choice = { units, choice: c };
    }
    const r = !choice && (f & OPENS_UTF8 || hole) ? utf8Reach(text, i, spec) : undefined;
    // A reach of marks and ASCII alone has no byte to read: every character in it would stay lost,
    // and a reading with no Chinese is never made (judgeReading), so it is not gathered (text saved
    // with every legacy byte turned into U+FFFD is full of such reaches).
    if (r && r.reach >= 2 && r.cjk >= 1 && r.known > 0) {
      const units = gather(text, i, spec, true);
      const ends = validRunEnds(units, 0, spec.holeBytes, spec.widerHoles);
      const furthest = ends.length ? ends[ends.length - 1] : 0;
      if (furthest >= 2) {
        lm ??= getCharModel();
        const c = bestRun(text, units, 0, ends, spec, lm, issues.length > 0, memo);
        if (c) choice = { units, choice: c };
        else skipTo = units[furthest - 1].end;
      }
    }
    if (choice) {
      const issue = toIssue(choice.units, choice.choice, spec);
      const cut = spec.otherLanguages ? cutLastCharacter(text, choice.units, choice.choice.end, issue) : undefined;
      issues.push(cut ?? issue);
      i = cut ? cut.end : choice.units[choice.choice.end - 1].end;
    } else {
      i = skipTo;
    }
  }
  return issues;
}

/**
 * Korean or Japanese UTF-8 read as GBK whose last character was cut (a field cut to a byte length):
 * `여러분` is EC 97 AC EB 9F AC EB B6 84, and without its last byte reads `鞐煬攵`, whose `攵` (EB B6)
 * is the first two bytes of a three-byte sequence. The reading ends before it; what it was cannot
 * be known, so the repair shows it as U+FFFD and says the span is lossy instead of leaving a Han
 * character the writer never wrote beside the Korean. Only where the run ends there (no Han
 * character follows) and the reading is Korean or Japanese: in Chinese text the next character
 * may well be the writer's own.
 */
export const CUT_LAST_CHARACTER = 'last character cut';
const KANA_OR_HANGUL = /[\u3041-\u30ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

function cutLastCharacter(text: string, units: readonly Unit[], end: number, issue: GarbleIssue): GarbleIssue | undefined {
  const unit = units[end];
  if (!unit?.bytes || unit.start !== issue.end || !issue.replacement || !KANA_OR_HANGUL.test(issue.replacement)) return undefined;
  if (!utf8Prefix(unit.bytes)) return undefined;
  const next = text.codePointAt(unit.end);
  if (next !== undefined && (isHan(next) || isCjkPunct(next) && next > 0xff)) return undefined;
  const hex = unit.bytes.map(hexByte).join(' ');
  return {
    ...issue,
    end: unit.end,
    replacement: `${issue.replacement}\ufffd`,
    plan: [...issue.plan, `${CUT_LAST_CHARACTER}: ${hex} begin a UTF-8 sequence whose end is gone, kept as U+FFFD`],
    lossy: true,
  };
}

/** A lead byte of a three- or four-byte UTF-8 sequence and fewer continuation bytes than it needs. */
function utf8Prefix(bytes: readonly number[]): boolean {
  const [lead, ...rest] = bytes;
  const need = sequenceLength(lead) - 1;
  if (need < 2 || rest.length >= need) return false;
  if (!rest.every((b) => b >= 0x80 && b <= 0xbf)) return false;
  const second = rest[0];
  if (second === undefined) return true;
  // The second byte's range for the leads that restrict it (no overlong forms, no surrogates).
  if (lead === 0xe0) return second >= 0xa0;
  if (lead === 0xed) return second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90;
  if (lead === 0xf4) return second <= 0x8f;
  return true;
}

function toIssue(units: Unit[], choice: Choice, spec: MojibakeSpec): GarbleIssue {
  return {
    kind: spec.kind,
    start: units[choice.start].start,
    end: units[choice.end - 1].end,
    confidence: Math.min(0.99, 0.6 + choice.gain / 10),
    replacement: choice.reading.text,
    plan: choice.reading.plan,
    ...(choice.reading.lossy ? { lossy: true } : {}),
  };
}
