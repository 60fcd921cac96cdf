/**
 * ln Σ e^x over `xs`, computed from the largest so that no term overflows: how the characters a
 * lost byte allows are weighed together (-Infinity for none).
 */
export function logSumExp(xs: readonly number[]): number {
  // Indexed loops: a text's first analysis runs this before the compiler has, and `for … of`
  // in the interpreter makes an iterator and a result object per element.
  let top = -Infinity;
  for (let i = 0; i < xs.length; i++) top = Math.max(top, xs[i]);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += Math.exp(xs[i] - top);
  return top + Math.log(sum);
}
