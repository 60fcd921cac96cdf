import { currentDocument, LOST, type DocumentPairs, type LostByteDecoding, type LostSlot } from '../../codec/utf8LostBytes';
import { hexByte } from '../../codec/hexByte';
import { idOf } from '../../codec/lostByteLattice';

const NO_BYTES: readonly number[] = [];

/**
 * Document-level evidence for a character left U+FFFD: the same words come back in a document, and
 * where one occurrence lost a byte another is often whole (its clean paragraphs, or its mojibake
 * read back where no byte is lost: mojibakeGbk.ts's documentIntact). The characters around the lost
 * one (those read whole or restored, and the neighbours lost too, by their surviving bytes) are
 * looked up in that text; where it writes them around a character whose UTF-8 bytes fit the lost
 * one's surviving bytes and the code page's lost-byte candidates, and around no other that fits with
 * as much context, that character is written. Evidence from the text itself, nothing the model
 * guesses; calibrated on the repair evaluation's tuning part (docs/repair-eval.md, "The document's
 * own occurrences").
 */

/** Characters of context looked at on each side of the lost one. */
const WINDOW = 4;
/**
 * Context the document must write around the character, in a row with the lost one's place and in
 * the same places around it, before that character is written: each Han character, punctuation
 * mark or other non-ASCII character read whole counts 1 (ASCII 0: figures and spaces are found
 * anywhere), a neighbour lost too PARTIAL_NEIGHBOUR when it fits with two known bytes or more, and
 * context on one side only ONE_SIDED less. Tuning part, Big5 row, new restorations right / wrong
 * by this bar (docs/repair-eval.md): 1.5 → 80 / 15, 2 → 61 / 5, 2.5 → 47 / 1, 3 → 38 / 1.
 */
const MIN_CONTEXT = 2.5;
/** A neighbour that is lost too, but with two known bytes or more, counts this much when it fits. */
const PARTIAL_NEIGHBOUR = 0.5;
/**
 * Context on one side only counts this much less: `可以[有]秩序` found as `可以提` elsewhere is a
 * common word's next character, not the same phrase (without it, 2.5 restores 62 at 4 wrong).
 */
const ONE_SIDED = 1;
/**
 * An anchor character the document writes more often than this is passed over for the next one
 * out on its side: a common character (的, 。) is found everywhere, and looking through all its
 * occurrences for every lost character made a 1 MB text's analysis half again slower.
 */
const MAX_OCCURRENCES = 64;
/** Where a line ends: an occurrence's context stops there. */
const NEWLINE = 0x0a;

interface EchoIndex {
  /** The text's code points in order (a lone surrogate as its code unit). */
  cps: Int32Array;
  /**
   * Where each non-ASCII character stands in `cps`, U+FFFD aside: a BMP code point's places are
   * `places[start[cp]]` up to `places[start[cp + 1]]`, in order; the rarer astral ones in `astral`.
   */
  start: Int32Array;
  places: Int32Array;
  astral: Map<number, number[]>;
  verdicts: Map<string, string | null>;
}
/**
 * Each document's index, made at its first lost character that asks and let go with the document
 * (a module-wide last index kept the last document's text and characters alive after its analysis).
 */
const indexes = new WeakMap<DocumentPairs, EchoIndex>();

/** Whether the index lists where `cp` stands: a non-ASCII character other than U+FFFD. */
const indexed = (cp: number): boolean => cp >= 0x80 && cp !== 0xfffd;

/**
 * The index of `text`, in typed arrays sorted by counting: a 1 MB document's index as one string
 * per character and a list per distinct character was most of its lost characters' cost.
 */
function indexOf(doc: DocumentPairs, text: string): EchoIndex {
  const made = indexes.get(doc);
  if (made) return made;
  const all = new Int32Array(text.length);
  const start = new Int32Array(0x10002);
  const astral = new Map<number, number[]>();
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) {
      i++;
      const list = astral.get(cp);
      if (list) list.push(n);
      else astral.set(cp, [n]);
    } else if (indexed(cp)) start[cp + 2]++;
    all[n++] = cp;
  }
  // start[cp + 1] is where cp's places end once they are written, start[cp] where they begin.
  for (let cp = 2; cp < start.length; cp++) start[cp] += start[cp - 1];
  const cps = all.subarray(0, n);
  const places = new Int32Array(start[start.length - 1]);
  for (let x = 0; x < n; x++) {
    const cp = cps[x];
    if (cp <= 0xffff && indexed(cp)) places[start[cp + 1]++] = x;
  }
  const index = { cps, start: start.subarray(0, 0x10001), places, astral, verdicts: new Map() };
  indexes.set(doc, index);
  return index;
}

/** How often the document writes `cp` (0 for ASCII and U+FFFD). */
function occurrences(ix: EchoIndex, cp: number): number {
  if (cp > 0xffff) return ix.astral.get(cp)?.length ?? 0;
  return indexed(cp) ? ix.start[cp + 1] - ix.start[cp] : 0;
}

/** Where the document writes `cp`, in order. */
function placesOf(ix: EchoIndex, cp: number): ArrayLike<number> {
  if (cp > 0xffff) return ix.astral.get(cp) ?? NO_BYTES;
  return ix.places.subarray(ix.start[cp], ix.start[cp + 1]);
}

/** A place around the lost character: a character read whole, by its code point, or one lost, by its bytes. */
type Slot = number | Pattern;

interface Pattern {
  /** The character's bytes, LOST where lost. */
  bytes: number[];
  /** For each byte, the bytes a lost one can have been (undefined: any, or a known byte). */
  allowed: Array<readonly number[] | undefined>;
  known: number;
}

/** The UTF-8 bytes of code point `cp` into `out`; their number. */
function utf8Of(cp: number, out: Uint8Array): number {
  if (cp < 0x80) {
    out[0] = cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = 0xc0 | (cp >> 6);
    out[1] = 0x80 | (cp & 0x3f);
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = 0xe0 | (cp >> 12);
    out[1] = 0x80 | ((cp >> 6) & 0x3f);
    out[2] = 0x80 | (cp & 0x3f);
    return 3;
  }
  out[0] = 0xf0 | (cp >> 18);
  out[1] = 0x80 | ((cp >> 12) & 0x3f);
  out[2] = 0x80 | ((cp >> 6) & 0x3f);
  out[3] = 0x80 | (cp & 0x3f);
  return 4;
}
const enc = new Uint8Array(4);

function fits(cp: number, p: Pattern): boolean {
  if (cp < 0x80 || cp === 0xfffd) return false;
  if (utf8Of(cp, enc) !== p.bytes.length) return false;
  for (let k = 0; k < p.bytes.length; k++) {
    const b = p.bytes[k];
    if (b !== LOST) {
      if (enc[k] !== b) return false;
    } else {
      const allowed = p.allowed[k];
      if (allowed && !allowed.includes(enc[k])) return false;
    }
  }
  return true;
}

function slotFits(cp: number, s: Slot): boolean {
  return typeof s === 'number' ? s === cp : fits(cp, s);
}

/** What a fitting slot counts toward the context. */
function weightOf(s: Slot): number {
  if (typeof s === 'number') return s < 0x80 ? 0 : 1;
  return s.known >= 2 ? PARTIAL_NEIGHBOUR : 0;
}

function patternOf(slot: LostSlot, bytes: readonly number[], candidates: ReadonlyMap<number, readonly number[]>): Pattern {
  const p: Pattern = { bytes: [], allowed: [], known: 0 };
  for (let k = slot.from; k < slot.from + slot.length; k++) {
    p.bytes.push(bytes[k]);
    p.allowed.push(bytes[k] === LOST ? candidates.get(k) : undefined);
    if (bytes[k] !== LOST) p.known++;
  }
  return p;
}

function keyOf(s: Slot): string {
  if (typeof s === 'number') return String.fromCodePoint(s);
  return `[${s.bytes.map((b, k) => (b === LOST ? `L${idOf(s.allowed[k] ?? NO_BYTES)}` : b)).join(',')}]`;
}

/**
 * The nearest place of `side` holding a whole non-ASCII character the document writes more than
 * once, and not too often (-1 if none): every occurrence looked at passes through it.
 */
function anchorIn(side: readonly Slot[], ix: EchoIndex): number {
  for (let k = 0; k < side.length; k++) {
    const s = side[k];
    if (typeof s !== 'number' || s < 0x80) continue;
    const n = occurrences(ix, s);
    // Once is the run's own place, read back.
    if (n > 1 && n <= MAX_OCCURRENCES) return k;
  }
  return -1;
}

/**
 * The one character the document writes in the lost one's place with at least MIN_CONTEXT of
 * context, more than any other that fits there; undefined when there is none or no clear one.
 */
function echoOf(center: Pattern, left: Slot[], right: Slot[], ix: EchoIndex): string | undefined {
  if (anchorIn(left, ix) < 0 && anchorIn(right, ix) < 0) return undefined;
  const key = `${left.map(keyOf).reverse().join('')}|${keyOf(center)}|${right.map(keyOf).join('')}`;
  const remembered = ix.verdicts.get(key);
  if (remembered !== undefined) return remembered ?? undefined;
  const best = new Map<number, number>();
  const { cps } = ix;
  // Whether each character met in the lost one's place fits its bytes, worked out once per query.
  const fitting = new Map<number, boolean>();
  // Every occurrence with context passes through the nearest whole non-ASCII character on one side.
  for (const [side, dir] of [[left, -1], [right, 1]] as const) {
    const d = anchorIn(side, ix);
    if (d < 0) continue;
    const list = placesOf(ix, side[d] as number);
    for (let o = 0; o < list.length; o++) {
      const x = list[o] - dir * (d + 1);
      if (x < 0 || x >= cps.length) continue;
      const cp = cps[x];
      let fit = fitting.get(cp);
      if (fit === undefined) fitting.set(cp, (fit = fits(cp, center)));
      if (!fit) continue;
      const sides = [0, 0];
      let through = true;
      for (const [slots, step] of [[left, -1], [right, 1]] as const) {
        for (let k = 0; k < slots.length; k++) {
          const y = x + step * (k + 1);
          const c = y >= 0 && y < cps.length ? cps[y] : NEWLINE;
          if (c === NEWLINE || !slotFits(c, slots[k])) {
            if (slots === side && k <= d) through = false;
            break;
          }
          sides[step < 0 ? 0 : 1] += weightOf(slots[k]);
        }
      }
      if (!through) continue;
      // A character with no byte left is told by the words around it alone: both sides, or not at all.
      if (center.known === 0 && (sides[0] === 0 || sides[1] === 0)) continue;
      const weight = sides[0] + sides[1] - (sides[0] > 0 && sides[1] > 0 ? 0 : ONE_SIDED);
      if (weight > (best.get(cp) ?? 0)) best.set(cp, weight);
    }
  }
  let top: number | undefined;
  let first = 0;
  let second = 0;
  for (const [cp, w] of best) {
    if (w > first) {
      second = first;
      first = w;
      top = cp;
    } else if (w > second) second = w;
  }
  const verdict = top !== undefined && first >= MIN_CONTEXT && second < first ? String.fromCodePoint(top) : undefined;
  ix.verdicts.set(key, verdict ?? null);
  return verdict;
}

/**
 * `d` with each character left U+FFFD written where the document's intact text says what it was
 * (see above); `bytes` and `candidates` are the stream `d` was read from.
 */
export function echoLost(d: LostByteDecoding, bytes: readonly number[], candidates: ReadonlyMap<number, readonly number[]>, before: string, after: string): LostByteDecoding {
  if (d.unrecovered === 0 || d.lost.length === 0) return d;
  const doc = currentDocument();
  const intact = doc?.intact?.();
  if (!doc || !intact) return d;
  const ix = indexOf(doc, intact);
  const text = d.text.split('');
  const likely = d.likely.length === d.text.length ? d.likely.split('') : undefined;
  const restored = [...d.restored];
  let unrecovered = d.unrecovered;
  // The lost characters' places, by their offset in the text, each worked out once.
  const lostAt = new Map<number, Pattern>();
  for (const slot of d.lost) if (text[slot.at] === '\ufffd') lostAt.set(slot.at, patternOf(slot, bytes, candidates));
  const slotAt = (i: number): Slot | undefined => {
    const c = text[i];
    if (c === '\ufffd') return lostAt.get(i);
    return c >= '\ud800' && c < '\ue000' ? undefined : c.charCodeAt(0);
  };
  let changed = false;
  for (const slot of d.lost) {
    if (text[slot.at] !== '\ufffd') continue;
    const left: Slot[] = [];
    for (let i = slot.at - 1; i >= 0 && left.length < WINDOW; i--) {
      const s = slotAt(i);
      if (s === undefined) break;
      left.push(s);
    }
    if (slot.at - left.length === 0) for (const c of Array.from(before).reverse().slice(0, WINDOW - left.length)) left.push(c.codePointAt(0)!);
    const right: Slot[] = [];
    for (let i = slot.at + 1; i < text.length && right.length < WINDOW; i++) {
      const s = slotAt(i);
      if (s === undefined) break;
      right.push(s);
    }
    if (slot.at + 1 + right.length === text.length) for (const c of Array.from(after).slice(0, WINDOW - right.length)) right.push(c.codePointAt(0)!);
    const center = lostAt.get(slot.at)!;
    const ch = echoOf(center, left, right, ix);
    if (!ch || ch.length !== 1) continue;
    text[slot.at] = ch;
    if (likely && likely[slot.at] === '\ufffd') likely[slot.at] = ch;
    utf8Of(ch.charCodeAt(0), enc);
    const chosen: string[] = [];
    for (let k = 0; k < center.bytes.length; k++) if (center.bytes[k] === LOST) chosen.push(hexByte(enc[k]));
    restored.splice(slot.restoredAt, chosen.length, ...chosen);
    lostAt.delete(slot.at);
    unrecovered--;
    changed = true;
  }
  if (!changed) return d;
  return { ...d, text: text.join(''), likely: likely ? likely.join('') : d.likely, restored, unrecovered };
}
