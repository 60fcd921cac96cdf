// What the misaligned-GBK measuring scripts share beyond markCases.mjs: the part and clean-text
// arguments most of them take, the stretches a garbling changed, and the trace a stretch ends at.
import { arg } from './markCases.mjs';

/** `--split` (tuning unless told), `--precision`, `--ner` (none unless told) and `--top` (`top` unless told). */
export function partArgs(top) {
  return {
    split: arg('--split', 'tuning'),
    precision: arg('--precision', '/work/data/precision'),
    ner: arg('--ner', ''),
    top: Number(arg('--top', String(top))),
  };
}

/** The stretches [a, b) of `mask` (changedMask) the garbling changed, in text order. */
export function* changedStretches(mask) {
  for (let a = 0; a < mask.length; a++) {
    if (!mask[a] || (a > 0 && mask[a - 1])) continue;
    let b = a;
    while (b < mask.length && mask[b]) b++;
    yield [a, b];
  }
}

/**
 * The trace after a stretch's shown characters, from its last character `c`: the mark (`?`,
 * `U+FFFD`), the trail shown as ASCII (`lower`, `capital`, `sign` for the rest of 0x40–0x7E and `€`),
 * ASCII below 0x40 (`ascii<0x40`, no trail), or none (`silent`).
 */
export function traceKind(c) {
  if (c === '?') return '?';
  if (c === '\ufffd') return 'U+FFFD';
  if (/[a-z]/.test(c)) return 'lower';
  if (/[A-Z]/.test(c)) return 'capital';
  if (c === '€' || (c >= '\u0040' && c <= '\u007e')) return 'sign';
  if (c < '\u0080') return 'ascii<0x40';
  return 'silent';
}
