/**
 * Readings that are not Chinese: Korean, Japanese and emoji whose UTF-8 was read as GBK
 * (`頃滉淡` for 한국어, `鏃ユ湰瑾` for 日本語, `鈿狅笍` for ⚠️) come back as themselves. The Chinese
 * model cannot judge them; weighRepair, which knows other languages, does. What such a reading
 * may not be is decided here.
 */
const KANA_OR_HANGUL = /[\u3041-\u30ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/**
 * C0 and C1 controls other than tab and line breaks, private-use and unassigned code points: no
 * text reads back as those (`虺弗` as bytes is U+F3E25, nobody's character).
 */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Co}\p{Cn}]/u;
const CONTROL_OR_SEPARATOR = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

function restores(plan: readonly string[]): boolean {
  return plan.some((step) => step.startsWith('restore'));
}

/** A reading in another language: no Chinese in it at all, or Japanese kana or Korean Hangul. */
export function readsInOtherLanguage(reading: string, chineseCharacters: number): boolean {
  return chineseCharacters === 0 || KANA_OR_HANGUL.test(reading);
}

/**
 * Such a reading is text, and nothing in it was guessed: the Chinese model cannot tell which
 * emoji or syllable a lost byte belonged to.
 */
export function otherLanguageReadingIsText(reading: string, plan: readonly string[]): boolean {
  return !NOT_TEXT.test(reading) && !restores(plan);
}

/** A byte restored where one was lost never makes a control or a separator (`â€?` is not “ + U+2028). */
export function restoresIntoNonText(reading: string, plan: readonly string[]): boolean {
  return restores(plan) && CONTROL_OR_SEPARATOR.test(reading);
}
