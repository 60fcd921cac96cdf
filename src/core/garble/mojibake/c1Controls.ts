import type { GarbleIssue } from '../../types';
import { C1_CONTROL_STEP, showsWindows1252 } from '../../decision';
import { cp1252Codec } from '../../codec/legacyCodecs';
import { tokenLeavesUnread } from './windows1252Context';

const isAsciiOrC1 = (c: number) => c <= 0x9f;

/**
 * C1 controls (U+0080–U+009F) standing alone in a text whose other mojibake is UTF-8 read as
 * Windows-1252: bytes 0x80–0x9F decoded as Latin-1, where Windows-1252 has printable characters
 * (`quotes\x85\x94` for `quotes…”`, the leads of their sequences having been read apart). No text
 * is written in C1 controls; the text's own mojibake says which code page its bytes were meant in,
 * as ftfy's fix for C1 controls does. The five bytes Windows-1252 leaves undefined stay.
 */
let printable: Map<number, string> | undefined;

/** Windows-1252's printable character for each byte 0x80–0x9F it defines. */
function windows1252Printable(): Map<number, string> {
  if (printable) return printable;
  printable = new Map();
  const codec = cp1252Codec();
  for (let cp = 0x100; cp <= 0x2122; cp++) {
    const b = codec.codeOf(cp);
    if (b >= 0x80 && b <= 0x9f) printable.set(b, String.fromCharCode(cp));
  }
  return printable;
}

export function loneC1Controls(text: string, found: readonly GarbleIssue[]): GarbleIssue[] {
  if (!/[\u0080-\u009f]/.test(text) || !found.some(showsWindows1252)) return [];
  const out: GarbleIssue[] = [];
  let f = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c > 0x9f) continue;
    while (f < found.length && found[f].end <= i) f++;
    if (f < found.length && found[f].start <= i) continue;
    if (tokenLeavesUnread(text, i, i + 1, found, isAsciiOrC1)) continue; // `í ½í¸\x98`: UTF-16 surrogates read as bytes
    const ch = windows1252Printable().get(c);
    if (ch === undefined) continue; // undefined in Windows-1252: kept as the byte it was
    out.push({
      kind: 'mojibake-latin1',
      start: i,
      end: i + 1,
      confidence: 0.8,
      replacement: ch,
      plan: [C1_CONTROL_STEP, 'decode windows-1252'],
    });
  }
  return out;
}

