import type { GarbleIssue } from '../types';
import { gbkTable, type DbcsTable } from '../codec/gbkTable';
import { getCharModel, type CharLanguageModel } from '../model/charLanguageModel';
import { isHan, isCjkPunct } from '../text/chars';
import { PINYIN_SYLLABLE, hasReading, readingsOf } from '../text/pinyinReadings';
import { TextView } from '../text/textView';

/**
 * Misaligned GBK runs: `?!叭缃馭MC` for `。“如今SMC`.
 *
 * GBK text was decoded one byte off from some point on. The decoder lost the run's first byte (it
 * shows as `?`), paired every trail byte with the next lead byte, and fell back into step only
 * when an ASCII byte landed where a lead was expected. Along the way:
 *  - fullwidth punctuation U+FF01–FF5E produced inside the run was later folded to ASCII, so a `!`
 *    inside a run is the pair A3 A1 and a `;` is A3 BB;
 *  - a lone last byte surfaces as itself when it is 0x40–0x7E (`R`), as `€` when it is 0x80 (cp936),
 *    and as `?` otherwise;
 *  - a pinyin annotation's `(` can be swallowed with the byte before it, leaving an orphan `yīng)`.
 *
 * Repair: turn the run back into bytes, with holes for the lost ones, pair the bytes again from the
 * lost lead on, and let the character language model choose the hole bytes (beam search). A run is
 * accepted only when the repaired text reads far better than the run did, so real `?`, `!` and rare
 * characters stay as they are.
 */

type Token =
  | { type: 'hole'; text: string }
  | { type: 'bytes'; text: string; bytes: readonly number[] }
  /** An ASCII character inside a run: itself, or the fullwidth form it was folded from. */
  | { type: 'ascii'; text: string; byte: number }
  /** `yīng)`: the reading of the character whose last byte was lost together with the `(`. */
  | { type: 'orphan'; text: string; syllable: string };

interface State {
  out: string;
  score: number;
  prev: string;
  pending: number | null;
  /** The byte before the latest hole in the garbled stream, and the hole's first byte. */
  beforeHole: number;
  holeByte: number;
  /** The character completed by the latest hole's byte, if any. */
  holeChar: string;
  lastByte: number;
  holes: HoleList;
}

/** The bytes chosen for the holes so far, newest first (shared between states, never copied). */
type HoleList = { bytes: string; prev: HoleList } | null;

function holeBytes(list: HoleList): string[] {
  const out: string[] = [];
  for (let h = list; h; h = h.prev) out.unshift(h.bytes);
  return out;
}

interface Candidate {
  tokenEnd: number;
  out: string;
  score: number;
  holes: HoleList;
}

const MAX_TOKENS = 48;
/** Characters on each side of a U+FFFD anchor looked at, and the most U+FFFD a run has among them. */
const FFFD_NEIGHBOURHOOD = 10;
const MAX_MARKS_NEARBY = 3;
const MAX_HOLES = 4;
const BEAM = 48;
const CONTEXT = 4;
/** Minimum improvement of the window's log-probability (nats) before a run is repaired. */
const MIN_GAIN = 8;
/** Minimum improvement per garbled character. */
const MIN_GAIN_PER_CHAR = 1.2;
/** Repaired characters must be ordinary: within this frequency rank. */
const MAX_RANK = 6000;
/** Characters after the `?` looked at to decide whether the thorough search is worth it… */
const GARBAGE_PROBE = 6;
/** …which it is when they read worse than this (nats per character; real prose is near −6). */
const GARBAGE_LOGPROB = -8;
/** Bonus per output character when ranking candidates of different lengths (a word-insertion bonus). */
const LENGTH_BONUS = 4;
/** Trail bytes tried in front of a swallowed space. */
const SWALLOWED_TRAILS = 24;
/** Beam states (best first) that try a silently dropped user-defined pair between two tokens… */
const GAP_STATES = 6;
/** …with this many of its first bytes… */
const GAP_FIRSTS = 3;
/** …and this many leads for the character after the pair… */
const GAP_SECONDS = 6;
/** …at this cost (nats): a word-insertion bonus for the extra character plus the pair's rarity. */
const GAP_COST = 6;
/** Beam states (best first) that also try a dropped user-defined pair inside a hole. */
const USER_DEFINED_STATES = 2;

const ORPHAN = new RegExp(`^(${PINYIN_SYLLABLE})\\)`, 'u');

/**
 * The decoder behind these runs wrote `?` (0x3F) for what it could not pair; a WHATWG or Python
 * decoder writes U+FFFD instead. Two marks in a row never come out of one misaligned run (every
 * mark stands for at least one byte met in lead position, and the next byte pairs with it), but
 * they do out of legacy bytes read as UTF-8 (replacement-char): such a mark ends a run.
 */
function isHoleChar(ch: string): boolean {
  return ch === '?' || ch === '\ufffd';
}

/** The run's tokens from the anchor on, until a line break or a character GBK cannot hold. */
function tokenize(view: string, anchor: number, table: DbcsTable): { tokens: Token[]; ends: number[] } {
  const tokens: Token[] = [];
  const ends: number[] = [];
  let i = anchor;
  let holes = 0;
  while (i < view.length && tokens.length < MAX_TOKENS) {
    const cp = view.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp === 0x0a || cp === 0x0d) break;
    if (isHoleChar(ch) && isHoleChar(view[i + 1] ?? '')) break;
    if (isHoleChar(ch)) {
      // A run has a lost byte at its start, its end and where a pinyin `(` was swallowed; text
      // riddled with `?` or U+FFFD lost its bytes some other way (replacement-char).
      if (++holes > MAX_HOLES) break;
      tokens.push({ type: 'hole', text: ch });
      i += 1;
    } else if (tokens.length > 0 && tokens[tokens.length - 1].type === 'hole' && ORPHAN.test(view.slice(i, i + 8))) {
      const m = ORPHAN.exec(view.slice(i, i + 8))!;
      tokens.push({ type: 'orphan', text: m[0], syllable: m[1] });
      i += m[0].length;
    } else if (cp === 0x20ac) {
      tokens.push({ type: 'bytes', text: ch, bytes: [0x80] });
      i += 1;
    } else if (cp >= 0x21 && cp <= 0x7e) {
      tokens.push({ type: 'ascii', text: ch, byte: cp });
      i += 1;
    } else {
      const bytes = table.bytesOf(ch);
      if (!bytes || bytes.length !== 2) break;
      tokens.push({ type: 'bytes', text: ch, bytes });
      i += ch.length;
    }
    ends.push(i);
  }
  return { tokens, ends };
}

class RunSearch {
  private candidates: Candidate[] = [];

  constructor(
    private readonly table: DbcsTable,
    private readonly lm: CharLanguageModel,
    /** Also try the rare and costly cases: pairs the decoder dropped without a mark. */
    private readonly thorough: boolean,
  ) {}

  /** Feed one byte into a state's decoder; undefined when the pairing is impossible. */
  private feed(s: State, b: number): State | undefined {
    if (s.pending !== null) {
      const ch = this.table.decodePair(s.pending, b);
      // The ideographic space A1A1 never comes out of a garbled run; as a guess it only ever
      // stands in for a lost sentence end.
      if (!ch || ch === '\u3000') return undefined;
      return this.emit({ ...s, pending: null, lastByte: b }, ch);
    }
    if (b < 0x80) return this.emit({ ...s, lastByte: b }, String.fromCharCode(b));
    if (b === 0x80) return this.emit({ ...s, lastByte: b }, '€');
    if (!this.table.isLead(b)) return undefined;
    return { ...s, pending: b, lastByte: b };
  }

  /** Every character comes with LENGTH_BONUS, in the beam as in the final ranking. */
  private emit(s: State, ch: string): State {
    return { ...s, out: s.out + ch, score: s.score + this.lm.bigram(s.prev, ch) + LENGTH_BONUS, prev: ch };
  }

  private feedAll(s: State | undefined, bytes: readonly number[]): State | undefined {
    for (const b of bytes) {
      if (!s) return undefined;
      s = this.feed(s, b);
    }
    return s;
  }

  /** Every way to fill a hole: a lost lead, a lost trail, or a trail plus a whole swallowed character. */
  private expandHole(s: State, next: Token | undefined, rank: number): State[] {
    const out: State[] = [];
    const base = { ...s, beforeHole: s.lastByte };
    if (s.pending === null) {
      for (let b = 0x81; b <= 0xfe; b++) {
        const n = this.feed(base, b);
        if (n) out.push({ ...n, holeByte: b, holeChar: '', holes: { bytes: HEX[b], prev: s.holes } });
      }
      return out;
    }
    // Score every trail first and build states only for the few that can survive the beam.
    const scored: Array<{ t: number; ch: string; score: number }> = [];
    // A `?` stands for bytes the misaligned decoder met in lead position, so its first byte is
    // 0x81 or more: a byte below 0x80 would have printed as itself (`R`), and 0x80 as `€`.
    for (const [t, ch] of this.table.trailsOf(s.pending)) {
      if (t >= 0x81 && ch !== '\u3000') scored.push({ t, ch, score: this.lm.bigram(s.prev, ch) });
    }
    scored.sort((a, b) => b.score - a.score);
    const trails: State[] = scored.slice(0, BEAM).map(({ t, ch, score }) => ({
      ...base,
      pending: null,
      lastByte: t,
      out: s.out + ch,
      score: s.score + score + LENGTH_BONUS,
      prev: ch,
      holeByte: t,
      holeChar: ch,
      holes: { bytes: HEX[t], prev: s.holes },
    }));
    out.push(...trails);
    // `?` for a lead byte and the ASCII byte after it that could not be its trail: the decoder
    // swallowed both (`在 shell` → `?shell`). Before ASCII text that byte was most likely a space.
    if (next?.type === 'ascii') {
      for (const n of trails.slice(0, SWALLOWED_TRAILS)) {
        out.push({ ...this.emit(n, ' '), lastByte: 0x20, holes: { bytes: HEX[n.holeByte] + '+20', prev: s.holes } });
      }
    }
    // `?wù)`: the hole may also hide a whole character whose reading survived as an orphan, after
    // the pending character's trail (當?shù)卣?wù) → 當地政務: the `?` before wù is 政's trail FE and
    // 務 84D5, with the annotation's `(`). Trail and character are chosen together.
    if (next?.type === 'orphan') {
      const joint: Array<{ t: number; ch: string; whole: { ch: string; bytes: readonly number[] }; score: number }> = [];
      for (const { t, ch, score } of scored) {
        for (const whole of charsWithReading(next.syllable, this.table)) {
          joint.push({ t, ch, whole, score: score + this.lm.bigram(ch, whole.ch) });
        }
      }
      joint.sort((a, b) => b.score - a.score);
      for (const j of joint.slice(0, BEAM)) {
        const n = this.emit(this.emit({ ...base, pending: null, lastByte: j.t }, j.ch), j.whole.ch);
        out.push({
          ...n,
          lastByte: j.whole.bytes[1],
          holeByte: j.t,
          holeChar: j.whole.ch,
          holes: { bytes: HEX[j.t] + '+' + HEX[j.whole.bytes[0]] + HEX[j.whole.bytes[1]], prev: s.holes },
        });
      }
    }
    // A pair cp936 maps into the Private Use Area (user-defined rows) was dropped without a mark;
    // when that happened just before the run's lone last byte, the `?` hides three bytes: the
    // pending character's trail, the dropped pair's second byte as a lead, and that lead's trail.
    if (this.thorough && rank < USER_DEFINED_STATES && (next === undefined || next.type !== 'hole')) {
      for (const first of trails.filter((t) => isUserDefinedLead(t.holeByte)).slice(0, 4)) {
        for (let lead = 0xa1; lead <= 0xfe; lead++) {
          for (const c of this.commonTrails(lead)) {
            const m = this.emit({ ...first, pending: null, lastByte: c.t }, c.ch);
            out.push({ ...m, holeChar: c.ch, holes: { bytes: HEX[first.holeByte] + '+' + HEX[lead] + HEX[c.t], prev: s.holes } });
          }
        }
      }
    }
    // Judge the orphan's reading now, before the beam cuts: a state that fails it is dead anyway.
    return next?.type === 'orphan' ? out.filter((n) => this.orphanHolds(n, next.syllable)) : out;
  }

  /**
   * cp936 maps the user-defined rows to the Private Use Area, and the decoder dropped such pairs
   * without a mark. Inside a run, where every pair is (trail of one character, lead of the next),
   * that happens whenever a trail byte is AA–AF or F8–FE: two bytes vanish between two tokens.
   * For the best states, try putting them back: the pending lead's trail p1 from those rows, and the
   * next character's lead p2, whose trail the next token supplies.
   */
  private droppedPairs(beam: State[], nextByte: number): State[] {
    const out: State[] = [];
    // The best states, and all those tied with them: right after the lost lead byte every lead is
    // still equally likely, and the dropped pair may follow any of them.
    const last = beam[Math.min(beam.length, GAP_STATES) - 1]?.score;
    for (const s of beam.filter((b, i) => i < GAP_STATES || b.score === last)) {
      if (s.pending === null) continue;
      const firsts: Array<{ t: number; ch: string; score: number }> = [];
      for (const [t, ch] of this.table.trailsOf(s.pending)) {
        if (isUserDefinedLead(t) && this.lm.rank(ch) <= MAX_RANK) firsts.push({ t, ch, score: this.lm.bigram(s.prev, ch) });
      }
      firsts.sort((a, b) => b.score - a.score);
      for (const f of firsts.slice(0, GAP_FIRSTS)) {
        const withFirst = this.emit({ ...s, pending: null, lastByte: f.t }, f.ch);
        // The pair's second byte leads the next character, whose trail is the next token's first
        // byte: judge that character now and keep its best few.
        const seconds: Array<{ p2: number; score: number }> = [];
        for (let p2 = 0xa1; p2 <= 0xfe; p2++) {
          const ch = this.table.decodePair(p2, nextByte);
          if (ch && this.lm.rank(ch) <= MAX_RANK) seconds.push({ p2, score: this.lm.bigram(f.ch, ch) });
        }
        seconds.sort((a, b) => b.score - a.score);
        for (const { p2 } of seconds.slice(0, GAP_SECONDS)) {
          out.push({ ...withFirst, score: withFirst.score - GAP_COST, pending: p2, lastByte: p2, holes: { bytes: `(${HEX[f.t]}${HEX[p2]})`, prev: s.holes } });
        }
      }
    }
    return out;
  }

  private readonly commonByLead = new Map<number, Array<{ t: number; ch: string }>>();

  /** The few most frequent characters of a lead byte: the guesses worth making for a hidden pair. */
  private commonTrails(lead: number): Array<{ t: number; ch: string }> {
    let list = this.commonByLead.get(lead);
    if (!list) {
      list = this.table
        .trailsOf(lead)
        .filter(([, ch]) => ch !== '\u3000')
        .map(([t, ch]) => ({ t, ch, u: this.lm.unigram(ch) }))
        .sort((a, b) => b.u - a.u)
        .slice(0, 6)
        .map(({ t, ch }) => ({ t, ch }));
      this.commonByLead.set(lead, list);
    }
    return list;
  }

  private orphanHolds(s: State, syllable: string): boolean {
    if (s.holeChar && hasReading(s.holeChar, syllable)) return true;
    // The reading may belong to the character the misaligned decoder made of the byte before the
    // hole and the hole's byte (當 AE94 + lost B5 → 數 94B5, read shù).
    const misaligned = this.table.decodePair(s.beforeHole, s.holeByte);
    return misaligned !== undefined && hasReading(misaligned, syllable);
  }

  run(tokens: Token[], leftChar: string, leftByte: number): Candidate[] {
    let beam: State[] = [
      { out: '', score: 0, prev: leftChar, pending: null, beforeHole: leftByte, holeByte: -1, holeChar: '', lastByte: leftByte, holes: null },
    ];
    for (let k = 0; k < tokens.length && beam.length > 0; k++) {
      const tok = tokens[k];
      if (this.thorough && k > 0 && (tok.type === 'bytes' || tok.type === 'ascii')) {
        beam = beam.concat(this.droppedPairs(beam, tok.type === 'bytes' ? tok.bytes[0] : tok.byte));
      }
      let next: State[] = [];
      for (let rank = 0; rank < beam.length; rank++) {
        const s = beam[rank];
        switch (tok.type) {
          case 'hole':
            next.push(...this.expandHole(s, tokens[k + 1], rank));
            break;
          case 'orphan':
            if (this.orphanHolds(s, tok.syllable)) next.push(s);
            break;
          case 'ascii': {
            const plain = this.feed(s, tok.byte);
            if (plain) next.push(plain);
            const folded = this.feedAll(s, [0xa3, tok.byte + 0x80]);
            if (folded) next.push(folded);
            break;
          }
          case 'bytes': {
            const n = this.feedAll(s, tok.bytes);
            if (n) next.push(n);
            break;
          }
        }
      }
      // A lost lead byte is judged only once its trail is known: keep every lead until then.
      const unresolved = next.length > 0 && next.every((s) => s.pending !== null) && (tok.type === 'hole' || tok.type === 'orphan');
      next.sort((a, b) => b.score - a.score);
      const kept = unresolved ? next : next.slice(0, BEAM);
      // A state back in step ends its run: from here on the line decodes as it is shown, so it
      // becomes a candidate and is not carried further.
      beam = [];
      for (const s of kept) {
        if (s.pending === null && tokens[k + 1]?.type !== 'orphan') this.candidates.push({ tokenEnd: k + 1, out: s.out, score: s.score, holes: s.holes });
        else beam.push(s);
      }
    }
    return this.candidates;
  }
}

/** First bytes of cp936's user-defined rows (AAA1–AFFE, F8A1–FEFE), which decode to the PUA. */
function isUserDefinedLead(b: number): boolean {
  return (b >= 0xaa && b <= 0xaf) || (b >= 0xf8 && b <= 0xfe);
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));

let readingIndex: Map<string, Array<{ ch: string; bytes: readonly number[] }>> | undefined;

/** GBK characters by reading, for orphan readings whose character was swallowed whole. */
function charsWithReading(syllable: string, table: DbcsTable): Array<{ ch: string; bytes: readonly number[] }> {
  if (!readingIndex) {
    readingIndex = new Map();
    const lm = getCharModel();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (const [t, ch] of table.trailsOf(lead)) {
        if (!isHan(ch.codePointAt(0)!) || lm.rank(ch) > MAX_RANK) continue;
        for (const r of readingsOf(ch)) {
          if (!readingIndex.has(r)) readingIndex.set(r, []);
          readingIndex.get(r)!.push({ ch, bytes: [lead, t] });
        }
      }
    }
  }
  return readingIndex.get(syllable) ?? [];
}

/** A `?` worth trying as a lost lead byte: next to Chinese text, followed by something GBK holds. */
function isAnchor(view: string, i: number): boolean {
  if (!isHoleChar(view[i])) return false;
  const next = view.codePointAt(i + 1);
  if (next === undefined || next < 0x21 || next === 0x3f || next === 0xfffd) return false;
  const prev = i > 0 ? view.codePointAt(i - 1)! : 0;
  // A run starts with exactly one lost byte: `???` is a placeholder, not a run.
  if (prev === 0x3f || prev === 0xfffd) return false;
  // U+FFFD all around is legacy bytes read as UTF-8 (replacement-char), not a misaligned run,
  // which has a mark at its start, maybe one at its end and one per swallowed `(`.
  if (view[i] === '\ufffd') {
    let marks = 0;
    for (let j = Math.max(0, i - FFFD_NEIGHBOURHOOD); j < Math.min(view.length, i + FFFD_NEIGHBOURHOOD); j++) if (view[j] === '\ufffd') marks++;
    if (marks > MAX_MARKS_NEARBY) return false;
  }
  const chineseAround = (cp: number) => isHan(cp) || isCjkPunct(cp) || cp === 0x20ac;
  if (!(chineseAround(prev) || chineseAround(next))) return false;
  // `what?No`: English on both sides is English.
  if (prev < 0x80 && prev > 0x20 && next < 0x80) return false;
  return true;
}

export function findMisalignedGbk(text: string, removed: ReadonlyArray<{ start: number; end: number }> = []): GarbleIssue[] {
  const view = new TextView(text, removed);
  const v = view.text;
  const issues: GarbleIssue[] = [];
  let table: DbcsTable | undefined;
  let lm: CharLanguageModel | undefined;
  const budget = searchBudget(v.length);
  for (let i = 0; i < v.length; i++) {
    if (!isAnchor(v, i)) continue;
    table ??= gbkTable();
    lm ??= getCharModel();
    const found = repairRun(v, i, table, lm, budget);
    if (!found) continue;
    const start = view.startOf(i);
    const end = view.endOf(found.end);
    issues.push({
      kind: 'misaligned-gbk',
      start,
      end,
      confidence: found.confidence,
      replacement: found.out,
      plan: found.plan,
    });
    i = found.end - 1;
  }
  return issues;
}

interface RunRepair {
  end: number;
  out: string;
  confidence: number;
  plan: string[];
}

/**
 * Searches a text may spend: a real article has a handful of runs, but a hostile one (`?中`
 * repeated) has an anchor every other character, and each search costs milliseconds. Past the
 * thorough budget anchors get the plain search; past the plain one they are left alone, so the
 * time stays linear in the text's length.
 */
interface SearchBudget {
  thorough: number;
  plain: number;
}

function searchBudget(length: number): SearchBudget {
  return { thorough: 16 + Math.floor(length / 1000), plain: 64 + Math.floor(length / 100) };
}

function repairRun(v: string, anchor: number, table: DbcsTable, lm: CharLanguageModel, budget: SearchBudget): RunRepair | undefined {
  const { tokens, ends } = tokenize(v, anchor, table);
  if (tokens.length < 2) return undefined;
  const leftStart = Math.max(0, anchor - CONTEXT);
  const left = v.slice(leftStart, anchor);
  const leftChar = left ? [...left].pop()! : '';
  const leftBytes = leftChar ? table.bytesOf(leftChar) : undefined;
  const leftByte = leftBytes ? leftBytes[leftBytes.length - 1] : -1;
  const windowEnd = Math.min(v.length, ends[ends.length - 1] + CONTEXT);
  const newline = v.slice(ends[ends.length - 1]).search(/[\r\n]/);
  const lineEnd = newline < 0 ? v.length : ends[ends.length - 1] + newline;

  // The thorough search (pairs the decoder dropped without a mark) where the text after the `?`
  // reads like garbage; the plain one where it reads like text (a real question mark, most likely).
  // A second `?` close by (the run's lost last byte) says as much.
  const garbage =
    tokens.slice(1, GARBAGE_PROBE).some((t) => t.type === 'hole' || t.type === 'orphan') ||
    lm.perChar(v.slice(anchor + 1, Math.min(ends[ends.length - 1], anchor + 1 + GARBAGE_PROBE))) <= GARBAGE_LOGPROB;
  const thorough = garbage && budget.thorough > 0;
  if (thorough) budget.thorough--;
  else if (budget.plain-- <= 0) return undefined;
  const candidates = new RunSearch(table, lm, thorough).run(tokens, leftChar, leftByte);
  return candidates.length ? judgeCandidates(candidates) : undefined;

  function judgeCandidates(candidates: Candidate[]): RunRepair | undefined {

  const leftScore = left ? lm.score(left) : 0;
  const restScore = new Map<string, number>();
  // The rest of the window after a candidate's end, scored after the candidate's last character,
  // with the same per-character bonus as the candidate so that every window is judged alike.
  const tail = (k: number, prev: string) => {
    const key = k + '\u0000' + prev;
    let s = restScore.get(key);
    if (s === undefined) {
      const rest = [...v.slice(ends[k - 1], windowEnd)];
      // At the end of the line the next token is the line break: `。` ends a line, `——` rarely.
      if (windowEnd === lineEnd) rest.push('\n');
      s = (prev ? lm.bigram(prev, rest[0]) : lm.unigram(rest[0])) + lm.score(rest.join('')) - lm.unigram(rest[0]);
      s += LENGTH_BONUS * rest.length;
      restScore.set(key, s);
    }
    return s;
  };
  let best: { c: Candidate; total: number } | undefined;
  for (const c of candidates) {
    const lastOut = c.out ? [...c.out].pop()! : leftChar;
    const total = leftScore + c.score + tail(c.tokenEnd, lastOut);
    // Candidates that run on past the natural end re-decode the same characters: prefer the shortest.
    if (!best || total > best.total + 1e-6 || (total > best.total - 1e-6 && c.tokenEnd < best.c.tokenEnd)) best = { c, total };
  }
  if (!best) return undefined;
  const baseline = lm.score(v.slice(leftStart, windowEnd) + (windowEnd === lineEnd ? '\n' : ''));
  const rest = [...v.slice(ends[best.c.tokenEnd - 1], windowEnd)].length + (windowEnd === lineEnd ? 1 : 0);
  const gain = best.total - LENGTH_BONUS * ([...best.c.out].length + rest) - baseline;
  const garbled = v.slice(anchor, ends[best.c.tokenEnd - 1]);
  const garbledChars = [...garbled].length;
  if (gain < MIN_GAIN || gain / garbledChars < MIN_GAIN_PER_CHAR) return undefined;
  for (const ch of best.c.out) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp) && lm.rank(ch) > MAX_RANK) return undefined;
    // Fullwidth Latin letters and digits come out of bytes paired wrongly, not out of a repair.
    if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return undefined;
  }
  const holes = holeBytes(best.c.holes);
  // Trim what the repair gives back unchanged (`MC` after 馭 re-decodes as itself).
  let end = ends[best.c.tokenEnd - 1];
  let out = best.c.out;
  while (out.length > 0 && end > anchor + 1 && out[out.length - 1] === v[end - 1]) {
    out = out.slice(0, -1);
    end--;
  }
  return {
    end,
    out,
    confidence: Math.min(0.99, 0.5 + gain / 60),
    plan: [
      `encode gbk (${garbled} → bytes, fullwidth ASCII unfolded)`,
      `restore lost byte${holes.length > 1 ? 's' : ''} ${holes.join(', ')}`,
      'decode gbk in step',
    ],
  };
  }
}
