import type { CharLanguageModel } from '../../model/charLanguageModel';
import { hasReading } from '../../text/pinyinReadings';
import type { BeamCut } from './beamCut';
import { BestOf } from '../../model/bestOf';
import { isUserDefinedLead, type GbkGuesses } from './gbkGuesses';
import { HEX, NO_BYTE, RunState, type HoleGuess } from './runState';
import type { RunToken } from './runTokens';
import { BEAM, LENGTH_BONUS, mostGained } from './searchTuning';

/** Trail bytes tried in front of a swallowed space. */
const SWALLOWED_TRAILS = 24;
/** Beam states (best first) that also try a dropped user-defined pair inside a hole. */
const USER_DEFINED_STATES = 2;

/** One `?` met in one beam state: what every reading of the hole works from. */
export interface HoleSite {
  s: RunState;
  /** The token after the hole. */
  next: RunToken | undefined;
  /** The state's place in the beam (0 is the best). */
  rank: number;
  /** Also try the rare and costly readings. */
  thorough: boolean;
  guesses: GbkGuesses;
  lm: CharLanguageModel;
  cut: BeamCut;
}

/**
 * What a `?` can stand for. Every reading that applies offers its states to the beam, in this
 * order (which decides between equal scores). All but the first complete the pending character
 * with a trail byte, the first of the hole's bytes.
 */
const HOLE_READINGS: ReadonlyArray<{ applies: (h: HoleSite) => boolean; offer: (h: HoleSite, trails: RankedTrails) => void }> = [
  // The run's first `?`: the lost lead byte. Every lead is as likely until its trail is known.
  { applies: (h) => h.s.pending === NO_BYTE, offer: lostLead },
  // A lead byte met where a trail was due, with the next byte paired to it.
  { applies: (h) => h.s.pending !== NO_BYTE, offer: lostTrail },
  // `?` for a lead byte and the ASCII byte after it that could not be its trail: the decoder
  // swallowed both (`在 shell` → `?shell`). Before ASCII text that byte was most likely a space.
  { applies: (h) => h.s.pending !== NO_BYTE && h.next?.type === 'ascii', offer: trailAndSwallowedSpace },
  // `?wù)`: the hole may also hide a whole character whose reading survived as an orphan, after
  // the pending character's trail (當?shù)卣?wù) → 當地政務: the `?` before wù is 政's trail FE and
  // 務 84D5, with the annotation's `(`). Trail and character are chosen together.
  { applies: (h) => h.s.pending !== NO_BYTE && h.next?.type === 'orphan', offer: trailAndSwallowedCharacter },
  // A pair cp936 maps into the Private Use Area (user-defined rows) was dropped without a mark;
  // when that happened just before the run's lone last byte, the `?` hides three bytes: the
  // pending character's trail, the dropped pair's second byte as a lead, and that lead's trail.
  {
    applies: (h) => h.thorough && h.s.pending !== NO_BYTE && h.rank < USER_DEFINED_STATES && h.next?.type !== 'hole',
    offer: trailAndDroppedPair,
  },
];

/** Offers every reading of the hole that could make the beam. */
export function expandHole(h: HoleSite): void {
  // No reading produces more than two characters.
  if (!h.cut.admits(h.s.score + mostGained(2))) return;
  const trails = h.s.pending === NO_BYTE ? NO_TRAILS : rankTrails(h);
  for (const reading of HOLE_READINGS) if (reading.applies(h)) reading.offer(h, trails);
}

/** The trails the pending lead may take at a hole, best first (ties in table order). */
interface RankedTrails {
  bytes: readonly number[];
  chars: readonly string[];
  /** Bigram of each trail's character after the state's last one. */
  scores: readonly number[];
  /** Indices into the above, best first. */
  order: readonly number[];
}

const NO_TRAILS: RankedTrails = { bytes: [], chars: [], scores: [], order: [] };

function rankTrails(h: HoleSite): RankedTrails {
  const { bytes, chars } = h.guesses.trailsForHole(h.s.pending);
  const scores: number[] = new Array(chars.length);
  const order: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    scores[i] = h.lm.bigram(h.s.prev, chars[i]);
    // A trail none of whose readings (two characters at most) could make the beam would rank
    // below all those that can: leaving it out keeps the order of the rest. (A pair with a
    // swallowed character scores no more than its trail, so the pairs left out could not have
    // pushed a kept one out of the best BEAM either.)
    if (h.cut.admits(h.s.score + scores[i] + mostGained(2))) order.push(i);
  }
  order.sort((a, b) => scores[b] - scores[a]);
  return { bytes, chars, scores, order };
}

function lostLead(h: HoleSite): void {
  for (let b = 0x81; b <= 0xfe; b++) {
    if (!h.cut.admits(h.s.score)) return;
    offer(h, '', h.s.score, h.s.prev, b, b, HEX[b], b, '');
  }
}

/** The score of the state that completes the pending character with the j-th best trail. */
function trailScore(h: HoleSite, trails: RankedTrails, j: number): number {
  return h.s.score + trails.scores[trails.order[j]] + LENGTH_BONUS;
}

function lostTrail(h: HoleSite, trails: RankedTrails): void {
  for (let j = 0; j < Math.min(BEAM, trails.order.length); j++) {
    const score = trailScore(h, trails, j);
    if (!h.cut.admits(score)) return;
    const i = trails.order[j];
    const t = trails.bytes[i];
    const ch = trails.chars[i];
    offer(h, ch, score, ch, NO_BYTE, t, HEX[t], t, ch);
  }
}

function trailAndSwallowedSpace(h: HoleSite, trails: RankedTrails): void {
  for (let j = 0; j < Math.min(SWALLOWED_TRAILS, trails.order.length); j++) {
    const withTrail = trailScore(h, trails, j);
    if (!h.cut.admits(withTrail + mostGained(1))) return;
    const i = trails.order[j];
    const t = trails.bytes[i];
    const ch = trails.chars[i];
    const score = withTrail + h.lm.bigram(ch, ' ') + LENGTH_BONUS;
    if (h.cut.admits(score)) offer(h, ch + ' ', score, ' ', NO_BYTE, 0x20, HEX[t] + '+20', t, ch);
  }
}

function trailAndSwallowedCharacter(h: HoleSite, trails: RankedTrails): void {
  if (h.next?.type !== 'orphan') return;
  const wholes = h.guesses.charsWithReading(h.next.syllable);
  if (wholes.length === 0) return;
  // Every (trail, character) pair, ranked by both bigrams; the best BEAM are offered. A pair
  // scores no more than its trail alone, and the trails come best first.
  const pairs = new BestOf<{ i: number; w: number }>(BEAM);
  for (const i of trails.order) {
    if (!pairs.admits(trails.scores[i])) break;
    h.cut.work += wholes.length;
    for (let w = 0; w < wholes.length; w++) pairs.add(trails.scores[i] + h.lm.bigram(trails.chars[i], wholes[w].ch), { i, w });
  }
  for (const { i, w } of pairs.sorted()) {
    const t = trails.bytes[i];
    const ch = trails.chars[i];
    const whole = wholes[w];
    const withTrail = h.s.score + trails.scores[i] + LENGTH_BONUS;
    const score = withTrail + h.lm.bigram(ch, whole.ch) + LENGTH_BONUS;
    if (!h.cut.admits(score)) continue;
    offer(h, ch + whole.ch, score, whole.ch, NO_BYTE, whole.trail, HEX[t] + '+' + HEX[whole.lead] + HEX[whole.trail], t, whole.ch);
  }
}

function trailAndDroppedPair(h: HoleSite, trails: RankedTrails): void {
  let tried = 0;
  for (let j = 0; j < Math.min(BEAM, trails.order.length) && tried < 4; j++) {
    const i = trails.order[j];
    const t = trails.bytes[i];
    const ch = trails.chars[i];
    if (!isUserDefinedLead(t)) continue;
    tried++;
    const withTrail = trailScore(h, trails, j);
    if (!h.cut.admits(withTrail + mostGained(1))) return;
    for (let lead = 0xa1; lead <= 0xfe; lead++) {
      const common = h.guesses.commonTrails(lead);
      for (let c = 0; c < common.bytes.length; c++) {
        const score = withTrail + h.lm.bigram(ch, common.chars[c]) + LENGTH_BONUS;
        if (!h.cut.admits(score)) continue;
        const t2 = common.bytes[c];
        offer(h, ch + common.chars[c], score, common.chars[c], NO_BYTE, t2, HEX[t] + '+' + HEX[lead] + HEX[t2], t, common.chars[c]);
      }
    }
  }
}

/** Builds the state for one reading of the hole and offers it, unless the orphan after it rules it out. */
function offer(h: HoleSite, text: string, score: number, prev: string, pending: number, lastByte: number, label: string, byte: number, char: string): void {
  const hole: HoleGuess = { label, beforeHole: h.s.lastByte, byte, char, prev: h.s.hole };
  // Judge the orphan's reading now, before the beam cuts: a state that fails it is dead anyway.
  if (h.next?.type === 'orphan' && !orphanHolds(hole, h.guesses, h.next.syllable)) return;
  h.cut.offer(new RunState(h.s, text, score, prev, pending, lastByte, hole));
}

/** Whether the reading of an orphan `yīng)` after the hole belongs to a character the hole made. */
export function orphanHolds(hole: HoleGuess | null, guesses: GbkGuesses, syllable: string): boolean {
  if (!hole) return false;
  if (hole.char && hasReading(hole.char, syllable)) return true;
  // The reading may belong to the character the misaligned decoder made of the byte before the
  // hole and the hole's byte (當 AE94 + lost B5 → 數 94B5, read shù).
  const misaligned = guesses.decodePair(hole.beforeHole, hole.byte);
  return misaligned !== undefined && hasReading(misaligned, syllable);
}
