import type { ScriptTarget, TextEdit } from '../types';
import { editsBetween } from '../textEdits';
import { dataText } from '../data/dataFiles';

/**
 * Simplified ⇄ Traditional conversion with OpenCC's phrase tables. Taiwan standard on the
 * Traditional side: `from: 'tw'` converts 隨著 → 随着 and 著重 → 着重 correctly, where the generic
 * `t` table leaves 著.
 *
 * Only the tables of these two conversions are loaded (opencc-js's full build carries every
 * locale, Hong Kong and Japanese included, 2.2 MB), and only at the first conversion: the 1 MB
 * STPhrases table is needed by cn → tw alone, and most files are never converted.
 */
type Converter = (text: string) => string;

let toCn: Converter | undefined;
let toTw: Converter | undefined;

/** The dictionaries of the two conversions, opencc-js's as data/opencc/ holds them, read at the first one. */
function dictionaries() {
  return {
    compatibility: dataText('opencc/CJK_Compatibility_Ideographs.txt'),
    stPhrases: dataText('opencc/STPhrases.txt'),
    stPhrasesRegional: dataText('opencc/STPhrases_GeneratedFromRegionalPhrases.txt'),
    stCharacters: dataText('opencc/STCharacters.txt'),
    tsPhrases: dataText('opencc/TSPhrases.txt'),
    tsCharacters: dataText('opencc/TSCharacters.txt'),
    twVariantsPhrases: dataText('opencc/TWVariantsPhrases.txt'),
    twVariants: dataText('opencc/TWVariants.txt'),
    twVariantsRevPhrases: dataText('opencc/TWVariantsRevPhrases.txt'),
    twVariantsRev: dataText('opencc/TWVariantsRev.txt'),
  };
}

/** opencc-js's `s2tw` and `tw2s` configurations, which its full build's `Converter({ from, to })` picks for these pairs. */
function buildConverter(from: 'cn' | 'tw', to: 'cn' | 'tw'): Converter {
  const { ConverterBuilder } = require('opencc-js/core') as typeof import('opencc-js/core');
  const d = dictionaries();
  const fromCn = [d.stPhrases, d.stCharacters];
  const fromTw = [d.twVariantsRevPhrases, d.twVariantsRev];
  const toCnGroup = [d.tsPhrases, d.tsCharacters];
  const toTwGroup = [d.twVariantsPhrases, d.twVariants];
  return ConverterBuilder({
    from: { cn: [fromCn], tw: [fromTw] },
    to: { cn: [toCnGroup], tw: [toTwGroup] },
    configs: {
      s2tw: {
        normalizationChain: [[d.compatibility]],
        segmentation: [d.stPhrases, d.stPhrasesRegional],
        conversionChain: [[d.stPhrases, d.stPhrasesRegional, d.stCharacters], toTwGroup],
      },
      tw2s: {
        normalizationChain: [[d.compatibility]],
        segmentation: [d.tsPhrases],
        conversionChain: [fromTw, toCnGroup],
      },
    },
  })({ from, to });
}

export function toSimplified(text: string): string {
  toCn ??= buildConverter('tw', 'cn');
  return toCn(text);
}

export function toTraditional(text: string): string {
  toTw ??= buildConverter('cn', 'tw');
  return toTw(text);
}

export function convertScript(text: string, target: ScriptTarget): string {
  if (target === 'simplified') return toSimplified(text);
  if (target === 'traditional') return toTraditional(text);
  return text;
}

/**
 * The conversion with its edit list: OpenCC keeps lines, and in a line where the conversion keeps
 * the number of characters (nearly always), each converted character is its own edit, so that
 * notes and cursors keep their place character for character.
 */
export function convertScriptWithEdits(text: string, target: ScriptTarget): { text: string; edits: TextEdit[] } {
  const converted = convertScript(text, target);
  return { text: converted, edits: editsBetween(text, converted) };
}
