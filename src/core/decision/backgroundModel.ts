import { dataBytes } from '../data/dataFiles';
import { readCharModelTables, type CharModelTables } from '../model/charModelData';
import { QuantizedTables, UNKNOWN } from '../model/quantizedTables';

/**
 * The character model of text that is not Chinese: Latin-script languages with their diacritics
 * (ß, ç, ő, ş, ư), Cyrillic, Greek, Japanese kana with kanji, Korean, and the markup and code they
 * sit in (roff, gettext catalogues, HTML, JavaScript, Markdown). It answers "how likely is this
 * text as it stands" for text the Chinese model cannot judge: `Größe` is ordinary German, its
 * reading as GBK bytes `Gr鲞e` is not ordinary anything.
 *
 * Built by scripts/build-background-model.mjs from the tuning split of the negative corpus
 * (docs/precision.md); same layout as charModel.bin, with its own folding (below).
 */
export interface BackgroundModel {
  /** ln P(cp | prev) over folded code points; prev < 0 at the start of a text. */
  logProb(prev: number, cp: number): number;
  /** logProb in two steps, for loops that read a text: a code point's index, then ln P(b | a) of indexes (a UNKNOWN at the start). */
  indexOf(cp: number): number;
  logProbOfIndexes(a: number, b: number): number;
}

/**
 * Whitespace (the no-break space too) to a space, digits to `0` (as the builder folds). Case is
 * kept: mojibake writes capitals inside words (`responsabilitÃ`, `dÃ©jÃ `) where text writes small
 * letters (`não`); so is the ideographic space, CJK's own.
 */
export function foldBackground(cp: number): number {
  if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x2028 || cp === 0x2029) return 0x20;
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19)) return 0x30;
  return cp;
}

class QuantizedBackgroundModel implements BackgroundModel {
  private readonly tables: QuantizedTables;

  constructor(t: CharModelTables) {
    this.tables = new QuantizedTables(t);
  }

  logProb(prev: number, cp: number): number {
    return this.tables.bigramAt(prev < 0 ? UNKNOWN : this.indexOf(prev), this.indexOf(cp));
  }

  indexOf(cp: number): number {
    return this.tables.indexOf(foldBackground(cp));
  }

  logProbOfIndexes(a: number, b: number): number {
    return this.tables.bigramAt(a, b);
  }
}

let instance: BackgroundModel | undefined;

/** The shared background model, read from its data file on first use. */
export function getBackgroundModel(): BackgroundModel {
  instance ??= new QuantizedBackgroundModel(readCharModelTables(dataBytes('backgroundModel.bin')));
  return instance;
}
