import type { AnalyzeOptions, GarbleIssue } from '../../types';
import { cp1252Codec } from '../../codec/legacyCodecs';
import { sourceSyntax } from '../../code/languages';
import { isCjkPunct, isHan } from '../../text/chars';

/**
 * 符号码 of a whole file: UTF-8 text read as Windows-1252 (or Latin-1) and saved, every line of
 * it. Such a file is undone in one pass, as ftfy does: its characters written back as the code
 * page's bytes, and those bytes read as UTF-8. The per-run detector (mojibakeLatin1.ts) reads and
 * weighs each run on its own, three ends of it, against two models; on a file that is mojibake
 * from end to end that costs a hundred times the decode and, where a run reads two ways, can pick
 * the wrong one (`還在` as `還圍¨`, a byte "restored" that was never lost).
 *
 * The one-pass reading is taken only when the file leaves no doubt: every character has a code
 * page byte, the bytes are valid UTF-8 from first to last (a strict decoder), and what they read
 * as is Chinese. Text that is clean as it stands never passes: a Portuguese, German or Czech
 * letter is a lead byte whose next character would have to be a continuation byte, and a whole
 * file of such pairs is no prose. Anything short of that (one line of real Chinese, one stray
 * `é`, a lost byte) leaves the file to the per-run detector, which judges each run with its
 * context. A file read so twice (`Ã¤Â¸Â­`) is undone layer by layer, as long as each layer is
 * valid UTF-8 whole.
 */

/** Characters read back, at least: a few lines of Chinese. Below that the per-run judge is fast and has the last word. */
const MIN_CHINESE = 32;
/** The share of the reading's non-ASCII characters that must be Chinese (Han, CJK punctuation). */
const MIN_CHINESE_SHARE = 0.5;
/** Layers undone at most (as repairText's passes). */
const MAX_LAYERS = 3;
/** Characters of the first sample checked before the whole text is encoded. */
const SAMPLE = 16 * 1024;

const PLAN: readonly string[] = ['encode cp1252', 'decode utf-8'];
const CONFIDENCE = 0.99;

let byteOf: Int16Array | undefined;

/** The code page byte of each code point up to ™ (U+2122, cp1252's highest), -1 where none; U+0080–U+009F as Latin-1 reads them. */
function codePageBytes(): Int16Array {
  if (byteOf) return byteOf;
  const codec = cp1252Codec();
  byteOf = new Int16Array(0x2123);
  for (let cp = 0; cp < byteOf.length; cp++) byteOf[cp] = codec.codeOf!(cp);
  return byteOf;
}

let strict: InstanceType<typeof TextDecoder> | undefined;

/** The text's code page bytes read as UTF-8, or undefined when a character has no byte or the bytes are not UTF-8. */
function readBack(text: string, end: number): string | undefined {
  const table = codePageBytes();
  const bytes = new Uint8Array(end);
  for (let i = 0; i < end; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0x80) {
      bytes[i] = cp;
      continue;
    }
    const b = cp < table.length ? table[cp] : -1;
    if (b < 0) return undefined;
    bytes[i] = b;
  }
  // A byte-order mark read back stays in the text, as any other character.
  strict ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Whether a reading is Chinese: enough Han characters, and most of what is not ASCII is Chinese.
 * Its start is enough: the whole file already read back as UTF-8 through the code page.
 */
export function readsChinese(reading: string): boolean {
  let chinese = 0;
  let other = 0;
  const end = sampleEnd(reading);
  for (let i = 0; i < end; i++) {
    const cp = reading.charCodeAt(i);
    if (cp < 0x80) continue;
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const full = reading.codePointAt(i)!;
      i++;
      if (isHan(full)) chinese++;
      else other++;
    } else if (isHan(cp) || isCjkPunct(cp)) chinese++;
    else other++;
  }
  return chinese >= MIN_CHINESE && chinese >= MIN_CHINESE_SHARE * (chinese + other);
}

/** The end of a sample of the text: at an ASCII character (never inside a UTF-8 sequence) near SAMPLE units. */
function sampleEnd(text: string): number {
  if (text.length <= 2 * SAMPLE) return text.length;
  for (let i = SAMPLE; i < text.length; i++) if (text.charCodeAt(i) < 0x80) return i;
  return text.length;
}

/** Whether the one-pass reading applies to text analysed with these options. */
function applies(options: AnalyzeOptions): boolean {
  if (options.kinds && !options.kinds.includes('mojibake-latin1')) return false;
  // In source code only comments and strings are read: that is the per-run detector's work.
  return sourceSyntax(options.languageId) === undefined;
}

/** The text read back as UTF-8 through the code page up to `max` times, while it reads back and changes. */
function unwind(text: string, max: number): { reading: string; layers: number; settled: boolean } {
  let current = text;
  for (let layer = 0; layer < max; layer++) {
    const end = sampleEnd(current);
    let reading = readBack(current, end);
    if (reading !== undefined && end < current.length) reading = readBack(current, current.length);
    if (reading === undefined) return { reading: current, layers: layer, settled: false };
    // Nothing above ASCII was left: the text is what it reads as.
    if (reading.length === current.length) return { reading: current, layers: layer, settled: true };
    current = reading;
  }
  return { reading: current, layers: max, settled: false };
}

/**
 * How many layers of the text read back as UTF-8 through the code page, up to MAX_LAYERS: 0 when
 * its first reading fails. A layer that changes nothing (no character above ASCII is left) reads
 * back as well as any, so a text of ASCII reads back MAX_LAYERS times.
 */
export function readableLayers(text: string): number {
  const { layers, settled } = unwind(text, MAX_LAYERS);
  return settled ? MAX_LAYERS : layers;
}

/** The text read back `layers` times, or fewer when a layer changes nothing (each must read back: readableLayers). */
export function readBackLayers(text: string, layers: number): string {
  const { reading, layers: done, settled } = unwind(text, layers);
  if (done < layers && !settled) throw new Error('the text does not read back as UTF-8 through Windows-1252');
  return reading;
}

/**
 * Units of a file's start that decide, read back, whether it is Chinese: always more than the
 * sample `readsChinese` looks at (each character read back took two or three).
 */
export function wholeFileHeadUnits(): number {
  return 8 * SAMPLE;
}

/**
 * Whether a file whose text reads back `layers` times and begins with `head` (its first reading,
 * at least its first 2 × SAMPLE units when the file is longer) is whole-file mojibake of Chinese.
 */
export function isWholeFileLatin1(layers: number, head: string, options: AnalyzeOptions = {}): boolean {
  return layers > 0 && applies(options) && readsChinese(head);
}

/**
 * The whole text undone in one pass, or undefined when it is not Windows-1252 mojibake of
 * Chinese from end to end. Cheap when it is not: a sample of the start is read first.
 */
export function readWholeFileLatin1(text: string, options: AnalyzeOptions = {}): string | undefined {
  if (!applies(options)) return undefined;
  const { reading, layers } = unwind(text, MAX_LAYERS);
  return isWholeFileLatin1(layers, reading, options) ? reading : undefined;
}

/**
 * The findings of the one-pass reading: each run of non-ASCII characters of the text and what it
 * reads as (ASCII is its own byte and reads as itself, so the runs of the text and of the reading
 * pair one to one, in order), as the per-run detector reports them.
 */
export function wholeFileLatin1Issues(text: string, reading: string): GarbleIssue[] {
  const issues: GarbleIssue[] = [];
  let i = 0;
  let j = 0;
  const n = text.length;
  while (i < n) {
    if (text.charCodeAt(i) < 0x80) {
      i++;
      j++;
      continue;
    }
    const start = i;
    while (i < n && text.charCodeAt(i) >= 0x80) i++;
    const from = j;
    while (j < reading.length && reading.charCodeAt(j) >= 0x80) j++;
    issues.push({ kind: 'mojibake-latin1', start, end: i, confidence: CONFIDENCE, replacement: reading.slice(from, j), plan: [...PLAN] });
  }
  return issues;
}
