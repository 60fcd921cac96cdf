import { dataBytes } from '../data/dataFiles';
import { readCharModelTables, type CharModelTables } from '../model/charModelData';

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
}

const UNKNOWN = -1;

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
  private readonly bmpIndex = new Int32Array(0x10000).fill(UNKNOWN);
  private readonly astralIndex = new Map<number, number>();

  constructor(private readonly t: CharModelTables) {
    const cps = t.codePoints;
    for (let i = 0; i < cps.length; i++) {
      if (cps[i] < 0x10000) this.bmpIndex[cps[i]] = i;
      else this.astralIndex.set(cps[i], i);
    }
  }

  logProb(prev: number, cp: number): number {
    const b = this.indexOf(foldBackground(cp));
    const a = prev < 0 ? UNKNOWN : this.indexOf(foldBackground(prev));
    if (a === UNKNOWN) return this.unigramAt(b);
    const backoff = -this.t.backoffQ[a] / 10;
    if (b === UNKNOWN) return backoff + this.t.floor;
    const { rowStart, nextIndex, bigramQ } = this.t;
    let lo = rowStart[a];
    let hi = rowStart[a + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = nextIndex[mid];
      if (x === b) return -bigramQ[mid] / 10;
      if (x < b) lo = mid + 1;
      else hi = mid - 1;
    }
    return backoff + this.unigramAt(b);
  }

  private indexOf(cp: number): number {
    return cp < 0x10000 ? this.bmpIndex[cp] : this.astralIndex.get(cp) ?? UNKNOWN;
  }

  private unigramAt(i: number): number {
    return i === UNKNOWN ? this.t.floor : -this.t.unigramQ[i] / 10;
  }
}

let instance: BackgroundModel | undefined;

/** The shared background model, read from its data file on first use. */
export function getBackgroundModel(): BackgroundModel {
  instance ??= new QuantizedBackgroundModel(readCharModelTables(dataBytes('backgroundModel.bin')));
  return instance;
}
