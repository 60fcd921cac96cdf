/**
 * Units of measure after numbers (45.73公顷, 61791万吨, 52米/秒, 37℃), read from the table in
 * data/units.json: what each unit measures, how it converts, and how to write it in English.
 * Text is folded to Simplified before matching, so the table lists Simplified forms.
 */
import { dataBytes } from '../data/dataFiles';
import { CharTrie } from './trie';

export interface Unit {
  /** The unit as written in the (folded) text: 公顷, 公斤/公顷. */
  written: string;
  /** What it measures: area, length, mass, …; a quotient of two units is "mass per area". */
  dimension: string;
  /** The unit in its dimension's base unit (m², m, kg, J, W, m/s, °C, …). */
  factor: number;
  /** Added before `factor` (°F → °C only). */
  offset: number;
  /** English symbol and name: ha, hectare. */
  symbol: string;
  name: string;
}

interface UnitRow { id: string; written: string[]; dimension: string; factor: number; offset?: number; symbol: string; name: string }
interface DimensionRow { base: string; convertTo: string[] }

interface UnitTable { units: UnitRow[]; dimensions: Record<string, DimensionRow> }

let table: UnitTable | undefined;

/** data/units.json, read at the first unit looked up. */
function unitTable(): UnitTable {
  return (table ??= JSON.parse(new TextDecoder('utf-8').decode(dataBytes('units.json'))) as UnitTable);
}

/** 度 alone is a temperature, an angle or a degree of anything: it is read only from context. */
const DEGREE = '度';

/** The units by written form and their trie, built once (a lookup allocates nothing). */
let unitIndex: { byWritten: Map<string, UnitRow>; trie: CharTrie } | undefined;

function index(): { byWritten: Map<string, UnitRow>; trie: CharTrie } {
  if (!unitIndex) {
    const byWritten = new Map<string, UnitRow>();
    for (const row of unitTable().units) for (const w of row.written) if (w !== DEGREE) byWritten.set(w, row);
    unitIndex = { byWritten, trie: new CharTrie(byWritten.keys()) };
  }
  return unitIndex;
}

function unitOf(row: UnitRow, written: string): Unit {
  return { written, dimension: row.dimension, factor: row.factor, offset: row.offset ?? 0, symbol: row.symbol, name: row.name };
}

const LATIN_OR_DIGIT = /[A-Za-z0-9_]/;
/** 升 is also the verb "rise": 由2升至5 is not two litres. */
const VERB_AFTER = /^(?:至|到|为|幅|级)/;

/** The single unit written at `at` in folded text `s`, longest first; a Latin symbol must end there (5mg, not 5m of 5ms). */
function singleUnitAt(s: string, at: number): Unit | undefined {
  const { byWritten: map, trie: t } = index();
  if (!t.hasFirst(s.charCodeAt(at))) return undefined;
  const length = t.longest(s, at);
  if (!length) return undefined;
  const written = s.slice(at, at + length);
  if (/[A-Za-z]$/.test(written) && LATIN_OR_DIGIT.test(s[at + length] ?? '')) return undefined;
  if (length === 1 && VERB_AFTER.test(s.slice(at + 1, at + 2))) return undefined;
  return unitOf(map.get(written)!, written);
}

/**
 * The unit written at `at`, with a quotient of two units read as one (5506公斤/公顷, 3000元/吨
 * is money and not read here): the table's own speeds (公里/小时) come first.
 */
export function unitAt(s: string, at: number): Unit | undefined {
  const first = singleUnitAt(s, at);
  if (!first) return undefined;
  let end = at + first.written.length;
  const per = s[end] === '/' || s[end] === '每' ? 1 : 0;
  if (!per) return first;
  const second = singleUnitAt(s, end + per);
  if (!second || second.dimension === first.dimension) return first;
  end += per + second.written.length;
  const dimension = first.dimension === 'length' && second.dimension === 'time' ? 'speed' : `${first.dimension} per ${second.dimension}`;
  return { written: s.slice(at, end), dimension, factor: first.factor / second.factor, offset: 0, symbol: `${first.symbol}/${second.symbol}`, name: `${first.name} per ${second.name}` };
}

/** The unit for 度 in a context that says what it measures: temperature or angle. */
export function degreeUnit(dimension: 'temperature' | 'angle'): Unit {
  const id = dimension === 'temperature' ? 'degC' : 'deg';
  const row = unitTable().units.find((r) => r.id === id)!;
  return unitOf(row, DEGREE);
}

/** A unit's row by its written form: the hover reads a figure's unit back. */
export function unitByWritten(written: string): Unit | undefined {
  const row = index().byWritten.get(written);
  if (row) return unitOf(row, written);
  const quotient = unitAt(written, 0);
  return quotient && quotient.written === written ? quotient : undefined;
}

export interface Conversion {
  value: number;
  symbol: string;
  name: string;
}

/**
 * The value in the other units its dimension lists (公顷 → 亩, km²), skipping the unit it is
 * written in and readings too small or too large to help (0.00001 km², 4,000,000,000 亩).
 */
export function conversions(value: number, unit: Unit): Conversion[] {
  const { units: rows, dimensions } = unitTable();
  const targets = dimensions[unit.dimension]?.convertTo ?? [];
  const base = (value + unit.offset) * unit.factor;
  const out: Conversion[] = [];
  for (const id of targets) {
    const row = rows.find((r) => r.id === id);
    if (!row || row.symbol === unit.symbol) continue;
    const converted = base / row.factor - (row.offset ?? 0);
    const magnitude = Math.abs(converted);
    if (converted !== 0 && (magnitude < 0.01 || magnitude >= 1e13)) continue;
    out.push({ value: converted, symbol: row.symbol, name: row.name });
  }
  return out;
}

/** Units that count time: after a lone 一 only these make a figure (一周, 一天, 一个月). */
export function isTimeUnit(unit: Unit): boolean {
  return unit.dimension === 'time';
}
