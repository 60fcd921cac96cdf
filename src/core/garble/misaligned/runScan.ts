import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { isHan } from '../../text/chars';
import { foldedCode, GUESS_MARGIN, guessPair, lazyRun, ordinary, rereadEnds, type Candidate, type Guess, type SilentRun } from './silentGuesses';
import { markAlone } from './loneMarks';
import { isChinese } from '../../text/chars';
import { guessBetween, reaches } from './guessBound';
import { PairedAgain } from './pairedAgain';
import { scanArrays } from './scanArrays';
import { BadBigrams } from './badBigrams';
import { BOUND_SLACK, digitCharge, firstOnlyBound, RunGate } from './runGate';
import { TrailBounds } from './trailBounds';
import { kanaNear, isKana } from './nearby';
import { DROPPED, endAt, lastAtLead, type End } from './runEnds';
import { hexByte as hex } from '../../codec/hexByte';
import { searchProbe } from './probes';
import { hopeless, LostLeadSums, MIN_GAIN, MIN_GAIN_PER_CHAR, notAbove, startKey, type Ranked } from './startRanking';

// The search back from the ends of misaligned runs with no mark (silentRuns.ts): the text's pairs,
// their pairings one byte later, and the best start for an end.

/** A start whose reading loses this much (nats) to the text as shown ends the search back. */
const HOPELESS = 30;
/**
 * ln P of a second silent event (a run's end with no mark: a second lost lead, a dropped trail),
 * on top of the lost lead that starts every run. Calibrated on the tuning splits: the smallest
 * price that changes no clean tuning file (docs/repair-eval.md).
 */
export const SILENT_END_LOG_PRIOR = -8;
/**
 * Characters shown before a trace (`?`, an ASCII trail) a run may hold without a bigram that reads
 * as garbage (unsigned). Two where both ends are guessed sure (below): clean text's unsigned runs
 * still gain at most 21.9 nats with the words, under nearWords.ts's bar of 24
 * (scripts/eval-repair/misaligned-near.mjs --ner, docs/repair-eval.md).
 */
const TRACE_SHOWN = 2;
/** Characters a run shows at least to be searched without a bigram that reads as garbage. */
const UNDOUBTED_SHOWN = 3;

/** The text's characters as GBK pairs and their pairings one byte later, worked out once. */
export class RunScan {
  /** Per offset: the character's two bytes as lead << 8 | trail, -1 for none, 0 not looked at. */
  private readonly pairs: Int32Array;
  /** Per offset: the trail there paired with the next lead, as a code unit; -1 none, 0 not looked at. */
  private readonly repaired: Int32Array;
  private readonly firsts = new Map<number, Guess | null>();
  /** ln Σ P of a start's lost lead's options (startRanking.ts), kept per start. */
  private readonly logSums: LostLeadSums;
  private readonly bad: BadBigrams;
  readonly gate: RunGate;
  readonly trailBounds: TrailBounds;
  private readonly pairedAgain: PairedAgain;
  /** What a measuring script is told of the checks (probes.ts); nothing in use. */
  private readonly probe = searchProbe();

  /** The offset of the per-offset arrays' first entries: the one before the stretch. */
  private readonly base: number;

  /** For the ends of the stretch `from`–`to`: offsets from `from` − 1 to `to` + 2 are read. */
  constructor(
    private readonly v: string,
    private readonly table: DbcsTable,
    private readonly lm: CharLanguageModel,
    from: number,
    to: number,
  ) {
    this.base = from - 1;
    const a = scanArrays(to - from + 4);
    this.pairedAgain = PairedAgain.of(table, lm);
    this.trailBounds = TrailBounds.of(table, lm);
    this.logSums = new LostLeadSums(table, lm);
    this.gate = new RunGate(v, lm, (i) => this.repairedCode(i), a.shown, a.read, this.base);
    this.bad = new BadBigrams(v, (i) => this.gate.shownAt(i), a.bad, this.base);
    this.pairs = a.pairs;
    this.repaired = a.repaired;
  }

  /** The two bytes of the character at `i` (lead << 8 | trail) when it is double-byte GBK (not kana), else -1. */
  code(i: number): number {
    let p = this.pairs[i - this.base];
    if (p === 0) {
      const cu = i < this.v.length ? this.v.charCodeAt(i) : 0;
      // Kana with other kana nearby are Japanese text's own (GBK holds them too): no run reaches
      // across them. A lone one among Han is what rows A4 and A5 make of misaligned bytes.
      const japanese = isKana(cu) && kanaNear(this.v, i);
      const c = cu < 0x80 ? foldedCode(this.v, i, this.table) : japanese ? -1 : this.table.codeOf(cu);
      p = c >= 0x100 ? c : -1;
      this.pairs[i - this.base] = p;
    }
    return p;
  }

  pair(i: number): readonly number[] | null {
    const p = this.code(i);
    return p < 0 ? null : [p >> 8, p & 0xff];
  }

  /** The trail of the character at `i` paired with the lead of the one after it, if ordinary. */
  repairedAt(i: number): string | null {
    const r = this.repairedCode(i);
    return r < 0 ? null : String.fromCharCode(r);
  }

  /** The same as a code unit, -1 for none. */
  repairedCode(i: number): number {
    let r = this.repaired[i - this.base];
    if (r === 0) {
      const a = this.code(i);
      const b = a < 0 ? -1 : this.code(i + 1);
      r = b >= 0 ? this.pairedAgain.codeOf(a & 0xff, b >> 8) : -1;
      this.repaired[i - this.base] = r;
    }
    return r;
  }

  /** Whether the bigram ending at offset `i` is unlikely enough to be garbage. */
  badAt(i: number): boolean {
    return this.bad.any(i, i + 1);
  }

  private prevOf(i: number): string {
    return i > 0 ? this.v[i - 1] : '\n';
  }

  /** The lost lead of the character at `first`, whose trail is shown there, before `next`. */
  private firstGuess(first: number, next: string): Guess | undefined {
    const cached = this.firsts.get(first);
    if (cached !== undefined) return cached ?? undefined;
    const prev = this.prevOf(first);
    const g = guessBetween(this.table.leadsOf(this.pair(first)![0]), prev, next, this.lm);
    this.firsts.set(first, g ?? null);
    return g;
  }

  private nextOf(i: number): string {
    return i < this.v.length ? this.v[i] : '\n';
  }

  private byteOf(i: number): number | undefined {
    if (i >= this.v.length) return undefined;
    const cc = this.v.charCodeAt(i);
    if (cc < 0x80) return cc;
    const p = this.code(i);
    return p < 0 ? undefined : p >> 8;
  }

  private readonly codeAt = (i: number): number => this.code(i);

  /** The end looked at: one object, filled again for every end (read before the next). */
  private readonly end: End = { at: 0, kind: 'ascii', garbledEnd: 0, trail: -1, next: '', nextByte: undefined };

  endAt(at: number, option: number): End | undefined {
    return endAt(this.v, at, option, this.codeAt, this.end);
  }

  /**
   * The best run ending at `end`, with its gain over the text as shown and its channel price;
   * `most` is what RunGate.mostGain gave for the end (no start gains more); `minGain` is the
   * least gain a run is kept at (the near-gate band's, below MIN_GAIN, to be weighed further).
   */
  bestRun(end: End, lo: number, most: number, undoubted: boolean, minGain = MIN_GAIN): Candidate | undefined {
    const { v, lm, table } = this;
    // What follows the garbled text, looked at only for the ends searched.
    end.next = this.nextOf(end.garbledEnd);
    end.nextByte = this.byteOf(end.garbledEnd);
    const { at, kind, garbledEnd, next } = end;
    const silentEnd = kind === 'dropped' || kind === 'lead';
    // A silent end needs two characters shown (below), so a pair read again before the last.
    if (silentEnd && (at < 2 || !this.repairedAt(at - 2))) return undefined;
    const lastShown = this.pair(at - 1)!;
    // The last character: known from the ASCII trail; otherwise guessed (its trail or its lead
    // lost), from the character before it, which depends on where the run starts only when it
    // is the first (k = 1, chosen together below).
    let lastKnown: string | undefined;
    let lastOptions: ReadonlyArray<readonly [number, string]> = [];
    if (kind === 'ascii') {
      const ch = table.decodePair(lastShown[1], end.trail);
      if (!ch || !ordinary(ch, lm)) {
        this.probe.drop?.(at, -1, 'last character');
        return undefined;
      }
      lastKnown = ch;
    } else if (kind === 'swallow') {
      // The last character shown is the run's last trail and the ASCII written after it.
      if (at < 2 || !this.repairedAt(at - 2)) return undefined;
      lastKnown = String.fromCharCode(end.trail);
    } else if (kind === 'lead') {
      lastOptions = lastAtLead(table, lastShown[1], end.nextByte);
    } else {
      if (lastShown[1] < 0x81) {
        this.probe.drop?.(at, -1, 'last character');
        return undefined;
      }
      // The last trail could not pair with the byte after it: before ASCII below 0x40, a line
      // break or the end any trail from 0x81 up; before a lead, one the decoder has no pair for.
      const nb = end.nextByte;
      lastOptions = nb === undefined || nb < 0x40 ? this.pairedAgain.highTrailsOf(lastShown[1]) : this.pairedAgain.gapTrailsOf(lastShown[1], nb);
    }
    // The garbled text after the shown characters (the end's ASCII or mark), scored as shown.
    let chainG = 0;
    for (let i = at; i < garbledEnd; i++) chainG += this.gate.shownAt(i);
    let hasBad = this.bad.any(at, garbledEnd + 1);
    let hasHan = false;
    let lastGuessMemo: Guess | null | undefined;
    let lastScore = 0;
    let lastBound: number | undefined;
    let chainP = 0;
    let best: Candidate | undefined;
    let unsigned: Candidate | undefined;
    let bestRank: Ranked | undefined;
    let unsignedRank: Ranked | undefined;
    for (let first = at - 1, k = 1; first >= lo; first--, k++) {
      const lead0 = this.code(first) >> 8;
      if (k >= 2) {
        // The pairs in between are the same for every longer run, with one more in front.
        if (k >= 3) chainP += this.gate.readAt(first);
        chainG += this.gate.shownAt(first + 1);
        // Paired again from here on, the text reads far worse than shown: it is clean text read
        // one byte off, and reaching further back only pairs more of it wrongly.
        if (chainP - chainG < -HOPELESS) break;
      }
      hasBad ||= this.bad.any(first, first + 1);
      hasHan ||= isHan(v.charCodeAt(first));
      const prevCode = first > 0 ? v.charCodeAt(first - 1) : 0x0a;
      // The run sits in text read in step: Chinese, ASCII or the line's start before it.
      if (first > 0 && !isChinese(prevCode) && prevCode >= 0x80) {
        this.probe.drop?.(at, first, 'context');
        continue;
      }
      const signed = hasBad || (undoubted && k >= UNDOUBTED_SHOWN);
      // One or two characters shown before a trace (`旅?`, `到y`, `數腻e` read 爺的錯) have few
      // bigrams of their own, seldom one that reads as garbage: they may go without, to be weighed
      // with the words (unsigned); the longer is taken only where it gains more.
      const traceShort = k <= TRACE_SHOWN && (kind === 'ascii' || kind === 'mark');
      if (!(signed || traceShort) || !(hasHan || isHan(prevCode) || isHan(next.charCodeAt(0))) || lead0 < 0x40) {
        this.probe.drop?.(at, first, signed ? 'Han' : 'garbage');
        continue;
      }
      // One character shown between two silent losses is too little evidence for two guesses.
      if (k === 1 && (silentEnd || kind === 'swallow')) continue;
      // Log-probabilities are never positive: the reading scores at most what its known characters do.
      const shownScore = this.gate.shownAt(first) + chainG + this.gate.shownAt(garbledEnd);
      const prior = silentEnd ? SILENT_END_LOG_PRIOR : 0;
      // The reading's score at most: its known bigrams, and for each guessed character the best
      // any character could do beside its neighbours (the model's row and column maxima).
      const mostGain = chainP + (k >= 2 ? lm.bestAfter(prevCode) + lm.bestBefore(this.repairedCode(first)) + digitCharge(this.repairedCode(first)) + (lastBound ??= this.lastBound(end, lastKnown)) : firstOnlyBound(lm, prevCode, lastKnown, next)) - shownScore + BOUND_SLACK;
      const spread = Math.log(Math.max(1, table.leadsOf(lead0).length));
      if (hopeless(mostGain, prior, minGain, garbledEnd - first, best, spread)) {
        this.probe.drop?.(at, first, 'hopeless', mostGain + prior);
        continue;
      }
      const prev = this.prevOf(first);
      const p0 = k >= 2 ? this.repairedAt(first) : null;
      let firstG: Guess | undefined;
      let lastG: Guess | undefined;
      let last: string;
      if (lastKnown !== undefined) {
        last = lastKnown;
        firstG = k >= 2 ? this.firstGuess(first, p0!) : guessBetween(table.leadsOf(lead0), prev, last, lm);
      } else if (k === 1) {
        const pair = guessPair(table.leadsOf(lead0), lastOptions, prev, next, lm);
        if (!pair) {
          this.probe.drop?.(at, first, 'no guess');
          continue;
        }
        [firstG, lastG] = pair;
        last = lastG.ch;
      } else {
        if (lastGuessMemo === undefined) {
          const before = this.repairedAt(at - 2)!;
          // No start gains more than the gate's bound with the last character at its best: a
          // last character that scores below what would make that bound enough makes every
          // start hopeless, so the guess is not made (reaches() looks for one that scores so).
          const needed = minGain - prior - (most + BOUND_SLACK) + lastBound! - BOUND_SLACK;
          lastGuessMemo = reaches(lastOptions, before, next, lm, needed) ? (guessBetween(lastOptions, before, next, lm) ?? null) : null;
          if (lastGuessMemo) lastScore = lm.bigram(before, lastGuessMemo.ch) + lm.bigram(lastGuessMemo.ch, next);
        }
        if (!lastGuessMemo) break;
        // The last character is known now: the bound again with its score for its best.
        if (hopeless(mostGain - lastBound! + lastScore, prior, minGain, garbledEnd - first, best, spread)) continue;
        lastG = lastGuessMemo;
        last = lastG.ch;
        firstG = this.firstGuess(first, p0!);
      }
      if (!firstG) {
        this.probe.drop?.(at, first, 'no guess');
        continue;
      }
      const afterFirst = k >= 2 ? p0! : last;
      const middleTail = k >= 2 ? this.repairedAt(at - 2)! : undefined;
      const readScore = lm.bigram(prev, firstG.ch) + lm.bigram(firstG.ch, afterFirst) + (k >= 2 ? digitCharge(this.repairedCode(first)) : 0) + chainP + (middleTail !== undefined && k >= 2 ? lm.bigram(middleTail, last) : 0) + lm.bigram(last, next);
      const gain = readScore - shownScore;
      const garbledChars = garbledEnd - first;
      if (gain + prior < minGain || gain / garbledChars < MIN_GAIN_PER_CHAR) {
        this.probe.drop?.(at, first, 'gain', gain + prior);
        continue;
      }
      const firstScore = lm.bigram(prev, firstG.ch) + lm.bigram(firstG.ch, afterFirst);
      let known: number | undefined;
      const key = (): number => (known ??= startKey(gain + prior, k >= 2 ? this.logSums.at(first, lead0, prev, afterFirst) : this.logSums.of(lead0, prev, afterFirst), firstScore));
      // The guess is the options' best by the same score unless a lone character's two ends were guessed together.
      const byBest = k >= 2 || lastKnown !== undefined;
      const rank: Ranked = { lo: gain + prior, hi: byBest ? gain + prior + spread + BOUND_SLACK : Infinity, key };
      if (best && notAbove(rank, bestRank!)) continue;
      if (!signed && unsigned && notAbove(rank, unsignedRank!)) continue;
      const middle: string[] = [];
      for (let j = first; j <= at - 2; j++) middle.push(this.repairedAt(j)!);
      const c: Candidate = { gain: gain + prior, prior, reading: firstG.ch + middle.join('') + last, run: this.runOf(first, end, firstG, middle, lastKnown, lastG, gain, lastOptions) };
      // An unsigned run is taken only where no signed start is, so it displaces none.
      if (signed) {
        best = c;
        bestRank = rank;
      }
      // Two characters shown unsigned are a run only where the guesses at both its ends are sure:
      // clean text with a real mark reads so with the ends unknown (`麥康姆?X` as `�的�`).
      else if (k === 1 || (firstG.margin >= GUESS_MARGIN && (!lastG || lastG.margin >= GUESS_MARGIN))) {
        unsigned = { ...c, unsigned: true };
        unsignedRank = rank;
      }
    }
    best ??= unsigned;
    if (best && kind === 'mark' && markAlone(v, end, this.gate.shownAt(at) + this.gate.shownAt(garbledEnd), best.gain, table, lm)) {
      this.probe.drop?.(at, best.run.start, 'mark alone', best.gain);
      return undefined;
    }
    return best;
  }

  /**
   * For a run of two characters shown or more: the bigrams of its last character, from the last
   * pair read again, at most (exact when the ASCII trail tells the character).
   */
  private lastBound(end: End, lastKnown: string | undefined): number {
    const { lm } = this;
    const before = this.repairedAt(end.at - 2)!;
    return lastKnown !== undefined ? lm.bigram(before, lastKnown) + lm.bigram(lastKnown, end.next) : lm.bestAfter(before.charCodeAt(0)) + lm.bestBefore(end.next.charCodeAt(0));
  }

  private runOf(first: number, end: End, firstG: Guess, middle: string[], lastKnown: string | undefined, lastG: Guess | undefined, gain: number, lastOptions: ReadonlyArray<readonly [number, string]>): SilentRun {
    const { v } = this;
    const g = { first: firstG, firstOptions: this.table.leadsOf(this.pair(first)![0]), prev: this.prevOf(first), afterFirst: middle[0] ?? lastKnown, middle, lastKnown, last: lastG, lastOptions, next: end.next };
    const [garbledEnd, kind, lastShown, firstLead] = [end.garbledEnd, end.kind, this.pair(end.at - 1)!, this.pair(first)![0]];
    const nextLead = end.nextByte;
    const swallowed = end.kind === 'swallow' ? end.trail : 0;
    return lazyRun(first, garbledEnd, (others) => {
      ({ first: firstG, last: lastG } = rereadEnds(g, v, first, garbledEnd, this.lm, others));
      const [sureFirst, sureLast] = [firstG.margin >= GUESS_MARGIN, !lastG || lastG.margin >= GUESS_MARGIN];
      const out = (sureFirst ? firstG.ch : '\ufffd') + middle.join('') + (lastKnown ?? (sureLast ? lastG!.ch : '\ufffd'));
      const plan = [`encode gbk (${v.slice(first, garbledEnd)} → bytes)`, `lost lead byte before ${hex(firstLead)}: ${sureFirst ? `restored as ${hex(firstG.byte)}` : 'not recoverable, kept as U+FFFD'}`];
      if (lastG && kind === 'lead' && lastG.byte & DROPPED) plan.push(`trail byte after ${hex(lastShown[1])} dropped before ${hex(nextLead!)}: ${sureLast ? `restored as ${hex(lastG.byte & 0xff)}` : 'not recoverable, kept as U+FFFD'}`);
      else if (lastG && kind === 'lead') plan.push(`second lost lead byte before ${hex(lastShown[1])}: ${sureLast ? `restored as ${hex(lastG.byte)}` : 'not recoverable, kept as U+FFFD'}`);
      else if (kind === 'swallow') plan.push(`${hex(swallowed)} paired with the last trail: read as ASCII`);
      else if (lastG) plan.push(`lost trail byte after ${hex(lastShown[1])}: ${sureLast ? `restored as ${hex(lastG.byte)}` : 'not recoverable, kept as U+FFFD'}`);
      plan.push('decode gbk in step');
      return { out, lossy: !sureFirst || !sureLast, plan, confidence: Math.min(0.99, 0.5 + gain / 60) };
    });
  }
}
