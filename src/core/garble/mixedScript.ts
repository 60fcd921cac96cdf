import type { GarbleIssue } from '../types';
import { isHan } from '../text/chars';
import { bmpScripts, scriptOfCodePoint, simplifiedChar, SIMPLIFIED_CODE, TRADITIONAL_CODE } from '../script/scriptOfChar';
import type { TextDetector } from '../pipeline/garbleDetector';
import { CJK } from '../pipeline/textScan';
import { TextView } from '../text/textView';
import { dataText } from '../data/dataFiles';

/**
 * Simplified and Traditional mixed in one text: `发展與協作`. Usually a partial conversion, or text
 * pasted together from two sources. Detected, never forced: conversion is the user's choice (the
 * repair plan says which way the majority goes).
 *
 * Loose Traditional text keeps some Simplified-looking forms on purpose (后, 于, 里, 台 are also
 * Traditional characters; see scriptOfChar), and a lone character of the other script is more often
 * a typo than a conversion. So a clause is flagged when it holds two or more characters of the
 * text's minority script — a converted phrase inside a long article is found that way — or one,
 * when the minority script is a real share of a short text (`发展與協作`).
 */
const MIN_CLUSTER = 2;
const MIN_MINORITY_SHARE = 0.1;
const CLAUSE_BREAKS = '\n。！？!?；;，,、：:“”"「」『』（）()【】[]《》';

/**
 * Hong Kong's and Taiwan's standard forms (data/regionalForms.txt, from OpenCC's HK and TW variant
 * tables: scripts/build-regional-forms.mjs). Where OpenCC's Traditional writes another form
 * (溫, 戶, 稅, 搵), the regional standard writes 温, 户, 税, 揾, which OpenCC's Simplified side also
 * writes: in those texts they are Traditional text's own, so they commit a text to neither script.
 */
function regionalForms(): string {
  return dataText('regionalForms.txt');
}

/**
 * What the scans below ask of a BMP code unit, as bits of one table read per character (the scans
 * read every character of the text): a Han character (isHan) and its script (bmpScripts, a
 * regional standard form as neither), a
 * clause break, a letter of a word in another script, kana, a high surrogate (whose code point is
 * read whole).
 */
const HAN = 1;
const TRADITIONAL = 2;
const SIMPLIFIED = 4;
const CLAUSE_BREAK = 8;
const LETTER = 16;
const KANA = 32;
const HIGH_SURROGATE = 64;

let classTable: Uint8Array | undefined;

function charClasses(): Uint8Array {
  if (classTable) return classTable;
  const scripts = bmpScripts();
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let bits = 0;
    if (isHan(c)) bits = HAN | (scripts[c] === TRADITIONAL_CODE ? TRADITIONAL : scripts[c] === SIMPLIFIED_CODE ? SIMPLIFIED : 0);
    else if (isLetter(c)) bits = LETTER;
    else if (isKana(c)) bits = KANA;
    else if (c >= 0xd800 && c <= 0xdbff) bits = HIGH_SURROGATE;
    t[c] = bits;
  }
  for (let k = 0; k < CLAUSE_BREAKS.length; k++) t[CLAUSE_BREAKS.charCodeAt(k)] |= CLAUSE_BREAK;
  const regional = regionalForms();
  for (let k = 0; k < regional.length; k++) {
    const c = regional.charCodeAt(k);
    if (t[c] & HAN) t[c] = HAN;
  }
  classTable = t;
  return t;
}

/** Latin, Greek, Cyrillic and Hangul letters: the words of other scripts (howWritten). */
function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x52f) || (c >= 0xac00 && c <= 0xd7a3);
}

interface ScriptCounts {
  /**
   * The clauses with a Traditional or a Simplified character (only those can be flagged), in text
   * order, flat: start, end, Traditional characters, Simplified characters; `clauseCount` of them.
   */
  clauses: Int32Array;
  clauseCount: number;
  /** Traditional and Simplified characters of the BMP in the whole text. */
  traditional: number;
  simplified: number;
  hasHan: boolean;
  /** The Han characters of the BMP the text writes, each once; hanCounts holds how often. */
  written: number[];
}

/** Fields of a clause in ScriptCounts.clauses. */
const CLAUSE_FIELDS = 4;

/**
 * The clauses of a text with their script counts, and the whole text's, in one pass, passing over
 * the `skipped` stretches (Japanese lines: each a whole line, so a clause never crosses one).
 */
function countScripts(text: string, skipped: ReadonlyArray<readonly [number, number]>): ScriptCounts {
  const classes = charClasses();
  let clauses = new Int32Array(256 * CLAUSE_FIELDS);
  let clauseCount = 0;
  let traditional = 0;
  let simplified = 0;
  let hasHan = false;
  const count = (hanCounts ??= new Uint32Array(0x10000));
  const written: number[] = [];
  let start = 0;
  let clauseTraditional = 0;
  let clauseSimplified = 0;
  // A clause of neither script is never flagged, nor kept.
  const keep = (end: number): void => {
    if (end <= start || clauseTraditional + clauseSimplified === 0) return;
    if ((clauseCount + 1) * CLAUSE_FIELDS > clauses.length) {
      const grown = new Int32Array(clauses.length * 2);
      grown.set(clauses);
      clauses = grown;
    }
    const at = clauseCount++ * CLAUSE_FIELDS;
    clauses[at] = start;
    clauses[at + 1] = end;
    clauses[at + 2] = clauseTraditional;
    clauses[at + 3] = clauseSimplified;
  };
  let skip = 0;
  let nextSkip = skipped.length ? skipped[0][0] : -1;
  for (let i = 0; i < text.length; i++) {
    if (i === nextSkip) {
      i = skipped[skip++][1] - 1;
      nextSkip = skip < skipped.length ? skipped[skip][0] : -1;
      continue;
    }
    const k = classes[text.charCodeAt(i)];
    if (k === 0) continue;
    if (k & CLAUSE_BREAK) {
      keep(i);
      start = i + 1;
      clauseTraditional = clauseSimplified = 0;
    } else if (k & HAN) {
      hasHan = true;
      const c = text.charCodeAt(i);
      if (count[c]++ === 0) written.push(c);
      if (k & TRADITIONAL) {
        clauseTraditional++;
        traditional++;
      } else if (k & SIMPLIFIED) {
        clauseSimplified++;
        simplified++;
      }
    } else if (k & HIGH_SURROGATE) {
      const cp = text.codePointAt(i)!;
      // A lone surrogate is nothing; a pair is one code point of the supplementary planes, which
      // hold no script-specific forms here: a clause still counts what OpenCC says of them, the
      // whole text does not.
      if (cp <= 0xffff) continue;
      i++;
      if (isHan(cp)) {
        const s = scriptOfCodePoint(cp);
        if (s === 'traditional') clauseTraditional++;
        else if (s === 'simplified') clauseSimplified++;
      }
    }
  }
  keep(text.length);
  return { clauses, clauseCount, traditional, simplified, hasHan, written };
}

/** Hiragana and katakana (with the prolonged sound mark and iteration marks). */
function isKana(cp: number): boolean {
  return cp >= 0x3041 && cp <= 0x30ff;
}

/**
 * Japanese writes kanji among kana, and its kanji forms (様, 変, 駅, 図) are neither OpenCC's
 * Simplified nor its Traditional ones: Japanese is not mixed Chinese script. A text is Japanese
 * when its kana are more than a small share of its Han characters; in other texts a line with
 * kana is a Japanese line.
 */
const JAPANESE_KANA_SHARE = 0.05;
const MIN_KANA = 3;

/**
 * Chinese must be what the text is written in before its scripts can be mixed: a Czech README's
 * language menu (`[繁體中文](README-zh-Hant.md) ∙ [简体中文](README-zh.md)`), a locale table in
 * code, a dictionary of phrases in both scripts are other texts that name Chinese. Han characters
 * are weighed against words of other scripts (runs of letters).
 */
const MIN_CHINESE_SHARE = 0.5;

function howWritten(text: string): { whole: boolean; notChinese: boolean; lines: Array<[number, number]> } {
  const classes = charClasses();
  let kana = 0;
  let han = 0;
  let words = 0;
  let inWord = false;
  const lines: Array<[number, number]> = [];
  let lineStart = 0;
  let lineKana = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c === 0x0a) {
      if (lineKana) lines.push([lineStart, i]);
      lineStart = i + 1;
      lineKana = false;
      inWord = false;
      continue;
    }
    const k = classes[c];
    const letter = (k & LETTER) !== 0;
    if (letter && !inWord) words++;
    inWord = letter;
    if (k & KANA) {
      kana++;
      lineKana = true;
    } else if (k & HAN) han++;
  }
  return { whole: kana >= MIN_KANA && kana >= JAPANESE_KANA_SHARE * han, notChinese: han < MIN_CHINESE_SHARE * (han + words), lines };
}

export function findMixedScript(text: string): GarbleIssue[] {
  const written = howWritten(text);
  if (written.whole || written.notChinese) return [];
  // Japanese lines are left out of the count (every clause is within one line).
  const counts = countScripts(text, written.lines);
  try {
    return mixedSpans(text, counts);
  } finally {
    for (const c of counts.written) hanCounts![c] = 0;
  }
}

function mixedSpans(text: string, { clauses, clauseCount, traditional, simplified, hasHan, written }: ScriptCounts): GarbleIssue[] {
  if (!hasHan) return [];
  const minority = Math.min(traditional, simplified);
  const total = traditional + simplified;
  if (minority === 0) return [];
  const sizeable = minority >= MIN_MINORITY_SHARE * total;
  const majority: 'traditional' | 'simplified' = traditional >= simplified ? 'traditional' : 'simplified';
  const minorityName = majority === 'traditional' ? 'Simplified' : 'Traditional';
  const issues: GarbleIssue[] = [];
  const classes = charClasses();
  const minorityBit = majority === 'traditional' ? SIMPLIFIED : TRADITIONAL;
  const majorityBit = majority === 'traditional' ? TRADITIONAL : SIMPLIFIED;
  const minorityScript = majority === 'traditional' ? 'simplified' : 'traditional';
  const plan = [
    `${minorityName} characters in a mostly ${majority === 'traditional' ? 'Traditional' : 'Simplified'} text`,
    `convert to ${majority} on request (opencc-js)`,
  ];
  const confidence = Math.min(0.95, 0.5 + minority / total);
  for (let at = 0; at < clauseCount * CLAUSE_FIELDS; at += CLAUSE_FIELDS) {
    const minorityHere = clauses[majority === 'traditional' ? at + 3 : at + 2];
    const majorityHere = clauses[majority === 'traditional' ? at + 2 : at + 3];
    if (minorityHere === 0 || (minorityHere < MIN_CLUSTER && !sizeable)) continue;
    const clauseStart = clauses[at];
    const clauseEnd = clauses[at + 1];
    if (minorityHere >= majorityHere) {
      // A clause written in the minority script: flag it whole, trimmed of spaces.
      let start = clauseStart;
      let end = clauseEnd;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      issues.push({ kind: 'mixed-script', start, end, confidence, plan });
      continue;
    }
    // A few minority characters inside a majority clause (`发展與協作`): flag each stretch that
    // begins and ends with one, without a majority character inside.
    let runStart = -1;
    let runEnd = -1;
    const close = () => {
      if (runStart >= 0) issues.push({ kind: 'mixed-script', start: runStart, end: runEnd, confidence, plan });
      runStart = runEnd = -1;
    };
    for (let i = clauseStart; i < clauseEnd; i++) {
      const k = classes[text.charCodeAt(i)];
      if (k & HIGH_SURROGATE) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) {
          const s = isHan(cp) ? scriptOfCodePoint(cp) : 'other';
          if (s === minorityScript) {
            if (runStart < 0) runStart = i;
            runEnd = i + 2;
          } else if (s === majority || s === 'other') close();
          i++;
          continue;
        }
      }
      // A Han character of the minority script extends the stretch; one of the majority, or any
      // character but Han, ends it; a Han character of neither script does neither.
      if (k & minorityBit) {
        if (runStart < 0) runStart = i;
        runEnd = i + 1;
      } else if (k & majorityBit || !(k & HAN)) close();
    }
    close();
  }
  return issues.length ? withoutOwnForms(text, issues, minorityBit, written) : issues;
}

/** How often a text must write a form, and never its other one, for the form to be its own. */
const OWN_FORM_MIN = 2;

/**
 * A text that writes a word one way every time chose that form: the keywords of a programming
 * language written in Cantonese (`係`, `點樣先`, `介紹返`, fixed Traditional strings among its
 * writer's Simplified identifiers), a classical form a poet keeps. A conversion left half done
 * writes the same character both ways (`入门` beside `快速入門`). So a span is not flagged when each
 * of its minority characters is written OWN_FORM_MIN times or more in the text and its other form
 * (the characters with the same Simplified form) never: the text shows its choice, and converting
 * it would change what the writer wrote. A character written once says nothing either way: short
 * texts (`发展與協作`) are flagged as before.
 */
function withoutOwnForms(text: string, issues: GarbleIssue[], minorityBit: number, written: readonly number[]): GarbleIssue[] {
  const classes = charClasses();
  const count = hanCounts!;
  // The minority characters the text writes (only they can be in a span), by their Simplified form.
  const keyOf = new Map<number, number>();
  for (const c of written) if (classes[c] & minorityBit) keyOf.set(c, simplifiedChar(String.fromCharCode(c)).codePointAt(0)!);
  // How many characters the text writes with each of those Simplified forms: the minority
  // character itself, and the form, or other Traditional characters that simplify to it.
  const forms = new Map<number, number>();
  for (const key of keyOf.values()) forms.set(key, 0);
  for (const c of written) {
    const key = keyOf.get(c) ?? (forms.has(c) ? c : classes[c] & TRADITIONAL ? simplifiedChar(String.fromCharCode(c)).codePointAt(0)! : -1);
    const n = forms.get(key);
    if (n !== undefined) forms.set(key, n + 1);
  }
  let own = 0;
  for (const [c, key] of keyOf) {
    if (count[c] >= OWN_FORM_MIN && forms.get(key) === 1) {
      count[c] = OWN;
      own++;
    }
  }
  if (own === 0) return issues;
  // A span is kept unless it holds minority characters of the BMP and all of them are the text's own.
  return issues.filter((issue) => {
    let mine = false;
    for (let i = issue.start; i < issue.end; i++) {
      const c = text.charCodeAt(i);
      if (!(classes[c] & minorityBit)) continue;
      if (count[c] !== OWN) return true;
      mine = true;
    }
    return !mine;
  });
}

/** A count withoutOwnForms marks a character the text's own with (past any count a text reaches). */
const OWN = 0xffffffff;

/** How often the text writes each Han character of the BMP (countScripts), kept at zero between calls. */
let hanCounts: Uint32Array | undefined;

export const mixedScriptDetector: TextDetector = {
  level: 'text',
  kind: 'mixed-script',
  looksFor: 'Simplified and Traditional in one text: 发展與協作',
  plan: 'none by default: converted to the preferred script on request',
  noun: ['mixed-script span', 'mixed-script spans'],
  // Only Han characters of the BMP are counted for the whole text: without one, nothing is mixed.
  needs: CJK,
  uses: ['pinyin-annotation'],
  // Judged on the text with every other finding (and the pinyin annotations) taken out.
  find: ({ text, kept, found }) => {
    const removed = [...kept, ...found('pinyin-annotation')];
    if (removed.length === 0) return findMixedScript(text);
    const view = new TextView(text, removed);
    return findMixedScript(view.text).map((i) => ({ ...i, start: view.startOf(i.start), end: view.endOf(i.end) }));
  },
};
