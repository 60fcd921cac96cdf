import type { DbcsTable } from '../../codec/gbkTable';
import type { CharLanguageModel } from '../../model/charLanguageModel';
import { isCjkPunct, isHan } from '../../text/chars';
import { lazyLoneRun, weighLost, type Candidate } from './silentGuesses';
import { hexByte as hex } from '../../codec/hexByte';

/**
 * The shortest misaligned run: a character lost its lead byte, and its trail, met in lead
 * position, was read as ASCII (0x40–0x7E) or as `€` (0x80), putting the decoder back in step at
 * once. Nothing but that one character shows: `漸u減少` for 漸漸減少 (漸 = 9D 75), `一€起落架`
 * for 一個起落架 (個 = 82 80), `會O置` for 會設置. The letter is weighed as the channel made it:
 * the likelihood that some character with that trail was lost there (summed over all of them)
 * against the letter as written. A letter that reads far better as a lost character is a run;
 * its character is written when the model prefers one clearly (silentGuesses.ts: rereadLone, with
 * the word model), else it is shown as U+FFFD and
 * the span is marked lossy. Capitals, which Chinese text also writes between characters (`X光`,
 * `A股`), need more evidence, Han on both sides, and must not recur close by. ASCII symbols are
 * left as they are: technical text names them between characters (`使用@前缀`, `日曜日_月曜日`).
 */

/** Minimum gain of the character model (nats) over the text as shown, the channel's price included. */
const MIN_GAIN = 8;
/**
 * The same for a capital, which Chinese text writes between characters more often (`A股`, `T型`).
 * Calibrated on the tuning splits: the precision corpus's tune split stays untouched down to 8
 * (6 for a lower-case letter), and 2 nats more are kept in hand.
 */
const MIN_GAIN_CAPITAL = 10;
/** ln of the most leads a trail has: how far the sum over them can exceed the best one. */
const LOG_LEADS = Math.log(126);


export function loneTrails(v: string, table: DbcsTable, lm: CharLanguageModel): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 1; i + 1 < v.length; i++) {
    const c = v.charCodeAt(i);
    const lower = (c >= 0x61 && c <= 0x7a) || c === 0x20ac;
    // ASCII symbols are left: Chinese technical text names them between characters (`使用@前缀`).
    const other = c >= 0x41 && c <= 0x5a;
    if (!lower && !other) continue;
    if (!isChinese(v.charCodeAt(i - 1)) || !isChinese(v.charCodeAt(i + 1))) continue;
    // A capital: only between two Han characters, and not one the text writes again close by, as
    // a format (`YYYY年M月D日`) or a name recurs.
    if (other && (!isHan(v.charCodeAt(i - 1)) || !isHan(v.charCodeAt(i + 1)) || recurs(v, i))) continue;
    const trail = c === 0x20ac ? 0x80 : c;
    const prev = v[i - 1];
    const next = v[i + 1];
    const score = (ch: string) => lm.bigram(prev, ch) + lm.bigram(ch, next);
    // Log-probabilities are never positive: the sum over the leads is at most their number times
    // the best, so a letter its neighbours make likely enough is not weighed further.
    const asShown = score(v[i]);
    const minGain = lower ? MIN_GAIN : MIN_GAIN_CAPITAL;
    if (asShown + LOG_LEADS > -minGain) continue;
    const lost = weighLost(table.leadsOf(trail), score, lm);
    if (!lost) continue;
    const gain = lost.logSum - asShown;
    if (gain < minGain) continue;
    const g = lost.best;
    const options = table.leadsOf(trail);
    found.push({
      gain,
      prior: 0,
      reading: g.ch,
      // What is written is worked out once the run is kept, with the word model (rereadLone).
      run: lazyLoneRun(i, options, v, lm, g, gain, (r) => [
        `encode gbk (${v[i]} → ${hex(trail)})`,
        `lost lead byte before ${hex(trail)}: ${r ? `restored as ${hex(r.byte)}` : 'not recoverable, kept as U+FFFD'}`,
        'decode gbk in step',
      ]),
    });
  }
  return found;
}

/** Characters on each side looked at for the same ASCII character again. */
const RECUR_NEIGHBOURHOOD = 40;

function recurs(v: string, i: number): boolean {
  const c = v[i];
  const from = Math.max(0, i - RECUR_NEIGHBOURHOOD);
  const to = Math.min(v.length, i + RECUR_NEIGHBOURHOOD + 1);
  const before = v.lastIndexOf(c, i - 1);
  const after = v.indexOf(c, i + 1);
  return (before >= from) || (after >= 0 && after < to);
}

function isChinese(cp: number): boolean {
  return isHan(cp) || isCjkPunct(cp);
}
