import type { AnalyzeOptions, GarbleIssue, GarbleKind } from './types';
import { findPinyinAnnotations } from './garble/pinyinAnnotation';
import { findMisalignedGbk } from './garble/misalignedGbk';
import { findMojibakeGbk } from './garble/mojibakeGbk';
import { findMojibakeLatin1 } from './garble/mojibakeLatin1';
import { findMojibakeBig5 } from './garble/mojibakeBig5';
import { findReplacementChars } from './garble/replacementChar';
import { findMixedScript } from './garble/mixedScript';
import { TextView } from './text/textView';

/**
 * Every garbled span of a decoded text, in text order, without overlaps.
 *
 * The detectors run in an order that lets each see through the findings before it:
 *  1. pinyin annotations (the misaligned-GBK detector looks at the text without them, because a
 *     converter may have annotated before or after the bytes were misaligned);
 *  2. misaligned GBK runs, which take the orphan annotation tails inside them along;
 *  3. mojibake (GBK, Latin-1, Big5), lossy 锟斤拷 and U+FFFD runs;
 *  4. mixed script, judged on the text with every other finding taken out, so that mojibake's odd
 *     characters do not count as Traditional ones.
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}): GarbleIssue[] {
  const wanted = (k: GarbleKind) => !options.kinds || options.kinds.includes(k);
  if (!mayBeGarbled(text)) return [];
  const found: GarbleIssue[] = [];
  const addUnlessOverlapping = (issues: GarbleIssue[]) => {
    for (const i of issues) if (!found.some((f) => i.start < f.end && f.start < i.end)) found.push(i);
  };

  const annotations = findPinyinAnnotations(text);
  if (wanted('misaligned-gbk')) found.push(...findMisalignedGbk(text, annotations));
  if (wanted('pinyin-annotation')) addUnlessOverlapping(annotations);
  if (wanted('mojibake-gbk')) addUnlessOverlapping(findMojibakeGbk(text));
  if (wanted('mojibake-latin1')) addUnlessOverlapping(findMojibakeLatin1(text));
  if (wanted('mojibake-big5')) addUnlessOverlapping(findMojibakeBig5(text));
  if (wanted('replacement-char')) addUnlessOverlapping(findReplacementChars(text));
  if (wanted('mixed-script')) {
    const view = new TextView(text, [...found, ...annotations]);
    const mixed = findMixedScript(view.text).map((i) => ({ ...i, start: view.startOf(i.start), end: view.endOf(i.end) }));
    addUnlessOverlapping(mixed);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Pure ASCII (code, English) has nothing any detector looks for. */
function mayBeGarbled(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}
