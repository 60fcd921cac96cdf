/** What is around an offset of the text: kana (Japanese text's own), marks of lost bytes. */

export function isKana(cp: number): boolean {
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff);
}

/** Characters on each side of a kana looked at for another one. */
const KANA_NEIGHBOURHOOD = 8;

export function kanaNear(v: string, at: number): boolean {
  for (let j = Math.max(0, at - KANA_NEIGHBOURHOOD); j < Math.min(v.length, at + KANA_NEIGHBOURHOOD + 1); j++) if (j !== at && isKana(v.charCodeAt(j))) return true;
  return false;
}

/** Characters on each side of a mark looked at for other marks. */
const MARK_NEIGHBOURHOOD = 10;

/** Marks (`?`, U+FFFD) within MARK_NEIGHBOURHOOD characters of `at`. */
export function marksNear(v: string, at: number): number {
  let marks = 0;
  for (let j = Math.max(0, at - MARK_NEIGHBOURHOOD); j < Math.min(v.length, at + MARK_NEIGHBOURHOOD); j++) if (v[j] === '\ufffd' || v[j] === '?') marks++;
  return marks;
}
