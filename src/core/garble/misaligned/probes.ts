import type { Candidate } from './silentGuesses';

/**
 * What the misaligned search tells a measuring script while it runs (scripts/eval-repair/
 * misaligned-{missed,short,near,doc-rate,para-classes}.mjs, scripts/perf/silent-window-calibrate.mjs, tests). Production code
 * only reads the probe in force (`searchProbe()`): none, outside `observeSearch`.
 */
export interface SearchProbe {
  /**
   * runScan.ts, silentRuns.ts: for an end read past RunGate.anyEndReaches, which check turned a
   * run down (`first` its start, -1 for every start; `gain` what it reached where known), and
   * every run found there (`found`).
   */
  drop?(at: number, first: number, check: string, gain?: number): void;
  /**
   * chooseRuns.ts: a run found that the final check turned down (`judge`: `overlap`, another run
   * kept over it; `weighRepair`, the shared decision, with its margin; `genreCheck`).
   */
  refuse?(start: number, end: number, judge: string, margin?: number): void;
  /** silentRuns.ts: the candidates the second pass at the document's rate found, before any check. */
  again?(found: readonly Candidate[]): void;
  /** nearWords.ts: every near-gate run weighed there, with its words' nats, before the gate. */
  seen?(v: string, c: Candidate, words: number): void;
  /** documentRate.ts: each text's confident runs, its length and the bonus they give. */
  rate?(confident: number, length: number, bonus: number): void;
  /** doubtWindows.ts: search every offset, as without the windows (a calibration, not a measure). */
  whole?: boolean;
  /**
   * Settings tried in place of the calibrated constants, for sweeps (a calibration, not a
   * measure): documentRate.ts's RATE_TUNING, nearWords.ts's NEAR_FLOOR_TRACE.
   */
  rateTuning?: RateTuning;
  nearFloorTrace?: number;
  /** silentRuns.ts: the band's floor drop at the document's rate, as a multiple of its bonus. */
  bandDrop?: number;
}

/** documentRate.ts: `baseRate`, confident runs per 1,000 characters at which the bars stand; `maxBonus`, the most they are lowered (nats). */
export interface RateTuning {
  readonly baseRate: number;
  readonly maxBonus: number;
}

const NONE: SearchProbe = Object.freeze({});
let current: SearchProbe = NONE;

/** The probe in force: an empty one (nothing told) except inside `observeSearch`. */
export const searchProbe = (): SearchProbe => current;

/** `run()` with `probe` in force; the one before is back after it, even when it throws. */
export function observeSearch<T>(probe: SearchProbe, run: () => T): T {
  const before = current;
  current = probe;
  try {
    return run();
  } finally {
    current = before;
  }
}
