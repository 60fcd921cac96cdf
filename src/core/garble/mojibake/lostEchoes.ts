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

interface EchoIndex {
  chars: string[];
  /** Positions in `chars` of each non-ASCII character. */
  at: Map<string, number[]>;
  verdicts: Map<string, string | null>;
}
/**
 * Each document's index, made at its first lost character that asks and let go with the document
 * (a module-wide last index kept the last document's text and characters alive after its analysis).
 */
const indexes = new WeakMap<DocumentPairs, EchoIndex>();

function indexOf(doc: DocumentPairs, text: string): EchoIndex {
  const made = indexes.get(doc);
  if (made) return made;
  const chars = Array.from(text);
  const at = new Map<string, number[]>();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c.charCodeAt(0) < 0x80 || c === '\ufffd') continue;
    const list = at.get(c);
    if (list) list.push(i);
    else at.set(c, [i]);
  }
  const index = { chars, at, verdicts: new Map() };
  indexes.set(doc, index);
  return index;
}

/** A place around the lost character: a character read whole, or one lost, by its bytes. */
type Slot = { ch: string } | { pattern: Pattern };

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

function fits(ch: string, p: Pattern): boolean {
  const cp = ch.codePointAt(0)!;
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

function slotFits(ch: string, s: Slot): boolean {
  return 'ch' in s ? s.ch === ch : fits(ch, s.pattern);
}

/** What a fitting slot counts toward the context. */
function weightOf(s: Slot): number {
  if ('ch' in s) return s.ch.charCodeAt(0) < 0x80 ? 0 : 1;
  return s.pattern.known >= 2 ? PARTIAL_NEIGHBOUR : 0;
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
  if ('ch' in s) return s.ch;
  return `[${s.pattern.bytes.map((b, k) => (b === LOST ? `L${idOf(s.pattern.allowed[k] ?? NO_BYTES)}` : b)).join(',')}]`;
}

/**
 * The nearest place of `side` holding a whole non-ASCII character the document writes more than
 * once, and not too often (-1 if none): every occurrence looked at passes through it.
 */
function anchorIn(side: readonly Slot[], ix: EchoIndex): number {
  for (let k = 0; k < side.length; k++) {
    const s = side[k];
    if (!('ch' in s) || s.ch.charCodeAt(0) < 0x80) continue;
    const n = ix.at.get(s.ch)?.length ?? 0;
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
  const key = `${left.map(keyOf).reverse().join('')}|${keyOf({ pattern: center })}|${right.map(keyOf).join('')}`;
  const remembered = ix.verdicts.get(key);
  if (remembered !== undefined) return remembered ?? undefined;
  const best = new Map<string, number>();
  const { chars } = ix;
  // Whether each character met in the lost one's place fits its bytes, worked out once per query.
  const fitting = new Map<string, boolean>();
  // Every occurrence with context passes through the nearest whole non-ASCII character on one side.
  for (const [side, dir] of [[left, -1], [right, 1]] as const) {
    const d = anchorIn(side, ix);
    if (d < 0) continue;
    const list = ix.at.get((side[d] as { ch: string }).ch)!;
    for (const q of list) {
      const x = q - dir * (d + 1);
      if (x < 0 || x >= chars.length) continue;
      const ch = chars[x];
      let fit = fitting.get(ch);
      if (fit === undefined) fitting.set(ch, (fit = fits(ch, center)));
      if (!fit) continue;
      const sides = [0, 0];
      let through = true;
      for (const [slots, step] of [[left, -1], [right, 1]] as const) {
        for (let k = 0; k < slots.length; k++) {
          const y = x + step * (k + 1);
          const c = y >= 0 && y < chars.length ? chars[y] : '\n';
          if (c === '\n' || !slotFits(c, slots[k])) {
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
      if (weight > (best.get(ch) ?? 0)) best.set(ch, weight);
    }
  }
  let top: string | undefined;
  let first = 0;
  let second = 0;
  for (const [ch, w] of best) {
    if (w > first) {
      second = first;
      first = w;
      top = ch;
    } else if (w > second) second = w;
  }
  const verdict = top !== undefined && first >= MIN_CONTEXT && second < first ? top : undefined;
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
  const lostAt = new Map<number, { pattern: Pattern }>();
  for (const slot of d.lost) if (text[slot.at] === '\ufffd') lostAt.set(slot.at, { pattern: patternOf(slot, bytes, candidates) });
  const slotAt = (i: number): Slot | undefined => {
    const c = text[i];
    if (c === '\ufffd') return lostAt.get(i);
    return c >= '\ud800' && c < '\ue000' ? undefined : { ch: c };
  };
  let changed = false;
  for (const slot of d.lost) {
    if (text[slot.at] !== '\ufffd') continue;
    const left: Slot[] = [];
    for (let i = slot.at - 1; i >= 0 && left.length < WINDOW; i--) {
      const s = slotAt(i);
      if (!s) break;
      left.push(s);
    }
    if (slot.at - left.length === 0) for (const c of Array.from(before).reverse().slice(0, WINDOW - left.length)) left.push({ ch: c });
    const right: Slot[] = [];
    for (let i = slot.at + 1; i < text.length && right.length < WINDOW; i++) {
      const s = slotAt(i);
      if (!s) break;
      right.push(s);
    }
    if (slot.at + 1 + right.length === text.length) for (const c of Array.from(after).slice(0, WINDOW - right.length)) right.push({ ch: c });
    const center = lostAt.get(slot.at)!.pattern;
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
