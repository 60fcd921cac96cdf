import type { GarbleIssue } from '../../types';
import { weighRepair, CHANNEL_LOG_PRIOR, NEIGHBOURHOOD } from '../../decision';
import { casedAsAWord } from './wordCase';
import { dataLines } from '../../data/dataFiles';

/**
 * UTF-8 read with another single-byte code page than Windows-1252, as ftfy also undoes it:
 * Central European Windows-1250 (`înceţoşată` → `Ă®nceĹŁoĹźatÄ…`, `“` → `â€ś`), Mac OS Roman
 * (`…` → `‚Ä¶`, `ā` → `ƒÅ`), Cyrillic Windows-1251 (`–` → `вЂ“`, `é` → `Г©`) and the DOS pages
 * IBM 437 and 850 (`Čeština` → `─îe┼ítina`, `пр` → `╨┐╤Ç`). Whole tokens
 * only (between white space and ASCII punctuation, which no page reads as a byte of a sequence:
 * `'╨┐╤Ç'` is read without its quotes): every non-ASCII character of the token must come back as part of a UTF-8 sequence under
 * one code page, and the reading is weighed against the token as it stands
 * (decision/weighRepair), with the choice among the code pages paid for.
 *
 * These channels are rarer than Windows-1252, so one two-byte pair is not evidence enough: the
 * text must show the page at least twice (two sequences, or one of three or four bytes). A token
 * whose one sequence also parses as a letter and a mark at a word's edge (`NICIODATĂ™`, `lá´´`)
 * pays the channel's prior twice, as in mojibakeLatin1.ts. Windows-1257 is not read: its leads
 * are ordinary Nordic and Baltic capitals (`HÅØYA`, `TRANSFORMATORIŲ™`). No reading gives Han:
 * Chinese is read back by the Chinese detectors, from the code pages it meets. The DOS pages
 * read box drawing as leads and Windows-1252's letters as continuation bytes, so three more
 * reasons keep clean text: a word of letters is not read as no letter (lettersCasedAsAWord), line
 * art is read only beside a token of its page that is not (isDrawing), and a text whose other
 * mojibake is UTF-8 read as Windows-1252 reads no DOS page (one text, one channel).
 */
const CODE_PAGES = ['windows-1250', 'macintosh', 'windows-1251'] as const;
/** The DOS pages (data/dosCodePages.txt, `node scripts/build-dos-code-pages.mjs`): IBM 437 and 850. */
const DOS_PAGES = 'dosCodePages.txt';
/** Controls, private-use and unassigned characters: no reading of text. */
const INVISIBLE = /[\p{Cc}\p{Co}\p{Cn}\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Sequences a text must show under a page (one of three or four bytes counts two). */
const MIN_EVIDENCE = 2;
/** Tokens longer than this are looked at no further (a whole line of mojibake has spaces). */
const MAX_TOKEN = 64;

interface CodePage {
  name: string;
  /** Byte of each BMP character under the page (0x80–0xFF), or 0 when the page has none. */
  bytes: Uint8Array;
  /** The characters the page has for bytes 0x80–0xFF. */
  upper: number[];
}

interface CodePages {
  pages: CodePage[];
  /**
   * Per BMP character, a bit for each page (in `pages`' order) that makes it a UTF-8 lead byte,
   * and one for each that makes it a continuation byte: candidateTokens asks both of every pair
   * of characters outside ASCII, one look-up each whatever the number of pages.
   */
  leadPages: Uint8Array;
  continuationPages: Uint8Array;
}

let built: CodePages | undefined;
/** The pages and their bit tables, built on first use. */
const codePages = (): CodePages => (built ??= buildCodePages());

function buildCodePages(): CodePages {
  const pages: CodePage[] = [];
  for (const name of CODE_PAGES) {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(name);
    } catch {
      continue; // a runtime without the legacy decoders: nothing to read back
    }
    const bytes = new Uint8Array(0x10000);
    const upper: number[] = [];
    for (let b = 0x80; b <= 0xff; b++) {
      const ch = decoder.decode(new Uint8Array([b]));
      if (ch.length === 1 && ch !== '\ufffd') {
        bytes[ch.charCodeAt(0)] = b;
        upper.push(ch.charCodeAt(0));
      }
    }
    pages.push({ name, bytes, upper });
  }
  for (const line of dataLines(DOS_PAGES)) {
    const [name, upper] = line.split('\t');
    const bytes = new Uint8Array(0x10000);
    const chars: number[] = [];
    for (let b = 0x80; b <= 0xff; b++) {
      bytes[upper.charCodeAt(b - 0x80)] = b;
      chars.push(upper.charCodeAt(b - 0x80));
    }
    pages.push({ name, bytes, upper: chars });
  }
  const leadPages = new Uint8Array(0x10000);
  const continuationPages = new Uint8Array(0x10000);
  pages.forEach((p, k) => {
    for (const c of p.upper) {
      const b = p.bytes[c];
      if (b >= 0xc2) leadPages[c] |= 1 << k;
      else if (b <= 0xbf) continuationPages[c] |= 1 << k;
    }
  });
  return { pages, leadPages, continuationPages };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

interface ReadBack {
  text: string;
  /** Sequences read, one of three or four bytes counted twice. */
  evidence: number;
  /** The only sequence's character range in the token, when there is one. */
  only?: [number, number];
}

/** The token read back under `page`, or undefined when some character has no byte there or the bytes are no UTF-8. */
function readBack(token: string, page: CodePage): ReadBack | undefined {
  const out = new Uint8Array(token.length);
  let evidence = 0;
  let sequences = 0;
  let only: [number, number] | undefined;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else {
      const b = page.bytes[c];
      if (!b) return undefined;
      if (b >= 0xc2) {
        const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        evidence += length > 2 ? 2 : 1;
        sequences++;
        only = [i, i + length];
      }
      out[i] = b;
    }
  }
  if (sequences === 0) return undefined;
  try {
    return { text: strictUtf8.decode(out), evidence, only: sequences === 1 ? only : undefined };
  } catch {
    return undefined;
  }
}

/** The one sequence is also a letter and marks at a word's edge (not between two letters). */
function parsesAsLetterAndMark(token: string, [from, to]: [number, number]): boolean {
  if (!/^[\p{P}\p{S}]+$/u.test(token.slice(from + 1, to))) return false;
  const letter = /\p{L}/u;
  return !(from > 0 && letter.test(token[from - 1]) && to < token.length && letter.test(token[to]));
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029;
}

/**
 * ASCII punctuation: every page here maps bytes 0x80–0xFF outside ASCII, so an ASCII character is
 * never a byte of a UTF-8 sequence the page reads back. Quotes, brackets, operators and the like
 * beside a reading are the text around it (`f('╨┐╤Ç')` reads `╨┐╤Ç` alone), and a span over
 * them would cover code; letters and digits stay, as they are part of a word (`─îe┼ítina`).
 */
function isAsciiPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

/** Where a token ends: white space or ASCII punctuation. */
function isCut(c: number): boolean {
  return isSpace(c) || isAsciiPunctuation(c);
}

/**
 * The tokens (between white space and ASCII punctuation, MAX_TOKEN characters at most) that hold
 * a character some page makes a UTF-8 lead right before one it makes a continuation byte: one
 * pass, two look-ups per character outside ASCII.
 */
const NON_ASCII = /[^\x00-\x7f]/g;

function candidateTokens(text: string): Array<[number, number]> {
  const { leadPages: lead, continuationPages: continuation } = codePages();
  const out: Array<[number, number]> = [];
  let done = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    if (i < done) {
      i = done - 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // A stretch of ASCII is passed over by the pattern's own search, to the character before
      // the next one outside ASCII (a text outside ASCII throughout asks it nothing).
      NON_ASCII.lastIndex = i + 1;
      if (!NON_ASCII.test(text)) break;
      i = NON_ASCII.lastIndex - 2;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (next < 0x80) continue;
    if ((lead[c] & continuation[next]) === 0) continue;
    let start = i;
    while (start > 0 && !isCut(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < text.length && !isCut(text.charCodeAt(end))) end++;
    done = end;
    if (end - start <= MAX_TOKEN) out.push([start, end]);
  }
  return out;
}

/**
 * A token that is a word of its script as it stands: letters of one script only (Russian `Её`,
 * Tajik `Оё`, which Windows-1251 would read as `Ÿ` and `θ`), cased as a word is (all small, all capitals, or one capital first), in a
 * neighbourhood that writes that script. UTF-8 read with a code page of that script gives tokens
 * with symbols (`вЂ“`, `Г©`) or a capital after a small letter (`РґРѕСЂРѕРіРµ`): such a token is
 * weighed, a word is not.
 */
function wordAsItStands(text: string, start: number, end: number): boolean {
  const letters = text.slice(start, end).replace(/^\p{P}+|\p{P}+$/gu, '');
  if (!letters || !/^[\p{L}\p{M}]+$/u.test(letters)) return false;
  if (!casedAsAWord(letters)) return false;
  const script = WORD_SCRIPTS.find((s) => s.test(letters) && [...letters].every((ch) => s.test(ch) || /\p{M}/u.test(ch)));
  if (!script) return false;
  const around = text.slice(Math.max(0, start - NEIGHBOURHOOD), start) + text.slice(end, end + NEIGHBOURHOOD);
  let written = 0;
  for (const ch of around) if (script.test(ch) && ++written >= MIN_SCRIPT_AROUND) return true;
  return false;
}

/**
 * Not Latin: mojibake of Latin text read with a Latin page is Latin letters too (`pƒìc` for `pēc`),
 * and only a model of the language tells it from a word; what shape says is for the other scripts.
 */
const WORD_SCRIPTS = [/\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];
/** Letters of the token's script the neighbourhood must hold to be written in it. */
const MIN_SCRIPT_AROUND = 3;

const LETTER = /\p{L}/u;
/** The DOS pages (they read the letters Windows-1252 mojibake is made of: `ÃÂ` is `Ƕ` in IBM 850). */
const DOS = new Set(['ibm437', 'ibm850']);

/**
 * A token whose characters outside ASCII are all box drawing and block elements (U+2500–U+259F):
 * line art, and in the DOS pages also UTF-8 (`├│` is `ó`, `╨┤╨░` is `да`). Read only where the
 * same page reads a token of the text that is not such a drawing: a table or a picture drawn
 * with them (`├┤`, `█▓█▓`) is no evidence of the channel on its own.
 */
function isDrawing(token: string): boolean {
  let any = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x2500 || c > 0x259f) return false;
    any = true;
  }
  return any;
}

/**
 * A token of letters only (punctuation at its edges left out), cased as a word is. UTF-8 read
 * with a code page turns a letter into letters and a symbol into symbols or letters (`’` is
 * `ÔÇÖ` in IBM 437); a reading of such a token that holds no letter at all (`Ôôô` as `ⓓ` in IBM
 * 850) makes a word a symbol, which mojibake of a word never does.
 */
function lettersCasedAsAWord(token: string): boolean {
  const letters = token.replace(/^\p{P}+|\p{P}+$/gu, '');
  return letters !== '' && /^[\p{L}\p{M}]+$/u.test(letters) && casedAsAWord(letters);
}

/**
 * The tokens of `text` outside `found` that read back under another code page, weighed.
 * `found` is sorted and its spans do not overlap; `windows1252Read`: the text's other mojibake
 * was read as UTF-8 read as Windows-1252 (then no DOS page is read).
 */
export function otherCodePageTokens(text: string, found: readonly GarbleIssue[], windows1252Read = false): GarbleIssue[] {
  const candidates: Array<{ start: number; end: number; readings: Array<{ page: string; back: ReadBack }> }> = [];
  const evidence = new Map<string, number>();
  const { pages } = codePages();
  let f = 0;
  for (const [start, end] of candidateTokens(text)) {
    const token = text.slice(start, end);
    while (f < found.length && found[f].end <= start) f++;
    if (f < found.length && found[f].start < end) continue;
    const readings: Array<{ page: string; back: ReadBack }> = [];
    for (const page of pages) {
      const back = readBack(token, page);
      if (!back || back.text === token || INVISIBLE.test(back.text)) continue;
      readings.push({ page: page.name, back });
      evidence.set(page.name, (evidence.get(page.name) ?? 0) + back.evidence);
    }
    if (readings.length) candidates.push({ start, end, readings });
  }
  const out: GarbleIssue[] = [];
  const drawings: Array<{ start: number; end: number; page: string; reading: string; margin: number }> = [];
  const readPages = new Set<string>();
  const choiceLogPrior = -Math.log(pages.length);
  for (const { start, end, readings } of candidates) {
    const token = text.slice(start, end);
    if (wordAsItStands(text, start, end)) continue;
    let best: { reading: string; page: string; margin: number } | undefined;
    const aWord = lettersCasedAsAWord(token);
    for (const { page, back } of readings) {
      if (windows1252Read && DOS.has(page)) continue;
      if ((evidence.get(page) ?? 0) < MIN_EVIDENCE || (aWord && !LETTER.test(back.text))) continue;
      const edge = back.only && parsesAsLetterAndMark(token, back.only) ? CHANNEL_LOG_PRIOR : 0;
      const { margin } = weighRepair(
        { before: text.slice(Math.max(0, start - NEIGHBOURHOOD), start), original: token, reading: back.text, after: text.slice(end, end + NEIGHBOURHOOD) },
        CHANNEL_LOG_PRIOR + choiceLogPrior + edge,
      );
      if (margin > 0 && (!best || margin > best.margin)) best = { reading: back.text, page, margin };
    }
    if (!best) continue;
    if (isDrawing(token)) drawings.push({ start, end, ...best });
    else {
      readPages.add(best.page);
      out.push(tokenIssue(start, end, best));
    }
  }
  // A drawing stands on the text's other tokens of its page: read only beside them.
  const stood = drawings.filter((d) => readPages.has(d.page));
  if (stood.length === 0) return out;
  for (const d of stood) out.push(tokenIssue(d.start, d.end, d));
  return out.sort((a, b) => a.start - b.start);
}

function tokenIssue(start: number, end: number, { page, reading, margin }: { page: string; reading: string; margin: number }): GarbleIssue {
  return {
    kind: 'mojibake-latin1',
    start,
    end,
    confidence: Math.min(0.99, 0.6 + margin / 20),
    replacement: reading,
    plan: [`encode ${page}`, 'decode utf-8'],
  };
}
