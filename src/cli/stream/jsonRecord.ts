/**
 * One JSON Lines record, kept as the text it came in. A crawl's records carry ids and metadata
 * that a round trip through `JSON.parse` and `JSON.stringify` would alter: a 64-bit id such as
 * 1234567890123456789 comes back as 1234567890123456800, `"\u4e2d"` comes back as `"中"`, and
 * `1.0` as `1`. So the record is parsed once to check it and read its text fields, and written
 * back member by member from its own text: only the members zhlens changes are written anew.
 */

import { parseJson } from './parseJson';

/** One `"key": value` of the record's top level, as raw JSON text. */
export interface RecordMember {
  key: string;
  /** The key as written, quotes included. */
  rawKey: string;
  rawValue: string;
}

export interface JsonRecord {
  /** The record as `JSON.parse` reads it (the last of duplicate keys wins, as there). */
  value: Record<string, unknown>;
  members: RecordMember[];
}

export class RecordError extends Error {}

/** The record on one line, or a RecordError saying why the line is not one. */
export function parseRecord(line: string): JsonRecord {
  const value = parseJson(line, (m) => new RecordError(m));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RecordError(`not a JSON object but ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}`);
  }
  return { value: value as Record<string, unknown>, members: topLevelMembers(line) };
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The top-level members of a JSON object text that `JSON.parse` has accepted, so the scan only
 * has to find where things end: a string at its closing quote, an object or array at the
 * bracket that closes it (brackets inside strings do not count), a number or literal at the
 * next comma or closing brace.
 */
export function topLevelMembers(text: string): RecordMember[] {
  const members: RecordMember[] = [];
  let i = skipSpace(text, 0) + 1; // past '{'
  for (;;) {
    i = skipSpace(text, i);
    if (text.charCodeAt(i) === 0x7d /* } */) return members;
    const keyEnd = stringEnd(text, i);
    const rawKey = text.slice(i, keyEnd);
    i = skipSpace(text, keyEnd) + 1; // past ':'
    i = skipSpace(text, i);
    const valueEnd = valueEndAt(text, i);
    members.push({ key: JSON.parse(rawKey) as string, rawKey, rawValue: text.slice(i, valueEnd) });
    i = skipSpace(text, valueEnd);
    if (text.charCodeAt(i) === 0x2c /* , */) i++;
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Just past the closing quote of the string that starts at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22 /* " */) return i + 1;
  }
  return text.length;
}

function valueEndAt(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === 0x22) return stringEnd(text, start);
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) i = stringEnd(text, i) - 1;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
    }
    return text.length;
  }
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x7d || isSpace(c)) break;
    i++;
  }
  return i;
}

/**
 * The record written back: its members in their order and as they were written, except that
 * `replace` gives new raw values for some keys (undefined drops the member), members named
 * `drop` are left out, and `extra` members are added at the end.
 */
export function writeRecord(members: readonly RecordMember[], replace: ReadonlyMap<string, string | undefined>, extra: readonly [string, string][]): string {
  const parts: string[] = [];
  for (const m of members) {
    if (!replace.has(m.key)) {
      parts.push(`${m.rawKey}:${m.rawValue}`);
      continue;
    }
    const raw = replace.get(m.key);
    if (raw !== undefined) parts.push(`${m.rawKey}:${raw}`);
  }
  for (const [key, raw] of extra) parts.push(`${JSON.stringify(key)}:${raw}`);
  return `{${parts.join(',')}}`;
}
