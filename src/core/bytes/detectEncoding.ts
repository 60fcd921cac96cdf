import type { ByteDetection, DetectedEncoding } from '../types';
import { hasBinarySignature } from './binarySignature';
import { readsAsOtherLegacy } from './otherLegacy';
import { readByteOrderMark } from './byteOrderMark';
import { decodeBytes } from './decodeBytes';
import { sampleWindows } from './sampleWindows';
import { scoreCandidates, type CandidateScore } from './scoreCandidates';
import { looksBinary, nulEvidence } from './utf16Evidence';
import { scanUtf8 } from './utf8Validity';

/**
 * Well-formed UTF-8 sequences beyond which UTF-8 is taken without consulting the model: GBK or
 * Big5 text passes as UTF-8 by chance about 0.2ⁿ of the time.
 */
const UTF8_SURE_SEQUENCES = 8;
/**
 * Prior log-odds for UTF-8 when the whole input is well-formed UTF-8: most files are UTF-8, and a
 * false alarm (a French `hôte`, C3 B4, shown as Big5 `h繫te`) costs the reader far more than a
 * missed GBK snippet of two or three characters.
 */
const CLEAN_UTF8_PRIOR = 10;
/** Softmax temperature (nats) turning candidate log-likelihoods into a confidence. */
const CONFIDENCE_TEMPERATURE = 2;
const EVIDENCE_BYTES = 65536;
/**
 * Prior log-odds against EUC-TW: it is rare, and its plane 1 shares its byte ranges (A1–FE pairs)
 * with GB2312 and Big5, so on a short snippet it must read clearly better to be chosen.
 */
const EUC_TW_PRIOR = -6;
const ALL_CANDIDATES: readonly DetectedEncoding[] = ['utf-8', 'gb18030', 'big5', 'euc-tw', 'utf-16le', 'utf-16be'];

/**
 * Decide how a file's bytes are encoded and decode them. Never throws; binary files come back
 * with `binary: true` and no text.
 *
 * Order of evidence, strongest first: binary signatures, byte-order marks, U+0000 runs (binary),
 * strict UTF-8 validity, and, when those leave the question open (short snippets,
 * Big5 against GBK, UTF-16 without ASCII), how Chinese each candidate decoding reads.
 */
export function detectEncoding(bytes: Uint8Array): ByteDetection {
  if (bytes.length === 0) return decoded(bytes, 'utf-8', false, 1);
  if (hasBinarySignature(bytes)) return binary();

  const bom = readByteOrderMark(bytes);
  if (bom) return decoded(bytes.subarray(bom.length), bom.encoding, true, 1);

  const nuls = nulEvidence(bytes);
  if (looksBinary(nuls, bytes.length)) return binary();
  // The evidence is gathered on a bounded head: the verdict is clear long before 64 KB, and the
  // whole file is decoded once at the end.
  let head = bytes.subarray(0, utf8SampleEnd(bytes, EVIDENCE_BYTES));
  let utf8 = scanUtf8(head);
  // An ASCII head (a log, a long English preamble) says nothing: then the whole file is evidence.
  if (utf8.nonAscii === 0 && head.length < bytes.length) utf8 = scanUtf8((head = bytes));
  if (nuls.nulBytes === 0) {
    // UTF-16 of characters whose bytes are all below 0x80 (模 = 21 6A) passes for ASCII, but
    // carries control bytes that ASCII text does not.
    if (utf8.nonAscii === 0 && !hasControlBytes(head)) return decoded(bytes, 'utf-8', false, 1);
    // A long UTF-8 text with a few stray bytes (a truncated copy, one corrupted character) is still UTF-8.
    if (utf8.sequences >= UTF8_SURE_SEQUENCES && utf8.invalidBytes * 50 <= utf8.sequences) {
      const clean = 1 - utf8.invalidBytes / utf8.nonAscii;
      return decoded(bytes, 'utf-8', false, Math.min(0.999, clean * (1 - 0.2 ** utf8.sequences)));
    }
  }

  const windows = sampleWindows(bytes.length, bytes);
  const scores = scoreCandidates(bytes, windows, ALL_CANDIDATES);
  if (utf8.invalidBytes === 0 && nuls.nulBytes === 0) {
    for (const s of scores) if (s.encoding === 'utf-8') s.score += CLEAN_UTF8_PRIOR;
  }
  for (const s of scores) if (s.encoding === 'euc-tw') s.score += EUC_TW_PRIOR;
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
  // NUL bytes that the best reading does not explain as UTF-16 are binary data.
  if (nuls.nulBytes > 0 && best.encoding !== 'utf-16le' && best.encoding !== 'utf-16be') return binary();
  const confidence = softmaxShare(best, scores);
  // A Chinese legacy reading must also beat the legacy encodings of other languages: Shift_JIS,
  // EUC-KR or KOI8-R bytes read as GB18030 too. Such a file is left as the editor shows it.
  // So must any reading of bytes that are not UTF-8 and hold no U+0000 (Latin-1 writes `é` as the
  // lone byte E9; Windows-1251 text with no ASCII reads as UTF-16 characters too).
  const weighOthers = isChineseLegacy(best.encoding) || (utf8.invalidBytes > 0 && nuls.nulBytes === 0);
  const other = weighOthers ? readsAsOtherLegacy(bytes, windows, best.encoding) : undefined;
  if (other) return { ...decoded(bytes, 'utf-8', false, 1 - 1 / (1 + Math.exp(other.margin / CONFIDENCE_TEMPERATURE))), otherLegacy: other.encoding };
  const result = decoded(bytes, best.encoding, false, confidence);
  // Random bytes read as UTF-16 (or GB18030) give a character for almost every pair: what gives
  // them away is how many of those are controls, private-use code points or U+FFFD. (A UTF-8 file
  // may hold U+FFFD as text: the replacement-char kind.)
  return best.encoding !== 'utf-8' && notText(result.text) ? binary() : result;
}

function isChineseLegacy(encoding: DetectedEncoding): boolean {
  return encoding === 'gb18030' || encoding === 'big5' || encoding === 'euc-tw';
}

/** Share of code points that text does not have, beyond which the bytes are taken as binary. */
const MAX_NON_TEXT_SHARE = 0.05;

function notText(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1b) || (c >= 0x7f && c < 0xa0)) bad++;
    else if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) bad++;
  }
  return bad > MAX_NON_TEXT_SHARE * text.length;
}

/** The largest cut ≤ limit that does not split a UTF-8 sequence (it stops before a continuation byte). */
function utf8SampleEnd(bytes: Uint8Array, limit: number): number {
  if (bytes.length <= limit) return bytes.length;
  let end = limit;
  while (end > limit - 4 && (bytes[end] & 0xc0) === 0x80) end--;
  return end;
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape. */
function hasControlBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return true;
  return false;
}

function softmaxShare(best: CandidateScore, all: readonly CandidateScore[]): number {
  let sum = 0;
  for (const c of all) sum += Math.exp((c.score - best.score) / CONFIDENCE_TEMPERATURE);
  return 1 / sum;
}

/**
 * Decodes the whole input once, with the chosen encoding. `undecodable` counts the decoder's
 * U+FFFD: one per maximal ill-formed subsequence (WHATWG), so a truncated 中 (E4 B8) counts once.
 */
function decoded(bytes: Uint8Array, encoding: DetectedEncoding, bom: boolean, confidence: number): ByteDetection {
  const { text, replacements } = decodeBytes(bytes, encoding);
  const lossFactor = 1 - Math.min(1, replacements / Math.max(1, text.length));
  return { binary: false, encoding, bom, confidence: confidence * lossFactor, text, undecodable: replacements };
}

function binary(): ByteDetection {
  return { binary: true, encoding: 'utf-8', bom: false, confidence: 1, text: '', undecodable: 0 };
}
