import { gbkTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { codePointCount, isHan, isCjkPunct } from '../../text/chars';
import { EDGE_SLACK, validRunEnds } from './gatherRuns';
import type { MojibakeSpec, Unit } from './mojibakeSpec';
import { readRun, type Reading } from './readRun';
import type { ReadingMemo, ReadingVerdict } from './readingMemo';
import { weighRepair, NEIGHBOURHOOD, otherLanguageReadingIsText, readsInOtherLanguage, restoresIntoNonText } from '../../decision';

/**
 * Judging a reading: a run is repaired only when what it reads back as is Chinese that reads far
 * better, in its context, than the run did, and looks like ordinary text (no Greek or Cyrillic
 * from bytes paired wrongly, few rare characters). Among the edges a UTF-8 reading allows, the
 * best-reading run wins.
 */

/** Minimum gain in mean log-probability per character before a span is repaired. */
const MIN_GAIN_PER_CHAR = 1.5;
/** A repair must read as ordinary text: mean log-probability per character at least this. */
const MIN_MEAN_LOGPROB = -11;
/** …and its Han characters within this frequency rank, but for one in RARE_SHARE. */
const MAX_RANK = 8000;
const RARE_SHARE = 6;
/** Han characters and CJK punctuation (outside Latin-1) in a string. */
function countChinese(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp) || (isCjkPunct(cp) && cp > 0xff)) n++;
  }
  return n;
}

/**
 * Every Han character of s is outside GB2312's first level (the 3,755 common characters, rows
 * B0–D7), even in its Simplified form: 锛 and 宧 are, 機 (机) is not.
 */
function allRare(s: string, lm: CharLanguageModel): boolean {
  const gbk = gbkTable();
  let han = 0;
  for (const ch of s) {
    if (!isHan(ch.codePointAt(0)!)) continue;
    han++;
    const code = gbk.codeOf(lm.toSimplifiedChar(ch).codePointAt(0)!);
    const lead = code >> 8;
    if (lead >= 0xb0 && lead <= 0xd7 && (code & 0xff) >= 0xa1) return false;
  }
  return han > 0;
}

/** Readings this long may hold fullwidth figures and letters beside Han characters or other fullwidth forms. */
const FULLWIDTH_READING = 6;

function isFullwidthAlnum(cp: number | undefined): boolean {
  return cp !== undefined && ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a));
}

/**
 * What a fullwidth figure or letter of the text's own stands beside: a Han character (积５分,
 * 以３∶１战胜) or another fullwidth form (３．３万, （１）), or a character whose bytes were lost
 * (U+FFFD: `５�１６�` is ５月１６日 read as Big5, 月 and 日 lost), which may have been either.
 */
function besideFigure(ch: string | undefined): boolean {
  const cp = ch?.codePointAt(0);
  return cp !== undefined && ((cp >= 0xff01 && cp <= 0xff5e) || isHan(cp) || cp === 0xfffd);
}

function readsAsText(s: string, lm: CharLanguageModel, allowRare = false, singleByte = false): boolean {
  if (!allowRare && perCharWithLost(s, lm) < MIN_MEAN_LOGPROB) return false;
  let han = 0;
  let rare = 0;
  const chars = [...s];
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k];
    const cp = ch.codePointAt(0)!;
    if (isHan(cp)) {
      han++;
      if (lm.rank(ch) > MAX_RANK) rare++;
    }
    // Greek, Cyrillic, Hebrew, Arabic… (two-byte UTF-8) or fullwidth Latin letters and digits in
    // Chinese text are the sign of bytes paired wrongly; but news written with fullwidth figures
    // (２０名, １９９８年, Ｄ组) reads back to them, in longer readings. A single-byte code page pairs
    // nothing: there fullwidth digits are the text's own (王安石（１０２１－１０８６）).
    if (cp >= 0x0370 && cp <= 0x07ff) return false;
    if (!singleByte && isFullwidthAlnum(cp) && !(chars.length >= FULLWIDTH_READING && (besideFigure(chars[k - 1]) || besideFigure(chars[k + 1])))) return false;
  }
  // A rare character among many common ones is the text's own (芼 in the Book of Songs); a rare
  // character in a short reading is more likely bytes paired by chance.
  return allowRare || rare <= Math.floor(han / RARE_SHARE);
}

/** U+FFFD in a string. */
function countLost(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

export interface Choice {
  start: number;
  end: number;
  reading: Reading;
  /** Mean gain per character, and the gain over the whole span. */
  gain: number;
  total: number;
}

/**
 * Where a code page loses bytes densely (Big5: a finite maxReadings), a run in a text that has
 * shown this mojibake already may read back as nothing but lost characters: `嚗�` is ， with its
 * last byte lost, `頞����` two characters. Nothing is guessed; fewer marks stand where the run
 * stood, as many as the characters its bytes made. Such a reading gains this little per character,
 * so a run that reads back as text always wins over it.
 */
const ALL_LOST_GAIN = 0.01;

function allLost(read: string, written: string, lost: number, original: string, lostInShown: boolean, spec: MojibakeSpec): boolean {
  return lostInShown && spec.maxReadings !== undefined && lost > 0 && read === written && lost === codePointCount(read) && lost < codePointCount(original);
}

/** What a character that stayed lost (U+FFFD in a reading) is taken to cost: an ordinary character's. */
const LOST_CHAR_LOGPROB = -7;

/** perChar, with each U+FFFD scored as an unknown ordinary character and its bigrams left out. */
function perCharWithLost(s: string, lm: CharLanguageModel): number {
  if (!s.includes('\ufffd')) return lm.perChar(s);
  let sum = 0;
  let n = 0;
  for (const piece of s.split('\ufffd')) {
    if (piece) sum += lm.score(piece);
    n += codePointCount(piece);
  }
  const lost = s.split('\ufffd').length - 1;
  return (sum + lost * LOST_CHAR_LOGPROB) / (n + lost);
}

/**
 * The best-reading run among the edges a UTF-8 reading allows: the start may move in past real
 * characters whose GBK bytes happen to be UTF-8 too (十 CA B2 reads as ʮ), and so may the end.
 */
export function bestRun(text: string, units: Unit[], i: number, ends: number[], spec: MojibakeSpec, lm: CharLanguageModel, shown = false, memo?: ReadingMemo): Choice | undefined {
  let best: Choice | undefined;
  for (let start = i; start <= i + EDGE_SLACK && start < units.length; start++) {
    const startEnds = start === i ? ends : validRunEnds(units, start, spec.holeBytes, spec.widerHoles);
    for (const end of startEnds.slice(-1 - EDGE_SLACK)) {
      if (end - start < 2) continue;
      const c = judge(text, units, start, end, spec, lm, shown, memo);
      // The edges that gain most in all (not per character): a run's last character, even one
      // that stays lost, is better read than left as mojibake.
      if (c && (!best || c.total > best.total)) best = c;
    }
  }
  return best;
}

/**
 * Read units[start, end) back and keep it when it reads far better than it did, in its context.
 * `shown`: the text has already shown this code page's mojibake before the run. `memo` (one per
 * scan of a text with one spec): what a run's reading was found to be before the weighing in its
 * neighbourhood, by what that part reads (readingMemo.ts).
 */
export function judge(text: string, units: Unit[], start: number, end: number, spec: MojibakeSpec, lm: CharLanguageModel, shown = false, memo?: ReadingMemo): Choice | undefined {
  const from = units[start].start;
  const to = units[end - 1].end;
  const original = text.slice(from, to);
  const prev = from > 0 ? String.fromCodePoint(text.codePointAt(from - 1)!) : '';
  const next = to < text.length ? String.fromCodePoint(text.codePointAt(to)!) : '\n';
  const read = () => readAndScore(units.slice(start, end), original, prev, next, spec, lm, shown);
  const found = memo ? memo.get(units, start, end, original, prev, next, shown, read) : read();
  if (!found) return undefined;
  const { reading, ownLanguage } = found;
  let gain = found.gain;
  if (!found.weigh) return { start, end, reading: memo ? copyReading(reading) : reading, gain, total: gain * codePointCount(original) };
  const weight = weighRepair({ before: text.slice(Math.max(0, from - NEIGHBOURHOOD), from), original, reading: reading.likely ?? reading.text, after: text.slice(to, to + NEIGHBOURHOOD), code: reading.plan.includes('decode utf-8') ? 'utf-8' : 'double-byte' });
  if (!weight.accept) return undefined;
  if (ownLanguage) gain = weight.margin / codePointCount(original);
  return { start, end, reading: memo ? copyReading(reading) : reading, gain, total: gain * codePointCount(original) };
}

/** A reading handed out again gets its own plan: a finding's plan may be extended later. */
function copyReading(r: Reading): Reading {
  return { ...r, plan: [...r.plan] };
}

/**
 * What judge decides of a run before it weighs the repair in its neighbourhood: its reading, and
 * the gain in its context (prev, next), or undefined when it is rejected already. A function of
 * the run's code-page bytes, its text, prev, next and `shown` alone.
 */
function readAndScore(run: Unit[], original: string, prev: string, next: string, spec: MojibakeSpec, lm: CharLanguageModel, shown: boolean): ReadingVerdict | undefined {
  const reading = readRun(run, spec, lm, prev, next);
  if (!reading || reading.text === original) return undefined;
  if (restoresIntoNonText(reading.text, reading.plan)) return undefined;
  // A run is judged by what it likely reads as, guesses too weak to write included (Big5).
  const read = reading.likely ?? reading.text;
  const chinese = countChinese(read);
  // Korean, Japanese and emoji read as GBK come back as themselves: the shared decision alone judges them.
  const ownLanguage = spec.otherLanguages === true && readsInOtherLanguage(read, chinese);
  let gain = 0;
  if (!ownLanguage) {
    // One Chinese character (`锛宧ttp` → `，http`) is enough only when what it replaces is nothing
    // a writer would use: every Han character of the original rare; or when a byte of it was lost
    // in a text that has shown this mojibake already (`2010骞?1鏈?7鏃` : 月 E6 9C 88 loses its 88
    // before the 7 as 年 its B4 before the 1). A character that stayed lost (U+FFFD, where the run
    // had a mark) counts: `鈭綽��` is 人 and a bracket whose bytes are gone, not one character
    // read by chance.
    const lostInShown = shown && run.some((u) => u.bytes === null);
    const lost = reading.lossy ? countLost(read) : 0;
    if (chinese === 0 && allLost(read, reading.text, lost, original, lostInShown, spec)) return { reading, gain: ALL_LOST_GAIN, ownLanguage, weigh: false };
    if (chinese + lost < (spec.minChinese ?? 1) && !(chinese >= 1 && (allRare(original, lm) || lostInShown))) return undefined;
    if (chinese === 0) return undefined;
    gain = perCharWithLost(prev + read + next, lm) - lm.perChar(prev + original + next);
    // Rare characters are allowed in UTF-8 readings only: GBK or Big5 bytes read as Latin-1 decode
    // almost anything into some character (`ÃÂÃÂ` as 藕藕), so those must read as ordinary text.
    const allowRare = spec.allowRare === true && reading.plan.includes('decode utf-8');
    if (gain < MIN_GAIN_PER_CHAR || !readsAsText(read, lm, allowRare, spec.codec.name === 'cp1252')) return undefined;
  } else if (!otherLanguageReadingIsText(reading.text, reading.plan)) return undefined;
  return { reading, gain, ownLanguage, weigh: true };
}
