import type { GarbleIssue } from '../types';
import { gbkTable, type DbcsTable } from '../codec/gbkTable';
import { getCharModel, type CharLanguageModel } from '../model/charLanguageModel';
import { firstCodePoint, isHan, isCjkPunct } from '../text/chars';
import { TextView } from '../text/textView';
import { gbkGuesses } from './misaligned/gbkGuesses';
import { judgeRun, type RunRepair } from './misaligned/judgeRun';
import { RunSearch } from './misaligned/runSearch';
import { isHoleChar, tokenizeRun } from './misaligned/runTokens';
import { findSilentRuns } from './misaligned/silentRuns';
import type { TextDetector } from '../pipeline/garbleDetector';
import { CJK } from '../pipeline/textScan';
import { overlapping, withoutOverlaps, type Span } from '../text/spanOverlap';
import { weighRepair, CHANNEL_LOG_PRIOR, NEIGHBOURHOOD } from '../decision';
import { rateTuning } from './misaligned/documentRate';

/**
 * Misaligned GBK runs: `?!叭缃馭MC` for `。“如今SMC`.
 *
 * GBK text was decoded one byte off from some point on. The decoder lost the run's first byte (it
 * shows as `?`), paired every trail byte with the next lead byte, and fell back into step only
 * when an ASCII byte landed where a lead was expected. Along the way:
 *  - fullwidth punctuation U+FF01–FF5E produced inside the run was later folded to ASCII, so a `!`
 *    inside a run is the pair A3 A1 and a `;` is A3 BB;
 *  - a lone last byte surfaces as itself when it is 0x40–0x7E (`R`), as `€` when it is 0x80 (cp936),
 *    and as `?` otherwise;
 *  - a pinyin annotation's `(` can be swallowed with the byte before it, leaving an orphan `yīng)`.
 *
 * Repair: turn the run back into bytes, with holes for the lost ones (misaligned/runTokens.ts),
 * pair the bytes again from the lost lead on, and let the character language model choose the
 * hole bytes (misaligned/runSearch.ts, a beam search; what a hole can stand for is in
 * misaligned/holeReadings.ts). A run is accepted only when the repaired text reads far better
 * than the run did (misaligned/judgeRun.ts), so real `?`, `!` and rare characters stay as they are.
 */

const CONTEXT = 4;
/** Characters on each side of a U+FFFD anchor looked at, and the most U+FFFD a run has among them. */
const FFFD_NEIGHBOURHOOD = 10;
const MAX_MARKS_NEARBY = 3;
/** Characters after the `?` looked at to decide whether the thorough search is worth it… */
const GARBAGE_PROBE = 6;
/** …which it is when they read worse than this (nats per character; real prose is near −6). */
const GARBAGE_LOGPROB = -8;

/** A `?` worth trying as a lost lead byte: next to Chinese text, followed by something GBK holds. */
function isAnchor(view: string, i: number): boolean {
  if (!isHoleChar(view[i])) return false;
  const next = view.codePointAt(i + 1);
  if (next === undefined || next < 0x21 || next === 0x3f || next === 0xfffd) return false;
  const prev = i > 0 ? view.codePointAt(i - 1)! : 0;
  // A run starts with exactly one lost byte: `???` is a placeholder, not a run.
  if (prev === 0x3f || prev === 0xfffd) return false;
  // U+FFFD all around is legacy bytes read as UTF-8 (replacement-char), not a misaligned run,
  // which has a mark at its start, maybe one at its end and one per swallowed `(`.
  if (view[i] === '\ufffd') {
    let marks = 0;
    for (let j = Math.max(0, i - FFFD_NEIGHBOURHOOD); j < Math.min(view.length, i + FFFD_NEIGHBOURHOOD); j++) if (view[j] === '\ufffd') marks++;
    if (marks > MAX_MARKS_NEARBY) return false;
  }
  const chineseAround = (cp: number) => isHan(cp) || isCjkPunct(cp) || cp === 0x20ac;
  if (!(chineseAround(prev) || chineseAround(next))) return false;
  // `what?No`: English on both sides is English.
  if (prev < 0x80 && prev > 0x20 && next < 0x80) return false;
  return true;
}

/**
 * The next `?` or U+FFFD at or after a position. Anchors are holes, a few hundred in a megabyte of
 * clean text: the native search finds them instead of a test on every character.
 */
class HoleCursor {
  private question = -1;
  private replacement = -1;

  constructor(private readonly text: string) {}

  /** Offset of the next hole at or after `from`, or the text's length. */
  next(from: number): number {
    if (this.question < from) this.question = this.find('?', from);
    if (this.replacement < from) this.replacement = this.find('\ufffd', from);
    return Math.min(this.question, this.replacement);
  }

  private find(ch: string, from: number): number {
    const at = this.text.indexOf(ch, from);
    return at < 0 ? this.text.length : at;
  }
}

/**
 * Runs in `text` with `removed` (pinyin annotations) left out of the view. Runs overlapping one of
 * `discarded` (spans of the text read otherwise, which the caller throws such runs away for) may
 * be left unfound: a line whose every character but spaces lies in one of them is not searched
 * for silent runs, which never cross a line and so could only be thrown away, and a silent run
 * found elsewhere that overlaps one is not returned (nor read).
 */
export function findMisalignedGbk(text: string, removed: readonly Span[] = [], discarded: readonly Span[] = []): GarbleIssue[] {
  const view = new TextView(text, removed);
  const v = view.text;
  const issues: GarbleIssue[] = [];
  let table: DbcsTable | undefined;
  let lm: CharLanguageModel | undefined;
  const budget = searchBudget(v.length);
  const holes = new HoleCursor(v);
  const anchored: Array<{ start: number; end: number; gain: number }> = [];
  for (let i = holes.next(0); i < v.length; i = holes.next(i + 1)) {
    if (!isAnchor(v, i)) continue;
    table ??= gbkTable();
    lm ??= getCharModel();
    const found = repairRun(v, i, table, lm, budget);
    if (!found) continue;
    issues.push({
      kind: 'misaligned-gbk',
      start: view.startOf(i),
      end: view.endOf(found.end),
      confidence: found.confidence,
      replacement: found.out,
      plan: found.plan,
    });
    anchored.push({ start: i, end: found.end, gain: found.gain });
    i = found.end - 1;
  }
  // Runs whose lost byte left no mark, found from where they end (misaligned/silentRuns.ts). A
  // mark may also be where a run ends rather than where it starts: the two readings compete.
  table ??= gbkTable();
  lm ??= getCharModel();
  const silent = findSilentRuns(v, table, lm, anchored, coveredLines(view, discarded));
  const kept = issues.filter((_, k) => !silent.beaten.has(k));
  issues.length = 0;
  issues.push(...kept);
  // A silent run's reading is lazy (its ends read again with the line's prior and the word
  // model): one the caller throws away is left unread. In a file of GBK mojibake that is nearly
  // every one of them.
  const spans = silent.runs.map((run) => ({ start: view.startOf(run.start), end: view.endOf(run.end), run }));
  for (const { start, end, run } of withoutOverlaps(spans, discarded)) {
    issues.push({
      kind: 'misaligned-gbk',
      start,
      end,
      confidence: run.confidence,
      replacement: run.out,
      plan: run.plan,
      ...(run.lossy ? { lossy: true } : {}),
    });
  }
  return issues.sort((a, b) => a.start - b.start);
}

/**
 * The lines of the view (a line's end after its `\n`) whose every character but spaces and line
 * breaks starts, in the original text, inside one of `spans`; adjacent ones joined, in order.
 */
function coveredLines(view: TextView, spans: readonly Span[]): Span[] {
  if (spans.length === 0) return [];
  const v = view.text;
  // The spans' union, in order.
  const union: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = union[union.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else if (s.end > s.start) union.push({ start: s.start, end: s.end });
  }
  const lines: Span[] = [];
  let u = 0;
  for (let start = 0, end = 0; start < v.length; start = end) {
    const newline = v.indexOf('\n', start);
    end = newline < 0 ? v.length : newline + 1;
    let covered = true;
    for (let i = start; i < end && covered; i++) {
      const c = v.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) continue;
      const at = view.startOf(i);
      while (u < union.length && union[u].end <= at) u++;
      covered = u < union.length && union[u].start <= at;
    }
    if (!covered) continue;
    const last = lines[lines.length - 1];
    if (last && last.end === start) last.end = end;
    else lines.push({ start, end });
  }
  return lines;
}

/**
 * What a text may spend on searches: a real article has a handful of runs, but a hostile one
 * (`?中` repeated) has an anchor every other character, and each search costs milliseconds. Past
 * the thorough budget anchors get the plain search; past the plain one they are left alone. The
 * work (guesses weighed, RunSearch.work) is bounded as well, so that no text costs more than a
 * fixed amount per character whatever its anchors look like: 500 guesses a character (tens of
 * microseconds) past a fixed allowance. Real text stays inside it: the case tables, the Yizhuang
 * article and the bench workloads spend at most half of it, on short lines of Big5 mojibake,
 * whose `?` look like lost bytes.
 */
interface SearchBudget {
  thorough: number;
  plain: number;
  work: number;
}

function searchBudget(length: number): SearchBudget {
  return { thorough: 16 + Math.floor(length / 1000), plain: 64 + Math.floor(length / 100), work: 200_000 + 500 * length };
}

function repairRun(v: string, anchor: number, table: DbcsTable, lm: CharLanguageModel, budget: SearchBudget): RunRepair | undefined {
  const { tokens, ends } = tokenizeRun(v, anchor, table);
  if (tokens.length < 2) return undefined;
  const leftStart = Math.max(0, anchor - CONTEXT);
  const left = v.slice(leftStart, anchor);
  const leftChar = left ? [...left].pop()! : '';
  const leftBytes = leftChar ? table.bytesOf(leftChar) : undefined;
  const leftByte = leftBytes ? leftBytes[leftBytes.length - 1] : -1;
  const windowEnd = Math.min(v.length, ends[ends.length - 1] + CONTEXT);
  const newline = v.slice(ends[ends.length - 1]).search(/[\r\n]/);
  const lineEnd = newline < 0 ? v.length : ends[ends.length - 1] + newline;

  // The thorough search (pairs the decoder dropped without a mark) where the text after the `?`
  // reads like garbage; the plain one where it reads like text (a real question mark, most likely).
  // A second `?` close by (the run's lost last byte) says as much.
  const garbage =
    tokens.slice(1, GARBAGE_PROBE).some((t) => t.type === 'hole' || t.type === 'orphan') ||
    lm.perChar(v.slice(anchor + 1, Math.min(ends[ends.length - 1], anchor + 1 + GARBAGE_PROBE))) <= GARBAGE_LOGPROB;
  if (budget.work <= 0) return undefined;
  const thorough = garbage && budget.thorough > 0;
  if (thorough) budget.thorough--;
  else if (budget.plain-- <= 0) return undefined;
  const search = new RunSearch(gbkGuesses(), lm, thorough);
  const candidates = search.run(tokens, leftChar, leftByte, budget.work);
  budget.work -= search.work;
  const repair = candidates.length ? judgeRun(candidates, { view: v, anchor, ends, leftStart, left, windowEnd, lineEnd }, lm) : undefined;
  if (repair && ONLY_MARK_AND_ASCII.test(v.slice(anchor, repair.end)) && !formsWord(repair.out, v.slice(repair.end, repair.end + 2), lm)) return undefined;
  return repair;
}

/**
 * A mark followed by ASCII only (`版本?Y訊` for 版本資訊, but also `麥康姆?X自傳`, Malcolm X) shows
 * no byte paired wrongly: a text may write that itself. Such a run is read back only when the
 * character it gives is common and makes a word with the character after it (資訊, 漸變).
 */
const ONLY_MARK_AND_ASCII = /^[?\ufffd][\x21-\x7e]*$/;
const MINIMAL_RUN_RANK = 3000;
const MINIMAL_RUN_BIGRAM = -5;

function formsWord(out: string, after: string, lm: CharLanguageModel): boolean {
  const chars = [...out];
  const last = chars[chars.length - 1];
  const next = firstCodePoint(after);
  if (!last || !next) return false;
  return chars.every((c) => !isHan(c.codePointAt(0)!) || lm.rank(c) <= MINIMAL_RUN_RANK) && lm.bigram(last, next) >= MINIMAL_RUN_BIGRAM;
}

const READS_SOMETHING = /[^\ufffd?]/;
/** Characters between a lost-only mojibake reading and one that reads something, at most, for the first to count. */
const MOJIBAKE_NEARBY = 40;

export const misalignedGbkDetector: TextDetector = {
  level: 'text',
  kind: 'misaligned-gbk',
  looksFor: 'GBK decoded one byte off: ?!叭缃馭MC → 。“如今SMC',
  plan: 'pair the bytes again from the lost lead byte on, the lost bytes chosen by the character model',
  noun: ['misaligned GBK run', 'misaligned GBK runs'],
  // A run starts where its first byte was lost: a `?` or U+FFFD, or no mark at all (silentRuns.ts).
  // Either way it sits among Chinese and shows double-byte characters, Han among them: a text
  // with no Han, CJK punctuation or fullwidth form (Cyrillic, Latin, Greek, which GBK also
  // holds) has none and is not searched.
  needs: CJK,
  // GBK mojibake is weighed first: a U+FFFD or `?` where a GBK decoder lost a byte of UTF-8
  // (鏈�鍎�) also looks like a misaligned run's lost byte, but a reading that is whole UTF-8
  // sequences for several characters is the stronger evidence. So is UTF-8 read as Windows-1252
  // whose undefined bytes became U+FFFD (`ç�€` in `æ‰¿æ‹…ç�€`, 承担着).
  // A mojibake reading that reads nothing back (`洌�` as one lost character, U+FFFD) is such
  // evidence only among readings that do: alone, the pair is as likely the end of a misaligned
  // run, which reads through it. A reading of two characters with no longer one near it
  // (`璞�` as 象 in `标准错笊璞�`) is weighed against the run there by the model (beatsMojibake).
  uses: ['pinyin-annotation', 'mojibake-gbk', 'mojibake-latin1'],
  find: ({ text, found }) => {
    const readings = [...found('mojibake-gbk'), ...found('mojibake-latin1')].filter((g) => g.replacement !== undefined);
    const readBack = readings.filter((g) => READS_SOMETHING.test(g.replacement!));
    // A lost-only reading counts when a reading that reads something lies within MOJIBAKE_NEARBY.
    const lostOnly = readings.filter((g) => !READS_SOMETHING.test(g.replacement!));
    const alone = new Set(withoutOverlaps(lostOnly.map((g) => ({ start: g.start - MOJIBAKE_NEARBY, end: g.end + MOJIBAKE_NEARBY, g })), readBack).map((x) => x.g));
    const mojibake = readings.filter((g) => !alone.has(g));
    // A short GBK-mojibake reading (two characters shown) with no longer reading near it is no
    // stronger evidence than a misaligned run over the same place: the two are weighed against
    // each other. Near a longer reading the text shows the mojibake channel and it stands.
    const longer = readBack.filter((g) => !isShort(text, g));
    const candidates = mojibake.filter((g) => g.kind === 'mojibake-gbk' && isShort(text, g));
    const short = new Set(withoutOverlaps(candidates.map((g) => ({ start: g.start - MOJIBAKE_NEARBY, end: g.end + MOJIBAKE_NEARBY, g })), longer).map((x) => x.g));
    const firm = mojibake.filter((g) => !short.has(g));
    const runs = withoutOverlaps(findMisalignedGbk(text, found('pinyin-annotation'), firm), firm);
    if (short.size === 0) return runs;
    // Each run weighed against the short readings it overlaps, found by start (a run and a reading
    // each may be many in a long text).
    const byStart = [...short].sort((a, b) => a.start - b.start);
    const longest = byStart.reduce((most, g) => Math.max(most, g.end - g.start), 0);
    const overlapped = (run: GarbleIssue) => overlapping(byStart, longest, run.start, run.end);
    // Each channel's prior odds: its own rate in the text, the runs that meet no short reading
    // against the mojibake readings that read more than two characters.
    const odds = { run: channelOdds(runs.filter((run) => overlapped(run).length === 0).length, text.length), mojibake: channelOdds(longer.length, text.length) };
    return runs.filter((run) => beatsMojibake(text, run, overlapped(run), odds));
  },
};

/** Characters a GBK-mojibake reading shows, at most, to be weighed against a misaligned run. */
const SHORT_READING = 2;

function isShort(text: string, g: GarbleIssue): boolean {
  return [...text.slice(g.start, g.end)].length <= SHORT_READING;
}

/**
 * Nats of prior odds a channel gains in a text of `length` where it is seen at work `count` times
 * (runs found, or mojibake readings), as documentRate.ts prices a document's own rate of runs:
 * ln(rate / baseRate), the rate per 1,000 characters, at most maxBonus, nothing below two.
 */
function channelOdds(count: number, length: number): number {
  if (count < 2 || length === 0) return 0;
  const { baseRate, maxBonus } = rateTuning();
  return Math.min(maxBonus, Math.max(0, Math.log((1000 * count) / length / baseRate)));
}

/**
 * Whether a misaligned run explains its place better than the short GBK-mojibake readings it
 * overlaps: each hypothesis is weighed over the same span (the union of the run and the readings)
 * against the text as shown, each at its channel's prior (CHANNEL_LOG_PRIOR, raised by `odds`:
 * how often the text shows each channel elsewhere, channelOdds), and the run must gain more.
 */
function beatsMojibake(text: string, run: GarbleIssue, readings: readonly GarbleIssue[], odds: { run: number; mojibake: number }): boolean {
  if (readings.length === 0) return true;
  if (run.replacement === undefined) return false;
  const start = Math.min(run.start, ...readings.map((g) => g.start));
  const end = Math.max(run.end, ...readings.map((g) => g.end));
  const hypothesis = (reading: string) =>
    weighRepair({ before: text.slice(Math.max(0, start - NEIGHBOURHOOD), start), original: text.slice(start, end), reading, after: text.slice(end, end + NEIGHBOURHOOD) }, CHANNEL_LOG_PRIOR).margin;
  const asRun = text.slice(start, run.start) + run.replacement + text.slice(run.end, end);
  let asMojibake = '';
  let at = start;
  for (const g of [...readings].sort((a, b) => a.start - b.start)) {
    if (g.start < at) continue;
    asMojibake += text.slice(at, g.start) + (g.replacement ?? text.slice(g.start, g.end));
    at = g.end;
  }
  asMojibake += text.slice(at, end);
  return hypothesis(asRun) + odds.run > hypothesis(asMojibake) + odds.mojibake;
}
