import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { isChinese, isHan } from '../../text/chars';
import { documentEcho, ECHO_REACH, type EchoReading } from './documentEchoes';
import { ordinary, type Candidate, type SilentRun } from './silentGuesses';
import { hexByte as hex } from '../../codec/hexByte';

/**
 * A lone trace whose character the document writes itself. A character that lost its lead byte
 * shows, alone between its neighbours, as its trail (`名Q。` for 名稱。, 稱 = B7 51) or as the mark
 * a decoder printed for a trail that made no pair with the next lead (`文件?的` for 文件名的). The
 * models weigh such a trace by its two bigrams, which is little evidence (docs/repair-eval.md). But
 * the document around it is evidence of another kind: a text that writes `）名稱。若` elsewhere
 * and here `）名Q。若` shows the same phrase with one character lost, and the bytes say which
 * characters that one can be. So a trace is read where the document writes its neighbours around
 * one character the trace's byte allows, with enough context in a row on both sides
 * (ECHO_CONTEXT, the trace's neighbours themselves counted), and no other character the byte
 * allows with as much. Nothing is guessed: the character written is one the document writes there.
 *
 * A trace may end a short run: a lost lead makes the next characters pair the wrong bytes until a
 * trail shows alone (`名稱魴n案` for 名稱若檔案: 若檔 = C8 F4 D9 6E, C8 lost, F4 D9 shows as 魴
 * and the trail 6E as `n`). Where the lone trace has no echo, the same look-up is made for the
 * characters shown before it and the trace together (up to SHOWN_MAX, the most first): the
 * document writes its neighbours around characters whose bytes, less the first lead, decode to
 * exactly what is shown.
 */

/** Characters matched in a row around an occurrence (both sides together), at least. */
export const ECHO_CONTEXT = 4;
/** …and on each side at least. */
const ECHO_SIDE = 1;
/** Characters a run shows before its trace, at most, for an echo of the whole run. */
const SHOWN_MAX = 4;
/**
 * Characters matched around the echo of a run (either side), at least: what is shown before the
 * trace must decode from the echo's own bytes, evidence that context need not repeat (tuning part:
 * 43 right, none wrong, none in clean text, at any context).
 */
export const RUN_CONTEXT = 2;
/** Traces looked at per text, at most (TRACES_BASE + one per TRACES_PER characters): a lost byte here and there, not a whole garbled file. */
const TRACES_BASE = 16;
const TRACES_PER = 1000;

/** What an echo tells about the trace at `i`: the characters (from `start` to the trace) and their context, for the scripts. */
export interface Echo extends EchoReading {
  i: number;
  start: number;
}

/** The trace kind of v[i]: a trail shown as ASCII or `€` (its byte), a mark (-1), or none (undefined). */
function traceByte(c: number): number | undefined {
  if (c === 0x3f || c === 0xfffd) return -1;
  if (c === 0x20ac) return 0x80;
  if (c >= 0x40 && c <= 0x7e) return c;
  return undefined;
}

/**
 * Whether `ch` could be the character lost at a trace of `byte` (traceByte) before `next`: its
 * trail is the byte shown, or (a mark) its trail makes no pair with what follows.
 */
function fits(ch: string, byte: number, next: number, table: DbcsTable): boolean {
  const code = table.codeOf(ch.codePointAt(0)!);
  if (code < 0x100) return false;
  const trail = code & 0xff;
  if (byte >= 0) return trail === byte;
  if (next < 0x40) return true;
  const nextCode = next < 0x80 ? next : table.codeOf(next);
  if (nextCode < 0) return false;
  return table.decodePair(trail, nextCode >= 0x100 ? nextCode >> 8 : nextCode) === undefined;
}

/** The lone traces of `v` the document's own text reads (one character it writes there, alone at the best context). */
export function echoedTraces(v: string, table: DbcsTable, lm: CharLanguageModel, told?: (e: Echo) => void, minContext = ECHO_CONTEXT, minRunContext = RUN_CONTEXT, beside?: readonly number[]): Candidate[] {
  const traces: number[] = [];
  const most = TRACES_BASE + Math.floor(v.length / TRACES_PER);
  let marksBesideChinese = 0;
  // A trace, and a mark counted below, has a Chinese character beside it: only those offsets are read (every offset where `beside` is not given).
  const offsets = beside ? beside.length : v.length;
  for (let k = 0; k < offsets; k++) {
    const i = beside ? beside[k] : k;
    if (i < 1 || i + 1 >= v.length) continue;
    const c = v.charCodeAt(i);
    const byte = traceByte(c);
    if (byte === undefined) continue;
    const before = v.charCodeAt(i - 1);
    const after = v.charCodeAt(i + 1);
    if (byte < 0 && (isChinese(before) || isChinese(after))) marksBesideChinese++;
    // Alone: no trace beside it, a Chinese character on one side at least.
    if (traceByte(before) !== undefined || traceByte(after) !== undefined || !(isChinese(before) || isChinese(after))) continue;
    traces.push(i);
    if (traces.length > most) return [];
  }
  const found: Candidate[] = [];
  for (const i of traces) {
    const byte = traceByte(v.charCodeAt(i))!;
    // A text that writes other marks beside Chinese has questions or placeholders of its own.
    if (byte < 0 && marksBesideChinese > 1) continue;
    // The trace alone first; then with the characters shown before it (not ASCII), the most first.
    let most = 0;
    while (most < SHOWN_MAX && i - most - 1 >= 1 && v.charCodeAt(i - most - 1) >= 0x80) most++;
    const after: { places?: number[] } = {};
    for (const shown of [0, ...Array.from({ length: most }, (_, n) => most - n)]) {
      const echo = bestEcho(v, i, i - shown, byte, table, lm, after);
      if (!echo) continue;
      told?.(echo);
      if (shown === 0 ? echo.left < ECHO_SIDE || echo.right < ECHO_SIDE || echo.left + echo.right < minContext : echo.left + echo.right < minRunContext) continue;
      // A mark is read only as Han: a text may write `?` and `？`, `?——` and `———` side by side.
      if (byte < 0 && !isHan(echo.ch.codePointAt(echo.ch.length - 1)!)) continue;
      found.push(echoCandidate(v, echo, byte));
      break;
    }
  }
  return found;
}

/**
 * Whether `echo` (characters the document writes) could be what `shown` (the characters before a
 * trace of `byte`) stands for: their bytes, less the first lead, decode to exactly what is shown,
 * and the last one fits the trace.
 */
function fitsRun(echo: string, shown: string, byte: number, next: number, table: DbcsTable): boolean {
  const bytes: number[] = [];
  for (const ch of echo) {
    const code = table.codeOf(ch.codePointAt(0)!);
    if (code < 0x100) return false;
    bytes.push(code >> 8, code & 0xff);
  }
  for (let j = 0; j < shown.length; j++) if (table.decodePair(bytes[2 * j + 1], bytes[2 * j + 2]) !== shown[j]) return false;
  return fits(echo[echo.length - 1], byte, next, table);
}

/** Whether `ch` can be written for a lost character: a Chinese-range character the model knows. */
function writable(ch: string, lm: CharLanguageModel): boolean {
  const cp = ch.codePointAt(0)!;
  return !(cp < 0x80 || cp === 0xfffd || (cp >= 0xd800 && cp <= 0xdfff) || !ordinary(ch, lm));
}

/**
 * The characters the document writes where v[start..i] stands (the trace at `i`, and what is
 * shown before it from `start`), matched on the pair before and on the pair after
 * (documentEchoes.ts, the trace's window): the one with the most context in a row, when no other
 * fitting reading has as much. `after` keeps the places of the pair after the trace for the
 * trace's next call.
 */
function bestEcho(v: string, i: number, start: number, byte: number, table: DbcsTable, lm: CharLanguageModel, after: { places?: number[] }): Echo | undefined {
  const next = v.charCodeAt(i + 1);
  const k = i - start + 1;
  const shown = v.slice(start, i);
  // Never the trace itself; each character one a repair may write, the last fitting the trace.
  const fitting = (ch: string, at: number) => {
    if (at === start) return false;
    for (const c of ch) if (!writable(c, lm)) return false;
    return k === 1 ? fits(ch, byte, next, table) : fitsRun(ch, shown, byte, next, table);
  };
  const echo = documentEcho(v, i, k, v.slice(Math.max(0, start - ECHO_REACH), start), v.slice(i + 1, i + 1 + ECHO_REACH), fitting, { anchorsOverLines: true, after });
  return echo && { i, start, ...echo };
}

function echoCandidate(v: string, echo: Echo, byte: number): Candidate {
  const shown = v.slice(echo.start, echo.i + 1);
  const run: SilentRun = {
    start: echo.start,
    end: echo.i + 1,
    out: echo.ch,
    lossy: false,
    plan: [
      `${shown} between ${v[echo.start - 1]} and ${v[echo.i + 1]}: ${echo.start === echo.i ? 'a character whose lead byte was lost' : 'characters read one byte late, the first lead lost'}${byte >= 0 ? `, ${echo.start === echo.i ? 'its' : 'the last'} trail ${hex(byte)} shown` : ''}`,
      `restored as ${echo.ch}, which the document writes between the same ${echo.left} and ${echo.right} characters`,
    ],
    confidence: Math.min(0.99, 0.7 + 0.05 * (echo.left + echo.right)),
  };
  return { run, reading: echo.ch, gain: ECHO_GAIN, prior: byte < 0 ? MARK_LOG_PRIOR : 0, evidence: ECHO_NATS * (echo.left + echo.right) };
}

/**
 * Nats of evidence per character of context matched, for the final check (chooseRuns: the text
 * likelihood does not read the document's other places): well under what the character model
 * pays for a character of running text (5–8 nats), the odds that context repeats by chance.
 */
const ECHO_NATS = 2;
/** A mark's price beyond the lost lead, as loneMarks.ts prices a lone `?`: the trail that made no pair. */
const MARK_LOG_PRIOR = -6;
/**
 * The gain an echoed trace ranks at among the runs (chooseRuns takes the best first): none, so
 * that every run the models found is weighed before it, and it takes only a place left free.
 */
const ECHO_GAIN = 0;
