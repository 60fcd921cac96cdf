/**
 * The numbers the misaligned-GBK search is tuned by, shared by its modules. Changing one changes
 * which runs are repaired: the case tables (misaligned-gbk.json, yizhuang-lines.json) say whether
 * it was for the better.
 */

/** States kept after every token. */
export const BEAM = 48;
/** Bonus per output character when ranking candidates of different lengths (a word-insertion bonus). */
export const LENGTH_BONUS = 4;
/** Repaired characters must be ordinary: within this frequency rank. */
export const MAX_RANK = 6000;

/**
 * Log-probabilities are never positive, so a state gains at most LENGTH_BONUS per character it
 * reads on: what lets the search drop a guess before building it. The margin covers rounding
 * (the bound is summed in another order than the score).
 */
export function mostGained(chars: number): number {
  return LENGTH_BONUS * chars + 1e-9;
}
