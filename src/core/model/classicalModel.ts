import { dataBytes } from '../data/dataFiles';
import type { CharLanguageModel } from './charLanguageModel';
import { readCharModelTables } from './charModelData';
import { QuantizedTables, UNKNOWN } from './quantizedTables';

/**
 * The classical model (data/classicalModel.bin, written by scripts/build-classical-model.mjs): a
 * character bigram model of classical verse and prose, in the character model's layout. The
 * character model knows modern running text; where a line reads better as classical Chinese, the
 * characters guessed for a misaligned GBK run's lost bytes are weighed with this one instead
 * (misaligned/wordGuesses.ts, `lineModel`).
 *
 * Read only when a run's guesses are read, never for clean text. It answers as the character
 * model it is given does for everything but the scores: the same folding (looked up through
 * `lm.fold`, since the file holds no Traditional→Simplified table), the same ranks and vocabulary,
 * so the options a guess weighs are the same under either.
 */
let tables: QuantizedTables | undefined;
const views = new WeakMap<CharLanguageModel, CharLanguageModel>();

/** `lm` scoring with the classical tables (unigram, bigram, score, perChar). */
export function classicalModel(lm: CharLanguageModel): CharLanguageModel {
  const known = views.get(lm);
  if (known) return known;
  const t = (tables ??= new QuantizedTables(readCharModelTables(dataBytes('classicalModel.bin'))));
  // A code point's index, folded by the character model, kept per BMP code point once looked up.
  const bmp = new Int32Array(0x10000).fill(-2);
  const lookUp = (cp: number) => t.indexOf(lm.fold(String.fromCodePoint(cp)).codePointAt(0)!);
  const index = (cp: number) => {
    if (cp >= 0x10000) return lookUp(cp);
    let i = bmp[cp];
    if (i === -2) bmp[cp] = i = lookUp(cp);
    return i;
  };
  const indexOfChar = (c: string) => (c.length === 0 ? UNKNOWN : index(c.codePointAt(0)!));
  const model: CharLanguageModel = Object.create(lm);
  model.unigram = (c: string) => t.unigramAt(indexOfChar(c));
  model.bigram = (a: string, b: string) => t.bigramAt(indexOfChar(a), indexOfChar(b));
  model.bigramOf = (a: number, b: number) => t.bigramAt(index(a), index(b));
  model.score = (text: string) => {
    let sum = 0;
    let prev = UNKNOWN;
    let first = true;
    for (const ch of text) {
      const cur = index(ch.codePointAt(0)!);
      sum += first ? t.unigramAt(cur) : t.bigramAt(prev, cur);
      first = false;
      prev = cur;
    }
    return sum;
  };
  model.perChar = (text: string) => {
    const n = [...text].length;
    return n === 0 ? 0 : model.score(text) / n;
  };
  views.set(lm, model);
  return model;
}
