import { ALL_GARBLE_KINDS, type GarbleIssue, type GarbleKind } from './types';
import { DETECTORS } from './pipeline/detectors';

/** How each kind reads in a sentence, singular and plural: each detector says it. */
const KIND_NOUNS = new Map<GarbleKind, readonly [string, string]>(DETECTORS.map((d) => [d.kind, d.noun]));

/** `7 misaligned GBK runs, 450 pinyin annotations`: byte-level kinds first, as ALL_GARBLE_KINDS lists them. */
export function describeIssueCounts(issues: readonly GarbleIssue[]): string {
  const counts = new Map<GarbleKind, number>();
  for (const i of issues) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  return ALL_GARBLE_KINDS.filter((k) => counts.has(k))
    .map((kind) => {
      const n = counts.get(kind)!;
      return `${n} ${(KIND_NOUNS.get(kind) ?? [kind, kind])[n === 1 ? 0 : 1]}`;
    })
    .join(', ');
}
