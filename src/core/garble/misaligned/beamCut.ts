import { BestOf } from '../../model/bestOf';
import type { RunState } from './runState';

/**
 * The states one token leaves: the best `size` of those offered, best first (BestOf). `admits`
 * tells an expansion whether a state of some score would be kept, before it builds the state.
 *
 * A lost lead byte is judged only once its trail is known: while every state offered at a hole
 * still waits for a trail, all of them are kept (`keepUnresolved`).
 */
export class BeamCut {
  private readonly best: BestOf<RunState>;
  /** Every state offered, while all of them wait for a trail byte. */
  private unresolved: RunState[] | undefined;
  /** Guesses weighed against the beam so far: the search's unit of work. */
  work = 0;

  constructor(size: number, keepUnresolved: boolean) {
    this.best = new BestOf(size);
    this.unresolved = keepUnresolved ? [] : undefined;
  }

  admits(score: number): boolean {
    this.work++;
    return this.unresolved !== undefined || this.best.admits(score);
  }

  offer(s: RunState): void {
    if (!this.unresolved) {
      this.best.add(s.score, s);
      return;
    }
    this.unresolved.push(s);
    if (s.pending >= 0) return;
    // A state that is back in step: from here on only the best `size` count.
    for (const u of this.unresolved) this.best.add(u.score, u);
    this.unresolved = undefined;
  }

  /** The kept states, best first. */
  result(): RunState[] {
    // Array.prototype.sort is stable: equal scores stay in the order offered.
    return this.unresolved ? this.unresolved.sort((a, b) => b.score - a.score) : this.best.sorted();
  }
}
