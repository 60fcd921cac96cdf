import type { GarbleIssue } from '../types';
import { codePointCount, codePointStartBefore, isCjkPunct, isHan } from '../text/chars';
import { LineStarts } from '../text/lines';
import { annotatedLength, hasToneMarks, MAX_ANNOTATED_CHARS, PINYIN_TEXT } from '../text/pinyinMatch';
import { bmpScripts, hasScriptVariant, scriptOfCodePoint, SIMPLIFIED_CODE, simplifiedChar } from '../script/scriptOfChar';
import { judgeAnnotations } from './pinyin/annotationEvidence';
import type { TextDetector } from '../pipeline/garbleDetector';
import { PARENTHESIS } from '../pipeline/textScan';

/**
 * Stray pinyin annotations: `發(fā)展` for `發展`, `最(zuì)愿意`, `发展(fāzhǎn)`.
 *
 * Three processes leave readings inside text that was never meant to carry them:
 *  - Simplified→Traditional converters that print the default reading of each converted
 *    character after it (only characters whose form changed get one);
 *  - web pages that insert readings against copying, `人(rén )次(cì )`, with a space;
 *  - crawls of pages with ruby (注音) that flatten `<ruby>` into `字(zì)`, after single characters
 *    or whole words, at any density, with or without tone marks.
 * People write readings too: a gloss on a rare character or an unusual reading in a poem
 * (`居胥（xū）`), a lesson's vocabulary (`貨(huò)`, `中国(Zhōngguó) China`). Which is which is decided
 * per document and per paragraph from the evidence (pinyin/annotationEvidence.ts); every removal
 * says why in its plan.
 */
export interface PinyinAnnotation {
  /** Offset of the first annotated character. */
  charStart: number;
  /** The span removed with the reading: the parentheses, and a space before them in running text. */
  start: number;
  end: number;
  /** The text inside the parentheses. */
  syllable: string;
  /** The annotated characters (one, or a word). */
  unit: string;
  /** Written `(rén )`, with a space before the closing parenthesis. */
  spaced: boolean;
  toned: boolean;
  /** What follows the closing parenthesis: 'han' (running text), 'punct' (CJK), 'end' (line end), 'other'. */
  after: 'han' | 'punct' | 'end' | 'other';
  /** Whitespace follows the closing parenthesis (a gloss or a list may go on after it). */
  spacedAfter: boolean;
}

const ANNOTATION = /[(（]( ?)([^()（）\n\r]{1,48}?)( ?)[)）]/gu;

/** Every `(reading)` right after the Han characters it reads, before any document-level judgement. */
export function findReadingAnnotations(text: string): PinyinAnnotation[] {
  const found: PinyinAnnotation[] = [];
  // Every annotation opens with one of these: a text without them costs two native searches.
  if (!text.includes('(') && !text.includes('（')) return found;
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(text); m; m = ANNOTATION.exec(text)) {
    const inner = m[2];
    if (!PINYIN_TEXT.test(inner) || !/[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/.test(inner)) continue;
    // `(AI)`, `(OK)`: capitals only are an abbreviation, not a reading.
    if (inner === inner.toUpperCase()) continue;
    // A space between the word and the parenthesis is allowed (`发展 (fāzhǎn)`).
    let before = m.index;
    if (text[before - 1] === ' ') before--;
    const chars: string[] = [];
    const starts: number[] = [];
    for (let i = before; i > 0 && chars.length < MAX_ANNOTATED_CHARS; ) {
      const at = codePointStartBefore(text, i);
      const cp = text.codePointAt(at)!;
      if (!isHan(cp)) break;
      chars.unshift(String.fromCodePoint(cp));
      starts.unshift(at);
      i = at;
    }
    if (chars.length === 0) continue;
    const n = annotatedLength(chars, inner);
    if (n === 0) continue;
    const end = m.index + m[0].length;
    const next = text.codePointAt(end);
    const after = next === undefined || next === 0x0a || next === 0x0d ? 'end' : isHan(next) ? 'han' : isCjkPunct(next) ? 'punct' : 'other';
    found.push({
      charStart: starts[starts.length - n],
      start: before,
      end,
      syllable: (m[1] + inner).trim(),
      unit: chars.slice(chars.length - n).join(''),
      spaced: m[3] === ' ',
      toned: hasToneMarks(inner),
      after,
      spacedAfter: next === 0x20 || next === 0x09 || next === 0x3000,
    });
  }
  return found;
}

/** Share of annotations a converter would make: on a Traditional form that Simplified writes otherwise. */
const CONVERTER_SHARE = 0.8;
/** Below this many annotations a Simplified-side pattern is not told apart from teaching text. */
const MIN_SIMPLIFIED_SIDE = 5;
/** Spaced annotations needed before a document's `(rén )` are taken for inserted noise. */
const MIN_SPACED = 3;

/** Simplified forms on a line that tell a writer's Simplified text from a converter's Traditional output. */
const SIMPLIFIED_LINE = 2;

/**
 * A converter writes its whole output in the target script: a Traditional form glossed on a line
 * that writes Simplified ones (`我们希望能把它们擓(kuǎi)出来`, a rare character) is a writer's gloss.
 */
function amidSimplified(text: string, a: PinyinAnnotation, lines: LineStarts, verdicts: Map<number, boolean>): boolean {
  const line = lines.lineOf(a.charStart);
  const known = verdicts.get(line);
  if (known !== undefined) return known;
  // Each line is read once, however many readings it holds (a long line of converter output has
  // thousands), by code unit through the script table: cheap before the JIT has compiled it.
  const scripts = bmpScripts();
  let n = 0;
  let found = false;
  for (let i = lines.start(line), end = lines.end(line); i < end && !found; i++) {
    const c = text.charCodeAt(i);
    let simplified = scripts[c] === SIMPLIFIED_CODE;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        simplified = scriptOfCodePoint(text.codePointAt(i)!) === 'simplified';
        i++;
      }
    }
    if (simplified && ++n >= SIMPLIFIED_LINE) found = true;
  }
  verdicts.set(line, found);
  return found;
}

/**
 * A converter's leftovers: single characters, with a form in the other script, and at least one
 * of them inside running text (a converter breaks words: `不帶(dài)參數`, `小於(wū)ARG2`); `貨(huò)`
 * alone, or before a translation, is a gloss. A converter annotates every character it changes,
 * so readings that all gloss one character (`密钥(yuè)`, five times in a tutorial) are a writer's.
 */
function converterAnnotations(text: string, all: readonly PinyinAnnotation[]): PinyinAnnotation[] {
  const single = all.filter((a) => codePointCount(a.unit) === 1 && a.toned);
  if (!single.some((a) => a.after !== 'end' && !a.spacedAfter)) return [];
  const lines = new LineStarts(text);
  const verdicts = new Map<number, boolean>();
  const traditionalSide = single.filter((a) => simplifiedChar(a.unit) !== a.unit && !amidSimplified(text, a, lines, verdicts));
  if (traditionalSide.length > 0 && traditionalSide.length >= CONVERTER_SHARE * all.length) return traditionalSide;
  const variantSide = single.filter((a) => hasScriptVariant(a.unit));
  if (variantSide.length >= MIN_SIMPLIFIED_SIDE && variantSide.length >= 0.9 * all.length && new Set(variantSide.map((a) => a.unit)).size > 1) return variantSide;
  return [];
}

/** Annotations judged to be left by a converter, a page or a crawl, as removable issues. */
export function findPinyinAnnotations(text: string): GarbleIssue[] {
  const all = findReadingAnnotations(text);
  if (all.length === 0) return [];
  const why = new Map<PinyinAnnotation, string>();
  for (const a of converterAnnotations(text, all)) why.set(a, 'a converter annotated the characters it changed');
  const spaced = all.filter((a) => a.spaced && codePointCount(a.unit) === 1);
  if (spaced.length >= MIN_SPACED) for (const a of spaced) if (!why.has(a)) why.set(a, `${spaced.length} readings written "(rén )", as pages insert them`);
  for (const [a, reason] of judgeAnnotations(text, all)) if (!why.has(a)) why.set(a, reason);
  return all
    .filter((a) => why.has(a))
    .map((a) => ({
      kind: 'pinyin-annotation' as const,
      start: a.start,
      end: a.end,
      confidence: 0.95,
      replacement: '',
      plan: [`remove reading (${a.syllable}) of ${a.unit}: ${why.get(a)}`],
    }));
}

export const pinyinAnnotationDetector: TextDetector = {
  level: 'text',
  kind: 'pinyin-annotation',
  looksFor: "a converter's reading after a character: 發(fā)展 → 發展",
  plan: 'remove the reading',
  noun: ['pinyin annotation', 'pinyin annotations'],
  needs: PARENTHESIS,
  find: ({ text }) => findPinyinAnnotations(text),
};
