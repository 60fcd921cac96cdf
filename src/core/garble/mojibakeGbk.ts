import type { GarbleIssue } from '../types';
import { gbkCodec, type LegacyCodec } from '../codec/legacyCodecs';
import { findUtf8Mojibake, type MojibakeSpec } from './utf8Mojibake';
import { gb18030LostByteCandidates, gbkLostByteCandidates } from './mojibake/lostBytes';
import { isGbkGap } from '../codec/gbkGaps';
import { withDocumentPairs } from '../codec/utf8LostBytes';
import { isCjkPunct, isHan } from '../text/chars';
import { scriptOfCodePoint } from '../script/scriptOfChar';
import type { TextDetector } from '../pipeline/garbleDetector';
import { NON_ASCII } from '../pipeline/textScan';
import { withoutOverlaps } from '../text/spanOverlap';

/**
 * 古文码: UTF-8 text decoded as GBK and saved. `参数` → `鍙傛暟`, `春眠` → `鏄ョ湢`.
 * Three UTF-8 bytes per character against two GBK bytes per character: a run of an odd number
 * of characters leaves a lead byte that pairs with the next byte or becomes `?`.
 *
 * `锟斤拷` is U+FFFD (EF BF BD) twice, written as UTF-8 and read as GBK: the text was already lost
 * before it was misread, so it is flagged, never guessed. So are runs of 烫 and 屯, the MSVC debug
 * fill bytes 0xCC and 0xCD read as GBK.
 */
// 锟 (EF BF) is U+FFFD's first two bytes; the character after it is BD and whatever byte followed
// (斤 BDEF before another U+FFFD, 絥 BD6E before an `n`), then maybe 拷 (BF BD). 拷贝, 拷问 and
// 拷打 are words, not debris.
const LOSSY = /(?:锟[^\s锟]?(?:拷(?![贝貝问問打]))?)+|烫{3,}|屯{3,}/g;

export function findLossyGbk(text: string): GarbleIssue[] {
  const issues: GarbleIssue[] = [];
  // Every match opens with one of these: three native searches instead of the regex at every offset.
  if (!text.includes('锟') && !text.includes('烫') && !text.includes('屯')) return issues;
  LOSSY.lastIndex = 0;
  for (let m = LOSSY.exec(text); m; m = LOSSY.exec(text)) {
    const fill = m[0][0] === '锟' ? 'U+FFFD written as UTF-8 (EF BF BD), then read as GBK' : 'uninitialised memory (0xCC/0xCD) read as GBK';
    issues.push({
      kind: 'mojibake-gbk',
      start: m.index,
      end: m.index + m[0].length,
      confidence: m[0][0] === '锟' ? 0.99 : 0.8,
      lossy: true,
      plan: [fill, 'the original characters are lost: nothing to restore'],
    });
  }
  return issues;
}

/**
 * 聽 is C2 A0, a no-break space in UTF-8 read as GBK: web pages are full of `&nbsp;`. In Simplified
 * text 聽 cannot be the character itself (Simplified writes 听); in Traditional text it is one
 * (聽說, 收聽), so there only indentation counts. Which script a 聽 sits in is read around it first
 * (a Traditional line quoted in a Simplified page keeps its 聽: 燄聽風來動), and from the whole
 * text when its neighbourhood has no character of either script.
 */
const NBSP_MOJIBAKE = /聽+/g;
/** Characters either side of a 聽 that decide its script. */
const NEIGHBOURHOOD = 12;

function scriptCounts(text: string, from: number, to: number): { traditional: number; simplified: number } {
  let traditional = 0;
  let simplified = 0;
  for (let i = Math.max(0, from); i < Math.min(text.length, to); i++) {
    const code = text.charCodeAt(i);
    if (code === 0x807d /* 聽 */) continue;
    const s = scriptOfCodePoint(code);
    if (s === 'traditional') traditional++;
    else if (s === 'simplified') simplified++;
  }
  return { traditional, simplified };
}

export function findNbspMojibake(text: string): GarbleIssue[] {
  if (!text.includes('聽')) return [];
  // The whole text's counts are needed only for a 聽 with no character of either script nearby.
  let whole: ReturnType<typeof scriptCounts> | undefined;
  const matches = [...text.matchAll(NBSP_MOJIBAKE)];
  const issues: GarbleIssue[] = [];
  for (const m of matches) {
    const start = m.index!;
    const end = start + m[0].length;
    const near = scriptCounts(text, start - NEIGHBOURHOOD, end + NEIGHBOURHOOD);
    const { simplified, traditional } = near.simplified + near.traditional > 0 ? near : (whole ??= scriptCounts(text, 0, text.length));
    // In Traditional text (`那麼, 聽聽 $t` is "let's listen") only indentation counts: a run at the
    // start of a line, or three and more. A lone 聽 opening a line before a Han character is the
    // word (Cantonese dialogue: `聽日畀你睇`, `聽唔聽倒呀？`; 聽說…), not one space of indentation.
    const word = m[0].length === 1 && isHan(text.codePointAt(end) ?? 0);
    const lineStart = !word && /(?:^|\n)[ \t\u3000]*$/.test(text.slice(Math.max(0, start - 16), start));
    const mojibake = simplified > traditional || m[0].length >= 3 || lineStart;
    if (!mojibake) continue;
    issues.push({
      kind: 'mojibake-gbk',
      start,
      end,
      confidence: simplified > traditional ? 0.9 : 0.7,
      replacement: '\u00a0'.repeat(m[0].length),
      plan: ['encode gbk (聽 = C2 A0)', 'decode utf-8 (U+00A0 no-break space)'],
    });
  }
  return issues;
}

/**
 * Pairs GB18030-2000 mapped to the private use area and later editions to characters Unicode
 * added, as ICU's `gbk` converter (Node's `TextDecoder('gbk')`) still prints them: UTF-8's bytes
 * form them (客。 is E5 AE A2 E3 80 82: `瀹` A2E3 → U+E76C, then 0x80 → €), and a run broke at
 * them. [first code point, first pair, how many in a row]
 */
const PRINTED_PRIVATE_USE: ReadonlyArray<readonly [number, number, number]> = [
  [0xe5e5, 0xa3a0, 1],
  [0xe76c, 0xa2e3, 1],
  [0xe7c7, 0xa8bc, 1],
  [0xe7c8, 0xa8bf, 1],
  [0xe7e7, 0xa989, 13],
];

function printedPrivateUse(cp: number): number {
  if (cp < 0xe5e5 || cp > 0xe7f3) return -1;
  for (const [first, code, n] of PRINTED_PRIVATE_USE) if (cp >= first && cp < first + n) return code + (cp - first);
  return -1;
}

/** The GBK codec, reading back also the private-use characters ICU's decoder prints. */
function gbkMojibakeCodec(): LegacyCodec {
  const base = gbkCodec();
  return {
    ...base,
    bytesOf: (ch) => {
      const code = ch.length === 1 ? printedPrivateUse(ch.charCodeAt(0)) : -1;
      return code >= 0 ? [code >> 8, code & 0xff] : base.bytesOf(ch);
    },
    codeOf: (cp) => {
      const code = printedPrivateUse(cp);
      return code >= 0 ? code : base.codeOf(cp);
    },
  };
}

let spec: MojibakeSpec | undefined;
let userDefinedPrintedSpec: MojibakeSpec | undefined;

export function gbkMojibakeSpec(): MojibakeSpec {
  spec ??= {
    kind: 'mojibake-gbk',
    codec: gbkMojibakeCodec(),
    minChinese: 2,
    holeBytes: 1,
    droppedPairs: true,
    fullwidthFolded: true,
    lostByteCandidates: gbkLostByteCandidates,
    lostPair: isGbkGap,
    otherLanguages: true,
    inSegment: (code, cp) => code > 0xff || cp === 0x20ac,
  };
  return spec;
}

/**
 * The GBK spec for text whose decoder printed GBK's user-defined pairs as private-use characters
 * (U+E000–U+E765: Python's `gb18030`, the WHATWG decoders) rather than failing on them: such a
 * decoder fails on no other pair a UTF-8 byte can open, so a byte it lost before one that can
 * trail was 0x80 or 0xFF (`涓�锛` is 一， and cannot be 中，, whose AD EF it would have printed as
 * U+E168), and it never swallows two bytes into one mark.
 */
export function gbkUserDefinedPrintedSpec(): MojibakeSpec {
  userDefinedPrintedSpec ??= { ...gbkMojibakeSpec(), lostByteCandidates: gb18030LostByteCandidates, lostPair: undefined };
  return userDefinedPrintedSpec;
}

/** A user-defined pair printed as a private-use character right after a character GBK mojibake is made of. */
const USER_DEFINED_PRINTED = /[\u3000-\u9fff\uff00-\uffef][\ue000-\ue765]/;

/** The spec whose lost bytes fit the decoder the text shows, when it has lost bytes to read. */
function specFor(text: string): MojibakeSpec {
  const lost = text.includes('\ufffd') || text.includes('?');
  return lost && USER_DEFINED_PRINTED.test(text) ? gbkUserDefinedPrintedSpec() : gbkMojibakeSpec();
}

/**
 * Pairs of characters, each pair the string of its two characters. The lost-byte lattice asks
 * whether a pair is the document's in its innermost loop, so the pairs of two BMP characters (all
 * but a few) are numbers in an open-addressed table, found from the two code units of the pair
 * asked about without hashing a string; pairs with a character beyond the BMP are strings.
 */
export class CharPairs implements ReadonlySet<string> {
  private table = new Uint32Array(1 << 12);
  /** 32 less the bits of the table's size: a pair's hash is its number's product's top bits. */
  private shift = 32 - 12;
  private numbers = 0;
  private readonly wide = new Set<string>();

  /** Adds the pair of code points `a` then `b`. */
  add(a: number, b: number): void {
    if (a > 0xffff || b > 0xffff) {
      this.wide.add(String.fromCodePoint(a, b));
      return;
    }
    // 0 is the empty slot: no pair is (U+0000, U+0000).
    const key = ((a << 16) | b) >>> 0;
    if (key === 0) return;
    if ((this.numbers + 1) * 2 > this.table.length) this.grow();
    if (this.place(this.table, this.shift, key)) this.numbers++;
  }

  has(pair: string): boolean {
    if (pair.length !== 2) return pair.length > 2 && this.wide.has(pair);
    const key = ((pair.charCodeAt(0) << 16) | pair.charCodeAt(1)) >>> 0;
    const table = this.table;
    const mask = table.length - 1;
    for (let i = slot(key, this.shift); ; i = (i + 1) & mask) {
      const k = table[i];
      if (k === key) return key !== 0;
      if (k === 0) return false;
    }
  }

  get size(): number {
    return this.numbers + this.wide.size;
  }

  *values(): IterableIterator<string> {
    for (const k of this.table) if (k !== 0) yield String.fromCharCode(k >>> 16, k & 0xffff);
    yield* this.wide;
  }

  keys(): IterableIterator<string> {
    return this.values();
  }

  *entries(): IterableIterator<[string, string]> {
    for (const v of this.values()) yield [v, v];
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.values();
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const v of this.values()) callback.call(thisArg, v, v, this);
  }

  /** Places `key` in `table`; false when it was there. */
  private place(table: Uint32Array, shift: number, key: number): boolean {
    const mask = table.length - 1;
    for (let i = slot(key, shift); ; i = (i + 1) & mask) {
      if (table[i] === key) return false;
      if (table[i] === 0) {
        table[i] = key;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.shift--;
    for (const k of old) if (k !== 0) this.place(this.table, this.shift, k);
  }
}

/** The table slot a pair's number starts its search at (Fibonacci hashing: the product's top bits). */
function slot(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}

/**
 * Adds to `pairs` the pairs side by side in `text` of Han characters, Chinese punctuation and
 * figures (every ASCII digit as `0`, as documentPairKey reads them), but for two figures.
 */
function addHanPairs(text: string, pairs: CharPairs): void {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const digit = cp >= 0x30 && cp <= 0x39;
    const unit = digit ? 0x30 : isHan(cp) || isCjkPunct(cp) ? cp : -1;
    if (unit >= 0 && prev >= 0 && !(digit && prev === 0x30)) pairs.add(prev, unit);
    prev = unit;
  }
}

/**
 * The pairs of Han characters the document writes: as it stands (its clean paragraphs) and as its
 * mojibake under `spec` (GBK or Big5) reads back where no byte is lost (documentIntact; what a lost
 * byte breaks decodes to U+FFFD and pairs with nothing). A lost character that makes such a pair
 * with a neighbour (a name, a word the document says twice) is the likelier guess: a cache model
 * over the document for what a bigram model cannot see. `intact`: documentIntact's, when made.
 */
export function documentPairs(text: string, spec: MojibakeSpec, intact = documentIntact(text, spec)): CharPairs {
  const pairs = new CharPairs();
  // The text and each stretch read back are lines of `intact`, and a line break pairs with nothing.
  addHanPairs(intact, pairs);
  return pairs;
}

/** Decodes every stretch at once; documentIntact drops each one's opening byte order mark itself. */
const UTF8_KEEPING_BOM = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The document as it reads where no byte is lost: its text as it stands, then each stretch of
 * characters `spec`'s code page can encode (three bytes or more), its bytes read as UTF-8 (a lost
 * byte decodes to U+FFFD), a line each. What lostEchoes.ts looks a lost character's surroundings up
 * in, and documentPairs pairs. The stretches are decoded in one call, each after its line break:
 * a sequence a stretch leaves unfinished ends at the break as it would at its end, and a byte
 * order mark opening a stretch is dropped, as a decoder does at the start of its input.
 */
export function documentIntact(text: string, spec: MojibakeSpec): string {
  let bytes = new Uint8Array(1024);
  let n = 0;
  // Where the stretch being read starts, after its line break.
  let from = 1;
  const flush = () => {
    if (n - from < 3) n = from - 1;
    else if (bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf) {
      bytes.copyWithin(from, from + 3, n);
      n -= 3;
    }
    from = n + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const code = spec.codec.codeOf(cp);
    if (code < 0x80) {
      if (n >= from) flush();
      continue;
    }
    if (n + 3 > bytes.length) {
      const more = new Uint8Array(bytes.length * 2);
      more.set(bytes);
      bytes = more;
    }
    if (n < from) bytes[n++] = 0x0a;
    if (code > 0xff) {
      bytes[n++] = code >> 8;
      bytes[n++] = code & 0xff;
    } else bytes[n++] = code;
  }
  if (n >= from) flush();
  return n === 0 ? text : text + UTF8_KEEPING_BOM.decode(bytes.subarray(0, n));
}

/**
 * findUtf8Mojibake with the document's pairs (documentPairs) as the cache model of its lost
 * characters, where the text shows a lost byte at all (`?` or U+FFFD); `inLattice` as
 * withDocumentPairs takes it (false: only the doubts' second opinion reads them). The document
 * read back (documentIntact) is made once for both the pairs and lostEchoes.ts.
 */
export function findWithDocumentPairs(text: string, spec: MojibakeSpec, stops: readonly number[] | undefined, inLattice = true): GarbleIssue[] {
  if (!text.includes('\ufffd') && !text.includes('?')) return findUtf8Mojibake(text, spec, stops);
  let read: string | undefined;
  const intact = () => (read ??= documentIntact(text, spec));
  return withDocumentPairs(() => documentPairs(text, spec, intact()), () => findUtf8Mojibake(text, spec, stops), inLattice, intact);
}

/** `stops`: mojibakeStops for the GBK spec, when the caller has scanned the text for several. */
export function findMojibakeGbk(text: string, stops?: readonly number[]): GarbleIssue[] {
  const lossy = findLossyGbk(text);
  // Both specs read the same characters: the stops of one are the other's.
  const spec = specFor(text);
  const found = findWithDocumentPairs(text, spec, stops);
  // Spans inside a lossy run are already accounted for.
  const clear = withoutOverlaps(found, lossy);
  const nbsp = withoutOverlaps(findNbspMojibake(text), clear);
  return [...lossy, ...clear, ...nbsp].sort((a, b) => a.start - b.start);
}

export const mojibakeGbkDetector: TextDetector = {
  level: 'text',
  kind: 'mojibake-gbk',
  looksFor: 'UTF-8 read as GBK: 鍙傛暟 → 参数, 聽 → no-break space; 锟斤拷 flagged',
  plan: 'encode gbk → decode utf-8',
  noun: ['GBK mojibake span', 'GBK mojibake spans'],
  needs: NON_ASCII,
  mojibakeSpec: gbkMojibakeSpec,
  find: ({ text, scan }) => findMojibakeGbk(text, scan.mojibakeStops(gbkMojibakeSpec())),
};
