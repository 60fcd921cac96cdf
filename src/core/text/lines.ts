/** The line that holds text[start, end): [its first index, the index of its line end or the text's end). */
export function lineAround(text: string, start: number, end = start): [number, number] {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  return [from, nl < 0 ? text.length : nl];
}
