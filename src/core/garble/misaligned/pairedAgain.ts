import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { isGbkGap } from '../../codec/gbkGaps';
import { ordinary } from './silentGuesses';

/**
 * The character a trail byte and the lead byte after it make when a misaligned run pairs them
 * again, as a code unit, when it is one a repair may produce (silentGuesses.ordinary, or a
 * fullwidth digit: news text writes its figures so, `第２６分钟`, and a run reads through them
 * from bytes it knows; only a guessed byte may not make one), else -1.
 * The search asks for every pair of double-byte characters it reads: one table of 64 K entries
 * per GBK table and model, filled as pairs are met, answers without making a string.
 */
export class PairedAgain {
  /** Per trail << 8 | lead: 0 not worked out yet, -1 none, else the code unit. */
  private readonly codes = new Int32Array(0x10000);

  private constructor(
    private readonly table: DbcsTable,
    private readonly lm: CharLanguageModel,
  ) {}

  private static readonly made = new WeakMap<DbcsTable, PairedAgain>();

  static of(table: DbcsTable, lm: CharLanguageModel): PairedAgain {
    let p = PairedAgain.made.get(table);
    if (!p || p.lm !== lm) PairedAgain.made.set(table, (p = new PairedAgain(table, lm)));
    return p;
  }

  private readonly highTrails = new Map<number, ReadonlyArray<readonly [number, string]>>();

  /** The characters of a lead byte whose trail is 0x81 or above: one list per lead, so that guesses over it are cached by list. */
  highTrailsOf(lead: number): ReadonlyArray<readonly [number, string]> {
    let list = this.highTrails.get(lead);
    if (!list) this.highTrails.set(lead, (list = this.table.trailsOf(lead).filter(([t]) => t >= 0x81)));
    return list;
  }

  private readonly gapTrails = new Map<number, ReadonlyArray<readonly [number, string]>>();

  /**
   * The characters of a lead byte whose trail is 0x81 or above and makes no pair with `next` (a
   * lead byte 0x40 or above): the trails a decoder could not pair with it. One list per (lead,
   * next), so that guesses over it are cached by list as highTrailsOf's are.
   */
  gapTrailsOf(lead: number, next: number): ReadonlyArray<readonly [number, string]> {
    const key = (lead << 8) | next;
    let list = this.gapTrails.get(key);
    if (!list) this.gapTrails.set(key, (list = this.table.trailsOf(lead).filter(([t]) => t >= 0x81 && isGbkGap(t, next))));
    return list;
  }

  /** The character `trail` (0–255) and `lead` (0–255) make, as a code unit, or -1. */
  codeOf(trail: number, lead: number): number {
    const key = (trail << 8) | lead;
    let r = this.codes[key];
    if (r === 0) {
      const ch = this.table.decodePair(trail, lead);
      r = ch && ch.length === 1 && (ordinary(ch, this.lm) || isFullwidthDigit(ch.charCodeAt(0))) ? ch.charCodeAt(0) : -1;
      this.codes[key] = r;
    }
    return r;
  }
}

/** ０–９ (U+FF10–FF19), GBK A3 B0–B9. */
function isFullwidthDigit(cu: number): boolean {
  return cu >= 0xff10 && cu <= 0xff19;
}
