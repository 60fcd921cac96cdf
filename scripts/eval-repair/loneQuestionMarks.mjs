// What misaligned-q-rate.mjs and misaligned-lone-q.mjs share: every `?` beside a Chinese character
// weighed as loneMarks.ts weighs it, with no gate, in the marks the misaligned-GBK garbling made
// (by scope) and in clean text.
import { decodedMisalignedCases, marksMade } from './markCases.mjs';

/** Offsets of every `?` of `v` beside a Chinese character. */
export function besideChinese(v, core) {
  const out = [];
  for (let i = v.indexOf('?'); i >= 0; i = v.indexOf('?', i + 1)) {
    if ((i > 0 && core.isChinese(v.charCodeAt(i - 1))) || (i + 1 < v.length && core.isChinese(v.charCodeAt(i + 1)))) out.push(i);
  }
  return out;
}

/**
 * The `?` of `v` beside a Chinese character that loneMark reads with no gate, each as
 * { at, gain (its bigram gain, the lost byte's price included), others (the other `?` beside
 * Chinese the text writes), context (`reach` characters each side) } and what `more(v, at)` adds.
 */
export function weighedMarks(v, { core, table, lm }, reach, more = () => ({})) {
  const all = besideChinese(v, core);
  const out = [];
  for (const i of all) {
    const c = core.loneMark(v, i, table, lm, -Infinity);
    if (c) out.push({ at: i, gain: c.gain, ...more(v, i), others: all.length - 1, context: v.slice(Math.max(0, i - reach), i + reach + 1) });
  }
  return out;
}

/**
 * `marks(text)` (weighedMarks) for the `?` the garbling made in the misaligned-GBK cases of `docs`,
 * by scope (`others` less the marks the garbling made too: those are not the text's own), and for
 * every text of `cleanList` ([text, where]).
 */
export function madeAndClean(docs, marks, cleanList) {
  const made = { doc: [], paragraph: [] };
  for (const { c, g, o, where } of decodedMisalignedCases(docs)) {
    if (g === o) continue;
    const m = marksMade(o, g, '?');
    if (!m || m.size === 0) continue;
    for (const x of marks(g)) if (m.has(x.at)) made[c.scope].push({ ...x, others: x.others - (m.size - 1), where });
  }
  const clean = [];
  for (const [text, where] of cleanList) for (const x of marks(text)) clean.push({ ...x, where });
  return { made, clean };
}
