import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { isCjkPunct, isHan } from '../../text/chars';
import { guess, type Candidate } from './silentGuesses';
import { hexByte as hex } from '../../codec/hexByte';

/**
 * The shortest misaligned run: a character lost its lead byte, and its trail, met in lead
 * position, was read as an ASCII letter or as `€` (0x80), putting the decoder back in step at
 * once. Nothing but that one character shows: `漸u減少` for 漸漸減少 (漸 = 9D 75), `一€起落架`
 * for 一個起落架 (個 = 82 80). The character is read back among those with that trail, from its
 * neighbours, only when the model prefers one clearly and the reading beats the text as shown by
 * far more than a lone Latin letter among Chinese ever does in clean text (`X光`, `卡拉OK` have
 * neighbours the model knows).
 */

/** Minimum gain of the character model (nats) over the text as shown, the channel's price included. */
const MIN_GAIN = 8;
/** The guessed character must beat every other candidate by this much (nats). */
const MARGIN = 2;


export function loneTrails(v: string, table: DbcsTable, lm: CharLanguageModel): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 1; i + 1 < v.length; i++) {
    const c = v.charCodeAt(i);
    // Lower-case letters only: ASCII symbols between Chinese words are separators of data and
    // code (`日曜日_月曜日`), and a capital among Chinese is most often an abbreviation (`T型`,
    // `X光`, `A股`): both far likelier as written than as the trail of a lost character.
    if (!((c >= 0x61 && c <= 0x7a) || c === 0x20ac)) continue;
    if (!isChinese(v.charCodeAt(i - 1)) || !isChinese(v.charCodeAt(i + 1))) continue;
    const trail = c === 0x20ac ? 0x80 : c;
    const prev = v[i - 1];
    const next = v[i + 1];
    const score = (ch: string) => lm.bigram(prev, ch) + lm.bigram(ch, next);
    // Log-probabilities are never positive: no reading gains more than the letter's own score
    // loses, so a letter its neighbours make likely enough is not weighed further.
    const asShown = score(v[i]);
    if (asShown > -MIN_GAIN) continue;
    const g = guess(table.leadsOf(trail), score, lm);
    if (!g || g.margin < MARGIN) continue;
    const gain = score(g.ch) - asShown;
    if (gain < MIN_GAIN) continue;
    found.push({
      gain,
      prior: 0,
      reading: g.ch,
      run: {
        start: i,
        end: i + 1,
        out: g.ch,
        lossy: false,
        plan: [`encode gbk (${v[i]} → ${hex(trail)})`, `lost lead byte before ${hex(trail)}: restored as ${hex(g.byte)}`, 'decode gbk in step'],
        confidence: Math.min(0.99, 0.5 + gain / 60),
      },
    });
  }
  return found;
}

function isChinese(cp: number): boolean {
  return isHan(cp) || isCjkPunct(cp);
}
