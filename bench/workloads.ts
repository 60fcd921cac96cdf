/**
 * Bench workloads: the real text of corpus.ts at each size, clean, garbled with each kind by the
 * byte-faithful simulators of test/garblers/, and encoded in the legacy encodings.
 *
 * Garbling follows how damaged files look: one line in four that holds Chinese is garbled, the
 * rest is untouched, so every detector has to read the whole file and find the spans. The
 * garbling is done once on the real text and the result repeated to size, so a 10 MB file
 * costs seconds to build, not minutes of opencc and pinyin-pro calls.
 */
import {
  convertScript,
  isBig5Encodable,
  misalignedGbk,
  mojibakeBig5,
  mojibakeGbk,
  mojibakeLatin1,
  isGbkEncodable,
  pinyinAnnotation,
  replacementChar,
  seededRandom,
  wrongEncoding,
} from '../test/garblers';
import { toSize } from './corpus';

export type TextKind =
  | 'clean'
  | 'mojibake-gbk'
  | 'mojibake-latin1'
  | 'mojibake-big5'
  | 'misaligned-gbk'
  | 'pinyin-annotation'
  | 'replacement-char'
  | 'mixed-script';

export const TEXT_KINDS: readonly TextKind[] = [
  'clean',
  'mojibake-gbk',
  'mojibake-latin1',
  'mojibake-big5',
  'misaligned-gbk',
  'pinyin-annotation',
  'replacement-char',
  'mixed-script',
];

export type ByteKind = 'utf-8' | 'gb18030' | 'big5';
export const BYTE_KINDS: readonly ByteKind[] = ['utf-8', 'gb18030', 'big5'];

const HAN = /\p{Script=Han}/u;

/** Garbles one line in four that holds Chinese; `garble` returns undefined for a line it cannot take. */
function garbleLines(text: string, garble: (line: string) => string | undefined): string {
  let seen = 0;
  return text
    .split('\n')
    .map((line) => {
      if (!HAN.test(line) || seen++ % 4 !== 2) return line;
      return garble(line) ?? line;
    })
    .join('\n');
}

/** The misaligned run covers the middle third of the line (at least 6 characters), as in the Yizhuang article. */
function misalignMiddle(line: string): string | undefined {
  if (line.length < 18 || !isGbkEncodable(line)) return undefined;
  const start = Math.floor(line.length / 3);
  // Never start inside a surrogate pair: the run begins on a whole character.
  if (/[\udc00-\udfff]/.test(line[start])) return undefined;
  return misalignedGbk(line, start, Math.floor((2 * line.length) / 3));
}

const garblers: Record<Exclude<TextKind, 'clean'>, (text: string) => string> = {
  'mojibake-gbk': (t) => garbleLines(t, mojibakeGbk),
  'mojibake-latin1': (t) => garbleLines(t, (l) => mojibakeLatin1(l, 'cp1252-sloppy')),
  'mojibake-big5': (t) => garbleLines(t, mojibakeBig5),
  'misaligned-gbk': (t) => garbleLines(t, misalignMiddle),
  'pinyin-annotation': (t) => {
    const random = seededRandom(7);
    return garbleLines(t, (l) => pinyinAnnotation(l, 0.5, random));
  },
  'replacement-char': (t) => garbleLines(t, (l) => replacementChar(l, 'gbk')),
  'mixed-script': (t) => garbleLines(t, (l) => convertScript(l, 'to-traditional')),
};

/** The real text garbled with `kind` (or clean), at about `bytes` UTF-8 bytes. */
export function textWorkload(base: string, kind: TextKind, bytes: number): string {
  return toSize(kind === 'clean' ? base : garblers[kind](base), bytes);
}

/**
 * The whole file as UTF-8 read as cp1252 (符号码): the Latin-1 mojibake that ftfy fixes too, so
 * both tools get the same input.
 */
export function latin1FileWorkload(base: string, bytes: number): string {
  return mojibakeLatin1(toSize(base, bytes), 'cp1252-sloppy');
}

/**
 * The bytes of a file: the clean text as UTF-8, as GB18030, or, for Big5, only the lines Big5
 * can encode (Big5 has no 爲, no 们 …; a real Big5 file holds only such text).
 */
export function byteWorkload(base: string, kind: ByteKind, bytes: number): Uint8Array {
  if (kind === 'utf-8') return Buffer.from(toSize(base, bytes), 'utf8');
  const source = kind === 'big5' ? base.split('\n').filter(isBig5Encodable).join('\n') + '\n' : base;
  const encoded = wrongEncoding(source, kind);
  return repeatBytes(encoded, bytes);
}

/** `unit` repeated and cut after a newline byte, to at most `bytes` bytes (0x0A is never a trail byte in GB18030 or Big5). */
function repeatBytes(unit: Uint8Array, bytes: number): Uint8Array {
  const out = Buffer.alloc(bytes);
  for (let o = 0; o < bytes; o += unit.length) out.set(unit.subarray(0, Math.min(unit.length, bytes - o)), o);
  return out.subarray(0, out.lastIndexOf(0x0a) + 1);
}
