import { ALL_GARBLE_KINDS, type GarbleIssue, type GarbleKind } from './types';

/** How each kind reads in a sentence, singular and plural. */
const KIND_NOUNS: Record<GarbleKind, [string, string]> = {
  'wrong-encoding': ['file in a legacy encoding', 'files in a legacy encoding'],
  'replacement-char': ['run of U+FFFD', 'runs of U+FFFD'],
  'mojibake-gbk': ['GBK mojibake span', 'GBK mojibake spans'],
  'mojibake-latin1': ['Latin-1 mojibake span', 'Latin-1 mojibake spans'],
  'mojibake-big5': ['Big5 mojibake span', 'Big5 mojibake spans'],
  'misaligned-gbk': ['misaligned GBK run', 'misaligned GBK runs'],
  'pinyin-annotation': ['pinyin annotation', 'pinyin annotations'],
  'mixed-script': ['mixed-script span', 'mixed-script spans'],
};

/** `7 misaligned GBK runs, 450 pinyin annotations`: byte-level kinds first, as ALL_GARBLE_KINDS lists them. */
export function describeIssueCounts(issues: readonly GarbleIssue[]): string {
  const counts = new Map<GarbleKind, number>();
  for (const i of issues) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  return ALL_GARBLE_KINDS.filter((k) => counts.has(k))
    .map((kind) => {
      const n = counts.get(kind)!;
      return `${n} ${KIND_NOUNS[kind][n === 1 ? 0 : 1]}`;
    })
    .join(', ');
}
