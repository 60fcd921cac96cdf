import type { CharLanguageModel } from '../../model/charLanguageModel';
import { BeamCut } from './beamCut';
import { ByteCursor } from './byteCursor';
import type { GbkGuesses } from './gbkGuesses';
import { expandHole, orphanHolds } from './holeReadings';
import { HEX, NO_BYTE, RunState, type HoleGuess } from './runState';
import type { RunToken } from './runTokens';
import { BEAM, LENGTH_BONUS, mostGained } from './searchTuning';

/** Beam states (best first) that try a silently dropped user-defined pair between two tokens… */
const GAP_STATES = 6;
/** …with this many of its first bytes… */
const GAP_FIRSTS = 3;
/** …and this many leads for the character after the pair… */
const GAP_SECONDS = 6;
/** …at this cost (nats): a word-insertion bonus for the extra character plus the pair's rarity. */
const GAP_COST = 6;

/** ASCII that delimits data and code: `}` `]` `)` `"` `,` `:` `;` `>` and their openers. */
const STRUCTURAL_ASCII = new Set([...'{}[]()<>"\',:;|\\`@^~_'].map((c) => c.charCodeAt(0)));

/** A reading of the run that is back in step after `tokenEnd` tokens. */
export interface RunCandidate {
  state: RunState;
  tokenEnd: number;
}

/**
 * The beam search over one run: the run's tokens turned back into bytes, the lost ones guessed,
 * and the bytes paired again from the lost lead on. Every state that falls back into step is a
 * candidate; judging them is the caller's.
 */
export class RunSearch {
  private readonly candidates: RunCandidate[] = [];
  /** Guesses weighed (BeamCut.work) over every token so far. */
  work = 0;
  private readonly cursor: ByteCursor;

  constructor(
    private readonly guesses: GbkGuesses,
    private readonly lm: CharLanguageModel,
    /** Also try the rare and costly cases: pairs the decoder dropped without a mark. */
    private readonly thorough: boolean,
  ) {
    this.cursor = new ByteCursor(guesses, lm);
  }

  /** The candidates, or none when the search would cost more than `workLimit` (it gives up). */
  run(tokens: readonly RunToken[], leftChar: string, leftByte: number, workLimit: number): RunCandidate[] {
    let beam: RunState[] = [new RunState(null, '', 0, leftChar, NO_BYTE, leftByte, null)];
    for (let k = 0; k < tokens.length && beam.length > 0; k++) {
      const tok = tokens[k];
      const readings = tok.type === 'bytes' || tok.type === 'ascii' ? tokenReadings(tok) : NO_READINGS;
      const cut = new BeamCut(BEAM, tok.type === 'hole' || tok.type === 'orphan');
      switch (tok.type) {
        case 'hole':
          for (let rank = 0; rank < beam.length; rank++) {
            expandHole({ s: beam[rank], next: tokens[k + 1], rank, thorough: this.thorough, guesses: this.guesses, lm: this.lm, cut });
          }
          break;
        case 'orphan':
          for (const s of beam) if (orphanHolds(s.hole, this.guesses, tok.syllable)) cut.offer(s);
          break;
        case 'ascii':
        case 'bytes':
          {
            // Structural ASCII right after a lost byte that ends the garbled stretch (`锛?}`, `?]`,
            // `?"}`) is the text's own: never the trail of a lost lead (or of a pair put back
            // before it), whatever Han character that pair would make. Inside a run it may be a
            // fullwidth form folded to ASCII (`規?;瘧?` for 規模化應: `;` is A3 BB).
            const structural = tok.type === 'ascii' && tokens[k - 1]?.type === 'hole' && STRUCTURAL_ASCII.has(tok.byte) && tokens[k + 1]?.type !== 'bytes';
            for (const s of beam) if (!(structural && s.pending !== NO_BYTE)) this.readToken(s, readings, cut);
            if (this.thorough && k > 0 && !structural) this.droppedPairs(beam, readings, cut);
          }
          break;
      }
      this.work += cut.work;
      if (this.work > workLimit) return [];
      // A state back in step ends its run: from here on the line decodes as it is shown, so it
      // becomes a candidate and is not carried further.
      beam = [];
      for (const s of cut.result()) {
        if (s.pending === NO_BYTE && tokens[k + 1]?.type !== 'orphan') this.candidates.push({ state: s, tokenEnd: k + 1 });
        else beam.push(s);
      }
    }
    return this.candidates;
  }

  /** Reads each byte sequence the token may have been on from `s`. */
  private readToken(s: RunState, readings: TokenReadings, cut: BeamCut): void {
    if (!cut.admits(s.score + mostGained(s.pending === NO_BYTE ? readings.mostChars : readings.mostCharsPending))) return;
    for (const bytes of readings.bytes) {
      const c = this.cursor.from(s);
      if (c.feedAll(bytes) && cut.admits(c.score)) cut.offer(new RunState(s, c.text, c.score, c.prev, c.pending, c.lastByte, s.hole));
    }
  }

  /**
   * cp936 maps the user-defined rows to the Private Use Area, and the decoder dropped such pairs
   * without a mark. Inside a run, where every pair is (trail of one character, lead of the next),
   * that happens whenever a trail byte is AA–AF or F8–FE: two bytes vanish between two tokens.
   * For the best states, try putting them back before the token: the pending lead's trail p1 from
   * those rows, and the next character's lead p2, whose trail the token supplies.
   */
  private droppedPairs(beam: readonly RunState[], readings: TokenReadings, cut: BeamCut): void {
    // The token's first byte (the same in every reading of it) is the trail after the pair.
    const nextByte = readings.bytes[0][0];
    const mostAfterPair = LENGTH_BONUS - GAP_COST + mostGained(readings.mostCharsPending);
    // The best states, and all those tied with them: right after the lost lead byte every lead is
    // still equally likely, and the dropped pair may follow any of them.
    const last = beam[Math.min(beam.length, GAP_STATES) - 1]?.score;
    for (let i = 0; i < beam.length; i++) {
      const s = beam[i];
      if ((i >= GAP_STATES && s.score !== last) || s.pending === NO_BYTE) continue;
      // The pair's first character, the pair's cost, then what the token reads after the pair's lead.
      if (!cut.admits(s.score + mostAfterPair)) continue;
      const firsts = this.guesses.userDefinedTrails(s.pending);
      cut.work += firsts.chars.length;
      const scores = firsts.chars.map((ch) => this.lm.bigram(s.prev, ch));
      const order = scores.map((_, j) => j).sort((a, b) => scores[b] - scores[a]);
      for (const f of order.slice(0, GAP_FIRSTS)) {
        const p1 = firsts.bytes[f];
        const first = firsts.chars[f];
        const withPair = s.score + scores[f] + LENGTH_BONUS - GAP_COST;
        if (!cut.admits(withPair + mostGained(readings.mostCharsPending))) break;
        // A fixed charge, whether the memo knows the leads or not: the work counted must not
        // depend on what was searched before.
        cut.work += GAP_SECONDS;
        for (const p2 of this.guesses.leadsAfterDroppedPair(first, nextByte, GAP_SECONDS)) {
          let hole: HoleGuess | undefined;
          for (const bytes of readings.bytes) {
            const c = this.cursor.at(withPair, first, p2, p2, first);
            if (!c.feedAll(bytes) || !cut.admits(c.score)) continue;
            // The hole the state came through is still the latest one an orphan could belong to.
            hole ??= { ...(s.hole ?? { beforeHole: NO_BYTE, byte: NO_BYTE, char: '' }), label: `(${HEX[p1]}${HEX[p2]})`, prev: s.hole };
            cut.offer(new RunState(s, c.text, c.score, c.prev, c.pending, c.lastByte, hole));
          }
        }
      }
    }
  }
}

/** The byte sequences a token may have been, and the most characters reading one can produce. */
interface TokenReadings {
  bytes: ReadonlyArray<readonly number[]>;
  /** …read in step… */
  mostChars: number;
  /** …and read after a pending lead byte. */
  mostCharsPending: number;
}

const NO_READINGS: TokenReadings = { bytes: [], mostChars: 0, mostCharsPending: 0 };

/**
 * A token's bytes; for an ASCII character itself and the fullwidth form it may have been folded
 * from (`!` was A3 A1).
 */
function tokenReadings(tok: RunToken & { type: 'bytes' | 'ascii' }): TokenReadings {
  const bytes = tok.type === 'bytes' ? [tok.bytes] : [[tok.byte], [0xa3, tok.byte + 0x80]];
  return {
    bytes,
    mostChars: Math.max(...bytes.map((b) => charsAtMost(b, false))),
    mostCharsPending: Math.max(...bytes.map((b) => charsAtMost(b, true))),
  };
}

/** Characters a decoder can produce from these bytes: every byte but a lead byte waiting for its trail. */
function charsAtMost(bytes: readonly number[], pending: boolean): number {
  let chars = 0;
  for (const b of bytes) {
    if (pending || b <= 0x80) chars++;
    pending = !pending && b > 0x80;
  }
  return chars;
}
