import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import type { Candidate, SilentRun } from './silentGuesses';
import { loneTrails, trailsAgain, type LoneTrail } from './loneTrails';
import { loneMarks, marksAgain, marksAtRate } from './loneMarks';
import { chooseMore, chooseRuns } from './chooseRuns';
import { keptWithWords, NEAR_SHOWN, nearFloorTrace, type NearMiss } from './nearWords';
import { stretches } from './scanArrays';
import { doubtedWindows } from './doubtWindows';
import { BOUND_SLACK, isLetterByte } from './runGate';
import { END_OPTIONS } from './runEnds';
import { withoutOverlaps, type Span } from '../../text/spanOverlap';
import { RunScan, SILENT_END_LOG_PRIOR } from './runScan';
import { MIN_GAIN } from './startRanking';
import { CONFIDENT_GAIN, documentBonus, nearAgain, rateTuning } from './documentRate';
import { echoedTraces, ECHO_CONTEXT, RUN_CONTEXT } from './echoedTraces';
import { besideChinese, BESIDE_MOST_SHARE } from './besideChinese';
import { searchProbe } from './probes';
import { LineWalk, searchMemo } from './searchMemo';

/**
 * Misaligned GBK runs that start without a mark: a lead byte was lost on the way (a cut, a
 * transfer that dropped one byte), and no decoder says so where it happened. From there on every
 * character shown is (trail of one character, lead of the next): `以下資料` became `以沦Y料`
 * (下 = CF C2, 資 = 98 59: C2 98 is 沦, and the trail 59 met in lead position is `Y`).
 *
 * A run ends where the decoder falls back into step (runEnds.ts: at ASCII or `€` its trail shows,
 * at a mark, at a trail dropped without one, at a second lost lead, or at an ASCII letter the last
 * trail swallowed).
 * The search works back from every such end: for each start, the bytes of the characters shown
 * are paired again one byte later, which fixes every character but the first (its lead is the lost
 * byte) and the last after a mark, a drop or a second lost lead. Those are read with the
 * character model from their neighbours, among the few bytes that fit, and kept only when the
 * model prefers one clearly; otherwise they stay lost, as U+FFFD, and the repair says so.
 *
 * The decision is a noisy-channel comparison: the text as shown against the reading plus the
 * price of the channel (a lost byte where the run starts, one more where it ends silently).
 * Runs are taken best first, so a run's own end wins over the shorter readings inside it.
 */

/** Characters shown between the lost byte and the run's end, at most. */
const MAX_RUN = 400;
/**
 * A possible end whose best start could gain this much (nats, the silent end's price included;
 * RunGate's bound) is searched even with no bigram that reads as garbage in reach
 * (`学坏谋弦瞪,` for 学位的毕业生，: every pair read one byte off is some common character), when
 * it shows UNDOUBTED_SHOWN characters or more: one character read as two (`水_木曜日` → `水的綺曜日`)
 * is too little to go on without that sign.
 */
const UNDOUBTED_GAIN = 16;
/**
 * The near-gate band: a short run (nearWords.ts: NEAR_SHOWN characters shown at most) whose
 * bigrams gain this much but less than MIN_GAIN is weighed again with the word model.
 */
const NEAR_GAIN = 8;

export type { SilentRun } from './silentGuesses';

/**
 * Runs in `v` (one line or a whole text; runs never cross a line break), in text order, without
 * overlaps; `rivals` (runs found from a mark, with their gain) compete with them, and those that
 * lose to a better reading come back in `beaten`. Lines in `skipped` (whole lines, sorted: text the
 * caller throws every run in away for) are not searched.
 */
export function findSilentRuns(v: string, table: DbcsTable, lm: CharLanguageModel, rivals: ReadonlyArray<{ start: number; end: number; gain: number }>, skipped: readonly Span[] = []): { runs: SilentRun[]; beaten: ReadonlySet<number> } {
  const found: Candidate[] = [];
  // Stretch by stretch, cut after a line break (scanArrays.ts): the ends of each are the ends
  // after its first offset up to its last, so every end is looked at once, as in one pass.
  const missed: NearMiss[] = [];
  const read = new Set<number>();
  // The ends a second pass can read are listed (findInStretch) from the stretch after the first
  // that holds a confident run (documentRate.ts): clean text, which has none, lists nothing and is
  // not searched again; a second pass walks the stretches before it in full.
  const hopeful: number[] = [];
  const listed = new Set<number>();
  let listing = false;
  for (const [from, to] of stretches(v)) {
    if (listing) listed.add(from);
    findInStretch(v, from, to, table, lm, found, skipped, missed, read, listing ? hopeful : undefined);
    listing ||= found.some((c) => c.gain >= CONFIDENT_GAIN);
  }
  // A trail byte or a mark alone between Chinese characters: a run of no character shown (`會O置`, `戰區?任`).
  const nearTrails: LoneTrail[] = [];
  const beside = besideChinese(v, v.length * BESIDE_MOST_SHARE);
  for (const lone of loneTrails(v, table, lm, nearTrails, beside)) found.push(lone);
  const nearMarks: Candidate[] = [];
  for (const lone of loneMarks(v, table, lm, nearMarks)) found.push(lone);
  // A lone trace the document's own text reads (echoedTraces.ts), weighed after every other run.
  found.push(...echoedTraces(v, table, lm, undefined, ECHO_CONTEXT, RUN_CONTEXT, beside));
  const outsideSkipped = (list: Candidate[]) => (skipped.length ? withoutOverlaps(list.map((f) => ({ start: f.run.start, end: f.run.end, f })), skipped).map((x) => x.f) : list);
  const first = chooseRuns(v, outsideSkipped(found), rivals, lm);
  // Where runs were found with confidence, the lone ones are weighed again at the document's rate.
  const bonus = documentBonus(v.length, first.gains);
  marksAtRate(found, bonus);
  if (bonus === 0) return first;
  // The band's floor is lowered by the rate as well (BAND_FLOOR_DROP times the bonus): the ends the
  // first pass read no run at are searched again, for short runs only, which the words weigh at
  // the lowered bar. Only a text that shows the channel pays for it.
  const again: Candidate[] = [];
  const lowered = NEAR_GAIN - bandFloorDrop(bonus);
  if (lowered < NEAR_GAIN) {
    // A measuring script is told of every end the second pass drops (probes.ts): it reads them all.
    const replay = !searchProbe().drop;
    for (const [from, to] of stretches(v)) findInStretch(v, from, to, table, lm, again, skipped, missed, read, replay && listed.has(from) ? hopeful : undefined, lowered);
    searchProbe().again?.(again);
  }
  return chooseMore(v, first, outsideSkipped([...again, ...nearAgain(missed, bonus), ...trailsAgain(v, nearTrails, lm, bonus), ...marksAgain(nearMarks, bonus)]), lm);
}

/**
 * How far the band's floor drops at the document's rate, times its bonus. Swept on the tuning part
 * (docs/repair-eval.md): 1, 2 and 4 take 21, 37 and 40 edits off whole documents; clean text has no
 * bonus and is not searched again.
 */
const BAND_FLOOR_DROP = 2;
/** The index in `hopeful` (triples by offset) of the first end after `from`. */
function firstAfter(hopeful: readonly number[], from: number): number {
  let lo = 0;
  let hi = hopeful.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hopeful[3 * mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  return 3 * lo;
}
const bandFloorDrop = (bonus: number): number => (searchProbe().bandDrop ?? BAND_FLOOR_DROP) * bonus;
/** The lowest floor a second pass can search at: the band's, dropped by the largest bonus. */
const lowestFloor = (): number => Math.min(NEAR_GAIN, NEAR_GAIN - bandFloorDrop(rateTuning().maxBonus));

/**
 * The best run, if any, for each end from `from` + 1 to `to`, into `found`. `read` holds the ends
 * (offset and option) where a run was read: the first pass (`nearGain` NEAR_GAIN) adds to it, a
 * second pass at a lower floor passes those over and looks for short runs only.
 *
 * `hopeful` lists the ends a second pass can find anything at, as (offset, where starts may begin,
 * the gate's running bound there) triples in text order: the first pass writes every end that
 * passes the gate at the lowest floor a second pass can have (an end the gate turns down there it
 * turns down at every higher floor, and the bound and the starts' limit do not depend on the
 * floor), and a second pass given the list reads only those ends (on the bench's misaligned text,
 * about a quarter of the ends the first pass weighs) instead of walking the windows again.
 */
function findInStretch(v: string, from: number, to: number, table: DbcsTable, lm: CharLanguageModel, found: Candidate[], skipped: readonly Span[], missed: NearMiss[], read: Set<number>, hopeful: number[] | undefined, nearGain = NEAR_GAIN): void {
  const second = nearGain < NEAR_GAIN;
  const lowest = lowestFloor();
  // A second pass from the list: the stretch's ends, if it has any.
  let r = 0;
  if (second && hopeful) {
    r = firstAfter(hopeful, from);
    if (r >= hopeful.length || hopeful[r] > to) return;
  }
  const scan = new RunScan(v, table, lm, from, to);
  const probe = searchProbe();
  const traceFloor = nearFloorTrace();
  // Where the shown characters can start, for ends in text order: the pairs read again one byte
  // later must all be ordinary characters from there on (RunScan.reachBack).
  let segLo = from;
  let badSeen = from;
  let lastBad = -1;
  let skip = 0;
  // Every option of the end at `at`, the gate's running bound brought there and `segLo` set.
  const readEnd = (at: number): void => {
    for (let option = 0; option < END_OPTIONS; option++) {
      const key = at * END_OPTIONS + option;
      if (second && read.has(key)) continue;
      const end = scan.endAt(at, option);
      if (!end) continue;
      // A silent end needs two characters shown (bestRun), so a pair read again before the last;
      // so does a swallowed ASCII byte (one character shown is its own lone trail).
      const silentEnd = end.kind === 'lead' || end.kind === 'dropped';
      if ((silentEnd || end.kind === 'swallow') && segLo > at - 2) continue;
      const floor = end.kind === 'ascii' && isLetterByte(end.trail) ? Math.min(traceFloor, nearGain) : nearGain;
      // No start could gain enough, even with every guessed character at its best (runGate.ts):
      // most ends in clean text stop here.
      const most = scan.gate.mostGain(at, end.garbledEnd, !silentEnd && end.kind !== 'swallow');
      const endPrior = silentEnd ? SILENT_END_LOG_PRIOR : 0;
      if (most + endPrior + BOUND_SLACK < floor) {
        probe.drop?.(at, -1, 'bound', most + endPrior);
        continue;
      }
      // At a second lost lead the last character is one with the trail shown: bounded over those.
      if (end.kind === 'lead' && scan.gate.mostGainAtLead(at, scan.code(at - 1) & 0xff, scan.trailBounds) + SILENT_END_LOG_PRIOR + BOUND_SLACK < nearGain) {
        probe.drop?.(at, -1, 'bound');
        continue;
      }
      // Below the gate only short runs are looked for (the near-gate band, weighed with the words).
      const near = second || most + endPrior + BOUND_SLACK < MIN_GAIN;
      // Something in reach must read as garbage (a bigram that unlikely), each offset weighed once.
      for (badSeen = Math.max(badSeen, segLo); badSeen <= Math.min(end.garbledEnd, v.length - 1); badSeen++) if (scan.badAt(badSeen)) lastBad = badSeen;
      const lo = Math.max(segLo, at - (near ? NEAR_SHOWN : MAX_RUN));
      // A run that could gain this much needs no such sign: it is searched, and judged, anyway.
      const undoubted = most + endPrior >= UNDOUBTED_GAIN;
      if (!undoubted && lastBad < Math.max(1, lo)) {
        probe.drop?.(at, -1, 'no garbage');
        continue;
      }
      const best = scan.bestRun(end, lo, most, undoubted, floor);
      if (!best) continue;
      read.add(key);
      // The near-gate band: the words must make up what the bigrams leave.
      if ((best.gain < MIN_GAIN || near || best.unsigned) && !keptWithWords(v, best, lm, missed)) {
        probe.drop?.(at, best.run.start, 'words', best.gain);
        continue;
      }
      probe.drop?.(at, best.run.start, 'found', best.gain);
      found.push(best);
    }
  };
  if (second && hopeful) {
    for (; r < hopeful.length && hopeful[r] <= to; r += 3) {
      const at = hopeful[r];
      segLo = hopeful[r + 1];
      scan.gate.restore(at, hopeful[r + 2]);
      // What the walk would have seen of bad bigrams from where starts may begin (every offset
      // before it is before any start, and ends of this offset read as far as they reach).
      badSeen = segLo;
      lastBad = -1;
      if (scan.gate.anyEndReaches(at, nearGain, Math.min(traceFloor, nearGain), SILENT_END_LOG_PRIOR, scan.code(at - 1) & 0xff, scan.code(at) >= 0, scan.trailBounds)) readEnd(at);
    }
    return;
  }
  // Only the windows around a sign of garbage are searched (doubtWindows.ts), no start before its
  // window's first offset: most of clean prose is in none.
  const windows = doubtedWindows(v, from, to, lm.flatBigrams());
  // In a document's window cache, a line searched before with the same inputs is passed over (searchMemo.ts).
  const memo = second ? undefined : searchMemo();
  const walk = memo && new LineWalk(memo, v, scan.gate, found, missed, read, hopeful);
  for (let w = 0; w < windows.length; w += 2) {
    segLo = windows[w];
    for (let at = windows[w] + 1; at <= windows[w + 1] && at <= to; at++) {
      // Ends in a skipped line are passed over (nothing here carries across a line break).
      while (skip < skipped.length && skipped[skip].end < at) skip++;
      if (skip < skipped.length && skipped[skip].start < at && (at = skipped[skip].end)) continue;
      if (walk) {
        if (at - 1 >= walk.lineEnd) walk.enter(at, windows, w);
        if (walk.taken && (at = walk.lineEnd)) continue;
      }
      // A run shows a double-byte character before its end (a folded `Ｎ`, foldedCode(), inside or before a mark).
      if (scan.code(at - 1) < 0) continue;
      if (!(at >= 2 && scan.code(at - 2) >= 0 && scan.repairedCode(at - 2) >= 0)) segLo = at - 1;
      if (v.charCodeAt(at - 1) < 0x80 && v[at] !== '?' && v[at] !== '\ufffd') continue;
      scan.gate.advance(at, segLo);
      // No end here reaches the gate below, whatever its kind, even at its bound (most ends in
      // clean text): none is read (RunGate.anyEndReaches, at least mostGain with the end's price).
      const trail = scan.code(at - 1) & 0xff;
      const leadNext = scan.code(at) >= 0;
      // The first pass writes down the ends a second pass can read (at the lowest floor first: an
      // end it turns down reaches no higher one).
      if (!second && hopeful) {
        if (!scan.gate.anyEndReaches(at, lowest, Math.min(traceFloor, lowest), SILENT_END_LOG_PRIOR, trail, leadNext, scan.trailBounds)) continue;
        hopeful.push(at, segLo, scan.gate.bound());
      }
      if (!scan.gate.anyEndReaches(at, nearGain, Math.min(traceFloor, nearGain), SILENT_END_LOG_PRIOR, trail, leadNext, scan.trailBounds)) continue;
      readEnd(at);
    }
  }
  walk?.finish();
}
