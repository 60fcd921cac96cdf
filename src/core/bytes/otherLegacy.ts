import { getTextLikelihood } from '../decision/textLikelihood';
import { NEIGHBOURHOOD, scriptHereLogPrior } from '../decision/weighRepair';
import type { DetectedEncoding } from '../types';
import { decodeBytes } from './decodeBytes';
import type { ByteWindow } from './sampleWindows';

/**
 * Legacy encodings of other languages (WHATWG names): Japanese, Korean, and every single-byte
 * encoding of the WHATWG Encoding Standard (Europe, the Middle East, Thailand, Vietnam). zhlens does not convert from them, but a file in one of
 * them is not Chinese either: GB18030 decodes nearly any byte string, Big5 and EUC-TW most, so
 * Shift_JIS, EUC-KR, KOI8-R or Windows-1250 bytes read as Chinese too, as a jumble of Han.
 */
const OTHER_LEGACY: readonly string[] = [
  'shift_jis', 'euc-jp', 'euc-kr',
  'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255',
  'windows-1256', 'windows-1257', 'windows-1258', 'windows-874',
  'koi8-r', 'koi8-u', 'ibm866', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-5', 'iso-8859-6',
  'iso-8859-7', 'iso-8859-8', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'iso-8859-16',
  'x-mac-cyrillic', 'macintosh',
  // DOS code pages that WHATWG does not define (Cyrillic, Central European, Western): iconv-lite's.
  'cp855', 'cp852', 'cp850',
];
const ICONV_ONLY = new Set(['cp855', 'cp852', 'cp850']);

/** Cost of one byte sequence a decoder cannot read (as scoreCandidates.ts counts it). */
const REPLACEMENT_PENALTY = -12;
/**
 * Prior log-odds for the Chinese reading: zhlens is opened on Chinese text, and a short GBK
 * snippet may happen to read as a few Latin letters. Larger than what any of the tune split's
 * Chinese legacy files lose by (they win by hundreds of nats), small beside what a page of
 * Japanese, Korean or Russian wins by.
 */
const CHINESE_PRIOR = 4;

export interface OtherLegacyVerdict {
  /** The other language's encoding the bytes read best in. */
  encoding: string;
  /** ln P(its reading) − ln P(the Chinese reading) − the Chinese prior: > 0 when it wins. */
  margin: number;
}

/**
 * Whether the bytes read better, as text in any language (decision/textLikelihood.ts: the Chinese
 * model mixed with the background model of everything else), in another language's legacy
 * encoding than in the Chinese one the byte model chose. Both readings are scored on the same
 * windows, so their log-likelihoods compare directly. Undefined when the Chinese reading holds.
 */
export function readsAsOtherLegacy(bytes: Uint8Array, windows: readonly ByteWindow[], chinese: DetectedEncoding): OtherLegacyVerdict | undefined {
  const best = bestOtherLegacy(bytes, windows, chinese);
  return best && best.margin > 0 ? best : undefined;
}

/** The other language's encoding that reads best, and its margin over the Chinese reading (also when it loses). */
export function bestOtherLegacy(bytes: Uint8Array, windows: readonly ByteWindow[], chinese: DetectedEncoding): OtherLegacyVerdict | undefined {
  windows = [...windows];
  const model = getTextLikelihood();
  const score = (decode: (b: Uint8Array) => { text: string; replacements: number }, floor = -Infinity): number => {
    const texts: string[] = [];
    let sum = 0;
    for (const w of windows) {
      let { text, replacements } = decode(bytes.subarray(w.start, w.end));
      // A window cut inside a character leaves one replacement at its end: the cut's, not the file's.
      if (w.end < bytes.length && text.endsWith('\ufffd')) {
        text = text.slice(0, -1);
        replacements--;
      }
      texts.push(text);
      sum += REPLACEMENT_PENALTY * replacements;
    }
    // Every other term is ≤ 0: a reading whose undecodable bytes alone lose is not read further.
    if (sum < floor) return sum;
    for (const text of texts) sum += model.logProb(text) + scriptsHere(text);
    return sum;
  };
  // Every encoding is read on a short stretch of each window first; the few that read it best
  // are then weighed on the whole windows (reading 33 encodings whole would cost ten times the
  // Chinese detection itself).
  const full = windows;
  const short = full.reduce((n, w) => n + w.end - w.start, 0) <= 2 * PREVIEW_BYTES;
  windows = previews(bytes, full);
  const previewed: Array<{ encoding: string; decoder: Decoder; score: number }> = [];
  for (const encoding of OTHER_LEGACY) {
    const decoder = decoderFor(encoding);
    if (decoder) previewed.push({ encoding, decoder, score: short ? 0 : score((b) => countReplacements(decoder.decode(b))) });
  }
  previewed.sort((a, b) => b.score - a.score);
  windows = full;
  const chineseScore = score((b) => decodeBytes(b, chinese)) + CHINESE_PRIOR;
  let best: OtherLegacyVerdict | undefined;
  // A short input is read whole by every encoding: its preview would be most of it.
  for (const { encoding, decoder } of short ? previewed : previewed.slice(0, FINALISTS)) {
    const margin = score((b) => countReplacements(decoder.decode(b)), best ? chineseScore + best.margin : -Infinity) - chineseScore;
    if (!best || margin > best.margin) best = { encoding, margin };
  }
  return best;
}

/** Encodings weighed on the whole windows, after the previews. */
const FINALISTS = 3;
/** Bytes of a window's preview, from its first byte above 0x7F. */
const PREVIEW_BYTES = 800;

/**
 * Each window's first stretch of non-ASCII evidence: from its first byte above 0x7F that follows
 * a byte below 0x80 (a character's first byte in every encoding here: a lead's trail byte may be
 * ASCII, but the byte after it starts the next character) or the window's start.
 */
function previews(bytes: Uint8Array, windows: readonly ByteWindow[]): ByteWindow[] {
  return windows.map((w) => {
    let start = w.start;
    while (start < w.end && bytes[start] < 0x80) start++;
    if (start === w.end) start = w.start;
    return { start, end: Math.min(w.end, start + PREVIEW_BYTES) };
  });
}

/**
 * ln P(each run of non-ASCII characters is in a script its neighbourhood writes): the byte-level
 * form of weighRepair's script prior. Both readings share the ASCII between the runs; GBK read
 * into a Czech line makes one Han character inside a word (`5. února` → `5. 鷑ora`), which the
 * character models, paying for one character where the other reading pays for two, underrate.
 */
function scriptsHere(text: string): number {
  let sum = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const ascii = i === text.length || text.charCodeAt(i) < 0x80;
    if (!ascii && start < 0) start = i;
    else if (ascii && start >= 0) {
      sum += scriptHereLogPrior(text.slice(start, i), '', text.slice(Math.max(0, start - NEIGHBOURHOOD), start), text.slice(i, i + NEIGHBOURHOOD));
      start = -1;
    }
  }
  return sum;
}

function countReplacements(text: string): { text: string; replacements: number } {
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replacements++;
  return { text, replacements };
}

type Decoder = { decode(bytes: Uint8Array): string };
const decoders = new Map<string, Decoder | null>();

/** The platform's decoder, or null on a runtime built without it (then that encoding is not weighed). */
function decoderFor(encoding: string): Decoder | null {
  let decoder = decoders.get(encoding);
  if (decoder === undefined) {
    try {
      decoder = ICONV_ONLY.has(encoding) ? iconvDecoder(encoding) : new TextDecoder(encoding);
    } catch {
      decoder = null;
    }
    decoders.set(encoding, decoder);
  }
  return decoder;
}

/** iconv-lite, already loaded for Big5 by then (decodeBytes.ts), for the pages WHATWG lacks. */
function iconvDecoder(encoding: string): Decoder {
  const iconv = require('iconv-lite') as typeof import('iconv-lite');
  return { decode: (bytes) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding) };
}
