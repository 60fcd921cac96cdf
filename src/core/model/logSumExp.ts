/**
 * ln Σ e^x over `xs`, computed from the largest so that no term overflows: how the characters a
 * lost byte allows are weighed together (-Infinity for none).
 */
export function logSumExp(xs: readonly number[]): number {
  let top = -Infinity;
  for (const x of xs) top = Math.max(top, x);
  let sum = 0;
  for (const x of xs) sum += Math.exp(x - top);
  return top + Math.log(sum);
}
