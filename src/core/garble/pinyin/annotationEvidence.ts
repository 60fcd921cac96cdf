import { getCharModel } from '../../model/charLanguageModel';
import { codePointCount, codePointStartBefore, countHan, isHan } from '../../text/chars';
import { readingsOf } from '../../text/pinyinReadings';
import { plainPinyin } from '../../text/pinyinMatch';
import type { PinyinAnnotation } from '../pinyinAnnotation';

/**
 * Is a document's pinyin a gloss someone wrote, or left by a process? The two leave different
 * traces, and the decision weighs them for the whole document, paragraph by paragraph:
 *
 * - A process (ruby flattened by a crawl, a converter, a page's anti-copy noise) annotates
 *   characters as they come, so its readings fall inside running text, on common characters in
 *   their ordinary reading (`最(zuì)愿意`, `这(zhè)`, `发展(fāzhǎn)`).
 * - A writer glosses what a reader may not know: a rare character or an unusual reading in a
 *   poem (`居胥（xū）`, `佛(bì)狸`), and lessons, dictionaries and glossaries list words with their
 *   readings: at the start of a line, before a translation (`貨(huò) goods`), capitalised like
 *   names (`中国(Zhōngguó)`), in short lines rather than running prose (`你(nǐ)好(hǎo)`).
 *
 * A reading counts as evidence of a process when it sits inside a paragraph of running text,
 * between Chinese characters (also across the spaces of word-segmented text) or before Chinese
 * punctuation, on common characters read the ordinary way. Some readings are what no writer
 * writes and count twice, so that one of them is enough:
 *  - a space before the closing parenthesis, `(rén )`, as pages insert readings;
 *  - a lowercase reading without tones of common characters (a gloss for a learner is toned);
 *  - the ordinary reading of one common character that is bound to its neighbour (`語(yǔ)法`,
 *    `映射（shè）表`): a process annotates character by character and breaks words, a writer
 *    glosses a word whole, or one character of it only for a rare character or an unusual
 *    reading (`佛(bì)狸`).
 *  - a toned reading of a whole word of common characters, each read its first (ordinary) way,
 *    between two Han characters (`設置(shèzhì)昂貴`): it tells a native reader nothing.
 * Any other toned reading after a whole common word (`设置(shèzhì)，`, `银行(yínháng)取钱`) counts
 * once: a lesson writes those too, so one of them alone is left. A document with MIN_EVIDENCE, and more of it than
 * readings shaped like glosses, loses the readings of its running text; everything else keeps
 * its pinyin.
 */

/** Readings after common characters in running text before a document is taken for garbled. */
const MIN_EVIDENCE = 2;
/** Characters within this frequency rank are common: nobody glosses them for a native reader. */
const COMMON_RANK = 2500;
/** Readings in running text that many times those shaped like glosses take the glosses along. */
const OVERWHELMING = 2;
/** Characters after a reading looked at for a translation. */
const GLOSS_REACH = 16;
/** A paragraph is running text with this many Han characters, or 60 % as many and a sentence mark. */
const PROSE_HAN = 10;
const SENTENCE_MARK = /[。，；！？、：]/;
/**
 * ln P(b | a) − ln P(b) from the character model at and above which two characters read as one
 * word (`語法` 3.0, `映射` 6.0, `字串` 5.3, against `的人` 0.5, `理你` 0.0, `未聽` −1.1).
 */
const BOUND = 2.5;

/**
 * Whether the paragraph (line) that holds offset `at` is running text. Only the paragraphs that
 * hold a reading are read, each once (`known`, by its start): a long text with a few readings
 * costs no count of its every line.
 */
function proseAt(text: string, at: number, known: Map<number, boolean>): boolean {
  const start = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  let prose = known.get(start);
  if (prose !== undefined) return prose;
  const nl = text.indexOf('\n', start);
  const end = nl < 0 ? text.length : nl;
  const han = countHan(text, start, end);
  prose = han >= PROSE_HAN || (han >= 0.6 * PROSE_HAN && SENTENCE_MARK.test(text.slice(start, end)));
  known.set(start, prose);
  return prose;
}

/**
 * Shaped like a gloss: a capitalised reading, a translation after it (`貨(huò) goods`,
 * `(huò): goods`), or a list entry, the annotated word alone at the start of its line.
 */
function glossShaped(text: string, a: PinyinAnnotation): boolean {
  if (/^[A-ZÁÀǍĀÉÈĚĒÓÒǑŌ]/.test(a.syllable)) return true;
  if (a.after === 'han' || a.after === 'punct') return false;
  const rest = text.slice(a.end, a.end + GLOSS_REACH);
  // A translation runs on in Latin letters; `用（yòng） groff 模拟` is running text that names a program.
  if (/^(?:[ \t]+|[ \t]*[-–—:：=][ \t]*)[A-Za-z][^\n]*$/.test(rest.split('\n')[0]) && !/[\u3400-\u9fff]/.test(rest.split('\n')[0])) return true;
  if (a.after !== 'end' && !/^[ \t]/.test(rest)) return false;
  const lineStart = text.lastIndexOf('\n', a.charStart - 1) + 1;
  const lead = text.slice(lineStart, a.charStart);
  return /^\s*(?:(?:\d+|[a-z])[.、)）]\s*|[*•·-]\s*)?$/.test(lead);
}

/**
 * A character's first (ordinary) reading, toneless (plainPinyin), or undefined when it has none:
 * asked for the characters of every reading, the same few hundred in a document, so kept.
 */
const firstPlainReadings = new Map<string, string | undefined>();

function firstPlainReading(ch: string): string | undefined {
  if (firstPlainReadings.has(ch)) return firstPlainReadings.get(ch);
  const first = readingsOf(ch)[0];
  const plain = first === undefined ? undefined : plainPinyin(first);
  firstPlainReadings.set(ch, plain);
  return plain;
}

/** Every character common and, for a single one, read the ordinary way (its first reading). */
function ordinary(a: PinyinAnnotation): boolean {
  const lm = getCharModel();
  const chars = [...a.unit];
  if (!chars.every((c) => lm.rank(c) <= COMMON_RANK)) return false;
  if (chars.length > 1) return true;
  const first = firstPlainReading(chars[0]);
  return first !== undefined && first === plainPinyin(a.syllable);
}

/** The Han character starting at `at`, or undefined. */
function hanAt(text: string, at: number): string | undefined {
  const cp = text.codePointAt(at);
  return cp !== undefined && isHan(cp) ? String.fromCodePoint(cp) : undefined;
}

/** The Han character ending at `at`, or undefined. */
function hanBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  return hanAt(text, codePointStartBefore(text, at));
}

/** The reading sits inside running text: Han or Chinese punctuation or a line end after it. */
function inRunningText(text: string, a: PinyinAnnotation): boolean {
  if (a.after === 'han' || a.after === 'punct' || a.after === 'end') return true;
  // Word-segmented text (`可以(yǐ) 使用`) goes on with Han after the space.
  return a.spacedAfter && hanAt(text, a.end + /^[ \t\u3000]*/.exec(text.slice(a.end, a.end + 8))![0].length) !== undefined;
}

/** One common character whose ordinary reading is given while it is bound to a neighbour. */
function breaksWord(text: string, a: PinyinAnnotation): boolean {
  const chars = [...a.unit];
  if (chars.length !== 1) return false;
  const lm = getCharModel();
  const bound = (x: string | undefined, y: string | undefined) => x !== undefined && y !== undefined && lm.bigram(x, y) - lm.unigram(y) >= BOUND;
  return bound(chars[0], hanAt(text, a.end)) || bound(hanBefore(text, a.charStart), chars[0]);
}

/**
 * A toned reading of a whole word of common characters, each read its first (ordinary) way,
 * between two Han characters of a sentence (`緩解（huǎnjiě）噁心`): the reading tells a native reader
 * nothing the characters do not, and a writer who glosses a word mid-sentence glosses one with a
 * rare character or an unusual reading (`銀行（yínháng）`).
 */
function plainWordMidSentence(a: PinyinAnnotation): boolean {
  const chars = [...a.unit];
  if (chars.length < 2 || !a.toned || a.after !== 'han') return false;
  let first = '';
  for (const c of chars) {
    const r = firstPlainReading(c);
    if (r === undefined) return false;
    first += r;
  }
  return first === plainPinyin(a.syllable);
}

/**
 * How much a reading says a process left it: 0 (nothing: a gloss, or not in running text on
 * ordinary readings of common characters), 1, or 2 for what no writer writes.
 */
function weight(text: string, prose: boolean, a: PinyinAnnotation, strong: boolean, isOrdinary: (a: PinyinAnnotation) => boolean): number {
  if (!prose || !inRunningText(text, a) || !isOrdinary(a)) return 0;
  if (strong && (a.spaced || (!a.toned && a.syllable === a.syllable.toLowerCase()) || breaksWord(text, a) || plainWordMidSentence(a))) return 2;
  return 1;
}

/** The annotations of `all` judged left by a process, with the reason for the plan. */
export function judgeAnnotations(text: string, all: readonly PinyinAnnotation[]): Map<PinyinAnnotation, string> {
  const chosen = new Map<PinyinAnnotation, string>();
  // The paragraph of a reading: the line that holds its start (or ends there).
  const proseParagraphs = new Map<number, boolean>();
  let evidence = 0;
  let counted = 0;
  let glosses = 0;
  const inText: Array<{ a: PinyinAnnotation; prose: boolean }> = [];
  const glossLike: PinyinAnnotation[] = [];
  // A reading of one character that is not its ordinary one, in running text, is what a writer
  // glosses (`佛(bì)狸`, a lesson contrasting `长(cháng)` and `长(zhǎng)`): then no reading counts
  // twice. Whether the document has one is known after the walk; the weights are summed then.
  let strong = true;
  // Whether a reading is ordinary is asked twice for most readings: answered once.
  const ordinaryOnes = new Map<PinyinAnnotation, boolean>();
  const isOrdinary = (a: PinyinAnnotation) => {
    let known = ordinaryOnes.get(a);
    if (known === undefined) ordinaryOnes.set(a, (known = ordinary(a)));
    return known;
  };
  for (const a of all) {
    const prose = proseAt(text, a.start, proseParagraphs);
    if (strong && codePointCount(a.unit) === 1 && prose && inRunningText(text, a) && !isOrdinary(a)) strong = false;
    if (glossShaped(text, a)) {
      glosses++;
      glossLike.push(a);
      continue;
    }
    inText.push({ a, prose });
  }
  for (const { a, prose } of inText) {
    const w = weight(text, prose, a, strong, isOrdinary);
    evidence += w;
    if (w > 0) counted++;
  }
  if (evidence < MIN_EVIDENCE || counted <= glosses) return chosen;
  const reason = `${counted} reading${counted === 1 ? '' : 's'} after common characters inside running text (weight ${evidence}), ${glosses} shaped like a gloss: annotations left by a page or a converter`;
  for (const { a } of inText) chosen.set(a, reason);
  // Among that many readings in running text, a few shaped like glosses are the same process
  // meeting English (`用（yòng） groff`).
  if (counted >= OVERWHELMING * glosses) for (const a of glossLike) chosen.set(a, reason);
  return chosen;
}

