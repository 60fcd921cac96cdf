import type { AnalyzeOptions, GarbleIssue, GarbleKind } from '../../types';
import { big5Codec, gbkCodec, type LegacyCodec } from '../../codec/legacyCodecs';
import { sourceSyntax } from '../../code/languages';
import { readsChinese } from './wholeFileLatin1';

/**
 * 古文码 of a whole file: UTF-8 text read as GBK (or Big5) and saved, every line of it, with no
 * byte lost. As for whole-file Windows-1252 mojibake (wholeFileLatin1.ts), such a file is undone
 * in one pass: its characters written back as the code page's bytes, and those bytes read as
 * UTF-8. The per-run detectors (mojibakeGbk.ts, mojibakeBig5.ts) read and weigh each run with two
 * models; on a file that is mojibake from end to end that costs tens of times the decode.
 *
 * The tables are the core's own (codec/legacyCodecs.ts: iconv-lite's mapping, written to data
 * files), the ones the per-run detectors read back with, so both paths read a byte alike, and the
 * core stays free of Node's Buffer.
 *
 * The one-pass reading is taken only when the file leaves no doubt: every character has a code
 * page byte, the bytes are valid UTF-8 from first to last (a strict decoder) and what they read
 * as is Chinese. Clean Chinese never passes (its GBK or Big5 bytes are no UTF-8: a lead byte
 * needs continuation bytes, and one pair in a hundred being so by chance already fails), nor does
 * mojibake that lost a byte (the `?` a decoder wrote for a lead byte with no trail encodes as
 * 0x3F, no continuation byte): those files are left to the per-run detectors. One layer only:
 * a reading that is itself mojibake is left as it reads (a rare case the multi-pass path serves).
 */

interface CodePage {
  kind: GarbleKind;
  codec: () => LegacyCodec;
  plan: readonly string[];
}

const CODE_PAGES: readonly CodePage[] = [
  { kind: 'mojibake-gbk', codec: gbkCodec, plan: ['encode gbk', 'decode utf-8'] },
  { kind: 'mojibake-big5', codec: big5Codec, plan: ['encode big5', 'decode utf-8'] },
];

/** Characters of the first sample read back before the whole text. */
const SAMPLE = 16 * 1024;
const CONFIDENCE = 0.99;

let strict: InstanceType<typeof TextDecoder> | undefined;

const ambiguous = new Map<string, Uint8Array>();

/**
 * The characters (BMP) a decoder of this code page prints for more than one byte sequence: GBK's
 * A1A1 and A3A0 both print U+3000, its 80 and A2E3 both €. Written back, such a character gives
 * one of its sequences, perhaps not the one that was read (`棠` E6 A3 A0 read as `樻　`, written
 * back as E6 A1 A1, `桡`): a text that holds one is left to the per-run detectors.
 */
function ambiguousChars(codec: LegacyCodec): Uint8Array {
  let flags = ambiguous.get(codec.name);
  if (flags) return flags;
  flags = new Uint8Array(0x10000);
  const seen = new Uint8Array(0x10000);
  const table = codec.table!;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = table.decodePair(lead, trail);
      if (!ch || ch.length !== 1) continue;
      const cp = ch.charCodeAt(0);
      if (seen[cp]) flags[cp] = 1;
      seen[cp] = 1;
    }
  }
  // cp936 prints a lone 0x80 as €, as it prints A2E3.
  if (codec.name === 'gbk' && seen[0x20ac]) flags[0x20ac] = 1;
  ambiguous.set(codec.name, flags);
  return flags;
}

/** The code page bytes of text[from, to) read as UTF-8, or undefined when a character has no byte or the bytes are not UTF-8. */
function readBack(text: string, from: number, to: number, codec: LegacyCodec): string | undefined {
  const bytes = new Uint8Array(2 * (to - from));
  const unsure = ambiguousChars(codec);
  let n = 0;
  for (let i = from; i < to; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      bytes[n++] = cp;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < to) {
      cp = text.codePointAt(i)!;
      i++;
    }
    const code = cp < 0x10000 && unsure[cp] ? -1 : codec.codeOf(cp);
    if (code < 0) return undefined;
    if (code > 0xff) bytes[n++] = code >> 8;
    bytes[n++] = code & 0xff;
  }
  strict ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return strict.decode(bytes.subarray(0, n));
  } catch {
    return undefined;
  }
}

/**
 * The end of a sample of the text: at an ASCII character near SAMPLE units. An ASCII character of
 * the text is a byte of its own (a pair is one character), so in valid UTF-8 it starts a sequence.
 */
function sampleEnd(text: string): number {
  if (text.length <= 2 * SAMPLE) return text.length;
  for (let i = SAMPLE; i < text.length; i++) if (text.charCodeAt(i) < 0x80) return i;
  return text.length;
}

function applies(options: AnalyzeOptions, kind: GarbleKind): boolean {
  if (options.kinds && !options.kinds.includes(kind)) return false;
  return sourceSyntax(options.languageId) === undefined;
}

/**
 * A piece of a file read in pieces (pieces end at line ends, never inside a pair or a UTF-8
 * sequence) read back through the code page of `kind`, or undefined when it does not read back.
 * Whether the file's start reads as Chinese is `wholeFileDbcsKind`'s to judge.
 */
export function readBackDbcs(text: string, kind: GarbleKind): string | undefined {
  const page = CODE_PAGES.find((p) => p.kind === kind);
  return page ? readBack(text, 0, text.length, page.codec()) : undefined;
}

/** The code page the start of a file (its first pieces) reads back through as Chinese, as readWholeFileDbcs judges a text's start. */
export function wholeFileDbcsKind(head: string, options: AnalyzeOptions = {}): GarbleKind | undefined {
  return readWholeFileDbcs(head.slice(0, sampleEnd(head)), options)?.kind;
}

export interface WholeFileReading {
  kind: GarbleKind;
  reading: string;
  plan: readonly string[];
}

/**
 * The whole text read back through GBK or Big5 in one pass, or undefined when it is not mojibake
 * of Chinese of one of them from end to end. Cheap when it is not: a sample of the start is read
 * back first, and ASCII alone is no mojibake.
 */
export function readWholeFileDbcs(text: string, options: AnalyzeOptions = {}): WholeFileReading | undefined {
  if (!/[^\x00-\x7f]/.test(text)) return undefined;
  const end = sampleEnd(text);
  for (const page of CODE_PAGES) {
    if (!applies(options, page.kind)) continue;
    const codec = page.codec();
    const head = readBack(text, 0, end, codec);
    if (head === undefined || !readsChinese(head)) continue;
    const reading = end < text.length ? readBack(text, 0, text.length, codec) : head;
    if (reading !== undefined) return { kind: page.kind, reading, plan: page.plan };
  }
  return undefined;
}

/**
 * The findings of the one-pass reading: each run of characters above ASCII and what its bytes read
 * as. A run's bytes are whole UTF-8 sequences (the byte after it is ASCII, which in valid UTF-8
 * starts a sequence), though an ASCII letter or sign may have been the trail of its last pair.
 */
export function wholeFileDbcsIssues(text: string, found: WholeFileReading): GarbleIssue[] {
  const codec = CODE_PAGES.find((p) => p.kind === found.kind)!.codec();
  const issues: GarbleIssue[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (text.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && text.charCodeAt(i) >= 0x80) i++;
    const replacement = readBack(text, start, i, codec) ?? '';
    issues.push({ kind: found.kind, start, end: i, confidence: CONFIDENCE, replacement, plan: [...found.plan] });
  }
  return issues;
}
