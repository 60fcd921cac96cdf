import type { GarbleIssue } from '../../types';
import type { LegacyCodec } from '../../codec/legacyCodecs';
import { lineAround } from '../../text/lines';

/**
 * A line that holds both UTF-8 read as Windows-1252 and characters that reading would have
 * garbled too. The channel acts on bytes, a line at a time at least: had the line's `–` (0x96, a
 * continuation byte standing alone) been through it, it would read `â€“`. So a line whose
 * non-ASCII is partly sequences and partly such strays was put together from two sources, or its
 * "sequences" are the writer's letters (`Bremer/Mccoy – DrÃ¥ber`, ftfy's inconsistent sample).
 * Each place the line shows the channel (a run of sequences) is evidence for it, each place it
 * shows none (a run of strays: `–`, `’`, `©`) evidence against it: the readings are made only
 * when the first outnumber the second (`Le barÃ¨me … l’Ã©valuation … dÃ©placement` reads, three
 * places beside two `’`); otherwise the spans are flagged and left as they are. Only a
 * continuation byte standing alone counts: a lead without its continuation may have lost it (a
 * folded no-break space, a byte the code page had no character for), and most accented letters
 * of a clean word (`ç`, `ã`, `é`) are leads.
 */

/**
 * `runs`: every run of whole sequences in the text (sorted, apart). The test, for an issue, that
 * its line shows the channel in no more places than it shows none; each line is counted once.
 */
export function strayTest(text: string, runs: readonly GarbleIssue[], codec: LegacyCodec): (issue: GarbleIssue) => boolean {
  const verdicts = new Map<number, boolean>();
  return (issue) => {
    const [from, to] = lineAround(text, issue.start);
    let verdict = verdicts.get(from);
    if (verdict === undefined) {
      verdict = outweighedByStrays(text, from, to, runs, codec);
      verdicts.set(from, verdict);
    }
    return verdict;
  };
}

function outweighedByStrays(text: string, from: number, to: number, runs: readonly GarbleIssue[], codec: LegacyCodec): boolean {
  let sequences = 0;
  let strays = 0;
  let inStray = false;
  let r = firstEndingAfter(runs, from);
  for (let i = from; i < to; i++) {
    while (r < runs.length && runs[r].end <= i) r++;
    if (r < runs.length && runs[r].start <= i) {
      sequences++;
      inStray = false;
      i = runs[r].end - 1;
      continue;
    }
    // Only a continuation byte standing alone shows the line was not read so: a lead without its
    // continuation may have lost it (a folded no-break space, a byte the code page dropped).
    const byte = text.charCodeAt(i) >= 0x80 ? codec.codeOf(text.charCodeAt(i)) : -1;
    const folded = foldedLength(text, i, byte, codec);
    if (folded) i += folded - 1; // `à¸ ` is ภ whose no-break space was folded: its `¸` is no stray
    // A C1 control is no clean character either: it is a byte read as Latin-1 (c1Controls.ts).
    const stray = !folded && byte >= 0x80 && byte <= 0xbf && text.charCodeAt(i) > 0x9f;
    if (stray && !inStray) strays++;
    inStray = stray;
  }
  return strays > 0 && strays >= sequences;
}

/** The index of the first run that ends after `at` (runs sorted and apart). */
function firstEndingAfter(runs: readonly GarbleIssue[], at: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The length of the sequence at `i` (lead `byte`) when it is whole but for a space in place of a continuation byte, else 0. */
function foldedLength(text: string, i: number, byte: number, codec: LegacyCodec): number {
  const length = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 0;
  if (length === 0 || i + length > text.length) return 0;
  let spaces = 0;
  for (let k = 1; k < length; k++) {
    if (text[i + k] === ' ') spaces++;
    else {
      const b = codec.codeOf(text.charCodeAt(i + k));
      if (b < 0x80 || b > 0xbf) return 0;
    }
  }
  return spaces ? length : 0;
}

/** `issue` flagged only: its reading is not made, and it is no evidence for readings that stand on others. */
export function flaggedOnly(issue: GarbleIssue, text: string): GarbleIssue {
  return {
    kind: issue.kind,
    start: issue.start,
    end: issue.end,
    confidence: 0.6,
    reading: issue.replacement,
    plan: [
      `UTF-8 read as Windows-1252 would read ${JSON.stringify(text.slice(issue.start, issue.end))} as ${JSON.stringify(issue.replacement)}`,
      'not repaired: its line also holds, in as many places, characters that reading would have garbled too',
    ],
  };
}
