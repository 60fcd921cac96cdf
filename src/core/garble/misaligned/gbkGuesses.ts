import { gbkTable, type DbcsTable } from '../../codec/gbkTable';
import { getCharModel, type CharLanguageModel } from '../../model/charLanguageModel';
import { isHan } from '../../text/chars';
import { charsReadAs } from '../../text/pinyinReadings';
import { MAX_RANK } from './searchTuning';
import { BestOf } from '../../model/bestOf';

/**
 * What the search may guess for lost bytes, per lead byte, worked out once from the GBK table and
 * the character model (both fixed): every search reuses the lists instead of filtering the table's
 * 190 trails of a lead again for each state.
 */
export class GbkGuesses {
  private readonly holeTrails: Array<TrailList> = [];
  private readonly userDefined: Array<TrailList> = [];
  private readonly common: Array<TrailList> = [];
  private readonly byReading = new Map<string, readonly WholeChar[]>();
  private readonly secondLeads = new Map<string, readonly number[]>();

  constructor(
    private readonly table: DbcsTable,
    private readonly lm: CharLanguageModel,
  ) {}

  /** The character of (lead, trail), or undefined when the pair is unmapped. */
  decodePair(lead: number, trail: number): string | undefined {
    return lead < 0 || trail < 0 ? undefined : this.table.decodePair(lead, trail);
  }

  /**
   * Trails a `?` can stand for after `lead`. A `?` stands for bytes the misaligned decoder met in
   * lead position, so its first byte is 0x81 or more: a byte below 0x80 would have printed as
   * itself (`R`), and 0x80 as `€`. The ideographic space A1A1 never comes out of a garbled run.
   */
  trailsForHole(lead: number): TrailList {
    return (this.holeTrails[lead] ??= this.trails(lead, (t, ch) => t >= 0x81 && ch !== '\u3000'));
  }

  /** Trails of `lead` that open a user-defined pair (AA–AF, F8–FE) and leave an ordinary character. */
  userDefinedTrails(lead: number): TrailList {
    let list = this.userDefined[lead];
    if (!list) {
      list = { bytes: [], chars: [] };
      for (const t of USER_DEFINED_FIRST_BYTES) {
        const ch = this.table.decodePair(lead, t);
        if (ch !== undefined && this.lm.rank(ch) <= MAX_RANK) {
          list.bytes.push(t);
          list.chars.push(ch);
        }
      }
      this.userDefined[lead] = list;
    }
    return list;
  }

  /** The few most frequent characters of a lead byte: the guesses worth making for a hidden pair. */
  commonTrails(lead: number): TrailList {
    let list = this.common[lead];
    if (!list) {
      // The best COMMON_TRAILS by unigram, ties in table order (a stable sort's first few).
      const best = new BestOf<number>(COMMON_TRAILS);
      for (let t = 0x40; t <= 0xfe; t++) {
        const ch = this.table.decodePair(lead, t);
        if (ch !== undefined && ch !== '\u3000') best.add(this.lm.unigram(ch), t);
      }
      const bytes = best.sorted();
      list = { bytes, chars: bytes.map((t) => this.table.decodePair(lead, t)!) };
      this.common[lead] = list;
    }
    return list;
  }

  /**
   * After a dropped pair whose first byte completed `first`, the pair's second byte leads the
   * next character, whose trail is `trail` (the next token's first byte): the `count` leads
   * that make that character most likely after `first`.
   */
  leadsAfterDroppedPair(first: string, trail: number, count: number): readonly number[] {
    const key = first + HEX_KEY[trail];
    let best = this.secondLeads.get(key);
    if (!best) {
      // The best `count` by bigram, ties in lead order (a stable sort's first few).
      const leads = new BestOf<number>(count);
      for (let p2 = 0xa1; p2 <= 0xfe; p2++) {
        const ch = this.decodePair(p2, trail);
        if (ch && this.lm.rank(ch) <= MAX_RANK) leads.add(this.lm.bigram(first, ch), p2);
      }
      best = leads.sorted();
      // Hostile text could ask for every (character, byte): keep the memo bounded.
      if (this.secondLeads.size >= MAX_MEMO) this.secondLeads.clear();
      this.secondLeads.set(key, best);
    }
    return best;
  }

  /**
   * Ordinary GBK characters by reading, for orphan readings whose character was swallowed whole,
   * in the table's order: the characters pinyinReadings has for the syllable, kept when they are
   * Han, ordinary enough for the model and in the table, each syllable's list made at its first use.
   */
  charsWithReading(syllable: string): readonly WholeChar[] {
    let list = this.byReading.get(syllable);
    if (!list) {
      const found: Array<WholeChar & { code: number }> = [];
      for (const ch of charsReadAs(syllable)) {
        const cp = ch.codePointAt(0)!;
        const code = this.table.codeOf(cp);
        if (code < 0x100 || !isHan(cp) || this.lm.rank(ch) > MAX_RANK) continue;
        found.push({ ch, lead: code >> 8, trail: code & 0xff, code });
      }
      list = found.sort((a, b) => a.code - b.code).map(({ ch, lead, trail }) => ({ ch, lead, trail }));
      // Hostile text could ask for any letters: keep the memo bounded.
      if (this.byReading.size >= MAX_MEMO) this.byReading.clear();
      this.byReading.set(syllable, list);
    }
    return list;
  }

  private trails(lead: number, keep: (t: number, ch: string) => boolean): TrailList {
    const list: TrailList = { bytes: [], chars: [] };
    const trails = this.table.trailsOf(lead);
    for (let k = 0; k < trails.length; k++) {
      const [t, ch] = trails[k];
      if (keep(t, ch)) {
        list.bytes.push(t);
        list.chars.push(ch);
      }
    }
    return list;
  }
}

/** Trail bytes and their characters after one lead, in the table's order. */
export interface TrailList {
  bytes: number[];
  chars: string[];
}

export interface WholeChar {
  ch: string;
  lead: number;
  trail: number;
}

const MAX_MEMO = 20000;
/** Characters commonTrails keeps per lead. */
const COMMON_TRAILS = 6;
/** Trail bytes that open a user-defined pair, in table order. */
const USER_DEFINED_FIRST_BYTES = Array.from({ length: 0x100 }, (_, b) => b).filter((b) => isUserDefinedLead(b));
const HEX_KEY = Array.from({ length: 256 }, (_, b) => ':' + b);

/** First bytes of cp936's user-defined rows (AAA1–AFFE, F8A1–FEFE), which decode to the PUA. */
export function isUserDefinedLead(b: number): boolean {
  return (b >= 0xaa && b <= 0xaf) || (b >= 0xf8 && b <= 0xfe);
}

let shared: GbkGuesses | undefined;

/** The guesses for the GBK table and the character model, built on first use. */
export function gbkGuesses(): GbkGuesses {
  shared ??= new GbkGuesses(gbkTable(), getCharModel());
  return shared;
}
