/**
 * The letters of a token, symbols and punctuation left out, are cased as a word is: all capitals,
 * all small, or one capital first. Mojibake rarely is (`cafÃ©`, `РґРѕСЂРѕРіРµ`); words are.
 */
export function casedAsAWord(token: string): boolean {
  const letters = token.replace(/[^\p{L}]/gu, '');
  if (!/\p{Lu}/u.test(letters) || !/\p{Ll}/u.test(letters)) return true;
  return /^\p{Lu}[^\p{Lu}]*$/u.test(letters);
}
