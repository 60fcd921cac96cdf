/**
 * What the bench times: the zhlens operations and the anchors they are compared with, each a
 * function of one input. Shared by the timing run and the memory probes, so both measure the
 * very same call.
 */
import * as iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { cpuNow } from './timing';
import { analyzeTextInWindows, annotateText, analyzeText, createWindowCache, detectEncoding, outlineText, placeNotes, repairText, selectorsAt, type Note, type WindowCache } from '../src/core';

export type Input = string | Uint8Array;

export interface Operation {
  /** Whether the operation reads bytes (a file as found) or decoded text. */
  input: 'bytes' | 'text';
  /** zhlens's own code, or an anchor it is compared with. */
  anchor: boolean;
  run(input: Input): unknown;
}

const bytes = (input: Input) => input as Uint8Array;
/** A Buffer view on the same memory: iconv-lite and jschardet take Buffers; no copy is timed. */
const buffer = (input: Input) => {
  const b = bytes(input);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
};
const text = (input: Input) => input as string;

/**
 * Reader notes on a text changed outside the editor: 20 notes of 12 characters spread over the
 * text, which then gets a line written above them all, so that every note misses its stored
 * position and is looked for by its quote and context. Prepared once per input, not timed.
 */
const notesCases = new Map<string, { changed: string; notes: Note[] }>();
function notesCase(input: string): { changed: string; notes: Note[] } {
  let c = notesCases.get(input);
  if (!c) {
    const notes: Note[] = [];
    for (let k = 0; k < 20; k++) {
      const at = Math.floor(((k + 0.5) * input.length) / 20);
      notes.push({ id: `n${k}`, motivation: 'commenting', body: '', tags: [], created: '', modified: '', resolved: false, ...selectorsAt(input, at, Math.min(input.length, at + 12)) });
    }
    c = { changed: `編者按:這一行是後來加上的。\n${input}`, notes };
    notesCases.set(input, c);
  }
  return c;
}

/**
 * Typing in an open document, as the editor analyses it: window by window with the document's
 * window cache (src/core/pipeline/textWindows.ts). The first call on an input analyses it whole
 * (the bench's uncounted warm-up run); every later call types one more character in the middle
 * of the text and analyses the document again, which reads only the window the character went into.
 */
interface Typing {
  cache: WindowCache;
  typed: string;
  /** Per call: its CPU ms, the part spent analysing windows (analyzeText), and how many were analysed. */
  calls: Array<{ cpuMs: number; analysisMs: number; windows: number }>;
}
const typing = new Map<string, Typing>();
const TYPED = '一二三四五六七八九十';
function keystroke(input: string): unknown {
  let state = typing.get(input);
  if (!state) {
    state = { cache: timedWindows(createWindowCache(), () => state!.calls.at(-1)!), typed: '', calls: [] };
    typing.set(input, state);
  } else {
    state.typed += TYPED[state.typed.length % TYPED.length];
  }
  // The typed text is made and flattened before the timer: a concatenation is flattened by its
  // first read, which would otherwise fall inside the timed analysis (the editor's `getText()`
  // hands a flat string, joined from its lines, a cost of the editor's, not of the analysis).
  const middle = input.indexOf('\n', input.length >> 1) + 1;
  const edited = flat(input.slice(0, middle) + state.typed + input.slice(middle));
  const call = { cpuMs: cpuNow(), analysisMs: 0, windows: 0 };
  state.calls.push(call);
  const findings = analyzeTextInWindows(edited, {}, { cache: state.cache });
  call.cpuMs = cpuNow() - call.cpuMs;
  return findings;
}

/** `s` as a flat string: V8 flattens a concatenation when it is first read by index. */
function flat(s: string): string {
  s.charCodeAt(s.length >> 1);
  return s;
}

/**
 * `cache`, timing the windows analysed through it: a window missing from it is analysed
 * (analyzeText) between its `get` and its `set`, and that CPU time is added to `call()`.
 */
function timedWindows(cache: WindowCache, call: () => Typing['calls'][number]): WindowCache {
  let missed: { key: string; at: number } | undefined;
  return {
    get(key, body) {
      const issues = cache.get(key, body);
      missed = issues ? undefined : { key, at: cpuNow() };
      return issues;
    },
    set(key, body, issues) {
      if (missed?.key === key) {
        call().analysisMs += cpuNow() - missed.at;
        call().windows++;
        missed = undefined;
      }
      cache.set(key, body, issues);
    },
    nextGeneration: () => cache.nextGeneration(),
    get lastRun() {
      return cache.lastRun;
    },
    set lastRun(run) {
      cache.lastRun = run;
    },
    searchMemo: cache.searchMemo,
  };
}

/**
 * Where the timed keystrokes on `input` went (the calls after the first `warmRuns`), medians: the
 * CPU ms of analysing the windows read again, how many were, and the rest of the keystroke (the
 * windowed analysis around them: the typed text made whole, the window plan, the regions taken
 * from the last analysis and their findings moved by the edit).
 */
export function keystrokeSplit(input: string, warmRuns: number): { analysisMs: number; windows: number; restMs: number } | undefined {
  const calls = typing.get(input)?.calls.slice(warmRuns);
  if (!calls?.length) return undefined;
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  return { analysisMs: mid(calls.map((c) => c.analysisMs)), windows: mid(calls.map((c) => c.windows)), restMs: mid(calls.map((c) => c.cpuMs - c.analysisMs)) };
}

export const OPERATIONS = {
  detectEncoding: { input: 'bytes', anchor: false, run: (i) => detectEncoding(bytes(i)) },
  // One keystroke in an open document: the windows analysed again (the first call: the whole document).
  keystroke: { input: 'text', anchor: false, run: (i) => keystroke(text(i)) },
  // A file as found, repaired: the encoding detected, the bytes decoded, the text repaired.
  repairFile: { input: 'bytes', anchor: false, run: (i) => repairText(detectEncoding(bytes(i)).text) },
  analyzeText: { input: 'text', anchor: false, run: (i) => analyzeText(text(i)) },
  repairText: { input: 'text', anchor: false, run: (i) => repairText(text(i)) },
  annotateText: { input: 'text', anchor: false, run: (i) => annotateText(text(i)) },
  outlineText: { input: 'text', anchor: false, run: (i) => outlineText(text(i)) },
  // Fix all's edit list: the repair and the list of its edits that moves the reader's notes.
  repairEdits: { input: 'text', anchor: false, run: (i) => repairText(text(i)).edits },
  // 20 notes found again by quote and context after a change from outside.
  placeNotes: { input: 'text', anchor: false, run: (i) => placeNotes(notesCase(text(i)).changed, notesCase(text(i)).notes) },
  jschardet: { input: 'bytes', anchor: true, run: (i) => jschardet.detect(buffer(i)) },
  'iconv utf-8': { input: 'bytes', anchor: true, run: (i) => iconv.decode(buffer(i), 'utf-8') },
  'iconv gb18030': { input: 'bytes', anchor: true, run: (i) => iconv.decode(buffer(i), 'gb18030') },
  'iconv big5': { input: 'bytes', anchor: true, run: (i) => iconv.decode(buffer(i), 'big5') },
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof OPERATIONS;
