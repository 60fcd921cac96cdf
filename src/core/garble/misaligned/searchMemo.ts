import { searchProbe } from './probes';

/**
 * What the silent-run search's first pass (silentRuns.ts findInStretch) left of a line where it
 * found nothing, kept by a document's window cache (pipeline/textWindows.ts) so that a window read
 * again after a keystroke searches only the lines whose inputs changed.
 *
 * Runs never cross a line break, and the first pass reads nothing of a line's ends beyond the line
 * and NEIGHBOURS units on either side (kana and marks nearby, the end's next characters) except:
 * which of its ends the doubted windows hand it (doubtWindows.ts, from the whole stretch), whether
 * the pass lists ends for a second one, and the weight of each ASCII symbol the text writes after
 * Chinese (writtenSymbols.ts: its count over the whole view and the view's length). The first two
 * are in a line's key with its text; the weights the line's search consulted are kept with what
 * it left and compared before it is taken. A line where a run was read (found, kept for the words
 * or marked read for the second pass) is searched again every time. So a line taken from the memo
 * leaves exactly what searching it again would: the ends it lists for a second pass.
 *
 * The memo lives only in an editor's window cache (only `analyzeTextInWindows` with a cache sets
 * it in force): a fresh analysis of a text is never made faster by an earlier one.
 */

/** Units on either side of a line its search reads (nearby.ts: kana within 8, marks within 10). */
export const NEIGHBOURS = 16;
/** Units of line keys a memo holds at most: past it, the least recently used half is let go. */
const MEMO_UNITS = 4 * 1024 * 1024;

/** What a line's first pass left: nothing found, these ends listed, these weights consulted. */
export interface LineTrace {
  /** (end, where starts may begin, the gate's bound) triples, offsets from the line's start. */
  readonly hopeful: readonly number[];
  /** (symbol, its weight) pairs the search consulted (RunGate.symbolWeight). */
  readonly symbols: readonly number[];
}

/** A line written down: its text with its neighbours (a copy), its signature (lineSignature), what it left. */
interface Entry {
  readonly text: string;
  readonly sig: readonly number[];
  trace: LineTrace;
  used: number;
  next: Entry | undefined;
}

/**
 * Lines by a hash of their text and signature, each compared whole before it is taken: a line is
 * looked up at every keystroke, so the key is hashed from the view in place, not built as a string.
 */
export class SearchMemo {
  private readonly buckets = new Map<number, Entry>();
  private units = 0;
  private count = 0;
  /** Counts the look-ups: an entry's `used` is the count at its last one. */
  private clock = 0;

  constructor(private readonly most = MEMO_UNITS) {}

  /** The trace of the text v[a, b) with signature `sig` (hashed to `hash`), if written down. */
  get(hash: number, v: string, a: number, b: number, sig: readonly number[]): LineTrace | undefined {
    const entry = this.find(hash, v, a, b, sig);
    if (entry) entry.used = ++this.clock;
    return entry?.trace;
  }

  /** Lines taken from the memo (their search passed over) since it was made. */
  taken = 0;

  set(hash: number, v: string, a: number, b: number, sig: readonly number[], trace: LineTrace): void {
    const entry = this.find(hash, v, a, b, sig);
    if (entry) {
      entry.trace = trace;
      entry.used = ++this.clock;
      return;
    }
    // A copy: a slice would keep the whole view alive.
    const text = (' ' + v.slice(a, b)).slice(1);
    this.buckets.set(hash, { text, sig: [...sig], trace, used: ++this.clock, next: this.buckets.get(hash) });
    this.units += text.length;
    this.count++;
    if (this.units > this.most) this.letGo();
  }

  private find(hash: number, v: string, a: number, b: number, sig: readonly number[]): Entry | undefined {
    for (let e = this.buckets.get(hash); e; e = e.next) if (e.text.length === b - a && sameNumbers(e.sig, sig) && v.startsWith(e.text, a)) return e;
    return undefined;
  }

  /** The least recently used half of the entries let go. */
  private letGo(): void {
    const stamps: number[] = [];
    for (const first of this.buckets.values()) for (let e: Entry | undefined = first; e; e = e.next) stamps.push(e.used);
    stamps.sort((x, y) => x - y);
    const below = stamps[stamps.length >> 1];
    for (const [hash, first] of [...this.buckets]) {
      let kept: Entry | undefined;
      for (let e: Entry | undefined = first; e; e = e.next) {
        if (e.used >= below) kept = { ...e, next: kept };
        else {
          this.units -= e.text.length;
          this.count--;
        }
      }
      if (kept) this.buckets.set(hash, kept);
      else this.buckets.delete(hash);
    }
  }

  /** Lines written down. */
  get size(): number {
    return this.count;
  }
}

function sameNumbers(x: readonly number[], y: readonly number[]): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

let current: SearchMemo | undefined;

/** The memo in force, if any: none while a measuring script's probe is (probes.ts). */
export function searchMemo(): SearchMemo | undefined {
  if (!current) return undefined;
  for (const _ in searchProbe()) return undefined;
  return current;
}

/** `run()` with `memo` in force; the one before is back after it, even when it throws. */
export function withSearchMemo<T>(memo: SearchMemo | undefined, run: () => T): T {
  const before = current;
  current = memo;
  try {
    return run();
  } finally {
    current = before;
  }
}

/**
 * The signature of the line [ls, le) (le after its line break) of `v` whose text is looked up with
 * its neighbours, v[a, b), into `sig`: where it sits among them, whether ends are listed for a
 * second pass, and the doubted windows from `windows[w]` on as the line sees them: a window
 * [lo, hi) hands it its ends from max(lo, ls) + 1 to min(hi, le − 1), starts from max(lo, ls) on
 * (an earlier start is cut at the line's start). Returns the hash of the text and the signature.
 */
export function lineSignature(v: string, a: number, ls: number, le: number, b: number, windows: readonly number[], w: number, listing: boolean, sig: number[]): number {
  sig.length = 0;
  sig.push(ls - a, le - ls, b - le, listing ? 1 : 0);
  for (let k = w; k < windows.length && windows[k] + 1 < le; k += 2) sig.push(Math.max(windows[k], ls) - ls, Math.min(windows[k + 1], le - 1) - ls);
  // FNV-1a over the text's units and the signature's numbers.
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ v.charCodeAt(i), 0x01000193);
  for (const x of sig) h = Math.imul(h ^ x, 0x01000193);
  // 30 bits: a small integer to V8, a map key with no number boxed for it.
  return h & 0x3fffffff;
}

/** The gate's part a line's search is recorded through (runGate.ts RunGate). */
interface Consulting {
  consulted: number[] | undefined;
  symbolWeight(b: number): number;
}

/**
 * A first pass's walk over the lines of one stretch with a memo: each line met is looked up and,
 * when found with the same weights, passed over with its listed ends written back; otherwise
 * searched and, when it found nothing, written down.
 */
export class LineWalk {
  /** The end of the line the walk is in (after its line break). */
  lineEnd = -1;
  /** Whether that line was taken from the memo (its ends are passed over). */
  taken = false;
  /** The line being searched, to be written down: its hash and its text with neighbours [a, b). */
  private key: [number, number, number] | undefined;
  /** Its signature (lineSignature). */
  private readonly sig: number[] = [];
  /** The symbols' weights, as RunGate.symbolWeight gives them, by code (NaN: not asked yet). */
  private readonly weights = new Float64Array(0x80).fill(NaN);
  private lineStart = 0;
  private counts = [0, 0, 0, 0];

  constructor(
    private readonly memo: SearchMemo,
    private readonly v: string,
    private readonly gate: Consulting,
    private readonly found: readonly unknown[],
    private readonly missed: readonly unknown[],
    private readonly read: ReadonlySet<number>,
    private readonly hopeful: number[] | undefined,
  ) {}

  /** The walk meets the end `at`, the first of its line: `windows[w]` is the window it is in. */
  enter(at: number, windows: readonly number[], w: number): void {
    this.finish();
    const { v, hopeful } = this;
    const ls = v.lastIndexOf('\n', at - 2) + 1;
    const newline = v.indexOf('\n', at - 1);
    this.lineStart = ls;
    this.lineEnd = newline < 0 ? v.length : newline + 1;
    this.taken = false;
    // The text's last line, with no line break, is searched every time.
    if (newline < 0) return;
    const a = Math.max(0, ls - NEIGHBOURS);
    const b = Math.min(v.length, this.lineEnd + NEIGHBOURS);
    const hash = lineSignature(v, a, ls, this.lineEnd, b, windows, w, hopeful !== undefined, this.sig);
    const trace = this.memo.get(hash, v, a, b, this.sig);
    if (trace && this.sameWeights(trace.symbols)) {
      if (hopeful) for (let k = 0; k < trace.hopeful.length; k += 3) hopeful.push(ls + trace.hopeful[k], ls + trace.hopeful[k + 1], trace.hopeful[k + 2]);
      this.taken = true;
      this.memo.taken++;
      return;
    }
    this.key = [hash, a, b];
    this.counts = [this.found.length, this.missed.length, this.read.size, hopeful?.length ?? 0];
    this.gate.consulted = [];
  }

  /** The line searched is written down if nothing was read in it. */
  finish(): void {
    const { key, gate, hopeful, counts } = this;
    if (key === undefined) return;
    this.key = undefined;
    const consulted = gate.consulted!;
    gate.consulted = undefined;
    if (this.found.length !== counts[0] || this.missed.length !== counts[1] || this.read.size !== counts[2]) return;
    const listed: number[] = [];
    if (hopeful) for (let k = counts[3]; k < hopeful.length; k += 3) listed.push(hopeful[k] - this.lineStart, hopeful[k + 1] - this.lineStart, hopeful[k + 2]);
    const symbols: number[] = [];
    for (const b of new Set(consulted)) symbols.push(b, this.weightOf(b));
    this.memo.set(key[0], this.v, key[1], key[2], this.sig, { hopeful: listed, symbols });
  }

  private weightOf(b: number): number {
    let x = this.weights[b];
    if (x !== x) x = this.weights[b] = this.gate.symbolWeight(b);
    return x;
  }

  private sameWeights(symbols: readonly number[]): boolean {
    for (let k = 0; k < symbols.length; k += 2) if (this.weightOf(symbols[k]) !== symbols[k + 1]) return false;
    return true;
  }
}
