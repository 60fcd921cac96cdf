import { getCharModel } from '../../model/charLanguageModel';
import { isHan } from '../../text/chars';
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
 * between Chinese characters or before Chinese punctuation, on common characters read the
 * ordinary way. A document with at least MIN_EVIDENCE of those, and more of them than readings
 * shaped like glosses, loses the readings of its running text; everything else keeps its pinyin.
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

interface Paragraph {
  start: number;
  end: number;
  prose: boolean;
}

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    let han = 0;
    for (const ch of line) if (isHan(ch.codePointAt(0)!)) han++;
    out.push({ start, end, prose: han >= PROSE_HAN || (han >= 0.6 * PROSE_HAN && SENTENCE_MARK.test(line)) });
    if (nl < 0) return out;
    start = nl + 1;
  }
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

/** Every character common and, for a single one, read the ordinary way (its first reading). */
function ordinary(a: PinyinAnnotation): boolean {
  const lm = getCharModel();
  const chars = [...a.unit];
  if (!chars.every((c) => lm.rank(c) <= COMMON_RANK)) return false;
  if (chars.length > 1) return true;
  const first = readingsOf(chars[0])[0];
  return first !== undefined && plainPinyin(first) === plainPinyin(a.syllable);
}

/** The annotations of `all` judged left by a process, with the reason for the plan. */
export function judgeAnnotations(text: string, all: readonly PinyinAnnotation[]): Map<PinyinAnnotation, string> {
  const chosen = new Map<PinyinAnnotation, string>();
  if (all.length < MIN_EVIDENCE) return chosen;
  const paras = paragraphs(text);
  let p = 0;
  const paragraphOf = (a: PinyinAnnotation) => {
    while (p < paras.length - 1 && paras[p].end < a.start) p++;
    return paras[p];
  };
  let evidence = 0;
  let glosses = 0;
  const inText: PinyinAnnotation[] = [];
  const glossLike: PinyinAnnotation[] = [];
  for (const a of all) {
    if (glossShaped(text, a)) {
      glosses++;
      glossLike.push(a);
      continue;
    }
    inText.push(a);
    const para = paragraphOf(a);
    if (para.prose && (a.after === 'han' || a.after === 'punct' || a.after === 'end') && ordinary(a)) evidence++;
  }
  if (evidence < MIN_EVIDENCE || evidence <= glosses) return chosen;
  const reason = `${evidence} readings after common characters inside running text, ${glosses} shaped like a gloss: annotations left by a page or a converter`;
  for (const a of inText) chosen.set(a, reason);
  // Among that many readings in running text, a few shaped like glosses are the same process
  // meeting English (`用（yòng） groff`).
  if (evidence >= OVERWHELMING * glosses) for (const a of glossLike) chosen.set(a, reason);
  return chosen;
}

