import type { CharLanguageModel } from '../model/charLanguageModel';
import { sequenceLength } from './utf8WithHoles';
import { hexByte } from './hexByte';

/**
 * The lattice under utf8LostBytes.ts: one stretch of a byte stream with lost bytes, between two
 * characters the stream spells out whole (or its ends), read as UTF-8 by Viterbi under the
 * character model, each guessed character kept only with a clear margin (see decodeLattice).
 */
export const LOST = -1;

/** The code point of a complete sequence, or -1 when it is not well-formed UTF-8. */
export function codePointOf(seq: readonly number[]): number {
  const n = seq.length;
  if (n === 1) return seq[0] < 0x80 ? seq[0] : -1;
  if (sequenceLength(seq[0]) !== n) return -1;
  let cp = seq[0] & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    if (seq[k] < 0x80 || seq[k] > 0xbf) return -1;
    cp = (cp << 6) | (seq[k] & 0x3f);
  }
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  return cp;
}

/** Characters the stream writes whole elsewhere (a guess among them gains SEEN_IN_RUN). */
export interface SeenChars {
  has(ch: string): boolean;
  /** Whether the document writes `a` right before `b` elsewhere (a reading through that pair gains SEEN_PAIR). */
  pair?(a: string, b: string): boolean;
}

/** A cache model over the document's character pairs: a name or a word it writes elsewhere. */
const SEEN_PAIR = 2;

/**
 * A guess that the stream itself writes elsewhere (a quotation's 」 after its 「, a name said twice)
 * gains this much: a cache model over the characters of the known bytes, for what a bigram
 * model cannot see.
 */
const SEEN_IN_RUN = 1.5;

/** The result of one stretch: its text, the bytes chosen for its lost ones (`??` where lost), characters left as U+FFFD. */
export interface StretchDecoding {
  text: string;
  restored: string[];
  unrecovered: number;
}

/** How much better the best reading of a lost character must be than the next one. */
const MIN_MARGIN = 1;
/**
 * The character model folds U+3000 into the ASCII space, which is common before digits and Latin
 * letters; inside a line of Chinese the ideographic space is rare (it indents paragraphs), so as a
 * guess for a lost byte it pays this much unless it opens a line.
 */
const MID_LINE_IDEOGRAPHIC_SPACE = -8;
/**
 * The model folds fullwidth letters and digits into ASCII ones, which are common next to Chinese;
 * a fullwidth `Ａ` or `５` alone is not (a text that writes figures fullwidth writes several).
 */
const LONE_FULLWIDTH_ALNUM = -8;

function isFullwidthAlnum(ch: string): boolean {
  const cp = ch.charCodeAt(0);
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}


/** Readings of one character looked at, at most (two lost bytes in one character: 64 × 64). */
const MAX_READINGS = 8192;
/**
 * Of those, the ones kept in the lattice: the most frequent characters (a character with two lost
 * bytes, as Big5 leaves every other one, has a thousand readings; the rare ones among them could
 * never be chosen with confidence anyway).
 */
const MAX_KEPT_READINGS = 256;
/** States kept at each byte position, the best by their score so far (a beam). */
const MAX_STATES = 32;




interface Reading {
  ch: string;
  length: number;
  /** The bytes chosen for the lost ones in this character. */
  chosen: number[];
  /** Too many bytes of this character are lost to read it: it stays U+FFFD, whatever it was. */
  unknown?: boolean;
}

/**
 * What a character too lost to read (U+FFFD) costs on a path: a little less than an ordinary
 * character, so that a reading of the same bytes that the model can score is preferred.
 */
const UNKNOWN_CHAR_LOGPROB = -9;

const NO_BYTES: readonly number[] = [];

/** Controls, format characters and line or paragraph separators (see decision/otherLanguages.ts). */
const NOT_GUESSED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * Every well-formed reading of the character starting at `i`: its length follows from its first
 * byte (a lost first byte may open a sequence of any length its candidates allow).
 */
function readingsAt(bytes: readonly number[], candidates: ReadonlyMap<number, readonly number[]>, i: number, consistent: (i: number, seq: readonly number[]) => boolean): Reading[] {
  const firsts = bytes[i] === LOST ? candidates.get(i) ?? [] : [bytes[i]];
  const out: Reading[] = [];
  for (const first of firsts) {
    const n = sequenceLength(first);
    if (n === 0 || i + n > bytes.length) continue;
    // The choices for each byte of the sequence after the first.
    const choices: Array<readonly number[]> = [];
    let combos = 1;
    for (let k = 1; k < n; k++) {
      const b = bytes[i + k];
      const c = b === LOST ? (candidates.get(i + k) ?? []).filter((x) => x >= 0x80 && x <= 0xbf) : b >= 0x80 && b <= 0xbf ? [b] : [];
      choices.push(c);
      combos *= c.length;
    }
    if (combos === 0) continue;
    if (combos * firsts.length > MAX_READINGS) {
      // Too many readings: the character is lost, as one U+FFFD of this length.
      if (!out.some((r) => r.unknown && r.length === n)) {
        const lost = bytes.slice(i, i + n).filter((b) => b === LOST).map(() => LOST);
        out.push({ ch: '\ufffd', length: n, chosen: lost, unknown: true });
      }
      continue;
    }
    const seq = [first];
    const walk = (k: number) => {
      if (k === n) {
        const cp = codePointOf(seq);
        if (cp < 0) return;
        if (!consistent(i, seq)) return;
        const chosen: number[] = [];
        for (let j = 0; j < n; j++) if (bytes[i + j] === LOST) chosen.push(seq[j]);
        // A guess is never a control or a format character, nor Greek, Cyrillic, Hebrew or Arabic
        // (two-byte sequences from 0x370): no Chinese text is restored into those, and a reading
        // holding one is refused whole (judgeReading.ts's readsAsText).
        if (chosen.length && (NOT_GUESSED.test(String.fromCodePoint(cp)) || (cp >= 0x0370 && cp <= 0x07ff))) {
          refused = true;
          return;
        }
        // Nor a two-byte character whose lead is lost: where a decoder swallows pairs (Big5), such
        // a reading competes with the three-byte character the bytes belong to, which has too many
        // readings to weigh, and wins by being scored at all (`ɑ們` for 我們).
        if (n === 2 && bytes[i] === LOST) {
          refused = true;
          return;
        }
        out.push({ ch: String.fromCodePoint(cp), length: n, chosen });
        return;
      }
      for (const b of choices[k - 1]) {
        seq.push(b);
        walk(k + 1);
        seq.pop();
      }
    };
    // Bytes whose every reading was refused are still a character: one that stays lost.
    let refused = false;
    walk(1);
    if (refused && !out.some((r) => r.length === n)) out.push({ ch: '\ufffd', length: n, chosen: bytes.slice(i, i + n).filter((b) => b === LOST), unknown: true });
  }
  return out;
}

/** The `max` readings of the most frequent characters, when there are more. */
function mostFrequent(readings: Reading[], lm: CharLanguageModel, max: number, lostAbove: number): Reading[] {
  if (readings.filter((r) => !r.unknown).length > lostAbove) {
    // Too many readings to weigh: the character is lost, as one U+FFFD per length it may have.
    const lost: Reading[] = [];
    for (const r of readings) {
      if (!lost.some((u) => u.length === r.length)) lost.push(r.unknown ? r : { ch: '\ufffd', length: r.length, chosen: r.chosen.map(() => LOST), unknown: true });
    }
    return lost;
  }
  if (readings.length <= max) return readings;
  return readings
    .map((r) => ({ r, p: r.unknown ? Infinity : lm.unigram(r.ch) }))
    .sort((a, b) => b.p - a.p)
    .slice(0, max)
    .map((x) => x.r);
}

interface Edge {
  from: number;
  /** Key of the state the edge leaves from. */
  fromKey: string;
  reading: Reading;
  score: number;
}

/** A state of the lattice: the last character read, and the first byte of a swallowed pair still open. */
function keyOf(ch: string, open: number | undefined): string {
  return open === undefined ? ch : `${ch}\u0000${open}`;
}

function charOfKey(key: string): string {
  const nul = key.indexOf('\u0000');
  return nul < 0 ? key : key.slice(0, nul);
}

/** Lattices read per character model: a stretch's readings by their pattern (see patternKey). */
const readingCaches = new WeakMap<CharLanguageModel, Map<string, Reading[]>>();
/** Patterns kept before the cache starts again (a pattern holds at most MAX_KEPT_READINGS readings). */
const MAX_CACHED_PATTERNS = 4096;

/** Small ids for the candidate lists and pair tests a pattern or a stretch names. */
const ids = new WeakMap<object, number>();
let nextId = 0;
export function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

/**
 * Decode `bytes` (LOST where a byte is unknown; `candidates` lists, by position, the bytes a lost
 * one can have been; `pairs` marks, by the first position, two lost bytes a decoder swallowed
 * together and which pairs it swallows) as UTF-8. `before` and `after` are the characters around
 * the stretch; `seen`, the characters the whole stream writes out; a character with more than
 * `lostAbove` readings stays lost without being weighed (see LostByteSpec.maxReadings).
 *
 * The readings form a lattice over byte positions (a known stretch has one reading, a character
 * with a lost byte a few); the best path under the character model's bigrams is found by Viterbi,
 * and each guessed character is kept only when the best path through any other character at its
 * place scores MIN_MARGIN less (max-marginals from a forward and a backward pass): two lost
 * characters side by side (歧视 in 鐨勬�ц�嗐) are decided together. Undefined when no reading is
 * well-formed.
 */
export function decodeLattice(
  bytes: readonly number[],
  candidates: ReadonlyMap<number, readonly number[]>,
  lm: CharLanguageModel,
  before: string,
  after: string,
  pairs: ReadonlyMap<number, (first: number, second: number) => boolean>,
  seen: SeenChars,
  lostAbove = Infinity,
): StretchDecoding | undefined {
  const n = bytes.length;
  // The readings from each position, given the first byte of a swallowed pair carried into it.
  // They depend only on the bytes from there (with the candidates and pair tests of the lost
  // ones) and the pair byte carried in, so they are shared across stretches and calls.
  let readingCache = readingCaches.get(lm);
  if (!readingCache) readingCaches.set(lm, (readingCache = new Map()));
  const cache = readingCache;
  const patternKey = (p: number, open: number | undefined): string => {
    let key = `${lostAbove}:${open ?? ''}${pairs.has(p - 1) ? 'p' + idOf(pairs.get(p - 1)!) : ''}`;
    for (let k = p; k < Math.min(n, p + 4); k++) {
      const b = bytes[k];
      key += b === LOST ? `,L${idOf(candidates.get(k) ?? NO_BYTES)}${pairs.has(k) ? 'p' + idOf(pairs.get(k)!) : ''}` : `,${b}`;
    }
    return key;
  };
  const readingsFrom = (p: number, open: number | undefined): Reading[] => {
    if (bytes[p] !== LOST && sequenceLength(bytes[p]) === 0) return [];
    const key = patternKey(p, open);
    let cached = cache.get(key);
    if (!cached) {
      if (cache.size >= MAX_CACHED_PATTERNS) cache.clear();
      cache.set(key, (cached = readingsOf(p, open)));
    }
    return cached;
  };
  const readingsOf = (p: number, open: number | undefined): Reading[] =>
    mostFrequent(readingsAt(bytes, candidates, p, (i, seq) => {
      for (let j = 0; j < seq.length; j++) {
        const at = i + j;
        if (bytes[at] !== LOST) continue;
        const second = pairs.get(at - 1);
        if (second) {
          const first = j > 0 ? seq[j - 1] : open;
          if (first !== undefined && !second(first, seq[j])) return false;
        }
        const first = pairs.get(at);
        if (first && j + 1 < seq.length && !first(seq[j], seq[j + 1])) return false;
      }
      return true;
    }), lm, MAX_KEPT_READINGS, lostAbove);
  // The open pair byte an edge leaves behind: its last byte, when that is the first of a pair.
  const openAfter = (p: number, r: Reading): number | undefined => {
    const last = p + r.length - 1;
    return bytes[last] === LOST && pairs.has(last) && !r.unknown ? r.chosen[r.chosen.length - 1] : undefined;
  };
  const pairBonus = (a: string, b: string): number => (seen.pair?.(a, b) ? SEEN_PAIR : 0);
  const closing = (ch: string): number => (after ? lm.bigram(ch, after) + pairBonus(ch, after) : 0);
  const weight = (prev: string, r: Reading): number => {
    if (r.unknown) return UNKNOWN_CHAR_LOGPROB;
    let w = lm.bigram(prev, r.ch) + pairBonus(prev, r.ch);
    if (r.chosen.length > 0) {
      if (seen.has(r.ch)) w += SEEN_IN_RUN;
      if (r.ch === '\u3000' && prev !== '' && prev !== '\n' && prev !== '\u3000') w += MID_LINE_IDEOGRAPHIC_SPACE;
      if (isFullwidthAlnum(r.ch) && !isFullwidthAlnum(prev)) w += LONE_FULLWIDTH_ALNUM;
    }
    return w;
  };

  // Forward: best score of each state at each position, and the edge it came by.
  const alpha: Array<Map<string, number>> = Array.from({ length: n + 1 }, () => new Map());
  const cameBy: Array<Map<string, Edge>> = Array.from({ length: n + 1 }, () => new Map());
  const edgesFrom: Edge[][] = Array.from({ length: n + 1 }, () => []);
  alpha[0].set(keyOf(before, undefined), 0);
  for (let p = 0; p < n; p++) {
    if (alpha[p].size > MAX_STATES) alpha[p] = new Map([...alpha[p]].sort((a, b) => b[1] - a[1]).slice(0, MAX_STATES));
    for (const [key, score] of alpha[p]) {
      const open = key.includes('\u0000') ? Number(key.slice(key.indexOf('\u0000') + 1)) : undefined;
      const prev = charOfKey(key);
      for (const r of readingsFrom(p, open)) {
        const edge: Edge = { from: p, fromKey: key, reading: r, score: weight(prev, r) };
        edgesFrom[p].push(edge);
        const to = p + r.length;
        const toKey = keyOf(r.ch, openAfter(p, r));
        const total = score + edge.score;
        if (total > (alpha[to].get(toKey) ?? -Infinity)) {
          alpha[to].set(toKey, total);
          cameBy[to].set(toKey, edge);
        }
      }
    }
  }
  let endKey: string | undefined;
  let endScore = -Infinity;
  for (const [key, score] of alpha[n]) {
    const total = score + closing(charOfKey(key));
    if (total > endScore) {
      endScore = total;
      endKey = key;
    }
  }
  if (endKey === undefined) return undefined;

  // Backward: the best score from each state at each position to the end.
  const beta: Array<Map<string, number>> = Array.from({ length: n + 1 }, () => new Map());
  for (const key of alpha[n].keys()) beta[n].set(key, closing(charOfKey(key)));
  for (let p = n - 1; p >= 0; p--) {
    for (const e of edgesFrom[p]) {
      const to = e.from + e.reading.length;
      const toKey = keyOf(e.reading.ch, openAfter(p, e.reading));
      const rest = beta[to].get(toKey);
      if (rest === undefined) continue;
      const through = e.score + rest;
      if (through > (beta[p].get(e.fromKey) ?? -Infinity)) beta[p].set(e.fromKey, through);
    }
  }

  // The best path, back from the end.
  const path: Edge[] = [];
  for (let p = n, key = endKey; p > 0; ) {
    const e = cameBy[p].get(key)!;
    path.push(e);
    p = e.from;
    key = e.fromKey;
  }
  path.reverse();

  const parts: string[] = [];
  const restored: string[] = [];
  let unrecovered = 0;
  for (const e of path) {
    const r = e.reading;
    if (r.chosen.length === 0) {
      parts.push(r.ch);
      continue;
    }
    if (r.unknown) {
      parts.push('\ufffd');
      for (const _ of r.chosen) restored.push('??');
      unrecovered++;
      continue;
    }
    // The best whole path through each other character here.
    const others = new Map<string, number>();
    for (const alt of edgesFrom[e.from]) {
      if (alt.reading.ch === r.ch) continue;
      const rest = beta[alt.from + alt.reading.length].get(keyOf(alt.reading.ch, openAfter(alt.from, alt.reading)));
      const start = alpha[alt.from].get(alt.fromKey);
      if (rest === undefined || start === undefined) continue;
      const through = start + alt.score + rest;
      if (through > (others.get(alt.reading.ch) ?? -Infinity)) others.set(alt.reading.ch, through);
    }
    if (endScore - Math.max(...others.values()) < MIN_MARGIN) {
      parts.push('\ufffd');
      for (const _ of r.chosen) restored.push('??');
      unrecovered++;
    } else {
      parts.push(r.ch);
      for (const b of r.chosen) restored.push(hexByte(b));
    }
  }
  return { text: parts.join(''), restored, unrecovered };
}
