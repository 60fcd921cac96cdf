/**
 * `misaligned-gbk`, as reconstructed from the Yizhuang article: GBK bytes were decoded one byte off
 * from some point, so every pair straddles two characters.
 *
 *   。“如今S  = A1A3 A1B0 C8E7 BDF1 53
 *   lose A1  →   A3A1 B0C8 E7BD F153   = ！叭缃馭  → after folding: `?!叭缃馭`
 *
 * The decoder that did it:
 * - the first byte of the run is lost and written as `?`;
 * - a lead byte pairs with any following trail byte (0x40–0x7E, 0x80–0xFE), so an ASCII letter
 *   after the run can be eaten as a trail (`S` inside 馭 = F1 53);
 * - a lead byte followed by a non-trail byte (`(`, `,`, a digit) gives one `?` for both;
 * - a pair that cp936 maps into the private use area (user-defined rows, FE50–FEA0) is dropped;
 * - a lone byte: 0x00–0x7F is itself (`R` = the trail 52 of 馬 F152), 0x80 is `€` (cp936),
 *   anything else `?`;
 * - once a byte below 0x80 lands in lead position the stream is back in step.
 * Afterwards the fullwidth forms U+FF01–FF5E were folded to ASCII (`！` → `!`, `；` → `;`).
 */
import * as iconv from 'iconv-lite';
import { isGbkTrail } from './legacyCodecs';

function isDroppedByCp936(lead: number, trail: number, decoded: string): boolean {
  const cp = decoded.codePointAt(0) ?? 0;
  return (cp >= 0xe000 && cp <= 0xf8ff) || (lead === 0xfe && trail >= 0x50 && trail <= 0xa0);
}

/**
 * Decodes GBK bytes the way the decoder described above does, starting in lead position, up to
 * the point where it is back in step: the first byte below 0x80 that lands in lead position.
 * Returns the garbage and how many bytes it took (the resync byte included, as itself).
 */
export function decodeMisalignedRun(bytes: Uint8Array): { garbage: string; consumed: number } {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) return { garbage: out + String.fromCharCode(b), consumed: i + 1 };
    if (b === 0x80) { out += '€'; i += 1; continue; }
    if (b === 0xff || i + 1 >= bytes.length) { out += '?'; i += 1; continue; }
    const t = bytes[i + 1];
    if (!isGbkTrail(t)) { out += '?'; i += 2; continue; }
    const decoded = iconv.decode(Buffer.from([b, t]), 'gbk');
    if (decoded === '\uFFFD') out += '?';
    else if (!isDroppedByCp936(b, t, decoded)) out += decoded;
    i += 2;
  }
  return { garbage: out, consumed: i };
}

/** U+FF01–FF5E → U+0021–007E: `！；（` → `!;(`. */
export function foldFullwidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Garbles `text[start, end)` as one misaligned run and leaves the rest as it is. The run's bytes
 * are `gbk(text[start, end))` without their first byte, plus the ASCII character right after the
 * run if there is one (it may be eaten as a trail: `S` after 馭). If an ASCII byte lands in lead
 * position inside the run (`R` of 馬 F152), the decoder is back in step from there; otherwise the
 * run's lone last byte ends it. Only the out-of-step part is folded. `text` must be GBK-encodable.
 */
export function misalignedGbk(text: string, start: number, end: number): string {
  const nextAscii = /^[\x00-\x7f]/.test(text.slice(end)) ? 1 : 0;
  const run = iconv.encode(text.slice(start, end + nextAscii), 'gbk').subarray(1);
  const { garbage, consumed } = decodeMisalignedRun(run);
  const resynced = consumed < run.length || /[\x00-\x7f]$/.test(garbage);
  const outOfStep = resynced ? foldFullwidth(garbage.slice(0, -1)) + garbage.slice(-1) : foldFullwidth(garbage);
  const inStep = iconv.decode(Buffer.from(run.subarray(consumed)), 'gbk');
  return text.slice(0, start) + '?' + outOfStep + inStep + text.slice(end + nextAscii);
}
