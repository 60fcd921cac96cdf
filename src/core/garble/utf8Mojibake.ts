import type { GarbleIssue, GarbleKind } from '../types';
import type { LegacyCodec } from '../codec/legacyCodecs';
import { HOLE, PUA_LEAD, PUA_TRAIL, decodeUtf8WithHoles, restoreDroppedBytes } from '../codec/utf8WithHoles';
import { gbkTable } from '../codec/gbkTable';
import { getCharModel, type CharLanguageModel } from '../model/charLanguageModel';
import { isHan, isCjkPunct } from '../text/chars';
import { weighRepair, NEIGHBOURHOOD, otherLanguageReadingIsText, readsInOtherLanguage, restoresIntoNonText } from '../decision';

/**
 * The shared machinery of mojibake repair (ftfy's idea, for the code pages Chinese text meets):
 * UTF-8 bytes were decoded with a legacy code page and the result was saved. Running the code page
 * backwards gives the bytes again, and decoding them as UTF-8 gives the text back:
 *   鍙傛暟  → encode gbk    → E5 8F 82 E6 95 B0 → decode utf-8 → 参数
 *   ä¸­æ–‡ → encode cp1252 → E4 B8 AD E6 96 87 → decode utf-8 → 中文
 * A byte the code page could not print became `?` (or U+FFFD); such holes are filled with the bytes
 * that keep the stream valid UTF-8, chosen by the character language model.
 */
export interface MojibakeSpec {
  kind: GarbleKind;
  codec: LegacyCodec;
  /** Can this character be part of mojibake? `code` is its code-page form (see LegacyCodec.codeOf). */
  inSegment(code: number, cp: number): boolean;
  /**
   * Chinese characters a reading must give. Two for the double-byte code pages: a real Chinese
   * word's GBK bytes can read as one UTF-8 character by chance (宕機 E5B4 9943 → 崙C).
   */
  minChinese?: number;
  /** Printable ASCII may sit inside a segment (GBK trail bytes 0x40–0x7E read as Latin-1). */
  asciiInside?: boolean;
  /**
   * Printable ASCII inside a UTF-8 sequence may be a fullwidth form (row A3) that a later step
   * folded to ASCII: 浠g爜 for 浠ｇ爜, 代码 (E4 BB A3 E7 A0 81).
   */
  fullwidthFolded?: boolean;
  /** Bytes a `?` stands for: 1 for GBK (a lone lead), 2 for Big5 (lead and its unmapped trail). */
  holeBytes: number;
  /**
   * The code page's decoder may have dropped the five bytes Windows-1252 leaves undefined (0x81,
   * 0x8D, 0x8F, 0x90, 0x9D) instead of keeping them: look for where they are missing.
   */
  droppedBytes?: boolean;
  /**
   * Latin-1 letters that read back as Chinese are evidence enough: no real text is written in
   * `è‘›è¦ƒ`. Such readings may keep rare characters (葛覃) that a GBK reading could not.
   */
  allowRare?: boolean;
  /**
   * The page dropped the private-use characters its GBK decoder made of user-defined pairs
   * (AA–AF leads): where the UTF-8 reading breaks between two characters, such a pair may be
   * missing (绗洓闃舵 for 第四阶段: AC E5 between 绗 and 洓).
   */
  droppedPairs?: boolean;
  /**
   * Readings in other languages count too: Korean, Japanese and emoji whose UTF-8 was read with
   * this code page come back as themselves (weighed by decision/weighRepair, not as Chinese).
   */
  otherLanguages?: boolean;
  /** Other byte readings to try when the bytes are not UTF-8 (GBK bytes read as Latin-1). */
  alternates?: ReadonlyArray<{ name: string; decode(bytes: readonly number[]): string | undefined }>;
}

interface Unit {
  start: number;
  end: number;
  /** Code-page bytes, or null for a hole (`?`, U+FFFD). */
  bytes: readonly number[] | null;
}

/** Minimum gain in mean log-probability per character before a span is repaired. */
const MIN_GAIN_PER_CHAR = 1.5;
/** A repair must read as ordinary text: mean log-probability per character at least this. */
const MIN_MEAN_LOGPROB = -11;
/** …and its Han characters within this frequency rank, but for one in RARE_SHARE. */
const MAX_RANK = 8000;
const RARE_SHARE = 6;
/** Holes allowed per run (the byte lost at its end); text with more lost bytes is flagged, not guessed. */
const MAX_HOLES = 1;

function isHole(ch: string): boolean {
  return ch === '?' || ch === '\ufffd';
}

/** Units gathered from one start at most; a longer stretch is looked at in pieces. */
const MAX_UNITS = 1024;
/** A dropped user-defined pair, inserted as a unit of no width where the UTF-8 reading broke. */
const DROPPED_PAIR: readonly number[] = [PUA_LEAD, PUA_TRAIL];
/** Dropped pairs one run may restore, and the real characters at least between two of them. */
const MAX_DROPPED_PAIRS = 8;
const MIN_UNITS_BETWEEN_PAIRS = 2;
/** Characters a reading that starts with a mended pair must cover before it is gathered. */
const MIN_REACH_AFTER_PAIR = 4;

/** One shared array per single byte: a whole file of mojibake is a million units. */
const SINGLE_BYTES: ReadonlyArray<readonly number[]> = Array.from({ length: 256 }, (_, b) => [b]);

function codeBytes(code: number): readonly number[] {
  return code > 0xff ? [code >> 8, code & 0xff] : SINGLE_BYTES[code];
}

/**
 * The characters from `i` on that the code page could have printed from UTF-8 bytes, up to the
 * first that it could not have (holes included; printable ASCII inside only when the spec allows,
 * and never at the end).
 */
function gather(text: string, i: number, spec: MojibakeSpec, whileUtf8 = false): Unit[] {
  const tables = charTables(spec);
  const units: Unit[] = [];
  // With `whileUtf8`, stop at the first unit that breaks a UTF-8 reading from `i` (a few more are
  // kept so the run's start may still move inward past real characters).
  let broken = -1;
  let need = 0;
  let pairs = 0;
  let lastPair = -MIN_UNITS_BETWEEN_PAIRS - 1;
  while (i < text.length && units.length < MAX_UNITS && (broken < 0 || units.length < broken + EDGE_SLACK)) {
    const cp = text.codePointAt(i)!;
    const end = i + (cp > 0xffff ? 2 : 1);
    if (cp === 0x3f || cp === 0xfffd) {
      units.push({ start: i, end, bytes: null });
    } else {
      const code = tables.flags[cp] & IN_SEGMENT ? tables.codes[cp] : cp > 0xffff ? segmentCode(cp, spec) : -1;
      if (code >= 0) units.push({ start: i, end, bytes: codeBytes(code) });
      else if (spec.asciiInside && units.length && cp > 0x20 && cp < 0x7f) units.push({ start: i, end, bytes: SINGLE_BYTES[cp] });
      else if (spec.fullwidthFolded && whileUtf8 && need > 0 && broken < 0 && cp > 0x20 && cp < 0x7f) units.push({ start: i, end, bytes: [0xa3, cp + 0x80] });
      else break;
    }
    i = end;
    if (whileUtf8 && broken < 0) {
      const before = need;
      need = feedUtf8(before, units[units.length - 1].bytes, spec.holeBytes);
      if (need < 0 && spec.droppedPairs && pairs < MAX_DROPPED_PAIRS && units.length - lastPair > MIN_UNITS_BETWEEN_PAIRS) {
        // A dropped user-defined pair before this unit may mend the reading.
        const mended = feedAfterDroppedPair(before, units[units.length - 1].bytes, spec.holeBytes);
        if (mended >= 0) {
          const unit = units[units.length - 1];
          units.splice(units.length - 1, 0, { start: unit.start, end: unit.start, bytes: DROPPED_PAIR });
          need = mended;
          pairs++;
          lastPair = units.length - 1;
        }
      }
      if (need < 0) broken = units.length;
    }
  }
  while (units.length && units[units.length - 1].bytes?.length === 1 && units[units.length - 1].bytes![0] < 0x80) units.pop();
  // A run that stops two bytes short of a character may have lost a user-defined pair there.
  if (whileUtf8 && broken < 0 && need === 2 && spec.droppedPairs && pairs < MAX_DROPPED_PAIRS && units.length - lastPair > MIN_UNITS_BETWEEN_PAIRS) {
    const end = units[units.length - 1].end;
    units.push({ start: end, end, bytes: DROPPED_PAIR });
  }
  return units;
}

/**
 * How many characters from i a UTF-8 reading covers up to its furthest sequence end, counted
 * without building anything, and how many three-byte sequences (where CJK lives) it holds by then.
 * In clean text the reach is 0 or 1 almost everywhere, or covers only two-byte sequences (GBK's
 * C2–DF rows with trails A1–BF read as Greek and Cyrillic): neither is worth gathering.
 */
function utf8Reach(text: string, i: number, spec: MojibakeSpec): { reach: number; cjk: number } {
  const tables = charTables(spec);
  let need = 0;
  let units = 0;
  let reach = 0;
  let cjk = 0;
  let cjkAtReach = 0;
  const feed = (b: number) => {
    if (need > 0) need = b >= 0x80 && b <= 0xbf ? need - 1 : -1;
    else if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cjk++;
    } else if (b >= 0xf0 && b <= 0xf4) {
      // The supplementary planes: emoji, rare Han.
      need = 3;
      cjk++;
    }
    else need = -1;
  };
  let pairs = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const before = need;
    let code = -1;
    if (cp === 0x3f || cp === 0xfffd) {
      if (need === 0) cjk++;
      need = feedUtf8(need, null, spec.holeBytes);
    } else {
      code = tables.flags[cp] & IN_SEGMENT ? tables.codes[cp] : cp > 0xffff ? segmentCode(cp, spec) : -1;
      if (code < 0 && spec.asciiInside && units > 0 && cp > 0x20 && cp < 0x7f) code = cp;
      if (code < 0 && spec.fullwidthFolded && need > 0 && cp > 0x20 && cp < 0x7f) code = 0xa300 | (cp + 0x80);
      if (code < 0) break;
      if (code > 0xff) {
        feed(code >> 8);
        if (need >= 0) feed(code & 0xff);
      } else feed(code);
    }
    // A dropped user-defined pair among the first characters may mend the reading (鏀寔 for 支持:
    // AF E6 lost); later breaks end the reach, and gather mends those once a run is worth reading.
    if (need < 0 && code >= 0 && spec.droppedPairs && units > 0 && units <= 2 && pairs === 0) {
      const mended = feedAfterDroppedPair(before, codeBytes(code), spec.holeBytes);
      if (mended >= 0) {
        need = mended;
        pairs++;
      }
    }
    if (need < 0) break;
    units++;
    if (need === 0) {
      reach = units;
      cjkAtReach = cjk;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  // A reading mended by a guessed pair must go on for longer before it is worth gathering: by
  // chance such a pair mends something in ordinary text all the time.
  if (pairs > 0 && reach < MIN_REACH_AFTER_PAIR) return { reach: 0, cjk: 0 };
  return { reach, cjk: cjkAtReach };
}

const IN_SEGMENT = 1;
const OPENS_UTF8 = 2;

/** A character's code-page form when it can be part of mojibake, else -1. */
function segmentCode(cp: number, spec: MojibakeSpec): number {
  const code = spec.codec.codeOf(cp);
  return code >= 0 && spec.inSegment(code, cp) ? code : -1;
}

/** Whether a character can be part of mojibake, and whether its first byte can open a CJK sequence. */
function flagsOf(cp: number, spec: MojibakeSpec): number {
  const code = segmentCode(cp, spec);
  if (code < 0) return 0;
  const first = code > 0xff ? code >> 8 : code;
  // Chinese lives in UTF-8's three-byte sequences (E0–EF; F0–F4 for the supplementary planes):
  // a run of mojibake worth reading back opens with one of those leads.
  return IN_SEGMENT | (first >= 0xe0 && first <= 0xf4 ? OPENS_UTF8 : 0);
}

interface CharTables {
  flags: Uint8Array;
  /** segmentCode of every BMP character whose flags have IN_SEGMENT. */
  codes: Int32Array;
}
const charTableCache = new WeakMap<MojibakeSpec, CharTables>();

/** flagsOf and segmentCode for the whole BMP, computed once per spec (a code-page look-up is a Map's). */
function charTables(spec: MojibakeSpec): CharTables {
  let tables = charTableCache.get(spec);
  if (!tables) {
    tables = { flags: new Uint8Array(0x10000), codes: new Int32Array(0x10000).fill(-1) };
    for (let cp = 0x80; cp < 0x10000; cp++) {
      tables.flags[cp] = flagsOf(cp, spec);
      if (tables.flags[cp] & IN_SEGMENT) tables.codes[cp] = segmentCode(cp, spec);
    }
    charTableCache.set(spec, tables);
  }
  return tables;
}

/**
 * One unit's bytes through a UTF-8 validity check: `need` is how many continuation bytes are due
 * before; returns how many are due after, or -1 when the bytes cannot be UTF-8 there. A hole fits
 * whatever is due; at a sequence start it is taken as a lead.
 */
function feedUtf8(need: number, bytes: readonly number[] | null, holeBytes: number): number {
  for (const b of bytes ?? new Array<number>(holeBytes).fill(HOLE)) {
    if (b === HOLE || b === PUA_TRAIL) need = need > 0 ? need - 1 : 2;
    else if (b === PUA_LEAD) {
      if (need === 0) return -1;
      need--;
    } else if (need > 0) {
      if (b < 0x80 || b > 0xbf) return -1;
      need--;
    } else if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return -1;
  }
  return need;
}

/** feedUtf8 for a unit with a dropped user-defined pair before it: -1 when the pair cannot mend the reading there. */
function feedAfterDroppedPair(need: number, bytes: readonly number[] | null, holeBytes: number): number {
  const afterPair = feedUtf8(need, DROPPED_PAIR, 1);
  return afterPair < 0 ? -1 : feedUtf8(afterPair, bytes, holeBytes);
}

/**
 * Unit boundaries after i where a UTF-8 reading of units[i..] ends a sequence, up to where the
 * reading breaks down.
 */
function validRunEnds(units: Unit[], i: number, holeBytes: number): number[] {
  const ends: number[] = [];
  let need = 0;
  for (let j = i; j < units.length; j++) {
    need = feedUtf8(need, units[j].bytes, holeBytes);
    if (need < 0) break;
    if (need === 0) ends.push(j + 1);
  }
  return ends;
}

/** Han characters and CJK punctuation (outside Latin-1) in a string. */
function countChinese(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp) || (isCjkPunct(cp) && cp > 0xff)) n++;
  }
  return n;
}

/**
 * Every Han character of s is outside GB2312's first level (the 3,755 common characters, rows
 * B0–D7), even in its Simplified form: 锛 and 宧 are, 機 (机) is not.
 */
function allRare(s: string, lm: CharLanguageModel): boolean {
  const gbk = gbkTable();
  let han = 0;
  for (const ch of s) {
    if (!isHan(ch.codePointAt(0)!)) continue;
    han++;
    const code = gbk.codeOf(lm.toSimplifiedChar(ch).codePointAt(0)!);
    const lead = code >> 8;
    if (lead >= 0xb0 && lead <= 0xd7 && (code & 0xff) >= 0xa1) return false;
  }
  return han > 0;
}

function readsAsText(s: string, lm: CharLanguageModel, allowRare = false, singleByte = false): boolean {
  if (!allowRare && lm.perChar(s) < MIN_MEAN_LOGPROB) return false;
  let han = 0;
  let rare = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp)) {
      han++;
      if (lm.rank(ch) > MAX_RANK) rare++;
    }
    // Greek, Cyrillic, Hebrew, Arabic… (two-byte UTF-8) or fullwidth Latin letters and digits in
    // Chinese text are the sign of bytes paired wrongly. A single-byte code page pairs nothing:
    // there fullwidth digits are the text's own (王安石（１０２１－１０８６）).
    if (cp >= 0x0370 && cp <= 0x07ff) return false;
    if (!singleByte && ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a))) return false;
  }
  // A rare character among many common ones is the text's own (芼 in the Book of Songs); a rare
  // character in a short reading is more likely bytes paired by chance.
  return allowRare || rare <= Math.floor(han / RARE_SHARE);
}

function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

interface Reading {
  text: string;
  plan: string[];
}

function readRun(units: Unit[], spec: MojibakeSpec, lm: CharLanguageModel, prev: string): Reading | undefined {
  const bytes: number[] = [];
  let holes = 0;
  for (const u of units) {
    if (u.bytes) for (const b of u.bytes) bytes.push(b);
    else {
      holes++;
      for (let k = 0; k < spec.holeBytes; k++) bytes.push(HOLE);
    }
  }
  if (holes > MAX_HOLES) return undefined;
  const utf8 = decodeUtf8WithHoles(bytes, lm, prev);
  if (utf8 && !utf8.text.includes('\ufffd')) {
    const plan = [`encode ${spec.codec.name}`, 'decode utf-8'];
    // The filled bytes come in byte order: a hole's, then a dropped pair's two, as the units hold them.
    const lost: string[] = [];
    const pairs: string[] = [];
    let k = 0;
    for (const u of units) {
      if (u.bytes === DROPPED_PAIR) {
        pairs.push(`${utf8.filled[k]} ${utf8.filled[k + 1]}`);
        k += 2;
      } else if (!u.bytes) {
        for (let h = 0; h < spec.holeBytes; h++) lost.push(utf8.filled[k++]);
      }
    }
    if (pairs.length) plan.splice(1, 0, `restore dropped user-defined pair${pairs.length > 1 ? 's' : ''} ${pairs.join(', ')}`);
    if (lost.length) plan.splice(1, 0, `restore lost byte${lost.length > 1 ? 's' : ''} ${lost.join(', ')}`);
    return { text: utf8.text, plan };
  }
  if (holes === 0 && spec.droppedBytes) {
    // `å‚å·®` for 参差: 参 is E5 8F 82 and a strict decoder dropped the 8F.
    const restored = restoreDroppedBytes(bytes, Math.ceil(units.length / 3));
    const fixed = restored && decodeUtf8WithHoles(restored, lm, prev);
    if (fixed && !fixed.text.includes('\ufffd')) {
      return { text: fixed.text, plan: [`encode ${spec.codec.name}`, `restore dropped byte${fixed.filled.length > 1 ? 's' : ''} ${fixed.filled.join(', ')}`, 'decode utf-8'] };
    }
  }
  if (holes > 0 || !spec.alternates) return undefined;
  let best: { r: Reading; score: number } | undefined;
  for (const alt of spec.alternates) {
    const text = alt.decode(bytes);
    if (!text) continue;
    const score = lm.perChar(text);
    if (!best || score > best.score) best = { r: { text, plan: [`encode ${spec.codec.name}`, `decode ${alt.name}`] }, score };
  }
  return best?.r;
}

/** How far a run's edges may move inward: real characters next to mojibake can read as UTF-8 too. */
const EDGE_SLACK = 2;

interface Choice {
  start: number;
  end: number;
  reading: Reading;
  gain: number;
}

/**
 * Where the scan for each spec must stop in a text: characters that open a UTF-8 sequence, with
 * alternates every character that can be part of a segment, and the supplementary planes (high
 * surrogates), which the tables do not cover. Everything else a scan passes by, and in clean text
 * that is nearly every character: one pass over the text with a combined table serves every spec.
 */
export function mojibakeStops(text: string, specs: readonly MojibakeSpec[]): number[][] {
  const table = stopTable(specs);
  const stops = specs.map(() => [] as number[]);
  for (let i = 0; i < text.length; i++) {
    const bits = table[text.charCodeAt(i)];
    if (bits === 0) continue;
    for (let k = 0; k < specs.length; k++) if (bits & (1 << k)) stops[k].push(i);
  }
  return stops;
}

let stopTableCache: { specs: readonly MojibakeSpec[]; table: Uint8Array } | undefined;

/** Bit k of a BMP character's entry: the scan for specs[k] stops there. */
function stopTable(specs: readonly MojibakeSpec[]): Uint8Array {
  const cached = stopTableCache;
  if (cached && cached.specs.length === specs.length && cached.specs.every((s, k) => s === specs[k])) return cached.table;
  const table = new Uint8Array(0x10000);
  specs.forEach((spec, k) => {
    const { flags } = charTables(spec);
    const stopsAt = spec.alternates ? IN_SEGMENT | OPENS_UTF8 : OPENS_UTF8;
    for (let cp = 0; cp < 0x10000; cp++) {
      if (flags[cp] & stopsAt || (cp >= 0xd800 && cp <= 0xdbff)) table[cp] |= 1 << k;
    }
  });
  stopTableCache = { specs: [...specs], table };
  return table;
}

export function findUtf8Mojibake(text: string, spec: MojibakeSpec, stops: readonly number[] = mojibakeStops(text, [spec])[0]): GarbleIssue[] {
  const issues: GarbleIssue[] = [];
  let lm: CharLanguageModel | undefined;
  let segmentStart = true;
  const { flags } = charTables(spec);
  let nextStop = 0;
  for (let i = 0; i < text.length; ) {
    // The characters before the next stop open nothing, and where segments matter (alternates)
    // every segment character is a stop: the ones passed by are outside any segment.
    while (nextStop < stops.length && stops[nextStop] < i) nextStop++;
    const stop = nextStop < stops.length ? stops[nextStop] : text.length;
    if (stop > i) {
      segmentStart = true;
      i = stop;
      if (i >= text.length) break;
    }
    const c = text.charCodeAt(i);
    const cp = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
    const width = cp > 0xffff ? 2 : 1;
    const f = cp > 0xffff ? flagsOf(cp, spec) : flags[cp];
    const inSegment = (f & IN_SEGMENT) !== 0;
    const opensSegment = inSegment && segmentStart;
    segmentStart = !inSegment;
    // Most characters can neither open a UTF-8 sequence nor start a Latin-1 segment: one table
    // look-up and on.
    if ((f & OPENS_UTF8) === 0 && !(opensSegment && spec.alternates)) {
      i += width;
      continue;
    }
    let choice: { units: Unit[]; choice: Choice } | undefined;
    let skipTo = i + width;
    // A stretch of Latin-1 letters inside Chinese text is mojibake as a whole, when it reads back
    // at all (with dropped bytes restored, or as GBK/Big5): judge the whole segment first.
    if (opensSegment && spec.alternates) {
      const units = gather(text, i, spec);
      lm ??= getCharModel();
      const c = units.length >= 2 ? judge(text, units, 0, units.length, spec, lm) : undefined;
      if (c) choice = { units, choice: c };
    }
    const r = !choice && f & OPENS_UTF8 ? utf8Reach(text, i, spec) : undefined;
    if (r && r.reach >= 2 && r.cjk >= 1) {
      const units = gather(text, i, spec, true);
      const ends = validRunEnds(units, 0, spec.holeBytes);
      const furthest = ends.length ? ends[ends.length - 1] : 0;
      if (furthest >= 2) {
        lm ??= getCharModel();
        const c = bestRun(text, units, 0, ends, spec, lm);
        if (c) choice = { units, choice: c };
        else skipTo = units[furthest - 1].end;
      }
    }
    if (choice) {
      issues.push(toIssue(choice.units, choice.choice, spec));
      i = choice.units[choice.choice.end - 1].end;
    } else {
      i = skipTo;
    }
  }
  return issues;
}

function toIssue(units: Unit[], choice: Choice, spec: MojibakeSpec): GarbleIssue {
  return {
    kind: spec.kind,
    start: units[choice.start].start,
    end: units[choice.end - 1].end,
    confidence: Math.min(0.99, 0.6 + choice.gain / 10),
    replacement: choice.reading.text,
    plan: choice.reading.plan,
  };
}

/**
 * The best-reading run among the edges a UTF-8 reading allows: the start may move in past real
 * characters whose GBK bytes happen to be UTF-8 too (十 CA B2 reads as ʮ), and so may the end.
 */
function bestRun(text: string, units: Unit[], i: number, ends: number[], spec: MojibakeSpec, lm: CharLanguageModel): Choice | undefined {
  let best: Choice | undefined;
  for (let start = i; start <= i + EDGE_SLACK && start < units.length; start++) {
    const startEnds = start === i ? ends : validRunEnds(units, start, spec.holeBytes);
    for (const end of startEnds.slice(-1 - EDGE_SLACK)) {
      if (end - start < 2) continue;
      const c = judge(text, units, start, end, spec, lm);
      if (c && (!best || c.gain > best.gain)) best = c;
    }
  }
  return best;
}

/** Read units[start, end) back and keep it when it reads far better than it did, in its context. */
function judge(text: string, units: Unit[], start: number, end: number, spec: MojibakeSpec, lm: CharLanguageModel): Choice | undefined {
  const run = units.slice(start, end);
  const from = run[0].start;
  const to = run[run.length - 1].end;
  const original = text.slice(from, to);
  const prev = from > 0 ? String.fromCodePoint(text.codePointAt(from - 1)!) : '';
  const reading = readRun(run, spec, lm, prev);
  if (!reading || reading.text === original) return undefined;
  if (restoresIntoNonText(reading.text, reading.plan)) return undefined;
  const chinese = countChinese(reading.text);
  // Korean, Japanese and emoji read as GBK come back as themselves: the shared decision alone judges them.
  const ownLanguage = spec.otherLanguages === true && readsInOtherLanguage(reading.text, chinese);
  let gain = 0;
  if (!ownLanguage) {
    // One Chinese character (`锛宧ttp` → `，http`) is enough only when what it replaces is nothing
    // a writer would use: every Han character of the original rare.
    if (chinese < (spec.minChinese ?? 1) && !(chinese >= 1 && allRare(original, lm))) return undefined;
    const next = to < text.length ? String.fromCodePoint(text.codePointAt(to)!) : '\n';
    gain = lm.perChar(prev + reading.text + next) - lm.perChar(prev + original + next);
    // Rare characters are allowed in UTF-8 readings only: GBK or Big5 bytes read as Latin-1 decode
    // almost anything into some character (`ÃÂÃÂ` as 藕藕), so those must read as ordinary text.
    const allowRare = spec.allowRare === true && reading.plan.includes('decode utf-8');
    if (gain < MIN_GAIN_PER_CHAR || !readsAsText(reading.text, lm, allowRare, spec.codec.name === 'cp1252')) return undefined;
  } else if (!otherLanguageReadingIsText(reading.text, reading.plan)) return undefined;
  const weight = weighRepair({ before: text.slice(Math.max(0, from - NEIGHBOURHOOD), from), original, reading: reading.text, after: text.slice(to, to + NEIGHBOURHOOD), code: reading.plan.includes('decode utf-8') ? 'utf-8' : 'double-byte' });
  if (!weight.accept) return undefined;
  return { start, end, reading, gain: ownLanguage ? weight.margin / charCount(original) : gain };
}

