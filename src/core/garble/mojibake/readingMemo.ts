import type { Reading } from './readRun';
import type { Unit } from './mojibakeSpec';

/**
 * What judgeReading decides of a run before it weighs the repair in the run's neighbourhood: the
 * run's reading and its gain, or nothing (rejected). That part is a function of the run's
 * code-page bytes, its text, the characters just before and after it and whether the text showed
 * the mojibake before; a text writes the same short stretches again and again (`ção`, `não` in
 * Portuguese, a name in Chinese), and each was read back and scored every time.
 */
export interface ReadingVerdict {
  reading: Reading;
  gain: number;
  /** Read as Korean, Japanese or emoji: its gain comes from the weighing. */
  ownLanguage: boolean;
  /** False where the reading is taken without weighing (every character lost in a text that showed the mojibake). */
  weigh: boolean;
}

/** Runs longer than this (in code units) are read each time: a whole file of mojibake does not repeat. */
const MAX_REMEMBERED_RUN = 48;
/** Verdicts one scan keeps at most (a few MB of keys); later runs are read each time. */
const MAX_VERDICTS = 50_000;

/** One per scan of one text with one code page: the document's own occurrences are the same for every run. */
export class ReadingMemo {
  private readonly verdicts = new Map<string, ReadingVerdict | null>();

  get(units: readonly Unit[], start: number, end: number, original: string, prev: string, next: string, shown: boolean, read: () => ReadingVerdict | undefined): ReadingVerdict | undefined {
    if (original.length > MAX_REMEMBERED_RUN) return read();
    const key = keyOf(units, start, end, original, prev, next, shown);
    const known = this.verdicts.get(key);
    if (known !== undefined) return known ?? undefined;
    const verdict = read();
    if (this.verdicts.size < MAX_VERDICTS) this.verdicts.set(key, verdict ?? null);
    return verdict;
  }
}

/**
 * The run's text, its neighbours and each unit's bytes (a hole, a dropped pair of no width and a
 * printable ASCII character read as a fullwidth form differ only there).
 */
function keyOf(units: readonly Unit[], start: number, end: number, original: string, prev: string, next: string, shown: boolean): string {
  let key = `${shown ? 1 : 0}${prev}\u0000${next}\u0000${original}\u0000`;
  for (let k = start; k < end; k++) {
    const bytes = units[k].bytes;
    if (!bytes) key += '\u0001';
    else for (const b of bytes) key += String.fromCharCode(b & 0xffff);
    key += '\u0002';
  }
  return key;
}
