/**
 * `replacement-char`: legacy bytes were opened as UTF-8 and the file was saved. Every byte that is
 * not part of a valid UTF-8 sequence became U+FFFD (EF BF BD) on disk; the original bytes are gone.
 * Editors decode the way the WHATWG decoder does (one U+FFFD per maximal invalid subpart), which is
 * what `TextDecoder` implements.
 */
import * as iconv from 'iconv-lite';

export function replacementChar(text: string, legacy: 'gbk' | 'gb18030' | 'big5' = 'gbk'): string {
  return new TextDecoder('utf-8').decode(iconv.encode(text, legacy));
}
