import type { AnalyzeOptions, GarbleIssue, GarbleKind } from './types';
import { findPinyinAnnotations } from './garble/pinyinAnnotation';
import { findMisalignedGbk } from './garble/misalignedGbk';
import { findMojibakeGbk, gbkMojibakeSpec } from './garble/mojibakeGbk';
import { findMojibakeLatin1, latin1MojibakeSpec } from './garble/mojibakeLatin1';
import { findMojibakeBig5, big5MojibakeSpec } from './garble/mojibakeBig5';
import { mojibakeStops } from './garble/utf8Mojibake';
import { findReplacementChars } from './garble/replacementChar';
import { findMixedScript } from './garble/mixedScript';
import { TextView } from './text/textView';
import { withoutDeliberateGarbling } from './decision/deliberateGarbling';

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
 * Then what is written on purpose goes (code outside comments and strings, quoted samples of
 * mojibake, 锟斤拷 written about: decision/deliberateGarbling.ts).
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}): GarbleIssue[] {
  const wanted = (k: GarbleKind) => !options.kinds || options.kinds.includes(k);
  if (!mayBeGarbled(text)) return [];
  let found: GarbleIssue[] = [];
  const addUnlessOverlapping = (issues: GarbleIssue[]) => {
    found = mergeWithoutOverlap(found, issues);
  };

  const annotations = findPinyinAnnotations(text);
  if (wanted('misaligned-gbk')) found = findMisalignedGbk(text, annotations);
  if (wanted('pinyin-annotation')) addUnlessOverlapping(annotations);
  // One pass over the text finds where each mojibake detector has something to look at.
  const [gbkStops, latin1Stops, big5Stops] = mojibakeStops(text, [gbkMojibakeSpec(), latin1MojibakeSpec(), big5MojibakeSpec()]);
  if (wanted('mojibake-gbk')) addUnlessOverlapping(findMojibakeGbk(text, gbkStops));
  if (wanted('mojibake-latin1')) addUnlessOverlapping(findMojibakeLatin1(text, latin1Stops));
  if (wanted('mojibake-big5')) addUnlessOverlapping(findMojibakeBig5(text, big5Stops));
  if (wanted('replacement-char')) addUnlessOverlapping(findReplacementChars(text));
  if (wanted('mixed-script')) {
    const removed = [...found, ...annotations];
    if (removed.length === 0) {
      addUnlessOverlapping(findMixedScript(text));
    } else {
      const view = new TextView(text, removed);
      addUnlessOverlapping(findMixedScript(view.text).map((i) => ({ ...i, start: view.startOf(i.start), end: view.endOf(i.end) })));
    }
  }
  return withoutDeliberateGarbling(text, found, options.languageId);
}

/**
 * `kept` (sorted, no overlaps) with the issues of `added` that overlap none of it, in one sweep:
 * a text with 10⁵ pinyin annotations must not cost 10¹⁰ comparisons.
 */
function mergeWithoutOverlap(kept: readonly GarbleIssue[], added: readonly GarbleIssue[]): GarbleIssue[] {
  const incoming = [...added].sort((a, b) => a.start - b.start);
  const out: GarbleIssue[] = [];
  let k = 0;
  let lastAddedEnd = -1;
  for (const i of incoming) {
    while (k < kept.length && kept[k].end <= i.start) out.push(kept[k++]);
    // The kept issue at k ends after i starts; i overlaps it when it also starts before i ends
    // (an empty span overlaps nothing).
    const clash = k < kept.length && kept[k].start < i.end && i.start < kept[k].end;
    if (clash || i.start < lastAddedEnd) continue;
    out.push(i);
    lastAddedEnd = i.end;
  }
  while (k < kept.length) out.push(kept[k++]);
  return out;
}

/** Pure ASCII (code, English) has nothing any detector looks for. */
function mayBeGarbled(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}
