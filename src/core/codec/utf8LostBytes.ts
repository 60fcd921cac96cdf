import type { CharLanguageModel } from '../model/charLanguageModel';
import { codePointOf, decodeLattice, idOf, LOST, type Doubt, type LostSlot, type StretchDecoding } from './lostByteLattice';
import { sequenceLength } from './utf8WithHoles';

export { LOST, type Doubt, type LostSlot };

/**
 * UTF-8 decoding of a byte stream in which some bytes were lost (a decoder printed `?` or U+FFFD
 * for them), character by character rather than by a search over the whole stream: each lost byte
 * belongs to one UTF-8 character, fixed by the bytes around it, so the stream is read in order and
 * only the characters with a lost byte are guessed. A guess is kept only when the byte structure
 * leaves few candidates and the character model prefers one reading clearly (with the characters
 * on both sides; lostByteLattice.ts); otherwise the character stays lost and U+FFFD stands in for
 * it, so the reader sees where text is missing and nothing is invented.
 *
 * A character whose bytes are all known and which starts on a byte no other character can end
 * with (ASCII or a lead byte) splits the stream: every reading passes through it, so the
 * stretches between such characters are read apart, each with the characters around it, and give
 * what the whole lattice would. A stretch read once is remembered (with the characters of the
 * stream its scores looked up), so the neighbouring edges of one run, tried one after the other,
 * and the same run found again when the repair is applied cost little.
 */
export interface LostByteDecoding {
  text: string;
  /** The text with the guesses too weak to write but likely (lostByteLattice.ts's StretchDecoding). */
  likely: string;
  /** Bytes chosen for the lost ones, in stream order, as hex; `??` where the character stayed lost. */
  restored: string[];
  /** Characters left as U+FFFD. */
  unrecovered: number;
  /** Guesses left U+FFFD for want of a margin, placed in `text` and `restored` (lostByteLattice.ts). */
  doubts: Doubt[];
  /** Every character left U+FFFD, `from` counted in the whole stream (lostByteLattice.ts). */
  lost: LostSlot[];
}

/** The characters that whole sequences of known bytes spell, anywhere in the stream (ASCII aside). */
function charsOfKnownBytes(bytes: readonly number[]): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < bytes.length; ) {
    const known = knownCharAt(bytes, i);
    if (known && known.length > 1) {
      seen.add(known.ch);
      i += known.length;
    } else i++;
  }
  return seen;
}

/** A stretch read before: its result, and which characters its scores asked the stream for. */
interface Remembered {
  result: StretchDecoding | undefined;
  asked: Set<string>;
  /** Those of `asked` the stream wrote. */
  seen: Set<string>;
}

/**
 * Whether a stream writing `seen` writes the same characters among those `r`'s scores asked
 * about: the ones it wrote then are written, and no other asked one is. Checked over the
 * smaller of the two sets.
 */
function sameAnswers(r: Remembered, seen: ReadonlySet<string>): boolean {
  for (const ch of r.seen) if (!seen.has(ch)) return false;
  if (seen.size < r.asked.size) {
    for (const ch of seen) if (r.asked.has(ch) && !r.seen.has(ch)) return false;
    return true;
  }
  for (const ch of r.asked) if (seen.has(ch) && !r.seen.has(ch)) return false;
  return true;
}

const remembered = new WeakMap<CharLanguageModel, Map<string, Remembered[]>>();

/**
 * The document being read (see withDocumentPairs): its character pairs, a number that changes
 * with them, and whether the lattice weighs every reading by them or only the doubts' second
 * opinion does (garble/mojibake/lostWords.ts).
 */
export interface DocumentPairs {
  pairs: () => ReadonlySet<string>;
  id: number;
  inLattice: boolean;
  /** The document's text as it reads where no byte is lost (garble/mojibake/lostEchoes.ts), if given. */
  intact?: () => string;
}
let activeDocument: DocumentPairs | undefined;

/**
 * Runs `read` with `pairs` (two characters each, as the document writes them) as the document's
 * cache model: a lost character that forms with a neighbour a pair the document writes elsewhere
 * (a name, a word said twice) gains in the lattice, or with `inLattice` false only where the
 * bigrams left it in doubt. Synchronous: the pairs are in force only while `read` runs. `pairs` is
 * worked out at the first lost character that asks for them (most texts with a `?` have no lost
 * byte to guess), then kept.
 */
export function withDocumentPairs<T>(pairs: () => ReadonlySet<string>, read: () => T, inLattice = true, intact?: () => string): T {
  const outer = activeDocument;
  let known: ReadonlySet<string> | undefined;
  let text: string | undefined;
  activeDocument = { pairs: () => (known ??= pairs()), id: ++nextDocumentId, inLattice, intact: intact && (() => (text ??= intact())) };
  try {
    return read();
  } finally {
    activeDocument = outer;
  }
}

/** The document withDocumentPairs is reading, if any. */
export function currentDocument(): DocumentPairs | undefined {
  return activeDocument;
}
let nextDocumentId = 0;

/** A character as the document's pairs write it: every ASCII digit as `0`. */
export function documentPairKey(ch: string): string {
  return ch.length === 1 && ch >= '0' && ch <= '9' ? '0' : ch;
}
/** Stretches remembered per model before the memory starts again. */
const MAX_REMEMBERED = 4000;

/** The character of known bytes that starts at `i` on a boundary every reading has, and its length. */
function knownCharAt(bytes: readonly number[], i: number): { ch: string; length: number } | undefined {
  const b = bytes[i];
  if (b === LOST || (b >= 0x80 && b < 0xc0)) return undefined;
  const len = sequenceLength(b);
  if (len === 0 || i + len > bytes.length) return undefined;
  if (len === 1) return { ch: String.fromCharCode(b), length: 1 };
  for (let k = i + 1; k < i + len; k++) if (bytes[k] === LOST) return undefined;
  const cp = codePointOf(bytes.slice(i, i + len));
  return cp < 0 ? undefined : { ch: String.fromCodePoint(cp), length: len };
}

/**
 * Decode `bytes` (LOST where a byte is unknown; `candidates` lists, by position, the bytes a lost
 * one can have been; `pairs` marks, by the first position, two lost bytes a decoder swallowed
 * together and which pairs it swallows) as UTF-8. `before` and `after` are the characters around
 * the stream; a character with more than `lostAbove` readings stays lost unweighed. Undefined when
 * no reading is well-formed.
 */
export function decodeWithLostBytes(
  bytes: readonly number[],
  candidates: ReadonlyMap<number, readonly number[]>,
  lm: CharLanguageModel,
  before: string,
  after: string,
  pairs: ReadonlyMap<number, (first: number, second: number) => boolean> = new Map(),
  lostAbove = Infinity,
): LostByteDecoding | undefined {
  const seen = charsOfKnownBytes(bytes);
  const parts: string[] = [];
  const likely: string[] = [];
  const restored: string[] = [];
  const doubts: Doubt[] = [];
  const lost: LostSlot[] = [];
  let at = 0;
  let unrecovered = 0;
  let from = 0;
  let prev = before;
  const stretch = (to: number, next: string): boolean => {
    if (to > from) {
      const d = decodeStretch(bytes, from, to, candidates, pairs, lm, prev, next, seen, lostAbove);
      if (!d) return false;
      for (const doubt of d.doubts) doubts.push({ ...doubt, at: doubt.at + at, restoredAt: doubt.restoredAt + restored.length });
      for (const slot of d.lost) lost.push({ at: slot.at + at, from: slot.from + from, length: slot.length, restoredAt: slot.restoredAt + restored.length });
      parts.push(d.text);
      at += d.text.length;
      likely.push(d.likely);
      restored.push(...d.restored);
      unrecovered += d.unrecovered;
    }
    return true;
  };
  for (let i = 0; i < bytes.length; ) {
    const known = knownCharAt(bytes, i);
    if (!known) {
      i++;
      continue;
    }
    if (!stretch(i, known.ch)) return undefined;
    parts.push(known.ch);
    at += known.ch.length;
    likely.push(known.ch);
    prev = known.ch;
    i += known.length;
    from = i;
  }
  if (!stretch(bytes.length, after)) return undefined;
  return { text: parts.join(''), likely: likely.join(''), restored, unrecovered, doubts, lost };
}

/** bytes[from, to) through the lattice, or as remembered. */
function decodeStretch(
  bytes: readonly number[],
  from: number,
  to: number,
  candidates: ReadonlyMap<number, readonly number[]>,
  pairs: ReadonlyMap<number, (first: number, second: number) => boolean>,
  lm: CharLanguageModel,
  before: string,
  after: string,
  seen: ReadonlySet<string>,
  lostAbove: number,
): StretchDecoding | undefined {
  const part = bytes.slice(from, to);
  const partCandidates = new Map<number, readonly number[]>();
  const partPairs = new Map<number, (first: number, second: number) => boolean>();
  // A stretch remembered under one document's pairs is not reused in another.
  const inLattice = activeDocument?.inLattice ? activeDocument : undefined;
  let key = `${inLattice?.id ?? 0}\u0001${lostAbove}\u0001${before}\u0001${after}`;
  for (let k = from; k < to; k++) {
    if (bytes[k] !== LOST) {
      key += `,${bytes[k]}`;
      continue;
    }
    const c = candidates.get(k);
    if (c) partCandidates.set(k - from, c);
    const pair = pairs.get(k);
    if (pair) partPairs.set(k - from, pair);
    key += `,L${c ? idOf(c) : ''}${pair ? 'p' + idOf(pair) : ''}`;
  }
  let memory = remembered.get(lm);
  if (!memory) remembered.set(lm, (memory = new Map()));
  const earlier = memory.get(key);
  // A stretch read before gives the same result when the stream writes the same characters among
  // those its scores asked about.
  const same = earlier?.find((r) => sameAnswers(r, seen));
  if (same) return same.result;
  const asked = new Set<string>();
  const docPairs = inLattice?.pairs;
  const result = decodeLattice(part, partCandidates, lm, before, after, partPairs, {
    has: (ch) => {
      asked.add(ch);
      return seen.has(ch);
    },
    pair: docPairs ? (a, b) => docPairs().has(documentPairKey(a) + documentPairKey(b)) : undefined,
  }, lostAbove);
  if (memory.size >= MAX_REMEMBERED) memory.clear();
  const entry: Remembered = { result, asked, seen: new Set([...asked].filter((ch) => seen.has(ch))) };
  if (earlier) earlier.push(entry);
  else memory.set(key, [entry]);
  return result;
}
