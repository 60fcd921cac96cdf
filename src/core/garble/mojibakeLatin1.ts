import type { GarbleIssue } from '../types';
import { cp1252Codec, gbkCodec, big5Codec, type LegacyCodec } from '../codec/legacyCodecs';
import { sequenceLength } from '../codec/utf8WithHoles';
import { findUtf8Mojibake, type MojibakeSpec } from './utf8Mojibake';
import { weighRepair, CHANNEL_LOG_PRIOR, NEIGHBOURHOOD } from '../decision';
import type { TextDetector } from '../pipeline/garbleDetector';
import { otherCodePageTokens } from './mojibake/otherCodePages';
import { foldedSpaceSequences } from './mojibake/foldedSpaces';
import { casedAsAWord } from './mojibake/wordCase';
import { loneC1Controls } from './mojibake/c1Controls';
import { strayTest, flaggedOnly } from './mojibake/inconsistentLine';
import { NON_ASCII } from '../pipeline/textScan';
import { withoutOverlaps } from '../text/spanOverlap';

/**
 * 符号码: UTF-8 text decoded as Latin-1 or Windows-1252 and saved: `中文` → `ä¸­æ–‡`. Also 拼音码,
 * GBK bytes decoded as Latin-1: `由月要好好学习` → `ÓÉÔÂÒªºÃºÃÑ§Ï°`. Every byte became one character,
 * so the code page run backwards gives every byte back.
 */
let spec: MojibakeSpec | undefined;

/** The bytes Windows-1252 leaves undefined. */
const CP1252_UNDEFINED: readonly number[] = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

export function latin1MojibakeSpec(): MojibakeSpec {
  if (spec) return spec;
  const gbk = gbkCodec();
  const big5 = big5Codec();
  spec = {
    kind: 'mojibake-latin1',
    codec: cp1252Codec(),
    holeBytes: 1,
    asciiInside: true,
    droppedBytes: true,
    // A byte Windows-1252 has no character for was all a decoder could lose (U+FFFD, `?`): one of
    // its five undefined bytes, always a UTF-8 continuation byte.
    lostByteCandidates: () => CP1252_UNDEFINED,
    allowRare: true,
    inSegment: (code) => code >= 0x80,
    alternates: [
      { name: 'gbk', decode: (b) => gbk.decode!(b) },
      { name: 'big5', decode: (b) => big5.decode!(b) },
    ],
  };
  return spec;
}

/** `stops`: mojibakeStops for this spec, when the caller has scanned the text for several. */
export function findMojibakeLatin1(text: string, stops?: readonly number[]): GarbleIssue[] {
  let issues = findUtf8Mojibake(text, latin1MojibakeSpec(), stops);
  // A reading that lost characters and holds no Chinese (`ã†â€™ãƒâ€` as `�’�”`: what was lost,
  // and quotation marks every language writes) says nothing of Chinese, nor of any text: in a text
  // where no Chinese is read back, it is not made, and does not make the text's other sequences
  // mojibake (they are weighed as in any language, whole sequences only).
  if (issues.some(lossyWithoutChinese) && !issues.some(readsChinese)) issues = issues.filter((i) => !lossyWithoutChinese(i));
  const chineseFound = issues.some((i) => i.plan.includes('decode utf-8'));
  let others = otherSequences(text, issues, chineseFound);
  // One text, one channel: a text whose other non-ASCII is UTF-8 read as Windows-1252 was garbled
  // that way, and its Latin-1 letters are not GBK or Big5 bytes (`pressureâ\x80\x99…` is `’…`,
  // not 鈥檯; a quoted `ÃÂÃÂ` beside `Â©` is no Big5). What those readings covered is weighed
  // as UTF-8 sequences instead.
  if ((chineseFound || others.length) && issues.some(readAsDoubleByte)) {
    issues = issues.filter((i) => !readAsDoubleByte(i));
    others = otherSequences(text, issues, chineseFound);
  }
  if (chineseFound) return withFoldedSpaces(text, others.length ? [...issues, ...others].sort((a, b) => a.start - b.start) : issues);
  // Tokens may be UTF-8 read with another code page; a whole token read so (`ĂşpÄ›l` → `úpěl`)
  // takes the place of a part of it that Windows-1252 would read (`Ä›` → `ě`).
  const whole = others.filter((o) => !partOfToken(text, o));
  const more = otherCodePageTokens(text, [...issues, ...whole].sort((a, b) => a.start - b.start), others.length > 0);
  if (more.length) others = withoutOverlaps(others, more);
  const all = [...issues, ...others, ...more];
  return withFoldedSpaces(text, all.length > issues.length ? all.sort((a, b) => a.start - b.start) : issues);
}

/**
 * `found` and what it gives evidence for: sequences whose no-break space became a space, and C1
 * controls standing alone that were Windows-1252 bytes.
 */
function withFoldedSpaces(text: string, found: GarbleIssue[]): GarbleIssue[] {
  if (found.length === 0) return found;
  const folded = foldedSpaceSequences(text, found);
  const all = folded.length ? [...found, ...folded].sort((a, b) => a.start - b.start) : found;
  const controls = loneC1Controls(text, all);
  return controls.length ? [...all, ...controls].sort((a, b) => a.start - b.start) : all;
}

/** The token around an issue holds other non-ASCII characters than the issue's. */
function partOfToken(text: string, issue: GarbleIssue): boolean {
  for (let i = issue.start - 1; i >= 0 && !/\s/.test(text[i]); i--) if (text.charCodeAt(i) >= 0x80) return true;
  for (let i = issue.end; i < text.length && !/\s/.test(text[i]); i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}

/** Han characters, or punctuation only CJK text writes (ideographic and fullwidth forms). */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function readsChinese(issue: GarbleIssue): boolean {
  return issue.replacement !== undefined && CHINESE.test(issue.replacement);
}

function lossyWithoutChinese(issue: GarbleIssue): boolean {
  return issue.replacement !== undefined && issue.replacement.includes('\ufffd') && !CHINESE.test(issue.replacement);
}

/** A reading of Latin-1 letters as GBK or Big5 bytes (the spec's alternates). */
function readAsDoubleByte(issue: GarbleIssue): boolean {
  return issue.plan.some((step) => step === 'decode gbk' || step === 'decode big5');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The whole UTF-8 sequence whose bytes, read as cp1252 (one character a byte), start at `i`: its
 * character and its length; undefined when none does.
 */
function sequenceAt(text: string, i: number, codec: LegacyCodec): { char: string; length: number } | undefined {
  // The code page writes ASCII as itself: an ASCII character is no lead and no continuation byte.
  const first = text.charCodeAt(i);
  if (first < 0x80) return undefined;
  const lead = codec.codeOf(first);
  if (lead === 0xed) {
    const pair = surrogatePairAt(text, i, codec);
    if (pair) return pair;
  }
  const len = lead >= 0x80 ? sequenceLength(lead) : 0;
  if (len === 0 || i + len > text.length) return undefined;
  for (let k = 1; k < len; k++) {
    const c = text.charCodeAt(i + k);
    const b = c < 0x80 ? c : codec.codeOf(c);
    if (b < 0x80 || b > 0xbf) return undefined;
  }
  const bytes = new Uint8Array(len);
  bytes[0] = lead;
  for (let k = 1; k < len; k++) bytes[k] = codec.codeOf(text.charCodeAt(i + k));
  try {
    return { char: strictUtf8.decode(bytes), length: len };
  } catch {
    return undefined;
  }
}

/**
 * A character outside the BMP written as its two UTF-16 surrogates, each as a three-byte sequence
 * (CESU-8, as Java's modified UTF-8 and some databases write it): ED A0–AF xx then ED B0–BF xx,
 * read as cp1252 `í\u00a0½í¸\u008d` for 😍. A strict decoder rejects a surrogate alone; the pair
 * is one character.
 */
function surrogatePairAt(text: string, i: number, codec: LegacyCodec): { char: string; length: number } | undefined {
  if (i + 6 > text.length) return undefined;
  const b: number[] = [];
  for (let k = 0; k < 6; k++) b.push(codec.codeOf(text.charCodeAt(i + k)));
  const continuation = (x: number) => x >= 0x80 && x <= 0xbf;
  if (b[3] !== 0xed || b[1] < 0xa0 || b[1] > 0xaf || b[4] < 0xb0 || b[4] > 0xbf || !continuation(b[2]) || !continuation(b[5])) return undefined;
  const high = 0xd000 | ((b[1] & 0x3f) << 6) | (b[2] & 0x3f);
  const low = 0xd000 | ((b[4] & 0x3f) << 6) | (b[5] & 0x3f);
  return { char: String.fromCharCode(high, low), length: 6 };
}

/** Characters that can start a UTF-8 sequence read as cp1252: Â (C2) to ô (F4). */
const MAY_LEAD = /[\u00c2-\u00f4]/;
const NEXT_LEAD = /[\u00c2-\u00f4]/g;

/**
 * UTF-8 read as Windows-1252 in any language: `â€™` → `’`, `cafÃ©` → `café`, `Ã¤Â¸Â­` → `ä¸­`
 * (one layer a pass, then `中`). Whole sequences that decode as strict UTF-8, gathered by token
 * (`dÃ©jÃ ` is one decision, `déjà`), each weighed against the text as it stands: `Größe“` or
 * `4288×…` read as bytes give characters no text around them uses, and stay.
 *
 * In a text whose Chinese was found read as Windows-1252 (`chineseFound`) the other sequences are
 * mojibake too, though they hold no Chinese to prove it: the no-break space (`Â` + NBSP), emoji
 * (`ðŸ’¡`), pinyin tone marks (`Ã¬`), fullwidth digits (`ï¼‘`). The document's own mojibake is the
 * evidence (as ftfy judges a text by its other mistakes); the spans must not overlap what was found.
 */
function otherSequences(text: string, found: readonly GarbleIssue[], chineseFound: boolean): GarbleIssue[] {
  if (!MAY_LEAD.test(text)) return [];
  const codec = cp1252Codec();
  const out: GarbleIssue[] = [];
  let f = 0;
  let i = 0;
  while (i < text.length) {
    while (f < found.length && found[f].end <= i) f++;
    if (f < found.length && found[f].start <= i) {
      i = found[f].end;
      continue;
    }
    const start = i;
    let replacement = '';
    // Whole sequences, one after another, up to the next finding.
    for (let seq = sequenceAt(text, i, codec); seq; seq = sequenceAt(text, i, codec)) {
      if (f < found.length && found[f].start < i + seq.length) break;
      replacement += seq.char;
      i += seq.length;
    }
    if (i === start) {
      // Only Â (C2) to ô (F4) lead a sequence: the characters before the next of them start none
      // (found by the pattern's own search, which makes no match object for `test`).
      NEXT_LEAD.lastIndex = i + 1;
      i = NEXT_LEAD.test(text) ? NEXT_LEAD.lastIndex - 1 : text.length;
      continue;
    }
    out.push({
      kind: 'mojibake-latin1',
      start,
      end: i,
      confidence: 0.8,
      replacement,
      plan: ['encode cp1252', chineseFound ? 'decode utf-8 (the text holds other UTF-8 read as Windows-1252)' : 'decode utf-8'],
    });
  }
  if (chineseFound) return out;
  const tokens = byToken(text, out);
  const kept = tokens.filter((issue) => weighed(text, issue, tokens.length === 1));
  if (kept.length === 0) return kept;
  const outweighed = strayTest(text, out, codec);
  return kept.map((issue) => (outweighed(issue) ? flaggedOnly(issue, text) : issue));
}

/** Runs within one token (no space or punctuation between them) become one issue: one decision per word. */
function byToken(text: string, runs: GarbleIssue[]): GarbleIssue[] {
  const out: GarbleIssue[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && /^[\p{L}\p{N}]*$/u.test(text.slice(last.end, run.start))) {
      out[out.length - 1] = { ...last, end: run.end, replacement: last.replacement! + text.slice(last.end, run.start) + run.replacement! };
    } else out.push(run);
  }
  return out;
}

/**
 * A token that would still hold mojibake after its repair (`Ð уÑ�Ñ�кий`, `ââ€�’`) was garbled
 * some other way (another code page, lost bytes) or not at all: repairing part of it gives text
 * that is neither what was written nor what was meant. All of a token or none of it.
 */
function leavesResidue(text: string, issue: GarbleIssue, codec: LegacyCodec): boolean {
  let from = issue.start;
  while (from > 0 && !/\s/.test(text[from - 1])) from--;
  let to = issue.end;
  while (to < text.length && !/\s/.test(text[to])) to++;
  // Mojibake of mojibake unwinds a layer a pass (Ã\x83Â© → Ã© → é): judge the token unwound.
  const token = unwound(text.slice(from, issue.start) + issue.replacement + text.slice(issue.end, to), codec);
  // Chinese unwound is the Chinese detectors' to finish (a lost byte there is restored or shown
  // by them: 中文的编ç + NBSP + U+FFFD becomes 中文的编码).
  if (/\p{Script=Han}/u.test(token)) return false;
  // What is left: a lost byte, or Â / Ã (C2 / C3, the leads of Latin-1's own letters in UTF-8)
  // before a continuation byte. Other letters before such a byte are words: `píše`, `Größe“`.
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 0xfffd) return true;
    if ((c === 0xc2 || c === 0xc3) && i + 1 < token.length) {
      const next = codec.codeOf(token.charCodeAt(i + 1));
      if (next >= 0x80 && next <= 0xbf) return true;
    }
  }
  return false;
}

/**
 * Quotation marks are continuation bytes in cp1252 (« » “ ” ‘ ’ are 0xAB 0xBB 0x93 0x94 0x91
 * 0x92): a letter between an opening mark and its closing one is a quoted letter, `»Ä«`, `“×”`,
 * not a two-byte sequence.
 */
const OPENING_QUOTES = '»«„“‚‘"\'';
const CLOSING_QUOTES = '«»“”‘’';

function quotesALetter(text: string, issue: GarbleIssue): boolean {
  const last = text[issue.end - 1];
  return issue.start > 0 && OPENING_QUOTES.includes(text[issue.start - 1]) && CLOSING_QUOTES.includes(last) && issue.end - issue.start === 2;
}

/** Layers of mojibake repair unwinds (repairText's passes). */
const MAX_LAYERS = 3;

/** `s` with its UTF-8-read-as-`codec` sequences read back, a layer a pass, up to MAX_LAYERS. */
function unwound(s: string, codec: LegacyCodec): string {
  for (let layer = 1; layer < MAX_LAYERS; layer++) {
    const next = decodedSequences(s, codec);
    if (next === s) break;
    s = next;
  }
  return s;
}

/** s with every whole UTF-8 sequence read as cp1252 decoded. */
function decodedSequences(s: string, codec: LegacyCodec): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    const seq = sequenceAt(s, i, codec);
    if (seq) {
      out += seq.char;
      i += seq.length;
    } else out += s[i++];
  }
  return out;
}

/**
 * The prior of a text's only sequence when it also parses as a letter and a mark at a word's edge:
 * the channel's prior again. One pair in a whole text is weak evidence of a channel (a text garbled
 * on its way has its other non-ASCII garbled too), and `HUHLL Õ…`, `10 Å—`, `a lot of Ã’s`,
 * `pra lá´´` read as the writer's letter followed by an ellipsis, a dash, an apostrophe or
 * accents used as quotes: a bigram model that has rarely seen that letter before that mark
 * underrates them. A mark between two letters (`RÄ«ga`, `HÃ”TEL`) is no such parse.
 */
const ISOLATED_PAIR_LOG_PRIOR = CHANNEL_LOG_PRIOR;

function parsesAsLetterAndMark(text: string, issue: GarbleIssue, codec: LegacyCodec): boolean {
  const seq = sequenceAt(text, issue.start, codec);
  if (!seq || seq.length !== issue.end - issue.start) return false;
  const rest = text.slice(issue.start + 1, issue.end);
  const letter = /\p{L}/u;
  // A letter, then a no-break space: the last letter of a word (`MISUTÂ AJIKKO`, a romanised name).
  if (/^\p{Zs}$/u.test(rest)) return issue.start > 0 && letter.test(text[issue.start - 1]);
  if (!/^[\p{P}\p{S}]+$/u.test(rest)) return false;
  return !(issue.start > 0 && letter.test(text[issue.start - 1]) && issue.end < text.length && letter.test(text[issue.end]));
}

/**
 * A word cased as a word is (all capitals, all small, one capital first) that its reading would
 * leave cased as no word is: `AHÅ™` (an all-capitals name and a trade mark) read as `AHř`,
 * `MÄ£ÄM` as `MģÄM`. UTF-8 read as Windows-1252 writes a capital `Ã` or `Â` inside small letters
 * (`cafÃ©`), so mojibake rarely looks like a well-cased word, and when it does (`Ãºltimo`,
 * `Ã‰TÃ‰`) its reading is one too (`último`, `ÉTÉ`).
 */
function breaksTheWordsCase(text: string, issue: GarbleIssue): boolean {
  // The word: the span and the letters either side (other spans of the token, past punctuation,
  // are weighed on their own: `Ð¤ÐÐÐ(Ñ\x8b)` is `ФАЙЛ(ы)`).
  let from = issue.start;
  while (from > 0 && /[\p{L}\p{M}\p{N}]/u.test(text[from - 1])) from--;
  let to = issue.end;
  while (to < text.length && /[\p{L}\p{M}\p{N}]/u.test(text[to])) to++;
  const asItStands = text.slice(from, to);
  // Mojibake of mojibake is judged unwound: `BIÃ¡Â»ÂU` is `BIá»\x82U` a layer down, `BIỂU` in the end.
  const read = unwound(text.slice(from, issue.start) + issue.replacement + text.slice(issue.end, to), cp1252Codec());
  return casedAsAWord(asItStands) && !casedAsAWord(read);
}

function weighed(text: string, issue: GarbleIssue, only: boolean): boolean {
  const codec = cp1252Codec();
  if (leavesResidue(text, issue, codec) || quotesALetter(text, issue) || breaksTheWordsCase(text, issue)) return false;
  const isolated = only && parsesAsLetterAndMark(text, issue, codec);
  const weight = weighRepair({
    before: text.slice(Math.max(0, issue.start - NEIGHBOURHOOD), issue.start),
    original: text.slice(issue.start, issue.end),
    reading: issue.replacement!,
    after: text.slice(issue.end, issue.end + NEIGHBOURHOOD),
  }, CHANNEL_LOG_PRIOR + (isolated ? ISOLATED_PAIR_LOG_PRIOR : 0));
  if (!weight.accept) return false;
  issue.confidence = Math.min(0.99, 0.6 + weight.margin / 20);
  return true;
}

export const mojibakeLatin1Detector: TextDetector = {
  level: 'text',
  kind: 'mojibake-latin1',
  looksFor: 'UTF-8 read as Windows-1252: ä¸­æ–‡ → 中文, cafÃ© → café; GBK read as Latin-1: ÓÉÔÂ → 由月',
  plan: 'encode cp1252 → decode utf-8 (or gbk, big5)',
  noun: ['Latin-1 mojibake span', 'Latin-1 mojibake spans'],
  needs: NON_ASCII,
  mojibakeSpec: latin1MojibakeSpec,
  find: ({ text, scan }) => findMojibakeLatin1(text, scan.mojibakeStops(latin1MojibakeSpec())),
};
