import { documentEcho, ECHO_REACH } from './documentEchoes';
import type { EndGuesses, Guess } from './silentGuesses';

/**
 * A run's lost end read where the document writes it. A found run's first character (its lead
 * lost) or last (its trail lost) is one of the characters the known byte allows, weighed by the
 * models from its two neighbours: where none is clearly ahead it is left U+FFFD. But a document
 * that writes `資產負債表上體現` elsewhere and here `資產負債�上體現` (the run read back from 上 on,
 * 表's lead lost) tells which of the characters whose trail is 表's that one is: the one it writes
 * between the same neighbours. The neighbours are the text before the run and the run's own
 * characters read back (for its last character: the run read back, and the text after it).
 * As echoedTraces.ts reads a lone trace: an echo needs context in a row on both sides (END_SIDE
 * each side at least, END_CONTEXT both together, END_ONE_SIDED where a side has only END_SIDE),
 * and no other character the bytes allow with as much; a character is read only if a repair may
 * write it (the options come weighable, and ASCII is left out). Nothing is guessed: the character
 * written is one the document writes there, over the models' guess (calibrated on lines as
 * written: docs/repair-eval.md).
 */

/** Characters matched in a row around an echo, both sides together, at least (calibrated: docs/repair-eval.md). */
export const END_CONTEXT = 4;
/** …and on each side at least. */
export const END_SIDE = 1;
/** Both sides together where one side matches END_SIDE characters only (`人以為仁義` for 人性為仁義). */
export const END_ONE_SIDED = 5;
/** Characters each side compared, at most. */
export const END_REACH = ECHO_REACH;

type Options = ReadonlyArray<readonly [number, string]>;

/** The characters a document writes for one or more lost neighbours (one option list each), with their context. */
export interface EndEcho {
  guesses: Guess[];
  left: number;
  right: number;
}

/**
 * The best echo in `v` of characters lost at `at` (one per option list in `slots`, in a row),
 * between `before` (the characters just before them, nearest last) and `after` (those just after,
 * nearest first): documentEchoes.ts's search, the characters in between options. Places in
 * [skipFrom, skipTo) are not looked at (the run itself). `slots` come weighable (silentGuesses.ts
 * weighableOf). Undefined where two readings tie; no bar applied (endEcho does).
 */
export function bestEndEcho(v: string, at: number, slots: readonly Options[], before: string, after: string, skipFrom = at, skipTo = at + slots.length): EndEcho | undefined {
  const k = slots.length;
  const maps = slots.map((o) => new Map(o.filter(([, ch]) => ch.length === 1 && ch.charCodeAt(0) >= 0x80 && ch !== '\ufffd').map(([b, ch]) => [ch, b] as const)));
  if (maps.some((m) => m.size === 0)) return undefined;
  const fits = (ch: string, p: number) => !(p < skipTo && p + k > skipFrom) && maps.every((m, j) => m.has(ch[j]));
  const e = documentEcho(v, at, k, before, after, fits);
  return e && { guesses: [...e.ch].map((c, j) => ({ ch: c, byte: maps[j].get(c)!, margin: 0 })), left: e.left, right: e.right };
}

/** bestEndEcho held to the bar: enough context in a row, on each side and both together. */
export function endEcho(v: string, at: number, slots: readonly Options[], before: string, after: string, skipFrom?: number, skipTo?: number): EndEcho | undefined {
  const e = bestEndEcho(v, at, slots, before, after, skipFrom, skipTo);
  return e && holds(e.left, e.right) ? e : undefined;
}

/** Whether context of `left` and `right` characters in a row is enough for an echo (END_SIDE, END_CONTEXT, END_ONE_SIDED). */
export function holds(left: number, right: number): boolean {
  const [side, both] = [Math.min(left, right), left + right];
  return side >= END_SIDE && both >= (side === END_SIDE ? END_ONE_SIDED : END_CONTEXT);
}

/**
 * A run's ends as rereadEnds guessed them (`ends`), read where the document writes them, if it
 * does (endEcho): the first character between the text before the run and the run read back (its
 * last character only where known or sure, then the text after); the last between the run read
 * back (its first character only where sure, then the text before) and the text after; a run of
 * one shown whose two ends were both guessed, the two together. An echo read is written over the
 * models' guess, sure or not (`over`): on lines as written an echo at the bar is right 99.8 % of
 * the time, a sure guess 96 %.
 * `weigh` gives the options a guess may write (silentGuesses.ts weighableOf).
 */
export function echoEnds(g: EndGuesses, v: string, start: number, end: number, ends: { first: Guess; last?: Guess }, bar: number, weigh: (o: Options) => Options): { first: Guess; last?: Guess } {
  let { first, last } = ends;
  const shownBefore = v.slice(Math.max(0, start - END_REACH), start);
  const before = shownBefore.endsWith(g.prev) ? shownBefore : g.prev;
  const shownAfter = v.slice(end, end + END_REACH);
  const after = shownAfter.startsWith(g.next) ? shownAfter : g.next;
  const sure = (x: Guess | undefined) => x !== undefined && x.margin >= bar;
  const written = (e: EndEcho | undefined, j: number, was: Guess) => (e ? over(e.guesses[j], was, bar) : was);
  if (g.afterFirst === undefined && last && g.lastOptions) {
    const e = endEcho(v, start, [weigh(g.firstOptions), weigh(g.lastOptions)], before, after, start, end);
    return { first: written(e, 0, first), last: written(e, 1, last) };
  }
  const middle = g.middle.join('');
  const lastRead = g.lastKnown ?? (sure(last) ? last!.ch : undefined);
  const afterFirst = lastRead === undefined ? middle : middle + lastRead + after;
  first = written(endEcho(v, start, [weigh(g.firstOptions)], before, afterFirst.slice(0, END_REACH), start, end), 0, first);
  if (last && g.lastOptions) {
    const beforeLast = (sure(first) ? before + first.ch : '') + middle;
    last = written(endEcho(v, start, [weigh(g.lastOptions)], beforeLast.slice(-END_REACH), after, start, end), 0, last);
  }
  return { first, last };
}

/**
 * A character lost alone at `i` (silentGuesses.ts lazyLoneRun: a lone trail or `?`), read where
 * the document writes one of `options` between its neighbours (endEcho), over `was`, the models'
 * guess; written at `bar` at least.
 */
export function echoLone(v: string, i: number, options: Options, was: Guess, bar: number): Guess {
  const e = endEcho(v, i, [options], v.slice(Math.max(0, i - END_REACH), i), v.slice(i + 1, i + 1 + END_REACH));
  return e ? over(e.guesses[0], was, bar) : was;
}

/** The character an echo reads, written in place of the models' guess `was`: its margin `bar` at least, `was`'s where the two agree. */
function over(echo: Guess, was: Guess, bar: number): Guess {
  return { ...echo, margin: Math.max(bar, echo.ch === was.ch ? was.margin : 0) };
}
