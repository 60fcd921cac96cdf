/**
 * `pinyin-annotation`: a converter printed `(reading)` after characters of a Traditional text, as
 * in the Yizhuang article: only after characters whose Simplified form differs (發 → 发), about
 * half of them, and always with pinyin-pro's default single-character reading `pinyin(c)`, not the
 * reading in context (供應 is annotated 應(yīng), though yìng is right there).
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Random } from './random';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

export function pinyinAnnotation(text: string, share: number, random: Random): string {
  let out = '';
  for (const c of text) {
    out += c;
    if (/\p{Script=Han}/u.test(c) && toSimplified(c) !== c && random.next() < share) out += `(${pinyin(c)})`;
  }
  return out;
}

/**
 * The noise some web pages insert against copying: `人(rén )次(cì )`, the default reading and a
 * space inside the parenthesis, after any Han character (not only those Simplified writes
 * otherwise), with probability `share` each.
 */
export function pinyinNoise(text: string, share: number, random: Random): string {
  let out = '';
  for (const c of text) {
    out += c;
    if (/\p{Script=Han}/u.test(c) && random.next() < share) out += `(${pinyin(c)} )`;
  }
  return out;
}
