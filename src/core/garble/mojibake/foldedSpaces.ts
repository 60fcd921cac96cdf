import type { GarbleIssue } from '../../types';
import { cp1252Codec } from '../../codec/legacyCodecs';
import { sequenceLength } from '../../codec/utf8WithHoles';
import { tokenLeavesUnread } from './windows1252Context';
import { weighRepair, showsWindows1252, CHANNEL_LOG_PRIOR, NEIGHBOURHOOD, FOLDED_SPACE_STEP } from '../../decision';

/**
 * UTF-8 read as Windows-1252 whose no-break spaces were then folded to spaces. Byte 0xA0 reads
 * as U+00A0, which editors, web forms and HTML white-space rules turn into U+0020; so the second
 * byte of `à` (C3 A0) becomes a space and `às` reads `Ã s`, `à nos` reads `Ã nos` (the no-break
 * space and the space after it became one space) or `Ã  nos`. A space that stands where a
 * sequence needs its continuation byte is read as 0xA0 (ftfy calls this restoring byte A0).
 *
 * A space is the commonest character of any text, so one `Ã ` proves nothing: such a sequence is
 * read only in a text whose other mojibake shows the channel (`found`: sequences accepted on their
 * own evidence, `atenÃ§Ã£o Ã s crianÃ§as`). Two readings are weighed, the space taken for the byte
 * (`às`) or the byte and a space (`à nos`), each against the text as it stands with the text's
 * other repairs made; the better one is kept if it wins, and clearly (see DECISIVE).
 */

/** The UTF-8 sequence at `i` with each space in it read as 0xA0, when there is one and it has a space. */
function sequenceWithSpace(text: string, i: number): { char: string; length: number } | undefined {
  const codec = cp1252Codec();
  const lead = codec.codeOf(text.charCodeAt(i));
  const length = lead >= 0xc2 ? sequenceLength(lead) : 0;
  if (length === 0 || i + length > text.length) return undefined;
  const bytes = new Uint8Array(length);
  bytes[0] = lead;
  let spaces = 0;
  for (let k = 1; k < length; k++) {
    const c = text.charCodeAt(i + k);
    const b = c === 0x20 ? 0xa0 : codec.codeOf(c);
    if (c === 0x20) spaces++;
    if (b < 0x80 || b > 0xbf) return undefined;
    bytes[k] = b;
  }
  if (spaces === 0) return undefined;
  try {
    return { char: new TextDecoder('utf-8', { fatal: true }).decode(bytes), length };
  } catch {
    return undefined;
  }
}

/** Controls and separators are no reading of text. */
const NOT_TEXT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/u;

/**
 * The sequences of `text` outside `found` whose 0xA0 was folded to a space, weighed; `found` is
 * sorted, its spans apart, and holds the text's accepted Windows-1252 mojibake.
 */
export function foldedSpaceSequences(text: string, found: readonly GarbleIssue[]): GarbleIssue[] {
  if (!found.some(showsWindows1252)) return [];
  const out: GarbleIssue[] = [];
  let f = 0;
  for (let i = text.indexOf(' ', 1) - 1; i >= 0 && i < text.length; i = text.indexOf(' ', i + 2) - 1) {
    // A lead one or two characters before a space (three- and four-byte leads reach further).
    for (const at of [i, i - 1, i - 2]) {
      if (at < 0 || text.charCodeAt(at) < 0xc2) continue;
      const seq = sequenceWithSpace(text, at);
      if (!seq || NOT_TEXT.test(seq.char)) continue;
      const end = at + seq.length;
      while (f < found.length && found[f].end <= at) f++;
      if (f < found.length && found[f].start < end) continue;
      if (out.length && out[out.length - 1].end > at) continue;
      if (tokenLeavesUnread(text, at, end, found, isAscii)) continue; // `ÃÂÃÂÃÂ there`: all of a token or none
      const issue = weighed(text, at, end, seq.char, found);
      if (issue) out.push(issue);
      break;
    }
  }
  return out;
}

const isAscii = (c: number) => c < 0x80;

/** text[from, to) with the repairs of `found` made (the context a reading is weighed in). */
function repairedSlice(text: string, from: number, to: number, found: readonly GarbleIssue[]): string {
  let out = '';
  let at = from;
  for (const issue of found) {
    if (issue.end <= at || issue.start >= to) continue;
    if (issue.start < at || issue.replacement === undefined) continue;
    out += text.slice(at, issue.start) + issue.replacement;
    at = issue.end;
  }
  return out + text.slice(at, Math.max(at, to));
}

/**
 * The prior of such a sequence in a text that shows the channel: half the channel's prior (the
 * text's other mojibake is evidence that its non-ASCII was read so, as in mojibakeLatin1's
 * `otherSequences`, which takes it whole in Chinese text) and ln 2 for the choice of reading.
 */
const FOLDED_LOG_PRIOR = CHANNEL_LOG_PRIOR / 2 - Math.log(2);
/**
 * How much better one reading must be than the other to be chosen. A bigram model cannot tell
 * `à nos` from `ànos` or `às` from `à s` (it knows `à` before letters from the languages that
 * write it so): where neither wins by this much, the span is flagged and left as it is.
 */
const DECISIVE = 3;

function weighed(text: string, start: number, end: number, char: string, found: readonly GarbleIssue[]): GarbleIssue | undefined {
  const before = repairedSlice(text, Math.max(0, start - NEIGHBOURHOOD), start, found);
  const after = repairedSlice(text, end, end + NEIGHBOURHOOD, found);
  const original = text.slice(start, end);
  // The space was the byte (`Ã s` → `às`), or the byte and a space after it (`Ã nos` → `à nos`,
  // the no-break space and the space after it made one): the latter only where no space follows,
  // and not for a no-break space itself (`namedÂ „` is `named „`: one space or two look alike).
  const readings = text[end - 1] === ' ' && !/^\s/.test(after) && !/\s/.test(char) ? [char, `${char} `] : [char];
  const weighedReadings = readings
    .map((reading) => ({ reading, margin: weighRepair({ before, original, reading, after }, FOLDED_LOG_PRIOR).margin }))
    .sort((a, b) => b.margin - a.margin);
  const [best, second] = weighedReadings;
  if (best.margin <= 0) return undefined;
  if (second && best.margin - second.margin < DECISIVE) {
    return {
      kind: 'mojibake-latin1',
      start,
      end,
      confidence: 0.6,
      plan: [FOLDED_SPACE_STEP, `decode utf-8: ${JSON.stringify(readings[0])} or ${JSON.stringify(readings[1])}, the text does not say which`],
    };
  }
  return {
    kind: 'mojibake-latin1',
    start,
    end,
    confidence: Math.min(0.99, 0.6 + best.margin / 20),
    replacement: best.reading,
    plan: [FOLDED_SPACE_STEP, 'decode utf-8 (the text holds other UTF-8 read as Windows-1252)'],
  };
}
